// Lexicon loading and phrase lookup: see lexicon.hpp.
#include "lexicon.hpp"

#include "word_key.hpp"

#include <algorithm>

namespace fkb::advice::data {
std::string_view embedded_file(std::string_view name);
const std::vector<std::string_view>& embedded_file_names();
}  // namespace fkb::advice::data

namespace fkb::advice {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t b = 0;
    for (;;) {
        size_t e = s.find(sep, b);
        out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Determiners and possessives are skipped when phrases are matched, so
// "tensing your shoulders" meets the synonym "tensing shoulders".
bool skip_word(std::string_view stem) {
    // (Every skip word has at most five letters and starts with one of these.)
    if (stem.empty() || stem.size() > 5) return false;
    switch (stem[0]) {
        case 'a': case 'h': case 'm': case 'o': case 's': case 't': case 'u': case 'y': break;
        default: return false;
    }
    static constexpr std::string_view kSkip[] = {"a",    "an",  "the", "my",    "your", "his",   "her", "their",
                                                 "our",  "som", "any", "thi",   "that", "thes",  "those", "ur",
                                                 "own",  "some", "this", "these", "thos"};
    for (auto k : kSkip)
        if (k == stem) return true;
    return false;
}

/// phrase_stem without skip words.
std::string index_stem(std::string_view phrase) {
    std::string st = phrase_stem(phrase), out;
    size_t b = 0;
    while (b <= st.size()) {
        size_t e = st.find(' ', b);
        if (e == std::string::npos) e = st.size();
        std::string_view w(st.data() + b, e - b);
        if (!w.empty() && !skip_word(w)) {
            if (!out.empty()) out.push_back(' ');
            out.append(w);
        }
        b = e + 1;
    }
    return out;
}

constexpr std::string_view kKindNames[] = {"body_part", "region", "complaint", "condition",
                                           "symptom",   "cause",  "remedy"};

}  // namespace

Kind parse_kind(std::string_view name) {
    for (size_t i = 0; i < std::size(kKindNames); ++i)
        if (kKindNames[i] == name) return static_cast<Kind>(i);
    throw std::invalid_argument("unknown kind '" + std::string(name) + "'");
}

std::string_view kind_name(Kind k) { return kKindNames[static_cast<size_t>(k)]; }

Lexicon Lexicon::builtin() {
    Lexicon lex;
    for (std::string_view name : data::embedded_file_names()) {
        if (name.rfind("lexicon/", 0) != 0) continue;  // grammar/ holds the cue grammars' phrase tables
        std::string_view content = data::embedded_file(name);
        if (name.find("cue_words") != std::string_view::npos)
            lex.load_cue_words(name, content);
        else
            lex.load_concepts(name, content);
    }
    lex.check_links();
    return lex;
}

void Lexicon::load_concepts(std::string_view file_name, std::string_view content) {
    uint32_t line_no = 0;
    bool header = true;
    auto fail = [&](const std::string& why) {
        throw LexiconError(std::string(file_name) + ":" + std::to_string(line_no) + ": " + why);
    };
    for (std::string_view line : split(content, '\n')) {
        ++line_no;
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        auto cols = split(line, '\t');
        if (header) {
            header = false;
            if (cols.size() < 6 || trim(cols[0]) != "id") fail("header must be: id kind label synonyms parent external_id [addresses]");
            continue;
        }
        if (cols.size() < 6 || cols.size() > 7) fail("expected 6 or 7 tab-separated columns, found " + std::to_string(cols.size()));
        auto c = std::make_unique<Concept>();
        c->id = std::string(trim(cols[0]));
        if (c->id.empty()) fail("empty id");
        for (char ch : c->id)
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
                fail("id '" + c->id + "' must be [a-z0-9_]+");
        try {
            c->kind = parse_kind(trim(cols[1]));
        } catch (const std::invalid_argument& e) {
            fail(e.what());
        }
        c->label = std::string(trim(cols[2]));
        if (c->label.empty()) fail("empty label for '" + c->id + "'");
        for (auto s : split(cols[3], '|'))
            if (!trim(s).empty()) c->synonyms.emplace_back(trim(s));
        c->parent = std::string(trim(cols[4]));
        c->external_id = std::string(trim(cols[5]));
        if (cols.size() == 7)
            for (auto s : split(cols[6], '|'))
                if (!trim(s).empty()) c->addresses.emplace_back(trim(s));
        c->file = std::string(file_name);
        c->line = line_no;
        if (by_id_.count(c->id)) fail("duplicate id '" + c->id + "'");
        const Concept* cp = c.get();
        by_id_.emplace(c->id, cp);
        // The label is a synonym too.
        std::vector<std::string> phrases{c->label};
        phrases.insert(phrases.end(), c->synonyms.begin(), c->synonyms.end());
        std::unordered_set<std::string> seen;
        for (const auto& ph : phrases) {
            std::string st = index_stem(ph);
            if (st.empty() || !seen.insert(st).second) continue;
            auto& v = by_phrase_[st];
            for (const Concept* other : v)
                if (other->kind == cp->kind)
                    fail("synonym '" + ph + "' of '" + c->id + "' is already a synonym of '" + other->id + "'");
            v.push_back(cp);
            add_to_trie(st, &v);
            // Every word-aligned prefix, so classify() stops extending a
            // phrase as soon as no lexicon phrase goes on that way.
            for (size_t sp = st.find(' '); sp != std::string::npos; sp = st.find(' ', sp + 1))
                prefixes_.insert(st.substr(0, sp));
            size_t words = 1 + static_cast<size_t>(std::count(st.begin(), st.end(), ' '));
            max_words_ = std::max(max_words_, words);
            first_stems_.insert(st.substr(0, st.find(' ')));
        }
        concepts_.push_back(std::move(c));
    }
    if (header) {
        line_no = 0;
        fail("no header line");
    }
}

void Lexicon::load_cue_words(std::string_view file_name, std::string_view content) {
    uint32_t line_no = 0;
    bool header = true;
    for (std::string_view line : split(content, '\n')) {
        ++line_no;
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        auto cols = split(line, '\t');
        if (header) {
            header = false;
            if (cols.size() != 2 || trim(cols[0]) != "list")
                throw LexiconError(std::string(file_name) + ":" + std::to_string(line_no) + ": header must be: list word");
            continue;
        }
        if (cols.size() != 2 || trim(cols[0]).empty() || trim(cols[1]).empty())
            throw LexiconError(std::string(file_name) + ":" + std::to_string(line_no) + ": expected: list<TAB>word");
        std::string key;
        append_key(trim(cols[1]), key);
        std::string list(trim(cols[0]));
        ListBits bit = list_bit(ListName(list));
        if (bit == 0) {
            if (n_lists_ == kMaxLists)
                throw LexiconError(std::string(file_name) + ":" + std::to_string(line_no) + ": more than " +
                                   std::to_string(kMaxLists) + " word lists");
            bit = ListBits{1} << n_lists_++;
            uint64_t h = ListName(list).hash;
            size_t k = h % kListSlots;
            while (list_slots_[k].second != 0) {
                if (list_slots_[k].first == h)
                    throw LexiconError(std::string(file_name) + ":" + std::to_string(line_no) + ": list name '" + list +
                                       "' collides with another list's hash");
                k = (k + 1) % kListSlots;
            }
            list_slots_[k] = {h, bit};
            list_index_[k] = static_cast<uint8_t>(list_words_.size());
            list_words_.emplace_back();
        }
        size_t index = 0;
        while (!((bit >> index) & 1u)) ++index;
        if (!list_words_[index].insert(key).second)
            throw LexiconError(std::string(file_name) + ":" + std::to_string(line_no) + ": duplicate word '" + key + "'");
        if (key.find(' ') == std::string::npos) word_lists_[key] |= bit;
    }
}

void Lexicon::check_links() const {
    for (const auto& c : concepts_) {
        auto where = c->file + ":" + std::to_string(c->line) + ": ";
        if (!c->parent.empty() && !by_id_.count(c->parent))
            throw LexiconError(where + "parent '" + c->parent + "' of '" + c->id + "' does not exist");
        for (const auto& a : c->addresses) {
            auto it = by_id_.find(a);
            if (it == by_id_.end()) throw LexiconError(where + "'" + c->id + "' addresses unknown '" + a + "'");
            if (it->second->kind != Kind::cause)
                throw LexiconError(where + "'" + c->id + "' addresses '" + a + "', which is not a cause");
        }
        // No cycles through parents.
        const Concept* p = c.get();
        for (size_t depth = 0; p && !p->parent.empty(); ++depth) {
            if (depth > 32) throw LexiconError(where + "parent cycle at '" + c->id + "'");
            p = find(p->parent);
        }
    }
}

const Concept* Lexicon::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
}

