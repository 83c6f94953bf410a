// The plugin's vocabulary: named word classes (negators, reporting verbs,
// sarcasm markers, professions, ...) and the contraction table that turns
// "I'm" into "i am", all read from the data files.
//
// Phrases are written in canonical words (lower case, contractions
// expanded, see word_stream.hpp), so a pattern or a class entry says
// "i am a nurse" once and matches "I'm a nurse", "Im a nurse" and
// "I’m a nurse" alike. Every word is also kept as its hash (word_hash.hpp):
// matching compares hashes, and the words the word stream looks up for
// each token (contractions, the classes of WordClass) sit in one table.
#pragma once

#include "cred/word_hash.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

struct Word;

/// One entry of a word class: one or more canonical words, and for lexicon
/// classes (professions) a label and a weight.
struct Phrase {
    std::vector<std::string> words;
    std::vector<uint64_t> hashes;  ///< word_hash of each word
    std::string label;
    double weight = 0;
};

/// A set of phrases matched longest first.
class PhraseSet {
public:
    void add(Phrase p);
    /// The longest phrase that starts at words[i] and ends before `end`, or
    /// nullptr. Words compare by canonical text or lemma.
    const Phrase* match(const std::vector<Word>& words, size_t i, size_t end) const;
    size_t size() const noexcept { return n_; }
    /// Whether the one-word phrase `w` is in the set.
    bool has_word(std::string_view w) const { return has_hash(word_hash(w)); }
    bool has_hash(uint64_t h) const;
    /// The hashes of the first words of every phrase.
    std::vector<uint64_t> first_hashes() const;
    /// Every phrase, for tests and docs.
    std::vector<const Phrase*> all() const;

private:
    struct List {
        std::vector<Phrase> phrases;  // longest first
        bool single = false;          // holds a one-word phrase
    };
    HashTable<uint32_t> by_first_;  // first word's hash -> 1 + index into lists_
    WordBloom firsts_;              // the keys of by_first_, tested before it
    std::vector<List> lists_;
    size_t n_ = 0;
};

/// A contraction's canonical words.
struct Expansion {
    std::vector<std::string> words;
    std::vector<uint64_t> hashes;
};

/// Word classes and contractions. Immutable once loaded, so one instance
/// may be shared by every thread.
class Lexicon {
public:
    /// Loads data/word_classes.tsv, data/professions.tsv and
    /// data/contractions.tsv from the embedded data. Throws DataError.
    Lexicon();

    /// The class called `name` ("negator", "profession"), or nullptr.
    const PhraseSet* word_class(std::string_view name) const;
    /// Whether `word` (one canonical word) is in class `name`.
    bool in_class(std::string_view name, std::string_view word) const;
    /// The canonical words a surface form stands for ("i'm" -> i am), or
    /// nullptr when the form is not a known contraction.
    const std::vector<std::string>* expansion(std::string_view form) const;
    /// Names of every class.
    std::vector<std::string> class_names() const;

    /// What the word stream needs to know of a surface form or word, by hash.
    struct WordInfo {
        uint8_t classes = 0;            ///< WordClass bits of the one-word phrases
        const Expansion* expansion = nullptr;  ///< when the form is a contraction
    };
    const WordInfo* info(uint64_t h) const noexcept { return filter_.may_have(h) ? info_.find(h) : nullptr; }

private:
    std::map<std::string, PhraseSet, std::less<>> classes_;
    std::map<std::string, Expansion, std::less<>> contractions_;
    HashTable<WordInfo> info_;
    WordFilter filter_;  // the keys of info_
};

/// Splits a phrase written in the data files into canonical words.
std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace fkb::cred
