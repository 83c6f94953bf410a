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

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace fkb::text {

struct Analyzer::Impl {
    Normalizer normalizer;
    SentenceSplitter splitter;
    Lemmatizer lemmatizer;
    ContextScopes scopes;
    QuoteFinder quotes;
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}

Analyzer::~Analyzer() = default;

namespace {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Where a token's norm and lemma live while the post's string buffer grows.
struct TokenText {
    uint32_t norm_off = 0, norm_len = 0;
    uint32_t lemma_off = 0, lemma_len = 0;
    const char* lemma_static = nullptr;  // set when the lemma is static data
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

    thread_local std::vector<RawToken> raw;
    thread_local std::vector<TokenText> tt;
    raw.clear();
    tt.clear();
    std::string buf;
    buf.reserve(nt.size() + nt.size() / 2 + 16);
    std::vector<uint32_t> first_token(nsent.size() + 1);
    for (uint32_t si = 0; si < nsent.size(); ++si) {
        first_token[si] = static_cast<uint32_t>(raw.size());
        Tokenizer::tokenize(nt, nsent[si].start, nsent[si].end, raw,
                            ascii ? Tokenizer::Path::ascii : Tokenizer::Path::detect);
        out.sentences.push_back(norm.to_original(nsent[si].start, nsent[si].end));
    }
    first_token[nsent.size()] = static_cast<uint32_t>(raw.size());

    // Norms and lemmas into one buffer.
    out.tokens.resize(raw.size());
    tt.resize(raw.size());
    uint32_t si = 0;
    for (uint32_t i = 0; i < raw.size(); ++i) {
        while (i >= first_token[si + 1]) ++si;
        const RawToken& r = raw[i];
        std::string_view surface = nt.substr(r.start, r.end - r.start);
        TokenText& x = tt[i];
        x.norm_off = static_cast<uint32_t>(buf.size());
        if (ascii) {
            for (char c : surface) buf.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
        } else {
            m.normalizer.fold(surface, buf);
        }
        x.norm_len = static_cast<uint32_t>(buf.size()) - x.norm_off;
        x.lemma_off = x.norm_off;
        x.lemma_len = x.norm_len;
        if (r.flags & FKB_TOKEN_WORD) {
            std::string_view n(buf.data() + x.norm_off, x.norm_len);
            Lemma l = m.lemmatizer.lemma(n);
            if (!l.whole.empty()) {
                x.lemma_static = l.whole.data();
                x.lemma_len = static_cast<uint32_t>(l.whole.size());
            } else if (l.suffix.empty()) {
                x.lemma_len = l.keep;
            } else {
                x.lemma_off = static_cast<uint32_t>(buf.size());
                std::string lemma(buf, x.norm_off, l.keep);  // appending buf to itself may reallocate
                lemma.append(l.suffix);
                buf.append(lemma);
                x.lemma_len = static_cast<uint32_t>(buf.size()) - x.lemma_off;
            }
        }
        fkb_token& t = out.tokens[i];
        fkb_span o = norm.to_original(r.start, r.end);
        t.start = o.start;
        t.end = o.end;
        t.flags = r.flags;
        t.sentence = si;
    }
    const std::string& b = out.strings.emplace_back(std::move(buf));
    for (uint32_t i = 0; i < raw.size(); ++i) {
        const TokenText& x = tt[i];
        out.tokens[i].norm = fkb_str{b.data() + x.norm_off, x.norm_len};
        out.tokens[i].lemma = fkb_str{x.lemma_static ? x.lemma_static : b.data() + x.lemma_off, x.lemma_len};
    }

    // Scopes, sentence by sentence.
    thread_local std::vector<ScopeToken> st;
    for (uint32_t s = 0; s < nsent.size(); ++s) {
        const uint32_t a = first_token[s], e = first_token[s + 1];
        st.resize(e - a);
        for (uint32_t i = a; i < e; ++i) {
            const fkb_token& t = out.tokens[i];
            ScopeToken& y = st[i - a];
            y.norm = std::string_view(t.norm.ptr, t.norm.len);
            y.lemma = std::string_view(t.lemma.ptr, t.lemma.len);
            y.start = t.start;
            y.end = t.end;
            y.flags = t.flags;
            const RawToken& r = raw[i];
            y.spaced_dash = false;
            if (y.norm == "-") {
                const bool space_before = r.start == 0 || is_blank(nt[r.start - 1]);
                const bool space_after = r.end >= nt.size() || is_blank(nt[r.end]);
                const bool double_dash = (r.start > 0 && nt[r.start - 1] == '-') || (r.end < nt.size() && nt[r.end] == '-');
                y.spaced_dash = (space_before && space_after) || double_dash;
            }
        }
        m.scopes.find(st.data(), st.size(), s, out.sentences[s], out.scopes, out.strings);
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
