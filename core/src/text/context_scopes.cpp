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
        std::array<std::vector<uint32_t>, kGroups> norm_cand, lemma_cand;
    };
    detail::FlatStringMap<Entry> index;
    uint32_t ids = 0;
    std::vector<uint32_t> dash_terminators;
    std::vector<std::vector<Atom>> fillers;
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

    void finish() {
        for (Pattern& p : patterns) {
            intern(p.atoms);
            p.len = static_cast<uint32_t>(p.atoms.size());
        }
        for (auto& f : fillers) intern(f);
        auto by_len = [&](uint32_t x, uint32_t y) { return patterns[x].atoms.size() > patterns[y].atoms.size(); };
        index.for_each([&](std::string_view, Entry& e) {
            for (auto& c : e.norm_cand) std::stable_sort(c.begin(), c.end(), by_len);
            for (auto& c : e.lemma_cand) std::stable_sort(c.begin(), c.end(), by_len);
            for (size_t g = 0; g < kGroups; ++g) {
                if (!e.norm_cand[g].empty()) e.norm_groups |= static_cast<uint8_t>(1u << g);
                if (!e.lemma_cand[g].empty()) e.lemma_groups |= static_cast<uint8_t>(1u << g);
            }
        });
        std::stable_sort(dash_terminators.begin(), dash_terminators.end(), by_len);
    }

    /// The index entries of each token's norm and lemma (looked up once
    /// per sentence, used by every pass) and their ids (0: not in the index).
    struct TokenEntries {
        const Entry* norm = nullptr;
        const Entry* lemma = nullptr;
        uint32_t norm_id = 0, lemma_id = 0;
        uint8_t groups = 0;  // groups with a pattern that may start here
    };

    static bool atom_matches(const Atom& a, const ScopeToken& t, const TokenEntries& e) {
        if (a.any) return is_word(t);
        if (a.dash) return t.spaced_dash;
        return a.id == (a.lemma ? e.lemma_id : e.norm_id);
    }

    /// Whether p matches at token i, whose first atom is known to match
    /// (the candidates come from the index entry of that atom).
    static bool matches_after_first(const Pattern& p, const ScopeToken* toks, const TokenEntries* ents, size_t i, size_t n) {
        if (i + p.len > n) return false;
        const Atom* a = p.atoms.data();
        for (size_t k = 1; k < p.len; ++k)
            if (!atom_matches(a[k], toks[i + k], ents[i + k])) return false;
        return true;
    }

    const Entry* lookup(std::string_view key) const { return index.find(key); }

    /// The longest pattern of group g matching at token i, or -1.
    int32_t longest(const ScopeToken* toks, const TokenEntries* ents, size_t i, size_t n, Group g,
                    bool sentence_start) const {
        int32_t best = -1;
        size_t best_len = 0;
        auto consider = [&](const std::vector<uint32_t>& cands) {
            for (uint32_t id : cands) {
                const Pattern& p = patterns[id];
                if (p.len <= best_len) break;  // sorted longest first
                if (p.dir == kStart && !sentence_start) continue;
                if (matches_after_first(p, toks, ents, i, n)) {
                    best = static_cast<int32_t>(id);
                    best_len = p.len;
                    break;
                }
            }
        };
        if (ents[i].norm) consider(ents[i].norm->norm_cand[g]);
        if (ents[i].lemma) consider(ents[i].lemma->lemma_cand[g]);
        if (g == kTerminator && toks[i].spaced_dash) consider(dash_terminators);
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

ContextScopes::WordKeys ContextScopes::keys(std::string_view norm, std::string_view lemma) const {
    WordKeys k;
    k.norm = impl_->lookup(norm);
    k.lemma = lemma == norm ? k.norm : impl_->lookup(lemma);
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

    // Terminators: term_at[k] = kinds mask of a terminator starting at k,
    // term_len[k] its length in tokens.
    // Per-sentence arrays, used through plain pointers: the vectors are
    // thread_local, and byte stores would otherwise make the compiler
    // reload their data pointers at every access.
    thread_local std::vector<Impl::TokenEntries> ents_buf;
    thread_local std::vector<uint32_t> term_mask_buf;
    thread_local std::vector<uint8_t> term_len_buf;
    thread_local std::vector<uint32_t> hits_buf;
    if (ents_buf.size() < n) {
        ents_buf.resize(n);
        term_mask_buf.resize(n);
        term_len_buf.resize(n);
        hits_buf.resize(n);
    }
    // The tokens where some pattern may start, in order: the passes below
    // visit only these.
    uint32_t* const hits = hits_buf.data();
    size_t n_hits = 0;
    Impl::TokenEntries* const ents = ents_buf.data();
    uint32_t* const term_mask = term_mask_buf.data();
    uint8_t* const term_len = term_len_buf.data();
    for (size_t k = 0; k < n; ++k) {
        const ScopeToken& t = toks[k];
        Impl::TokenEntries& e = ents[k];
        if (t.keyed) {
            e.norm = static_cast<const Impl::Entry*>(t.norm_key);
            e.lemma = static_cast<const Impl::Entry*>(t.lemma_key);
        } else {
            e.norm = m.lookup(t.norm);
            e.lemma = (t.lemma.data() == t.norm.data() && t.lemma.size() == t.norm.size()) ? e.norm : m.lookup(t.lemma);
        }
        e.norm_id = e.norm ? e.norm->id : 0;
        e.lemma_id = e.lemma ? e.lemma->id : 0;
        e.groups = static_cast<uint8_t>((e.norm ? e.norm->norm_groups : 0) | (e.lemma ? e.lemma->lemma_groups : 0) |
                                        (t.spaced_dash ? 1u << kTerminator : 0u));
        hits[n_hits] = static_cast<uint32_t>(k);
        n_hits += e.groups != 0;
        term_mask[k] = 0;
        term_len[k] = 0;
    }
    for (size_t h = 0, next = 0; h < n_hits; ++h) {
        const size_t k = hits[h];
        if (k < next || !(ents[k].groups & (1u << kTerminator))) continue;
        int32_t id = m.longest(toks, ents, k, n, kTerminator, false);
        if (id >= 0) {
            const Pattern& tp = m.patterns[static_cast<size_t>(id)];
            term_mask[k] = tp.kind;
            term_len[k] = static_cast<uint8_t>(tp.len);
            if (tp.kind == 0) next = k + tp.len;  // a pseudo-terminator: none of its words ends a scope
        }
    }
    auto terminates = [&](size_t k, uint32_t kind) { return (term_mask[k] >> kind) & 1u; };
    auto fwd_end = [&](size_t from, uint32_t kind) {
        size_t k = from;
        while (k < n && !terminates(k, kind)) ++k;
        return k;
    };
    auto bwd_start = [&](size_t before, uint32_t kind) {
        for (size_t s = before; s-- > 0;)
            if (term_len[s] && terminates(s, kind) && s + term_len[s] <= before) return s + term_len[s];
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
            for (const auto& f : m.fillers) {
                bool hit = k + f.size() <= n;
                for (size_t x = 0; hit && x < f.size(); ++x) hit = Impl::atom_matches(f[x], toks[k + x], ents[k + x]);
                if (hit) { k += f.size(); break; }
            }
            std::string v;
            size_t words = 0;
            for (; k < n && words < 6; ++k) {
                if (!is_word(toks[k]) || terminates(k, kind) ) break;
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

    for (Group g : {kMain, kExperiencer, kHistory}) {
        for (size_t h = 0, next = 0; h < n_hits; ++h) {
            const size_t i = hits[h];
            if (i < next || !(ents[i].groups & (1u << g))) continue;
            int32_t id = m.longest(toks, ents, i, n, g, i == 0);
            if (id < 0) continue;
            const Pattern& p = m.patterns[static_cast<size_t>(id)];
            size_t len = p.len;
            if (p.kind != kPseudo) {
                if (p.kind == FKB_SCOPE_QUESTION) {
                    if (!question && !ends_flat) {
                        emit(p, i, i + len);
                        question = true;
                    }
                } else {
                    emit(p, i, i + len);
                }
            }
            next = i + len;
        }
    }
}

}  // namespace fkb::text
