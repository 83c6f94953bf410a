// ContextScopes: phrase index over the trigger and terminator lists, the
// per-sentence matching passes, and the scope rules (see the header).
#include <forumkb/text/context_scopes.hpp>
#include <forumkb/text/text_data.hpp>

#include "flat_map.hpp"

#include <algorithm>
#include <stdexcept>

namespace fkb::text {

namespace {

enum Dir : uint8_t { kForward, kBackward, kBoth, kAuto, kSentence, kStart };
enum Group : uint8_t { kMain = 0, kExperiencer = 1, kHistory = 2, kTerminator = 3, kGroups = 4 };
constexpr uint32_t kPseudo = 100;  // a pseudo-trigger: matched, never reported

struct Atom {
    std::string_view text;
    bool lemma = false;  // "~run": compare with the token's lemma
    bool any = false;    // "*": any word token
    bool dash = false;   // "<dash>": a spaced dash
    uint32_t id = 0;     // the text's id in the index (set by finish())
};

struct Pattern {
    std::vector<Atom> atoms;
    uint32_t len = 0;          // atoms.size(), kept apart (the size of a vector of 24-byte atoms costs a division)
    uint32_t kind = 0;         // fkb_scope_kind, kPseudo; for terminators: a bit mask of kinds
    std::string_view value;    // static
    Dir dir = kForward;
    Group group = kMain;
};

// An atom as the matcher reads it, one 32-bit code: the id of its text
// shifted left by two, and in the low two bits what it is compared with.
enum AtomType : uint32_t { kNormAtom = 0, kLemmaAtom = 1, kAnyAtom = 2, kDashAtom = 3 };

uint32_t code_of(const Atom& a) {
    if (a.any) return kAnyAtom;
    if (a.dash) return kDashAtom;
    return a.id << 2 | (a.lemma ? kLemmaAtom : kNormAtom);
}

/// A pattern as a candidate at a token its first atom matches: what the
/// scan needs without touching the pattern itself.
struct Cand {
    uint32_t pattern = 0;
    uint32_t len = 0;
    uint32_t codes = 0;       // offset of its atom codes in Impl::codes
    uint32_t second = 0;      // the code of its second atom (len > 1)
    bool start_only = false;  // direction "start": only at a sentence's first token
};

/// One bit of a 64-bit filter per atom code.
inline uint64_t code_bit(uint32_t code) { return 1ull << ((code * 0x9E3779B1u) >> 26); }

/// The candidates of one first atom and group, longest first, in
/// Impl::cands; `seconds` has code_bit() of every candidate's second atom,
/// so where the next token can be none of them only the one-atom patterns
/// (the last ones, from `singles` on) are tried.
struct Range {
    uint32_t off = 0, n = 0;
    uint32_t singles = 0;
    uint64_t seconds = 0;
};

std::string_view canonical_value(std::string_view kind, std::string_view v, std::string_view file, uint32_t line) {
    static constexpr std::string_view kHedge[] = {"probable", "possible"};
    static constexpr std::string_view kExp[] = {"author", "addressee", "other", "generic"};
    static constexpr std::string_view kOut[] = {"resolved", "improved", "no_effect", "worse"};
    auto pick = [&](auto& set) -> std::string_view {
        for (std::string_view s : set)
            if (s == v) return s;
        throw std::runtime_error(data_error(file, line, "value '" + std::string(v) + "' is not allowed for " + std::string(kind)));
    };
    if (kind == "hedge") return pick(kHedge);
    if (kind == "experiencer") return pick(kExp);
    if (kind == "outcome") return pick(kOut);
    if (v != "-") throw std::runtime_error(data_error(file, line, "kind " + std::string(kind) + " takes no value (write -)"));
    return {};
}

uint32_t kind_of(std::string_view k) {
    if (k == "negation") return FKB_SCOPE_NEGATION;
    if (k == "hedge") return FKB_SCOPE_HEDGE;
    if (k == "question") return FKB_SCOPE_QUESTION;
    if (k == "conditional") return FKB_SCOPE_CONDITIONAL;
    if (k == "experiencer") return FKB_SCOPE_EXPERIENCER;
    if (k == "history") return FKB_SCOPE_HISTORY;
    if (k == "outcome") return FKB_SCOPE_OUTCOME;
    if (k == "pseudo") return kPseudo;
    return 0;
}

std::vector<Atom> parse_phrase(std::string_view p, std::string_view file, uint32_t line) {
    std::vector<Atom> atoms;
    size_t pos = 0;
    while (pos < p.size()) {
        while (pos < p.size() && p[pos] == ' ') ++pos;
        size_t e = p.find(' ', pos);
        if (e == std::string_view::npos) e = p.size();
        std::string_view w = p.substr(pos, e - pos);
        pos = e;
        if (w.empty()) continue;
        Atom a;
        if (w == "*") a.any = true;
        else if (w == "<dash>") a.dash = true;
        else if (w[0] == '~' && w.size() > 1) { a.lemma = true; a.text = w.substr(1); }
        else a.text = w;
        for (char c : a.text)
            if (c >= 'A' && c <= 'Z') throw std::runtime_error(data_error(file, line, "phrases must be lower case"));
        atoms.push_back(a);
    }
    if (atoms.empty()) throw std::runtime_error(data_error(file, line, "empty phrase"));
    if (atoms[0].any) throw std::runtime_error(data_error(file, line, "a phrase cannot start with *"));
    return atoms;
}

bool is_word(const ScopeToken& t) { return (t.flags & FKB_TOKEN_WORD) != 0; }
bool is_soft(const ScopeToken& t) { return (t.flags & (FKB_TOKEN_WORD | FKB_TOKEN_NUMBER)) == 0; }

}  // namespace

struct ContextScopes::Impl {
    std::vector<Pattern> patterns;
    // First atom -> candidate patterns per group, longest first, for
    // patterns whose first atom is compared with the norm or the lemma.
    struct Entry {
        uint32_t id = 0;  // every atom text has one; tokens compare ids
        uint8_t norm_groups = 0, lemma_groups = 0;  // bit g: candidates in group g
        std::array<std::vector<uint32_t>, kGroups> norm_cand, lemma_cand;  // while loading
        std::array<Range, kGroups> norm_range, lemma_range;                // the same, in cands
    };
    detail::FlatStringMap<Entry> index;
    uint32_t ids = 0;
    std::vector<uint32_t> dash_terminators;
    Range dash_range;
    std::vector<Cand> cands;
    std::vector<uint32_t> codes;  // the atom codes of every pattern, then of every filler
    std::vector<std::vector<Atom>> fillers;
    std::vector<Range> filler_codes;  // into codes (off, n)
    detail::FlatStringMap<uint8_t> clause_starters;