const Concept* Lexicon::lookup(std::string_view phrase) const {
    auto it = by_phrase_.find(index_stem(phrase));
    return it == by_phrase_.end() || it->second.empty() ? nullptr : it->second.front();
}

const Concept* Lexicon::lookup_words(const PostWords& pw, size_t first, size_t last, unsigned mask) const {
    std::string key;
    for (size_t i = first; i < last; ++i) {
        if (pw[i].punct || skip_word(pw.stem(i))) continue;
        if (!key.empty()) key.push_back(' ');
        key.append(pw.stem(i));
    }
    auto it = by_phrase_.find(key);
    if (it == by_phrase_.end()) return nullptr;
    for (const Concept* c : it->second)
        if (mask & bit(c->kind)) return c;
    return nullptr;
}

void Lexicon::classify(PostWords& pw) const {
    for (size_t i = 0; i < pw.size(); ++i) {
        Word& w = pw.word(i);
        w.lists = word_lists(pw.key(i));
        w.lex_first = !w.punct && first_stem(pw.stem(i));
        w.stem_id = w.punct ? 0 : stem_id(pw.stem(i));
    }
    find_phrases(pw);
}

void Lexicon::add_to_trie(const std::string& stemmed, const std::vector<const Concept*>* concepts) {
    uint32_t node = 0;
    size_t b = 0;
    while (b <= stemmed.size()) {
        size_t e = stemmed.find(' ', b);
        if (e == std::string::npos) e = stemmed.size();
        std::string word = stemmed.substr(b, e - b);
        auto [sid, fresh] = stem_ids_.emplace(word, static_cast<uint32_t>(stem_ids_.size() + 1));
        (void)fresh;
        uint64_t edge = (static_cast<uint64_t>(node) << 32) | sid->second;
        auto it = trie_edges_.find(edge);
        if (it == trie_edges_.end()) {
            it = trie_edges_.emplace(edge, static_cast<uint32_t>(trie_concepts_.size())).first;
            trie_concepts_.push_back(nullptr);
        }
        node = it->second;
        b = e + 1;
    }
    trie_concepts_[node] = concepts;
}

