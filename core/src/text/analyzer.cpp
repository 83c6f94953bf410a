// The text Analyzer: normalizes a post (keeping an offset map), splits it
// into sentences, cuts tokens with norms and lemmas, finds the context
// scopes of every sentence, and maps every span back onto the original
// bytes; across a thread it also finds the spans that repeat earlier posts.
// Pure ASCII posts take the fast paths end to end; ICU runs only on lines
// and sentences that hold non-ASCII text.
#include <forumkb/text/analyzer.hpp>
#include <forumkb/text/context_scopes.hpp>
#include <forumkb/text/lemmatizer.hpp>
#include <forumkb/text/normalizer.hpp>
#include <forumkb/text/quote_finder.hpp>
#include <forumkb/text/sentence_splitter.hpp>
#include <forumkb/text/tokenizer.hpp>

#include "byte_scan.hpp"
#include "word_cache.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace fkb::text {

struct Analyzer::Impl {
    Normalizer normalizer;
    SentenceSplitter splitter;
    Lemmatizer lemmatizer;
    ContextScopes scopes;
    QuoteFinder quotes;
    uint64_t id = 0;  // tells this analyzer's word cache entries apart
};

namespace {
std::atomic<uint64_t> g_analyzer_ids{0};
}  // namespace

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) { impl_->id = ++g_analyzer_ids; }

Analyzer::~Analyzer() = default;

namespace {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Whether a token of norm `n` at normalized bytes [a, b) of `nt` is a
/// spaced dash: "--", or a "-" with blanks around it or next to another "-".
inline bool spaced_dash(std::string_view n, std::string_view nt, uint32_t a, uint32_t b) {
    if (n.empty() || n[0] != '-') return false;
    if (n == "--") return true;
    if (n.size() != 1) return false;
    const bool space_before = a == 0 || is_blank(nt[a - 1]);
    const bool space_after = b >= nt.size() || is_blank(nt[b]);
    const bool double_dash = (a > 0 && nt[a - 1] == '-') || (b < nt.size() && nt[b] == '-');
    return (space_before && space_after) || double_dash;
}

/// The order of a post's scopes.
inline bool scope_before(const fkb_scope& x, const fkb_scope& y) {
    if (x.scope.start != y.scope.start) return x.scope.start < y.scope.start;
    if (x.trigger.start != y.trigger.start) return x.trigger.start < y.trigger.start;
    return x.kind < y.kind;
}

}  // namespace

