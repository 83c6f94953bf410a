// Compiling and matching token patterns; the language is described in
// token_pattern.hpp. A pattern parses into items (words, classes, gaps,
// groups), which flatten into a program: one instruction per item, an
// optional item or group behind a Split that tries it first (greedy) and
// else jumps past it. The machine runs straight through single-outcome
// instructions and recurses only where an item can end at several places
// (alternatives of different lengths, gaps, captures of 1..3 words), so
// backtracking copies a small trivially copyable state and never allocates.
#include "cred/token_pattern.hpp"

#include "cred/tsv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <optional>

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

constexpr size_t kMaxCaptures = 6;

/// A capture: a word range, or a class phrase's label.
struct Cap {
    uint32_t begin = 0, end = 0;
    const Phrase* label = nullptr;
};

/// What a path through the program has recorded so far. Trivially
/// copyable: a choice point copies it.
struct State {
    size_t ev_begin = SIZE_MAX, ev_end = SIZE_MAX;
    std::array<Cap, kMaxCaptures> caps{};
    const Phrase* lexical = nullptr;
};

bool is_punct_chunk(std::string_view s) {
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '+' || c == '/') return false;
    return !s.empty();
}

enum class Op : uint8_t { Lit, Class, Num, CapWords, Gap, Bos, Eos, EvOpen, EvClose, Split, Match };

/// One instruction. Split tries the next instruction first, then `alt`.
struct Ins {
    Op op = Op::Match;
    int8_t capture = -1;
    uint16_t gap = 0;
    uint32_t alt = 0;  // Split: where the second branch starts; Lit: index into lits
    const PhraseSet* cls = nullptr;
};

/// The alternatives of a word item, as hashes.
struct Lits {
    std::vector<std::vector<uint64_t>> alts;
    bool end_of_sentence = false;  // "$" is one of them
    bool single = true;            // every alternative is one word
    WordBloom firsts;              // their first words: most words are ruled out by two bit tests
};

/// A word inside a gap: anything but a negator, a clause break or sentence punctuation.
bool gap_ok(const Word& w) noexcept {
    if (w.punct) return w.text.size() == 1 && (w.text[0] == ',' || w.text[0] == '-' || w.text[0] == '(' || w.text[0] == ')');
    return !w.is(kNegator | kClauseBreak);
}

bool content(const Word& w) noexcept { return !w.punct && !w.is(kStopword | kNegator); }

}  // namespace

struct TokenPattern::Impl {
    std::string source;
    std::vector<Item> items;
    std::vector<Ins> prog;
    std::vector<Lits> lits;
    int n_caps = 0;
    const Lexicon* lex = nullptr;
    bool any_start = false;        // the first word is not known in advance
    std::vector<uint64_t> firsts;  // sorted: the hashes of the words a match can start with
    std::vector<WordBloom> needs;  // per word item every match passes: its words' bits
    bool anchored = false;         // starts with ^
    bool first_is_needed = true;   // the first word item is not optional (needs[0] is the start)

    enum class First { Known, Unknown, Empty };
    /// Adds to `out` the words a match of `seq` can start with: Known when
    /// a word item every match starts through was reached, Unknown when a
    /// match may start with any word (a gap, a number, a capture, "$"),
    /// Empty when every item is optional.
    First first_words(const std::vector<Item>& seq, std::vector<uint64_t>& out) {
        for (const Item& it : seq) {
            switch (it.kind) {
                case Kind::EvOpen:
                case Kind::EvClose:
                case Kind::Bos: continue;
                case Kind::Lit:
                    for (const auto& alt : it.alts) {
                        if (alt.size() == 1 && alt[0] == "$") return First::Unknown;
                        out.push_back(word_hash(alt[0]));
                    }
                    break;
                case Kind::Class: {
                    auto f = it.cls->first_hashes();
                    out.insert(out.end(), f.begin(), f.end());
                    break;
                }
                case Kind::Group: {
                    First r = first_words(it.sub, out);
                    if (r == First::Unknown) return r;
                    if (r == First::Empty) {
                        first_is_needed = false;
                        continue;
                    }
                    break;
                }
                default: return First::Unknown;
            }
            if (!it.optional) return First::Known;
            first_is_needed = false;
        }
        return First::Empty;
    }