void Lexicon::find_phrases(PostWords& pw) const {
    std::vector<LexHit> hits;
    std::vector<uint32_t> begin(pw.size() + 1, 0);
    for (size_t i = 0; i < pw.size(); ++i) {
        begin[i] = static_cast<uint32_t>(hits.size());
        if (!pw[i].lex_first) continue;
        // Every phrase of the lexicon that starts here, within the sentence:
        // a walk down the trie, one edge per word (skip words skipped).
        uint32_t node = 0;
        for (size_t k = i; k < pw.size() && pw[k].sentence == pw[i].sentence; ++k) {
            if (pw[k].punct) {
                char p = pw.key(k)[0];
                if (p == '-' || p == '/' || p == '\'') continue;  // "foam-rolling", "walk/run"
                break;
            }
            if (pw[k].stem_id == 0) {
                if (k > i && skip_word(pw.stem(k))) continue;
                break;
            }
            auto it = trie_edges_.find((static_cast<uint64_t>(node) << 32) | pw[k].stem_id);
            if (it == trie_edges_.end()) {
                if (k > i && skip_word(pw.stem(k))) continue;
                break;
            }
            node = it->second;
            if (trie_concepts_[node]) hits.push_back(LexHit{static_cast<uint32_t>(k + 1), trie_concepts_[node]});
        }
    }
    begin[pw.size()] = static_cast<uint32_t>(hits.size());
    pw.set_lex_hits(std::move(hits), std::move(begin));
}

LexMatch Lexicon::match_at(const PostWords& pw, size_t at, size_t limit, unsigned mask) const {
    LexMatch best;
    if (at >= limit || !pw[at].lex_first) return best;
    auto [b, e] = pw.lex_hits(at);
    if (b) {
        for (const LexHit* h = b; h != e && h->last <= limit; ++h)
            for (const Concept* c : *h->concepts)
                if (mask & bit(c->kind)) {
                    best.entry = c;
                    best.first = static_cast<uint32_t>(at);
                    best.last = h->last;
                    break;
                }
        return best;
    }
    std::string key;
    size_t n = 0;
    for (size_t i = at; i < limit && n < max_words_; ++i) {
        if (pw[i].punct) {
            char p = pw.key(i)[0];
            if (p == '-' || p == '/' || p == '\'') continue;  // "foam-rolling", "walk/run"
            break;
        }
        if (skip_word(pw.stem(i))) continue;
        if (!key.empty()) key.push_back(' ');
        key.append(pw.stem(i));
        ++n;
        auto it = by_phrase_.find(key);
        if (it == by_phrase_.end()) continue;
        for (const Concept* c : it->second)
            if (mask & bit(c->kind)) {
                best.entry = c;
                best.first = static_cast<uint32_t>(at);
                best.last = static_cast<uint32_t>(i + 1);
                break;
            }
    }
    return best;
}

LexMatch Lexicon::best_in(const PostWords& pw, size_t first, size_t last, unsigned mask) const {
    LexMatch best;
    for (size_t i = first; i < last; ++i) {
        LexMatch m = match_at(pw, i, last, mask);
        if (m.entry && (!best.entry || m.last - m.first > best.last - best.first)) best = m;
    }
    return best;
}

std::vector<const Concept*> Lexicon::ancestors(const Concept* c) const {
    std::vector<const Concept*> out;
    while (c && !c->parent.empty() && out.size() < 32) {
        c = find(c->parent);
        if (c) out.push_back(c);
    }
    return out;
}

}  // namespace fkb::advice
