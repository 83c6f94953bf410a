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
    auto& list = by_first_[p.words.front()];
    auto at = std::find_if(list.begin(), list.end(), [&](const Phrase& q) { return q.words.size() < p.words.size(); });
    list.insert(at, std::move(p));
    ++n_;
}

const Phrase* PhraseSet::match(const std::vector<Word>& words, size_t i, size_t end) const {
    if (i >= end) return nullptr;
    const Phrase* best = nullptr;
    for (const std::string* key : {&words[i].text, &words[i].lemma}) {
        auto it = by_first_.find(*key);
        if (it == by_first_.end()) continue;
        for (const Phrase& p : it->second) {
            if (best && best->words.size() >= p.words.size()) break;
            if (i + p.words.size() > end) continue;
            bool ok = true;
            for (size_t k = 1; k < p.words.size() && ok; ++k)
                ok = words[i + k].text == p.words[k] || words[i + k].lemma == p.words[k];
            if (ok) {
                best = &p;
                break;
            }
        }
    }
    return best;
}

std::vector<const Phrase*> PhraseSet::all() const {
    std::vector<const Phrase*> out;
    for (const auto& [k, list] : by_first_)
        for (const auto& p : list) out.push_back(&p);
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
        for (auto item : items) set.add(Phrase{phrase_words(item), std::string(item), 0});
    }
    const std::string_view prof_name = "data/professions.tsv";
    auto& professions = classes_["profession"];
    for (const auto& row : read_tsv(prof_name, data_file(prof_name), 3)) {
        double w = parse_number(prof_name, row.line, row.cells[2], 0, 1);
        auto label = std::string(row.cells[1]);
        if (label.empty()) throw DataError(data_error(prof_name, row.line, "empty label"));
        for (auto item : split_list(row.cells[0], ',')) professions.add(Phrase{phrase_words(item), label, w});
    }
    const std::string_view con_name = "data/contractions.tsv";
    for (const auto& row : read_tsv(con_name, data_file(con_name), 2)) {
        auto words = phrase_words(row.cells[1]);
        if (row.cells[0].empty() || words.empty())
            throw DataError(data_error(con_name, row.line, "a contraction needs a form and its words"));
        if (!contractions_.emplace(std::string(row.cells[0]), std::move(words)).second)
            throw DataError(data_error(con_name, row.line, "duplicate form '" + std::string(row.cells[0]) + "'"));
    }
}

const PhraseSet* Lexicon::word_class(std::string_view name) const {
    auto it = classes_.find(name);
    return it == classes_.end() ? nullptr : &it->second;
}

bool Lexicon::in_class(std::string_view name, std::string_view word) const {
    const PhraseSet* set = word_class(name);
    if (!set) return false;
    std::vector<Word> one(1);
    one[0].text = one[0].lemma = std::string(word);
    const Phrase* p = set->match(one, 0, 1);
    return p && p->words.size() == 1;
}

const std::vector<std::string>* Lexicon::expansion(std::string_view form) const {
    auto it = contractions_.find(form);
    return it == contractions_.end() ? nullptr : &it->second;
}

std::vector<std::string> Lexicon::class_names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : classes_) out.push_back(k);
    return out;
}

}  // namespace fkb::cred