    void add(Pattern p) {
        const uint32_t id = static_cast<uint32_t>(patterns.size());
        const Atom& a = p.atoms[0];
        const Group g = p.group;
        patterns.push_back(std::move(p));
        if (a.dash) { dash_terminators.push_back(id); return; }
        Entry& e = index[a.text];
        (a.lemma ? e.lemma_cand : e.norm_cand)[g].push_back(id);
    }

    void intern(std::vector<Atom>& atoms) {
        for (Atom& a : atoms) {
            if (a.text.empty()) continue;
            Entry& e = index[a.text];
            if (e.id == 0) e.id = ++ids;
            a.id = e.id;
        }
    }

    Range add_codes(const std::vector<Atom>& atoms) {
        Range r{static_cast<uint32_t>(codes.size()), static_cast<uint32_t>(atoms.size())};
        for (const Atom& a : atoms) codes.push_back(code_of(a));
        return r;
    }

    Range add_cands(const std::vector<uint32_t>& ids_longest_first, const std::vector<Range>& pattern_codes) {
        Range r;
        r.off = static_cast<uint32_t>(cands.size());
        r.n = static_cast<uint32_t>(ids_longest_first.size());
        r.singles = r.n;
        for (uint32_t id : ids_longest_first) {
            const Pattern& p = patterns[id];
            Cand c;
            c.pattern = id;
            c.len = p.len;
            c.codes = pattern_codes[id].off;
            c.second = p.len > 1 ? codes[c.codes + 1] : 0;
            c.start_only = p.dir == kStart;
            if (p.len > 1) r.seconds |= code_bit(c.second);
            else if (r.singles == r.n) r.singles = static_cast<uint32_t>(cands.size()) - r.off;
            cands.push_back(c);
        }
        return r;
    }

