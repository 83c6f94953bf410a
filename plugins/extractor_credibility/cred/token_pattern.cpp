// Compiling and matching token patterns; the language is described in
// token_pattern.hpp. Matching is backtracking over a sentence's words with
// continuations, which is plenty for patterns of a dozen items over
// sentences of a few dozen words.
#include "cred/token_pattern.hpp"

#include "cred/tsv.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace fkb::cred {

namespace {

enum class Kind { Lit, Class, Gap, Num, CapWords, Bos, Eos, EvOpen, EvClose, Group };

struct Item {
    Kind kind = Kind::Lit;
    bool optional = false;
    int capture = -1;  // $n - 1, or -1
    std::vector<std::vector<std::string>> alts;
    const PhraseSet* cls = nullptr;
    int gap = 0;
    std::vector<Item> sub;
};

struct State {
    size_t ev_begin = SIZE_MAX, ev_end = SIZE_MAX;
    std::vector<std::string> caps;
    const Phrase* lexical = nullptr;
};

using Cont = std::function<bool(size_t, State)>;

bool is_punct_chunk(std::string_view s) {
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '+' || c == '/') return false;
    return !s.empty();
}

}  // namespace

struct TokenPattern::Impl {
    std::string source;
    std::vector<Item> items;
    int n_caps = 0;
    const Lexicon* lex = nullptr;
    const PhraseSet* negator = nullptr;
    const PhraseSet* clause_break = nullptr;
    const PhraseSet* stopword = nullptr;
    const PhraseSet* number_word = nullptr;

    // ---------------------------------------------------------- compiling

    [[noreturn]] void fail(const std::string& why) const {
        throw PatternError("pattern '" + source + "': " + why);
    }

    std::vector<std::string> lex_chunks() const {
        std::vector<std::string> out;
        for (auto chunk : split_list(source, ' ')) {
            std::string c(chunk);
            while (!c.empty() && (c.front() == '[' || c.front() == '(')) {
                out.emplace_back(1, c.front());
                c.erase(0, 1);
            }
            std::vector<std::string> tail;
            for (;;) {
                if (c.size() >= 2 && c.compare(c.size() - 2, 2, ")?") == 0) {
                    tail.insert(tail.begin(), ")?");
                    c.erase(c.size() - 2);
                } else if (!c.empty() && (c.back() == ']' || c.back() == ')')) {
                    tail.insert(tail.begin(), std::string(1, c.back()));
                    c.pop_back();
                } else {
                    break;
                }
            }
            if (!c.empty()) out.push_back(c);
            for (auto& t : tail) out.push_back(t);
        }
        return out;
    }

    const PhraseSet* need_class(std::string_view name) const {
        const PhraseSet* c = lex->word_class(name);
        if (!c) fail("unknown word class @" + std::string(name));
        return c;
    }

    Item atom(std::string tok) {
        Item it;
        if (tok.size() > 1 && tok.back() == '?' && tok != "?") {
            it.optional = true;
            tok.pop_back();
        }
        if (tok == "^") {
            it.kind = Kind::Bos;
        } else if (tok == "$") {
            it.kind = Kind::Eos;
        } else if (tok == "#") {
            it.kind = Kind::Num;
        } else if (tok[0] == '~') {
            it.kind = Kind::Gap;
            if (tok.size() < 2 || tok.find_first_not_of("0123456789", 1) != std::string::npos) fail("bad gap '" + tok + "'");
            it.gap = std::stoi(tok.substr(1));
        } else if (tok[0] == '@') {
            it.kind = Kind::Class;
            it.cls = need_class(tok.substr(1));
        } else if (tok[0] == '{') {
            bool opt = it.optional;
            if (tok.back() != '}' || tok.size() < 3) fail("unclosed capture '" + tok + "'");
            std::string in = tok.substr(1, tok.size() - 2);
            if (in == "cap") {
                it.kind = Kind::CapWords;
            } else {
                it = atom(in);
                if (it.optional) fail("write {x}? rather than {x?}");
            }
            it.capture = n_caps++;
            it.optional = opt;
        } else {
            it.kind = Kind::Lit;
            for (auto alt : split_list(tok, '|')) {
                if (alt.size() > 1 && (alt[0] == '{' || alt[0] == '@' || alt[0] == '~' || alt[0] == '#'))
                    fail("'" + std::string(alt) + "' cannot be one alternative of '" + tok + "': use a group");
                std::vector<std::string> words;
                if (is_punct_chunk(alt)) {
                    words.emplace_back(alt);
                } else {
                    for (auto w : split_list(alt, '_')) words.emplace_back(w);
                }
                if (words.empty()) fail("empty alternative in '" + tok + "'");
                it.alts.push_back(std::move(words));
            }
            if (it.alts.empty()) fail("empty item");
        }
        return it;
    }