PostAnalysis Analyzer::analyze_post(std::string_view text) const {
    if (text.size() >= std::numeric_limits<uint32_t>::max())
        throw std::runtime_error("forumkb: a post of 4 GiB or more cannot be analyzed");
    const Impl& m = *impl_;
    PostAnalysis out;
    thread_local NormalizedText norm;
    m.normalizer.normalize(text, false, norm);
    const std::string_view nt = norm.text;
    const bool identity = norm.identity();  // the post was ASCII
    const bool ascii = identity || is_ascii(nt);

    thread_local std::vector<fkb_span> nsent;
    m.splitter.split(nt, ascii, nsent);
    out.sentences.reserve(nsent.size());
    // Forum sentences hold about two scopes (growing the vector from empty
    // was a tenth of the scope finder's instructions).
    out.scopes.reserve(2 * nsent.size() + 4);

    thread_local std::vector<RawToken> raw;  // tokens of one sentence
    thread_local std::vector<ScopeToken> st;
    thread_local std::string folded;
    thread_local detail::WordCache cache;
    // The buffer of norms and lemmas starts with the normalized text
    // lower-cased in ASCII: the norm of an ASCII token is its own range
    // there (ASCII case folding is lower-casing); other norms, and lemmas
    // that are not a prefix of their norm, are appended. kPad zero bytes
    // follow the lower-cased copy, so the word cache may read its norms
    // eight bytes at a time. It lives in out.strings from the start, so
    // tokens point into it as they are made; `room` keeps those pointers
    // good when an append needs a larger buffer.
    std::string& buf = out.strings.emplace_back();
    buf.reserve(nt.size() + nt.size() / 2 + 16 + detail::WordCache::kPad);
    buf.resize(nt.size() + detail::WordCache::kPad);
    {
        char* d = buf.data();
        const char* src = nt.data();
        const size_t len = nt.size();
        size_t k = 0;
        for (; k + 8 <= len; k += 8) {  // eight bytes at a time: 0x20 added to each capital
            const uint64_t w = detail::load8(src + k);
            const uint64_t up = detail::bytes_in_range(w, 'A', 'Z') >> 2;  // bit 5 of each capital
            const uint64_t l = w | up;
            std::memcpy(d + k, &l, 8);
        }
        for (; k < len; ++k) {
            const char c = src[k];
            d[k] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 32 : 0));
        }
    }
    out.tokens.reserve(nt.size() / 4 + 8);
    // A sentence's tokens are made in a scratch array that only grows (so
    // it is not cleared for every sentence), then appended to out.tokens.
    thread_local std::vector<fkb_token> scratch;
    size_t n_tok = 0;  // tokens of the current sentence, in scratch
    size_t n_st = 0;   // scope tokens of the current sentence
    auto room = [&](size_t extra) {
        if (buf.size() + extra <= buf.capacity()) return;
        const uintptr_t old = reinterpret_cast<uintptr_t>(buf.data());
        const size_t old_size = buf.size();
        buf.reserve(std::max(buf.capacity() * 2, buf.size() + extra));
        const uintptr_t now = reinterpret_cast<uintptr_t>(buf.data());
        auto fix = [&](const char* p) {  // static lemmas lie outside the old buffer
            const uintptr_t v = reinterpret_cast<uintptr_t>(p);
            return v - old <= old_size ? reinterpret_cast<const char*>(now + (v - old)) : p;
        };
        for (fkb_token& t : out.tokens) {
            t.norm.ptr = fix(t.norm.ptr);
            t.lemma.ptr = fix(t.lemma.ptr);
        }
        for (size_t i = 0; i < n_tok; ++i) {
            scratch[i].norm.ptr = fix(scratch[i].norm.ptr);
            scratch[i].lemma.ptr = fix(scratch[i].lemma.ptr);
        }
        for (size_t i = 0; i < n_st; ++i) {
            st[i].norm = std::string_view(fix(st[i].norm.data()), st[i].norm.size());
            st[i].lemma = std::string_view(fix(st[i].lemma.data()), st[i].lemma.size());
        }
    };
    auto append_folded = [&](std::string_view surface) {  // returns where the fold starts in buf
        folded.clear();
        m.normalizer.fold(surface, folded);
        room(folded.size());
        const size_t at = buf.size();
        buf.append(folded);
        return at;
    };

    // Sentence by sentence, while its bytes are in cache: tokens with their
    // norms, lemmas and trigger keys, then the scopes.
    for (uint32_t si = 0; si < nsent.size(); ++si) {
        const fkb_span ns = nsent[si];
        const bool sa = ascii || is_ascii(nt.substr(ns.start, ns.end - ns.start));
        raw.clear();
        Tokenizer::tokenize(nt, ns.start, ns.end, raw, sa ? Tokenizer::Path::ascii : Tokenizer::Path::detect);
        out.sentences.push_back(norm.to_original(ns.start, ns.end));
        if (st.size() < raw.size()) st.resize(raw.size());
        ScopeToken* const sy = st.data();  // (through the vector, every store would reload its data pointer)
        n_st = 0;

        // The sentence's tokens are written through a pointer into the
        // scratch array, sized for the most there can be.
        if (scratch.size() < raw.size()) scratch.resize(raw.size());
        fkb_token* const tok = scratch.data();
        n_tok = 0;
        uint32_t last_start = 0;  // normalized start of the last token
        for (const RawToken& r : raw) {
            const fkb_span o = identity ? fkb_span{r.start, r.end} : norm.to_original(r.start, r.end);
            if (!identity && n_tok > 0 && tok[n_tok - 1].start == o.start && tok[n_tok - 1].end == o.end) {
                // Tokens that come from the same original characters ("…"
                // normalized to "...", "—" to "--") become one token, so
                // tokens never overlap in the original text.
                fkb_token& p = tok[n_tok - 1];
                const std::string_view surface = nt.substr(r.start, r.end - r.start);
                size_t at = static_cast<size_t>(p.norm.ptr - buf.data());
                if (at + p.norm.len != buf.size() || p.lemma.ptr != p.norm.ptr) {
                    room(p.norm.len);
                    at = static_cast<size_t>(p.norm.ptr - buf.data());
                    const size_t len = p.norm.len;
                    buf.append(buf.data() + at, len);  // room() made space: no reallocation
                    at = buf.size() - len;
                }
                append_folded(surface);
                const std::string_view n(buf.data() + at, buf.size() - at);
                p.norm = p.lemma = fkb_str{n.data(), n.size()};
                ScopeToken& y = sy[n_st - 1];
                y.norm = y.lemma = n;
                y.keys = m.scopes.keys(n, n);
                y.spaced_dash = spaced_dash(n, nt, last_start, r.end);
                continue;
            }
            bool padded = true;  // the norm lies in the padded lower-cased copy
            std::string_view n;
            if (sa || is_ascii(nt.substr(r.start, r.end - r.start))) {
                n = std::string_view(buf.data() + r.start, r.end - r.start);
            } else {
                padded = false;
                const size_t at = append_folded(nt.substr(r.start, r.end - r.start));
                n = std::string_view(buf.data() + at, buf.size() - at);
            }
            const bool word = (r.flags & FKB_TOKEN_WORD) != 0;
            const detail::WordInfo* wi = cache.get(m.id, n, word, padded, [&](detail::WordInfo& w) {
                w.lemma = word ? m.lemmatizer.lemma(n) : Lemma{{}, static_cast<uint32_t>(n.size()), {}};
                char tmp[detail::WordCache::kMaxLen + 16];
                std::string_view ls = w.lemma.whole;
                if (ls.empty()) {
                    std::memcpy(tmp, n.data(), w.lemma.keep);
                    std::memcpy(tmp + w.lemma.keep, w.lemma.suffix.data(), w.lemma.suffix.size());
                    ls = std::string_view(tmp, w.lemma.keep + w.lemma.suffix.size());
                }
                w.keys = m.scopes.keys(n, ls);
                w.form = !w.lemma.whole.empty() ? detail::WordInfo::kStatic
                         : w.lemma.suffix.empty() ? detail::WordInfo::kPrefix
                                                  : detail::WordInfo::kSuffixed;
                w.dash = n[0] == '-';
            });
            fkb_token& t = tok[n_tok++];
            t.start = o.start;
            t.end = o.end;
            t.flags = r.flags;
            t.sentence = si;
            t.norm = fkb_str{n.data(), n.size()};
            ScopeToken& y = sy[n_st++];
            y.norm = n;
            y.start = o.start;
            y.end = o.end;
            y.flags = r.flags;
            y.keyed = true;
            if (wi && wi->form == detail::WordInfo::kPrefix) {  // the common case
                y.lemma = std::string_view(n.data(), wi->lemma.keep);
                y.keys = wi->keys;
                y.spaced_dash = wi->dash && spaced_dash(n, nt, r.start, r.end);
            } else {
                const Lemma l = wi ? wi->lemma : word ? m.lemmatizer.lemma(n) : Lemma{{}, static_cast<uint32_t>(n.size()), {}};
                if (!l.whole.empty()) {
                    y.lemma = l.whole;
                } else if (l.suffix.empty()) {
                    y.lemma = n.substr(0, l.keep);
                } else {
                    room(l.keep + l.suffix.size());
                    const char* np = t.norm.ptr;  // after room(): moved with the buffer
                    const size_t at = buf.size();
                    buf.append(np, l.keep);  // room() made space: no reallocation
                    buf.append(l.suffix);
                    y.norm = std::string_view(np, n.size());
                    y.lemma = std::string_view(buf.data() + at, buf.size() - at);
                }
                y.keys = wi ? wi->keys : m.scopes.keys(y.norm, y.lemma);
                y.spaced_dash = spaced_dash(y.norm, nt, r.start, r.end);
            }
            t.lemma = fkb_str{y.lemma.data(), y.lemma.size()};
            last_start = r.start;
        }
        out.tokens.insert(out.tokens.end(), tok, tok + n_tok);
        n_tok = 0;
        const size_t scopes_before = out.scopes.size();
        m.scopes.find(st.data(), n_st, si, out.sentences[si], out.scopes, out.strings);
        // Scopes in order of start, trigger and kind. A sentence's scopes
        // lie inside it and sentences come in order, so sorting each
        // sentence's few scopes (a stable insertion sort) sorts them all.
        fkb_scope* const sc = out.scopes.data();
        for (size_t i = scopes_before + 1; i < out.scopes.size(); ++i) {
            const fkb_scope x = sc[i];
            size_t j = i;
            for (; j > scopes_before && scope_before(x, sc[j - 1]); --j) sc[j] = sc[j - 1];
            sc[j] = x;
        }
    }
    return out;
}

std::vector<PostAnalysis> Analyzer::analyze_thread(const Thread& thread) const {
    std::vector<PostAnalysis> out;
    out.reserve(thread.posts.size());
    std::vector<std::string_view> texts;
    texts.reserve(thread.posts.size());
    for (const auto& p : thread.posts) {
        out.push_back(analyze_post(p.text));
        texts.push_back(p.text);
    }
    impl_->quotes.find(texts, out);
    return out;
}

}  // namespace fkb::text
