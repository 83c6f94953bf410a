// The plugin's vocabulary: named word classes (negators, reporting verbs,
// sarcasm markers, professions, ...) and the contraction table that turns
// "I'm" into "i am", all read from the data files.
//
// Phrases are written in canonical words (lower case, contractions
// expanded, see word_stream.hpp), so a pattern or a class entry says
// "i am a nurse" once and matches "I'm a nurse", "Im a nurse" and
// "I’m a nurse" alike.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

struct Word;

/// One entry of a word class: one or more canonical words, and for lexicon
/// classes (professions) a label and a weight.
struct Phrase {
    std::vector<std::string> words;
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
    /// Every phrase, for tests and docs.
    std::vector<const Phrase*> all() const;

private:
    std::map<std::string, std::vector<Phrase>, std::less<>> by_first_;  // each list longest first
    size_t n_ = 0;
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
    /// nullopt when the form is not a known contraction.
    const std::vector<std::string>* expansion(std::string_view form) const;
    /// Names of every class.
    std::vector<std::string> class_names() const;

private:
    std::map<std::string, PhraseSet, std::less<>> classes_;
    std::map<std::string, std::vector<std::string>, std::less<>> contractions_;
};

/// Splits a phrase written in the data files into canonical words.
std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace fkb::cred