    std::vector<Item> parse_seq(const std::vector<std::string>& toks, size_t& i, bool in_group) {
        std::vector<Item> seq;
        while (i < toks.size()) {
            const std::string& t = toks[i];
            if (t == ")" || t == ")?") {
                if (!in_group) fail("')' without '('");
                return seq;
            }
            ++i;
            if (t == "(") {
                Item g;
                g.kind = Kind::Group;
                g.sub = parse_seq(toks, i, true);
                if (i >= toks.size()) fail("'(' without ')'");
                g.optional = toks[i] == ")?";
                ++i;
                if (g.sub.empty()) fail("empty group");
                seq.push_back(std::move(g));
            } else if (t == "[") {
                Item e;
                e.kind = Kind::EvOpen;
                seq.push_back(e);
            } else if (t == "]") {
                Item e;
                e.kind = Kind::EvClose;
                seq.push_back(e);
            } else {
                seq.push_back(atom(t));
            }
        }
        if (in_group) fail("'(' without ')'");
        return seq;
    }

    // ---------------------------------------------------------- matching

    static bool word_is(const Word& w, const std::string& s) { return w.text == s || (!w.punct && w.lemma == s); }

    bool in(const PhraseSet* set, const Word& w) const {
        if (!set) return false;
        std::vector<Word> one{w};
        const Phrase* p = set->match(one, 0, 1);
        return p != nullptr;
    }

    bool gap_ok(const Word& w) const {
        if (w.punct) return w.text == "," || w.text == "-" || w.text == "(" || w.text == ")";
        return !in(negator, w) && !in(clause_break, w);
    }

    bool content(const Word& w) const { return !w.punct && !in(stopword, w) && !in(negator, w); }

    std::string join(const WordStream& ws, size_t a, size_t b) const {
        std::string s;
        for (size_t k = a; k < b; ++k) {
            if (!s.empty()) s.push_back(' ');
            s += ws.words[k].text;
        }
        return s;
    }

    bool seq(const WordStream& ws, size_t se, const std::vector<Item>& items, size_t i, size_t w, State st,
             const Cont& k) const {
        if (i == items.size()) return k(w, std::move(st));
        const Item& it = items[i];
        if (it.optional && one(ws, se, items, i, w, st, k)) return true;
        if (it.optional) {
            if (it.capture >= 0) st.caps[static_cast<size_t>(it.capture)].clear();
            return seq(ws, se, items, i + 1, w, std::move(st), k);
        }
        return one(ws, se, items, i, w, std::move(st), k);
    }

    bool one(const WordStream& ws, size_t se, const std::vector<Item>& items, size_t i, size_t w, State st,
             const Cont& k) const {
        const Item& it = items[i];
        const auto& W = ws.words;
        auto next = [&](size_t e, State s) {
            if (it.capture >= 0) s.caps[static_cast<size_t>(it.capture)] = join(ws, w, e);
            return seq(ws, se, items, i + 1, e, std::move(s), k);
        };
        switch (it.kind) {
            case Kind::Group:
                return seq(ws, se, it.sub, 0, w, std::move(st),
                           [&](size_t e, State s) { return seq(ws, se, items, i + 1, e, std::move(s), k); });
            case Kind::EvOpen:
                st.ev_begin = w;
                return seq(ws, se, items, i + 1, w, std::move(st), k);
            case Kind::EvClose:
                st.ev_end = w;
                return seq(ws, se, items, i + 1, w, std::move(st), k);
            case Kind::Bos: {
                size_t sb = ws.sentences[W[w < W.size() ? w : W.size() - 1].sentence].first;
                for (size_t x = sb; x < w; ++x)
                    if (!W[x].punct) return false;
                return seq(ws, se, items, i + 1, w, std::move(st), k);
            }
            case Kind::Eos:
                for (size_t x = w; x < se; ++x)
                    if (!W[x].punct) return false;
                return seq(ws, se, items, i + 1, w, std::move(st), k);
            case Kind::Lit: {
                std::vector<size_t> ends;
                for (const auto& alt : it.alts) {
                    if (alt.size() == 1 && alt[0] == "$") {  // the end of the sentence, as an alternative
                        bool end = true;
                        for (size_t x = w; x < se && end; ++x) end = W[x].punct;
                        if (end) ends.push_back(w);
                        continue;
                    }
                    if (w + alt.size() > se) continue;
                    bool ok = true;
                    for (size_t x = 0; x < alt.size() && ok; ++x) ok = word_is(W[w + x], alt[x]);
                    if (ok) ends.push_back(w + alt.size());
                }
                std::sort(ends.begin(), ends.end(), std::greater<>());
                for (size_t e : ends)
                    if (next(e, st)) return true;
                return false;
            }
            case Kind::Class: {
                const Phrase* p = it.cls->match(W, w, se);
                if (!p) return false;
                if (p->weight > 0) st.lexical = p;
                if (it.capture >= 0) {
                    State s = st;
                    s.caps[static_cast<size_t>(it.capture)] = p->label;
                    return seq(ws, se, items, i + 1, w + p->words.size(), std::move(s), k);
                }
                return next(w + p->words.size(), std::move(st));
            }
            case Kind::Num:
                if (w < se && (W[w].number || in(number_word, W[w]))) return next(w + 1, std::move(st));
                return false;
            case Kind::CapWords: {
                size_t e = w;
                while (e < se && e < w + 3 && content(W[e])) ++e;
                for (; e > w; --e)
                    if (next(e, st)) return true;
                return false;
            }
            case Kind::Gap:
                for (size_t e = w; e <= w + static_cast<size_t>(it.gap) && e <= se; ++e) {
                    if (e > w && !gap_ok(W[e - 1])) return false;
                    if (next(e, st)) return true;
                }
                return false;
        }
        return false;
    }
};