    /// The word items every match goes through (not optional, not in an
    /// optional group, not satisfiable by the end of the sentence).
    void collect_needs(const std::vector<Item>& seq) {
        for (const Item& it : seq) {
            if (it.optional) continue;
            if (it.kind == Kind::Group) {
                collect_needs(it.sub);
            } else if (it.kind == Kind::Lit) {
                WordBloom b;
                bool eos = false;
                for (const auto& alt : it.alts) {
                    eos |= alt.size() == 1 && alt[0] == "$";
                    b.add(word_hash(alt[0]));
                }
                if (!eos) needs.push_back(b);
            } else if (it.kind == Kind::Class) {
                WordBloom b;
                for (uint64_t h : it.cls->first_hashes()) b.add(h);
                needs.push_back(b);
            }
        }
    }
    /// Whether a sentence holding the words of `have` may hold a match.
    bool possible(const WordBloom& have) const noexcept {
        for (const WordBloom& n : needs)
            if (!n.intersects(have)) return false;
        return true;
    }

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
                {
                    std::string why = "'";
                    why.append(alt).append("' cannot be one alternative of '").append(tok).append("': use a group");
                    fail(why);
                }
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

    // ---------------------------------------------------------- flattening

    void emit(const std::vector<Item>& seq) {
        for (const Item& it : seq) {
            size_t split = 0;
            if (it.optional) {
                split = prog.size();
                prog.push_back(Ins{Op::Split});
            }
            if (it.kind == Kind::Group) {
                emit(it.sub);
            } else {
                Ins in;
                in.capture = static_cast<int8_t>(it.capture);
                switch (it.kind) {
                    case Kind::Lit: {
                        in.op = Op::Lit;
                        Lits l;
                        for (const auto& alt : it.alts) {
                            if (alt.size() == 1 && alt[0] == "$") {
                                l.end_of_sentence = true;
                                continue;
                            }
                            std::vector<uint64_t> hs;
                            for (const auto& w : alt) hs.push_back(word_hash(w));
                            l.single &= hs.size() == 1;
                            l.firsts.add(hs[0]);
                            l.alts.push_back(std::move(hs));
                        }
                        in.alt = static_cast<uint32_t>(lits.size());
                        lits.push_back(std::move(l));
                        break;
                    }
                    case Kind::Class: in.op = Op::Class; in.cls = it.cls; break;
                    case Kind::Num: in.op = Op::Num; break;
                    case Kind::CapWords: in.op = Op::CapWords; break;
                    case Kind::Gap: in.op = Op::Gap; in.gap = static_cast<uint16_t>(it.gap); break;
                    case Kind::Bos: in.op = Op::Bos; break;
                    case Kind::Eos: in.op = Op::Eos; break;
                    case Kind::EvOpen: in.op = Op::EvOpen; break;
                    case Kind::EvClose: in.op = Op::EvClose; break;
                    case Kind::Group: break;
                }
                prog.push_back(in);
            }
            if (it.optional) prog[split].alt = static_cast<uint32_t>(prog.size());
        }
    }

    // ---------------------------------------------------------- matching

    /// One match attempt: the sentence, where it started, and what to do
    /// with a complete path (return false to backtrack).
    struct Run {
        const WordStream& ws;
        const std::vector<Word>& W;
        size_t sb, se, w0;
        std::optional<PatternMatch>* out;
    };

    /// A complete path ending at word e: a match unless it is empty or its
    /// evidence is only punctuation.
    bool accept(const Run& r, size_t e, const State& st) const {
        if (e == r.w0) return false;
        PatternMatch m;
        m.begin = r.w0;
        m.end = e;
        m.ev_begin = st.ev_begin == SIZE_MAX ? r.w0 : st.ev_begin;
        m.ev_end = st.ev_end == SIZE_MAX ? e : st.ev_end;
        while (m.ev_begin < m.ev_end && r.W[m.ev_begin].punct) ++m.ev_begin;
        while (m.ev_end > m.ev_begin && r.W[m.ev_end - 1].punct) --m.ev_end;
        if (m.ev_begin == m.ev_end) return false;
        m.captures.resize(static_cast<size_t>(n_caps));
        for (size_t c = 0; c < m.captures.size(); ++c) {
            const Cap& cap = st.caps[c];
            if (cap.label) m.captures[c] = cap.label->label;
            else if (cap.end > cap.begin) m.captures[c] = join(r.ws, cap.begin, cap.end);
        }
        m.lexical = st.lexical;
        *r.out = std::move(m);
        return true;
    }

