// Word classes, professions and contractions from the data files; see lexicon.hpp.
#include "cred/lexicon.hpp"

#include "cred/tsv.hpp"
#include "cred/word_stream.hpp"

#include <algorithm>

namespace fkb::cred {

std::vector<std::string> phrase_words(std::string_view phrase) {
    std::vector<std::string> out;
    for (auto w : split_list(phrase, ' ')) out.emplace_back(w);
    return out;
}

void PhraseSet::add(Phrase p) {
    if (p.words.empty()) return;
    p.hashes.clear();
    for (const auto& w : p.words) p.hashes.push_back(word_hash(w));
    firsts_.add(p.hashes.front());
    uint32_t& slot = by_first_[p.hashes.front()];
    if (slot == 0) {
        lists_.emplace_back();
        slot = static_cast<uint32_t>(lists_.size());
    }
    List& list = lists_[slot - 1];
    list.single |= p.words.size() == 1;
    auto at = std::find_if(list.phrases.begin(), list.phrases.end(),
                           [&](const Phrase& q) { return q.words.size() < p.words.size(); });
    list.phrases.insert(at, std::move(p));
    ++n_;
}

const Phrase* PhraseSet::match(const std::vector<Word>& words, size_t i, size_t end) const {
    if (i >= end) return nullptr;
    const Word& w = words[i];
    if (!firsts_.has(w.h) && (w.punct || !firsts_.has(w.lh))) return nullptr;
    const Phrase* best = nullptr;
    const uint64_t keys[2] = {w.h, w.lh};
    for (int k = 0; k < (w.punct || w.lh == w.h ? 1 : 2); ++k) {
        const uint32_t* slot = by_first_.find(keys[k]);
        if (!slot) continue;
        for (const Phrase& p : lists_[*slot - 1].phrases) {
            if (best && best->words.size() >= p.words.size()) break;
            if (i + p.words.size() > end) continue;
            bool ok = true;
            for (size_t x = 1; x < p.hashes.size() && ok; ++x) ok = words[i + x].matches(p.hashes[x]);
            if (ok) {
                best = &p;
                break;
            }
        }
    }
    return best;
}

bool PhraseSet::has_hash(uint64_t h) const {
    const uint32_t* slot = by_first_.find(h);
    return slot && lists_[*slot - 1].single;
}

std::vector<uint64_t> PhraseSet::first_hashes() const {
    std::vector<uint64_t> out;
    by_first_.each([&](uint64_t k, uint32_t) { out.push_back(k); });
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<const Phrase*> PhraseSet::all() const {
    std::vector<const Phrase*> out;
    for (const auto& list : lists_)
        for (const auto& p : list.phrases) out.push_back(&p);
    return out;
}

Lexicon::Lexicon() {
    const std::string_view classes_name = "data/word_classes.tsv";
    for (const auto& row : read_tsv(classes_name, data_file(classes_name), 2)) {
        std::string name(row.cells[0]);
        if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
            throw DataError(data_error(classes_name, row.line, "class name must be [a-z_]+: '" + name + "'"));
        if (name == "profession")
            throw DataError(data_error(classes_name, row.line, "'profession' is defined by data/professions.tsv"));
        auto& set = classes_[name];
        auto items = split_list(row.cells[1], ',');
        if (items.empty()) throw DataError(data_error(classes_name, row.line, "class '" + name + "' has no phrases"));
        for (auto item : items) set.add(Phrase{phrase_words(item), {}, std::string(item), 0});
    }
    const std::string_view prof_name = "data/professions.tsv";
    auto& professions = classes_["profession"];
    for (const auto& row : read_tsv(prof_name, data_file(prof_name), 3)) {
        double w = parse_number(prof_name, row.line, row.cells[2], 0, 1);
        auto label = std::string(row.cells[1]);
        if (label.empty()) throw DataError(data_error(prof_name, row.line, "empty label"));
        for (auto item : split_list(row.cells[0], ',')) professions.add(Phrase{phrase_words(item), {}, label, w});
    }
    const std::string_view con_name = "data/contractions.tsv";
    for (const auto& row : read_tsv(con_name, data_file(con_name), 2)) {
        auto words = phrase_words(row.cells[1]);
        if (row.cells[0].empty() || words.empty())
            throw DataError(data_error(con_name, row.line, "a contraction needs a form and its words"));
        Expansion e{std::move(words), {}};
        for (const auto& w : e.words) e.hashes.push_back(word_hash(w));
        if (!contractions_.emplace(std::string(row.cells[0]), std::move(e)).second)
            throw DataError(data_error(con_name, row.line, "duplicate form '" + std::string(row.cells[0]) + "'"));
    }
    // The per-token table: contractions, and the classes every word is tested for.
    for (const auto& [form, e] : contractions_) info_[word_hash(form)].expansion = &e;
    const std::pair<const char*, WordClass> bits[] = {
        {"negator", kNegator}, {"clause_break", kClauseBreak}, {"stopword", kStopword}, {"number_word", kNumberWord}};
    for (const auto& [name, bit] : bits) {
        const PhraseSet* set = word_class(name);
        if (!set) throw DataError(std::string("forumkb: data/word_classes.tsv: class '") + name + "' is missing");
        for (const Phrase* p : set->all())
            if (p->hashes.size() == 1) info_[p->hashes[0]].classes |= bit;
    }
    info_.each([&](uint64_t h, const WordInfo&) { filter_.add(h); });
}

const PhraseSet* Lexicon::word_class(std::string_view name) const {
    auto it = classes_.find(name);
    return it == classes_.end() ? nullptr : &it->second;
}

bool Lexicon::in_class(std::string_view name, std::string_view word) const {
    const PhraseSet* set = word_class(name);
    return set && set->has_word(word);
}

const std::vector<std::string>* Lexicon::expansion(std::string_view form) const {
    auto it = contractions_.find(form);
    return it == contractions_.end() ? nullptr : &it->second.words;
}

std::vector<std::string> Lexicon::class_names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : classes_) out.push_back(k);
    return out;
}

}  // namespace fkb::cred