TokenPattern::TokenPattern(std::string_view source, const Lexicon& lexicon) : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.source = std::string(source);
    m.lex = &lexicon;
    m.negator = m.need_class("negator");
    m.clause_break = m.need_class("clause_break");
    m.stopword = m.need_class("stopword");
    m.number_word = m.need_class("number_word");
    auto toks = m.lex_chunks();
    if (toks.empty()) m.fail("empty pattern");
    size_t i = 0;
    m.items = m.parse_seq(toks, i, false);
    if (i != toks.size()) m.fail("')' without '('");
    int opens = 0, closes = 0;
    std::function<void(const std::vector<Item>&)> count = [&](const std::vector<Item>& v) {
        for (const auto& it : v) {
            opens += it.kind == Kind::EvOpen;
            closes += it.kind == Kind::EvClose;
            count(it.sub);
        }
    };
    count(m.items);
    if (opens > 1 || closes > 1 || opens != closes) m.fail("evidence needs one '[' and one ']', or none");
}

TokenPattern::~TokenPattern() = default;
TokenPattern::TokenPattern(TokenPattern&&) noexcept = default;
TokenPattern& TokenPattern::operator=(TokenPattern&&) noexcept = default;

size_t TokenPattern::captures() const noexcept { return static_cast<size_t>(impl_->n_caps); }
const std::string& TokenPattern::source() const noexcept { return impl_->source; }

std::optional<PatternMatch> TokenPattern::match_at(const WordStream& ws, size_t s, size_t w) const {
    const auto [sb, se] = ws.sentences.at(s);
    if (w < sb || w >= se) return std::nullopt;
    State init;
    init.caps.resize(static_cast<size_t>(impl_->n_caps));
    std::optional<PatternMatch> out;
    impl_->seq(ws, se, impl_->items, 0, w, std::move(init), [&](size_t e, State st) {
        if (e == w) return false;
        PatternMatch m;
        m.begin = w;
        m.end = e;
        m.ev_begin = st.ev_begin == SIZE_MAX ? w : st.ev_begin;
        m.ev_end = st.ev_end == SIZE_MAX ? e : st.ev_end;
        while (m.ev_begin < m.ev_end && ws.words[m.ev_begin].punct) ++m.ev_begin;
        while (m.ev_end > m.ev_begin && ws.words[m.ev_end - 1].punct) --m.ev_end;
        if (m.ev_begin == m.ev_end) return false;
        m.captures = std::move(st.caps);
        m.lexical = st.lexical;
        out = std::move(m);
        return true;
    });
    return out;
}

std::vector<PatternMatch> TokenPattern::find_all(const WordStream& ws, size_t s) const {
    std::vector<PatternMatch> out;
    const auto [sb, se] = ws.sentences.at(s);
    for (size_t w = sb; w < se;) {
        if (auto m = match_at(ws, s, w)) {
            w = m->end;
            out.push_back(std::move(*m));
        } else {
            ++w;
        }
    }
    return out;
}

}  // namespace fkb::cred