    void finish() {
        std::vector<Range> pattern_codes;
        for (Pattern& p : patterns) {
            intern(p.atoms);
            p.len = static_cast<uint32_t>(p.atoms.size());
            pattern_codes.push_back(add_codes(p.atoms));
        }
        for (auto& f : fillers) {
            intern(f);
            filler_codes.push_back(add_codes(f));
        }
        auto by_len = [&](uint32_t x, uint32_t y) { return patterns[x].atoms.size() > patterns[y].atoms.size(); };
        index.for_each([&](std::string_view, Entry& e) {
            for (auto& c : e.norm_cand) std::stable_sort(c.begin(), c.end(), by_len);
            for (auto& c : e.lemma_cand) std::stable_sort(c.begin(), c.end(), by_len);
            for (size_t g = 0; g < kGroups; ++g) {
                if (!e.norm_cand[g].empty()) e.norm_groups |= static_cast<uint8_t>(1u << g);
                if (!e.lemma_cand[g].empty()) e.lemma_groups |= static_cast<uint8_t>(1u << g);
                e.norm_range[g] = add_cands(e.norm_cand[g], pattern_codes);
                e.lemma_range[g] = add_cands(e.lemma_cand[g], pattern_codes);
            }
        });
        std::stable_sort(dash_terminators.begin(), dash_terminators.end(), by_len);
        dash_range = add_cands(dash_terminators, pattern_codes);
    }

    static bool atom_matches(uint32_t code, const ScopeToken& t) {
        switch (code & 3) {
            case kNormAtom: return (code >> 2) == t.keys.norm_id;
            case kLemmaAtom: return (code >> 2) == t.keys.lemma_id;
            case kAnyAtom: return is_word(t);
            default: return t.spaced_dash;
        }
    }

    const Entry* lookup(std::string_view key) const { return index.find(key); }

    /// code_bit() of every atom code token t matches (keys.bits holds those
    /// of its norm and lemma).
    static uint64_t matched_bits(const ScopeToken& t) {
        uint64_t b = t.keys.bits;
        if (is_word(t)) b |= code_bit(kAnyAtom);
        if (t.spaced_dash) b |= code_bit(kDashAtom);
        return b;
    }