    static void set_cap(State& st, int8_t capture, size_t b, size_t e, const Phrase* label = nullptr) {
        if (capture >= 0)
            st.caps[static_cast<size_t>(capture)] = Cap{static_cast<uint32_t>(b), static_cast<uint32_t>(e), label};
    }

    bool run(const Run& r, uint32_t pc, size_t w, State st) const {
        const auto& W = r.W;
        for (;;) {
            const Ins& in = prog[pc];
            switch (in.op) {
                case Op::Match:
                    return accept(r, w, st);
                case Op::Split:
                    if (run(r, pc + 1, w, st)) return true;
                    pc = in.alt;
                    continue;
                case Op::EvOpen:
                    st.ev_begin = w;
                    ++pc;
                    continue;
                case Op::EvClose:
                    st.ev_end = w;
                    ++pc;
                    continue;
                case Op::Bos:
                    for (size_t x = r.sb; x < w; ++x)
                        if (!W[x].punct) return false;
                    ++pc;
                    continue;
                case Op::Eos:
                    for (size_t x = w; x < r.se; ++x)
                        if (!W[x].punct) return false;
                    ++pc;
                    continue;
                case Op::Num:
                    if (w >= r.se || !(W[w].number || W[w].is(kNumberWord))) return false;
                    set_cap(st, in.capture, w, w + 1);
                    ++w;
                    ++pc;
                    continue;
                case Op::Class: {
                    const Phrase* p = in.cls->match(W, w, r.se);
                    if (!p) return false;
                    if (p->weight > 0) st.lexical = p;
                    set_cap(st, in.capture, w, w + p->words.size(), p);
                    w += p->words.size();
                    ++pc;
                    continue;
                }
                case Op::Lit: {
                    const Lits& l = lits[in.alt];
                    if (!l.end_of_sentence &&
                        (w >= r.se || !(l.firsts.has(W[w].h) || (!W[w].punct && l.firsts.has(W[w].lh)))))
                        return false;
                    if (l.single) {  // one end at most, unless "$" is an alternative too
                        bool hit = false;
                        if (w < r.se)
                            for (const auto& alt : l.alts)
                                if (W[w].matches(alt[0])) {
                                    hit = true;
                                    break;
                                }
                        bool eos = false;
                        if (l.end_of_sentence) {
                            eos = true;
                            for (size_t x = w; x < r.se && eos; ++x) eos = W[x].punct;
                        }
                        if (hit && eos) {  // two ends: the word first
                            State s = st;
                            set_cap(s, in.capture, w, w + 1);
                            if (run(r, pc + 1, w + 1, s)) return true;
                            hit = false;
                        }
                        if (hit) {
                            set_cap(st, in.capture, w, w + 1);
                            ++w;
                        } else if (eos) {
                            set_cap(st, in.capture, w, w);
                        } else {
                            return false;
                        }
                        ++pc;
                        continue;
                    }
                    // Distinct end positions, longest first.
                    std::array<size_t, 8> ends{};
                    size_t n = 0;
                    auto add_end = [&](size_t e) {
                        for (size_t x = 0; x < n; ++x)
                            if (ends[x] == e) return;
                        if (n < ends.size()) ends[n++] = e;
                    };
                    if (l.end_of_sentence) {
                        bool eos = true;
                        for (size_t x = w; x < r.se && eos; ++x) eos = W[x].punct;
                        if (eos) add_end(w);
                    }
                    for (const auto& alt : l.alts) {
                        if (w + alt.size() > r.se) continue;
                        bool ok = true;
                        for (size_t x = 0; x < alt.size() && ok; ++x) ok = W[w + x].matches(alt[x]);
                        if (ok) add_end(w + alt.size());
                    }
                    if (n == 0) return false;
                    for (size_t x = 1; x < n; ++x)  // longest first; n <= 8
                        for (size_t y = x; y > 0 && ends[y - 1] < ends[y]; --y) std::swap(ends[y - 1], ends[y]);
                    for (size_t x = 0; x + 1 < n; ++x) {
                        State s = st;
                        set_cap(s, in.capture, w, ends[x]);
                        if (run(r, pc + 1, ends[x], s)) return true;
                    }
                    set_cap(st, in.capture, w, ends[n - 1]);
                    w = ends[n - 1];
                    ++pc;
                    continue;
                }
                case Op::CapWords: {
                    size_t e = w;
                    while (e < r.se && e < w + 3 && content(W[e])) ++e;
                    for (; e > w; --e) {
                        State s = st;
                        set_cap(s, in.capture, w, e);
                        if (run(r, pc + 1, e, s)) return true;
                    }
                    return false;
                }
                case Op::Gap:
                    for (size_t e = w; e <= w + in.gap && e <= r.se; ++e) {
                        if (e > w && !gap_ok(W[e - 1])) return false;
                        if (run(r, pc + 1, e, st)) return true;
                    }
                    return false;
            }
            return false;
        }
    }

