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

/// Where a token's norm and lemma live while the post's string buffer grows.
struct TokenText {
    uint32_t norm_off = 0, norm_len = 0;
    uint32_t lemma_off = 0, lemma_len = 0;
    const char* lemma_static = nullptr;  // set when the lemma is static data
    const void* norm_key = nullptr;      // ContextScopes keys, when keyed
    const void* lemma_key = nullptr;
    bool keyed = false;
};

}  // namespace

PostAnalysis Analyzer::analyze_post(std::string_view text) const {
    if (text.size() >= std::numeric_limits<uint32_t>::max())
        throw std::runtime_error("forumkb: a post of 4 GiB or more cannot be analyzed");
    const Impl& m = *impl_;
    PostAnalysis out;
    thread_local NormalizedText norm;
    m.normalizer.normalize(text, false, norm);
    const std::string_view nt = norm.text;
    const bool ascii = is_ascii(nt);

    thread_local std::vector<fkb_span> nsent;
    m.splitter.split(nt, nsent);
    out.sentences.reserve(nsent.size());

    thread_local std::vector<RawToken> raw;  // tokens of one sentence
    thread_local std::vector<TokenText> tt;
    thread_local std::vector<fkb_span> nspan;  // normalized span of each token
    thread_local std::vector<ScopeToken> st;
    thread_local detail::WordCache cache;
    // The buffer of norms and lemmas starts with the normalized text
    // lower-cased in ASCII: the norm of an ASCII token is its own range
    // there (ASCII case folding is lower-casing); other norms, and lemmas
    // that are not a prefix of their norm, are appended.
    // kPad zero bytes follow the lower-cased copy, so the word cache may
    // read its norms eight bytes at a time.
    std::string buf;
    buf.reserve(nt.size() + nt.size() / 2 + 16 + detail::WordCache::kPad);
    buf.resize(nt.size() + detail::WordCache::kPad);
    {
        char* d = buf.data();
        const char* src = nt.data();
        const size_t len = nt.size();
        for (size_t k = 0; k < len; ++k) {
            const char c = src[k];
            d[k] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 32 : 0));
        }
    }
    out.tokens.clear();
    out.tokens.reserve(nt.size() / 4 + 8);
    tt.clear();
    nspan.clear();

    // Sentence by sentence, while its bytes are in cache: tokens, then
    // their norms and lemmas, then the scopes.
    for (uint32_t si = 0; si < nsent.size(); ++si) {
        const fkb_span ns = nsent[si];
        const bool sa = ascii || is_ascii(nt.substr(ns.start, ns.end - ns.start));
        raw.clear();
        Tokenizer::tokenize(nt, ns.start, ns.end, raw, sa ? Tokenizer::Path::ascii : Tokenizer::Path::icu);
        out.sentences.push_back(norm.to_original(ns.start, ns.end));

        // Norms and lemmas into one buffer. Tokens that come from the same
        // original characters ("…" normalized to "...", "—" to "--")
        // become one token, so tokens never overlap in the original text.
        const uint32_t first = static_cast<uint32_t>(out.tokens.size());
        for (const RawToken& r : raw) {
            std::string_view surface = nt.substr(r.start, r.end - r.start);
            const fkb_span o = norm.to_original(r.start, r.end);
            if (out.tokens.size() > first && out.tokens.back().start == o.start && out.tokens.back().end == o.end) {
                TokenText& p = tt.back();
                if (p.norm_off + p.norm_len != buf.size() || p.lemma_static || p.lemma_off != p.norm_off) {
                    std::string prev(buf, p.norm_off, p.norm_len);
                    p.norm_off = static_cast<uint32_t>(buf.size());
                    buf.append(prev);
                }
                m.normalizer.fold(surface, buf);
                p.norm_len = static_cast<uint32_t>(buf.size()) - p.norm_off;
                p.lemma_static = nullptr;
                p.keyed = false;
                p.lemma_off = p.norm_off;
                p.lemma_len = p.norm_len;
                nspan.back().end = r.end;
                continue;
            }
            TokenText& x = tt.emplace_back();
            bool padded = false;  // the norm lies in the padded lower-cased copy
            if (sa || is_ascii(surface)) {
                x.norm_off = r.start;
                x.norm_len = r.end - r.start;
                padded = true;
            } else {
                x.norm_off = static_cast<uint32_t>(buf.size());
                m.normalizer.fold(surface, buf);
                x.norm_len = static_cast<uint32_t>(buf.size()) - x.norm_off;
            }
            x.lemma_off = x.norm_off;
            x.lemma_len = x.norm_len;
            const bool word = (r.flags & FKB_TOKEN_WORD) != 0;
            const std::string_view n(buf.data() + x.norm_off, x.norm_len);
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
            });
            if (word || wi) {
                const Lemma l = wi ? wi->lemma : m.lemmatizer.lemma(n);
                if (!l.whole.empty()) {
                    x.lemma_static = l.whole.data();
                    x.lemma_len = static_cast<uint32_t>(l.whole.size());
                } else if (l.suffix.empty()) {
                    x.lemma_len = l.keep;
                } else {
                    x.lemma_off = static_cast<uint32_t>(buf.size());
                    buf.reserve(buf.size() + l.keep + l.suffix.size());  // so appending buf to itself cannot reallocate
                    buf.append(buf.data() + x.norm_off, l.keep);
                    buf.append(l.suffix);
                    x.lemma_len = static_cast<uint32_t>(buf.size()) - x.lemma_off;
                }
            }
            if (wi) {
                x.keyed = true;
                x.norm_key = wi->keys.norm;
                x.lemma_key = wi->keys.lemma;
            }
            fkb_token& t = out.tokens.emplace_back();
            t.start = o.start;
            t.end = o.end;
            t.flags = r.flags;
            t.sentence = si;
            nspan.push_back(fkb_span{r.start, r.end});
        }

        // Scopes of the sentence; the views into buf are good until the
        // next sentence appends to it.
        const uint32_t e = static_cast<uint32_t>(out.tokens.size());
        st.resize(e - first);
        const char* const bd = buf.data();
        for (uint32_t i = first; i < e; ++i) {
            const fkb_token& t = out.tokens[i];
            const TokenText& x = tt[i];
            ScopeToken& y = st[i - first];
            y.norm = std::string_view(bd + x.norm_off, x.norm_len);
            y.lemma = std::string_view(x.lemma_static ? x.lemma_static : bd + x.lemma_off, x.lemma_len);
            y.start = t.start;
            y.end = t.end;
            y.flags = t.flags;
            y.keyed = x.keyed;
            y.norm_key = x.norm_key;
            y.lemma_key = x.lemma_key;
            const fkb_span r = nspan[i];
            y.spaced_dash = y.norm == "--";
            if (y.norm == "-") {
                const bool space_before = r.start == 0 || is_blank(nt[r.start - 1]);
                const bool space_after = r.end >= nt.size() || is_blank(nt[r.end]);
                const bool double_dash = (r.start > 0 && nt[r.start - 1] == '-') || (r.end < nt.size() && nt[r.end] == '-');
                y.spaced_dash = (space_before && space_after) || double_dash;
            }
        }
        m.scopes.find(st.data(), st.size(), si, out.sentences[si], out.scopes, out.strings);
    }
    const std::string& b = out.strings.emplace_back(std::move(buf));
    for (uint32_t i = 0; i < out.tokens.size(); ++i) {
        const TokenText& x = tt[i];
        out.tokens[i].norm = fkb_str{b.data() + x.norm_off, x.norm_len};
        out.tokens[i].lemma = fkb_str{x.lemma_static ? x.lemma_static : b.data() + x.lemma_off, x.lemma_len};
    }
    std::stable_sort(out.scopes.begin(), out.scopes.end(), [](const fkb_scope& x, const fkb_scope& y) {
        if (x.scope.start != y.scope.start) return x.scope.start < y.scope.start;
        if (x.trigger.start != y.trigger.start) return x.trigger.start < y.trigger.start;
        return x.kind < y.kind;
    });
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