    /// The longest pattern of group g matching at token i, or -1; `next`
    /// is matched_bits() of token i + 1 (0 at the end of the sentence).
    int32_t longest(const ScopeToken* toks, size_t i, size_t n, Group g, bool sentence_start, uint64_t next) const {
        int32_t best = -1;
        uint32_t best_len = 0;
        auto consider = [&](const Range& r) {
            // The first atom is known to match (the candidates come from
            // the index entry of that atom).
            const Cand* c = cands.data() + r.off;
            const Cand* const e = c + r.n;
            if (!(r.seconds & next)) c += r.singles;
            for (; c != e; ++c) {
                if (c->len <= best_len) break;  // sorted longest first
                if (i + c->len > n || (c->start_only && !sentence_start)) continue;
                if (c->len > 1 && !atom_matches(c->second, toks[i + 1])) continue;
                const uint32_t* a = codes.data() + c->codes;
                uint32_t k = 2;
                while (k < c->len && atom_matches(a[k], toks[i + k])) ++k;
                if (k >= c->len) {  // (k is 2 for a one-atom pattern)
                    best = static_cast<int32_t>(c->pattern);
                    best_len = c->len;
                    break;
                }
            }
        };
        const ScopeToken& t = toks[i];
        if (t.keys.norm) consider(static_cast<const Entry*>(t.keys.norm)->norm_range[g]);
        if (t.keys.lemma) consider(static_cast<const Entry*>(t.keys.lemma)->lemma_range[g]);
        if (g == kTerminator && t.spaced_dash) consider(dash_range);
        return best;
    }
};

namespace {

std::string_view kind_names[] = {"", "negation", "hedge", "question", "conditional", "experiencer", "history", "outcome"};

}  // namespace

std::string_view scope_kind_name(uint32_t kind) noexcept { return kind >= 1 && kind <= 7 ? kind_names[kind] : std::string_view(); }

ContextScopes::ContextScopes()
    : ContextScopes(text_data("triggers.tsv"), text_data("terminators.tsv"), text_data("condition_fillers.txt"),
                    text_data("clause_starters.txt")) {}

ContextScopes::~ContextScopes() = default;

ScopeKeys ContextScopes::keys(std::string_view norm, std::string_view lemma) const {
    ScopeKeys k;
    const Impl::Entry* n = impl_->lookup(norm);
    const Impl::Entry* l = lemma == norm ? n : impl_->lookup(lemma);
    k.norm = n;
    k.lemma = l;
    k.norm_id = n ? n->id : 0;
    k.lemma_id = l ? l->id : 0;
    k.groups = static_cast<uint8_t>((n ? n->norm_groups : 0) | (l ? l->lemma_groups : 0));
    k.bits = code_bit(k.norm_id << 2 | kNormAtom) | code_bit(k.lemma_id << 2 | kLemmaAtom);
    for (size_t g = 0; g < kGroups; ++g) {
        for (const Range* r : {n ? &n->norm_range[g] : nullptr, l ? &l->lemma_range[g] : nullptr}) {
            if (!r) continue;
            k.seconds |= r->seconds;
            if (r->singles < r->n) k.single_groups = static_cast<uint8_t>(k.single_groups | 1u << g);
        }
    }
    return k;
}

size_t ContextScopes::trigger_count() const {
    size_t n = 0;
    for (const auto& p : impl_->patterns) n += p.group != kTerminator;
    return n;
}

ContextScopes::ContextScopes(std::string_view triggers_tsv, std::string_view terminators_tsv, std::string_view fillers_txt,
                             std::string_view clause_starters_txt)
    : impl_(std::make_unique<Impl>()) {
    constexpr std::string_view tf = "data/text/triggers.tsv";
    for (const auto& d : parse_data(tf, triggers_tsv, 4, 4)) {
        Pattern p;
        p.kind = kind_of(d.fields[0]);
        if (p.kind == 0) throw std::runtime_error(data_error(tf, d.line, "unknown kind '" + std::string(d.fields[0]) + "'"));
        p.value = p.kind == kPseudo ? std::string_view() : canonical_value(d.fields[0], d.fields[1], tf, d.line);
        std::string_view dir = d.fields[2];
        if (dir == "forward") p.dir = kForward;
        else if (dir == "backward") p.dir = kBackward;
        else if (dir == "both") p.dir = kBoth;
        else if (dir == "auto") p.dir = kAuto;
        else if (dir == "sentence") p.dir = kSentence;
        else if (dir == "start") p.dir = kStart;
        else throw std::runtime_error(data_error(tf, d.line, "unknown direction '" + std::string(dir) + "'"));
        p.group = p.kind == FKB_SCOPE_EXPERIENCER ? kExperiencer : p.kind == FKB_SCOPE_HISTORY ? kHistory : kMain;
        p.atoms = parse_phrase(d.fields[3], tf, d.line);
        impl_->add(std::move(p));
    }
    constexpr std::string_view mf = "data/text/terminators.tsv";
    for (const auto& d : parse_data(mf, terminators_tsv, 2, 2)) {
        Pattern p;
        p.group = kTerminator;
        std::string_view kinds = d.fields[0];
        size_t pos = 0;
        while (pos <= kinds.size()) {
            size_t c = kinds.find(',', pos);
            if (c == std::string_view::npos) c = kinds.size();
            std::string_view k = kinds.substr(pos, c - pos);
            if (k == "all") p.kind |= 0xFEu;
            else if (k == "none") p.kind |= 0;  // a pseudo-terminator
            else if (uint32_t kk = kind_of(k); kk != 0 && kk != kPseudo) p.kind |= 1u << kk;
            else throw std::runtime_error(data_error(mf, d.line, "unknown kind '" + std::string(k) + "'"));
            pos = c + 1;
        }
        p.atoms = parse_phrase(d.fields[1], mf, d.line);
        impl_->add(std::move(p));
    }
    for (const auto& d : parse_data("data/text/condition_fillers.txt", fillers_txt, 1, 1))
        impl_->fillers.push_back(parse_phrase(d.fields[0], "data/text/condition_fillers.txt", d.line));
    std::stable_sort(impl_->fillers.begin(), impl_->fillers.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& d : parse_data("data/text/clause_starters.txt", clause_starters_txt, 1, 1))
        impl_->clause_starters[d.fields[0]] = 1;
    impl_->finish();
}

void ContextScopes::find(const ScopeToken* toks, size_t n, uint32_t sentence, fkb_span sentence_span,
                         std::vector<fkb_scope>& out, std::deque<std::string>& strings) const {
    if (n == 0) return;
    const Impl& m = *impl_;

    // The tokens where some pattern may start, in order, with the groups
    // that may start there: the passes below visit only these. Plain
    // pointers into thread_local buffers (through the vectors, every store
    // would make the compiler reload their data pointers).
    thread_local std::vector<uint32_t> hit_buf;
    thread_local std::vector<uint8_t> hit_groups_buf;
    if (hit_buf.size() < n) {
        hit_buf.resize(n);
        hit_groups_buf.resize(n);
    }
    uint32_t* const hits = hit_buf.data();
    uint8_t* const hit_groups = hit_groups_buf.data();
    // matched_bits() of every token, and one past the end (0).
    thread_local std::vector<uint64_t> bits_buf;
    if (bits_buf.size() < n + 1) bits_buf.resize(n + 1);
    uint64_t* const mbits = bits_buf.data();
    mbits[n] = 0;
    // One walk from the last token to the first, so each token's bits are
    // made once and are at hand for the token before it; the hits are
    // written from the end of their buffers, and lie in [first_hit, n).
    size_t first_hit = n;
    auto walk = [&] {
        first_hit = n;
        for (size_t k = n; k-- > 0;) {
            const ScopeToken& t = toks[k];
            if (!t.keyed) return false;
            mbits[k] = Impl::matched_bits(t);
            // Groups whose patterns here are all longer than one word, with
            // no second word that the next token could match, are dropped.
            const uint8_t possible = (t.keys.seconds & mbits[k + 1]) ? t.keys.groups : t.keys.single_groups;
            const uint8_t g = static_cast<uint8_t>((t.keys.groups & possible) | (t.spaced_dash ? 1u << kTerminator : 0u));
            hits[first_hit - 1] = static_cast<uint32_t>(k);  // first_hit > k: in the buffer
            hit_groups[first_hit - 1] = g;
            first_hit -= g != 0;
        }
        return true;
    };
    if (!walk()) {  // the caller did not key all tokens: key them in a copy
        thread_local std::vector<ScopeToken> keyed_buf;
        keyed_buf.assign(toks, toks + n);
        for (ScopeToken& x : keyed_buf) {
            if (x.keyed) continue;
            x.keys = keys(x.norm, x.lemma);
            x.keyed = true;
        }
        toks = keyed_buf.data();
        walk();
    }

    // Terminators, in order: where each starts, its length in tokens and
    // the kinds whose scopes it ends (pseudo-terminators end none and are
    // not kept, but none of their words ends a scope).
    struct Term {
        uint32_t at, len, kinds;
    };
    thread_local std::vector<Term> terms;
    terms.clear();
    for (size_t h = first_hit, next = 0; h < n; ++h) {
        const size_t k = hits[h];
        if (k < next || !(hit_groups[h] & (1u << kTerminator))) continue;
        const int32_t id = m.longest(toks, k, n, kTerminator, false, mbits[k + 1]);
        if (id < 0) continue;
        const Pattern& tp = m.patterns[static_cast<size_t>(id)];
        if (tp.kind == 0) next = k + tp.len;
        else terms.push_back(Term{static_cast<uint32_t>(k), tp.len, tp.kind});
    }
    auto fwd_end = [&](size_t from, uint32_t kind) {  // the first terminator of `kind` at or after `from`
        for (const Term& t : terms)
            if (t.at >= from && ((t.kinds >> kind) & 1u)) return size_t{t.at};
        return n;
    };
    auto bwd_start = [&](size_t before, uint32_t kind) {  // just after the last one ending by `before`
        for (size_t x = terms.size(); x-- > 0;) {
            const Term& t = terms[x];
            if (t.at < before && ((t.kinds >> kind) & 1u) && t.at + t.len <= before) return size_t{t.at + t.len};
        }
        return size_t{0};
    };
    auto span_of = [&](size_t a, size_t b, bool& ok) {  // tokens [a, b) trimmed of punctuation
        while (a < b && is_soft(toks[a])) ++a;
        while (b > a && is_soft(toks[b - 1])) --b;
        ok = a < b;
        return ok ? fkb_span{toks[a].start, toks[b - 1].end} : fkb_span{0, 0};
    };
    auto emit = [&](const Pattern& p, size_t ti, size_t tj) {
        size_t a = ti, b = tj;
        const uint32_t kind = p.kind;
        Dir dir = p.dir;
        if (dir == kAuto) {
            size_t e = fwd_end(tj, kind);
            bool any = false;
            for (size_t k = tj; k < e; ++k) any |= is_word(toks[k]);
            dir = any ? kForward : kBackward;
        }
        switch (dir) {
            case kForward: a = tj; b = fwd_end(tj, kind); break;
            case kBackward: a = bwd_start(ti, kind); b = ti; break;
            case kBoth: a = bwd_start(ti, kind); b = fwd_end(tj, kind); break;
            case kSentence: case kStart: case kAuto: a = 0; b = n; break;
        }
        bool ok = false;
        fkb_span scope = (dir == kSentence || dir == kStart) ? sentence_span : span_of(a, b, ok);
        if (dir != kSentence && dir != kStart && !ok) return;
        fkb_scope s{};
        s.kind = kind;
        s.sentence = sentence;
        s.trigger = fkb_span{toks[ti].start, toks[tj - 1].end};
        s.scope = scope;
        s.value = fkb_str{p.value.data(), p.value.size()};
        if (kind == FKB_SCOPE_CONDITIONAL) {
            // The condition: after fillers ("its", "the pain is"), the words
            // up to a comma, a terminator or the start of a new clause.
            size_t k = tj;
            for (const Range& f : m.filler_codes) {
                bool hit = k + f.n <= n;
                for (size_t x = 0; hit && x < f.n; ++x) hit = Impl::atom_matches(m.codes[f.off + x], toks[k + x]);
                if (hit) { k += f.n; break; }
            }
            const size_t stop = fwd_end(k, kind);
            std::string v;
            size_t words = 0;
            for (; k < n && words < 6; ++k) {
                if (!is_word(toks[k]) || k >= stop) break;
                if (words > 0 && m.clause_starters.find(toks[k].norm)) break;
                if (!v.empty()) v.push_back(' ');
                v.append(toks[k].norm);
                ++words;
            }
            const std::string& sv = strings.emplace_back(std::move(v));
            s.value = fkb_str{sv.data(), sv.size()};
        }
        out.push_back(s);
    };

    // Questions: a final '?' (before emoji or closing marks), or a question
    // opening ("did you", "any tips") in a sentence that does not end with
    // '.' or '!'.
    size_t last = n;
    while (last > 0 && (toks[last - 1].flags & FKB_TOKEN_EMOJI || toks[last - 1].norm == ")" || toks[last - 1].norm == "\"")) --last;
    bool question = false;
    if (last > 0 && toks[last - 1].norm == "?") {
        fkb_scope s{};
        s.kind = FKB_SCOPE_QUESTION;
        s.sentence = sentence;
        s.trigger = fkb_span{toks[last - 1].start, toks[last - 1].end};
        s.scope = sentence_span;
        out.push_back(s);
        question = true;
    }
    const bool ends_flat = last > 0 && (toks[last - 1].norm == "." || toks[last - 1].norm == "!");

    // The three trigger groups in one walk over the hits: in each group the
    // longest pattern at a token wins and its tokens start no other
    // pattern of that group. (The order of the scopes out of find() is
    // not part of its contract: the analyzer sorts them.)
    size_t next[kTerminator] = {0, 0, 0};
    for (size_t h = first_hit; h < n; ++h) {
        const size_t i = hits[h];
        if (!(hit_groups[h] & 7u)) continue;
        const uint64_t after = mbits[i + 1];
        for (Group g : {kMain, kExperiencer, kHistory}) {
            if (i < next[g] || !(hit_groups[h] & (1u << g))) continue;
            const int32_t id = m.longest(toks, i, n, g, i == 0, after);
            if (id < 0) continue;
            const Pattern& p = m.patterns[static_cast<size_t>(id)];
            if (p.kind != kPseudo) {
                if (p.kind == FKB_SCOPE_QUESTION) {
                    if (!question && !ends_flat) {
                        emit(p, i, i + p.len);
                        question = true;
                    }
                } else {
                    emit(p, i, i + p.len);
                }
            }
            next[g] = i + p.len;
        }
    }
}

}  // namespace fkb::text