    std::string join(const WordStream& ws, size_t a, size_t b) const {
        std::string s;
        for (size_t k = a; k < b; ++k) {
            if (!s.empty()) s.push_back(' ');
            s += ws.words[k].text;
        }
        return s;
    }
};

TokenPattern::TokenPattern(std::string_view source, const Lexicon& lexicon) : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.source = std::string(source);
    m.lex = &lexicon;
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
    if (m.n_caps > static_cast<int>(kMaxCaptures)) m.fail("more than " + std::to_string(kMaxCaptures) + " captures");
    // The words a match can start with, so find_all skips the other words at once.
    m.any_start = m.first_words(m.items, m.firsts) != Impl::First::Known;
    if (m.any_start) m.firsts.clear();
    m.anchored = false;
    for (const Item& it : m.items) {
        if (it.kind == Kind::EvOpen) continue;
        m.anchored = it.kind == Kind::Bos;
        break;
    }
    std::sort(m.firsts.begin(), m.firsts.end());
    m.firsts.erase(std::unique(m.firsts.begin(), m.firsts.end()), m.firsts.end());
    m.emit(m.items);
    m.prog.push_back(Ins{Op::Match});
    m.collect_needs(m.items);
    needs_ = &m.needs;
    // When the first word item is not optional, it is what the start index
    // already found; then the most selective needs first (a word item has
    // fewer words than a class).
    if (m.first_is_needed && !m.any_start && !m.needs.empty()) m.needs.erase(m.needs.begin());
    std::stable_sort(m.needs.begin(), m.needs.end(), [](const WordBloom& a, const WordBloom& b) {
        auto bits = [](const WordBloom& x) {
            int n = 0;
            for (uint64_t v : x.bits) n += __builtin_popcountll(v);
            return n;
        };
        return bits(a) < bits(b);
    });
}

TokenPattern::~TokenPattern() = default;
TokenPattern::TokenPattern(TokenPattern&&) noexcept = default;
TokenPattern& TokenPattern::operator=(TokenPattern&&) noexcept = default;

std::vector<uint64_t> TokenPattern::literal_hashes() const {
    std::vector<uint64_t> out;
    for (const Lits& l : impl_->lits)
        for (const auto& alt : l.alts) out.insert(out.end(), alt.begin(), alt.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool TokenPattern::anchored() const noexcept { return impl_->anchored; }
bool TokenPattern::any_start() const noexcept { return impl_->any_start; }
const std::vector<uint64_t>& TokenPattern::first_hashes() const noexcept { return impl_->firsts; }
size_t TokenPattern::captures() const noexcept { return static_cast<size_t>(impl_->n_caps); }
const std::string& TokenPattern::source() const noexcept { return impl_->source; }

std::optional<PatternMatch> TokenPattern::match_at(const WordStream& ws, size_t s, size_t w) const {
    if (s < ws.blooms.size() && !impl_->possible(ws.blooms[s])) return std::nullopt;
    return match_unchecked(ws, s, w);
}

std::optional<PatternMatch> TokenPattern::match_unchecked(const WordStream& ws, size_t s, size_t w) const {
    const auto [sb, se] = ws.sentences.at(s);
    std::optional<PatternMatch> out;
    if (w < sb || w >= se) return out;
    const Impl::Run r{ws, ws.words, sb, se, w, &out};
    impl_->run(r, 0, w, State{});
    return out;
}

std::vector<PatternMatch> TokenPattern::find_all(const WordStream& ws, size_t s) const {
    std::vector<PatternMatch> out;
    const auto [sb, se] = ws.sentences.at(s);
    const Impl& m0 = *impl_;
    if (s < ws.blooms.size() && !m0.possible(ws.blooms[s])) return out;
    auto may_start = [&](const Word& x) {
        return m0.any_start || std::binary_search(m0.firsts.begin(), m0.firsts.end(), x.h) ||
               (!x.punct && x.lh != x.h && std::binary_search(m0.firsts.begin(), m0.firsts.end(), x.lh));
    };
    for (size_t w = sb; w < se;) {
        if (!may_start(ws.words[w])) {
            ++w;
            continue;
        }
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
