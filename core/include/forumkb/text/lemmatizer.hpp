// A light lemmatizer for matching forum English: irregular forms and words
// that must not be stemmed come from data/text/lemmas.tsv ("ran" -> "run",
// "feet" -> "foot", "abs" stays "abs"); other words lose a plural or verb
// ending by a few suffix rules ("runs", "running" -> "run"; "injuries" ->
// "injury"; "taking" -> "take"; "stretched" -> "stretch").
#pragma once

#include <string>
#include <string_view>
#include <memory>

namespace fkb::text {

/// A lemma as a recipe, so the common case costs no copy: the first
/// `keep` bytes of the word plus `suffix` (static), or `whole` (static
/// data) when the lemma comes from the table.
struct Lemma {
    std::string_view whole;  ///< set when the table gave the lemma
    uint32_t keep = 0;       ///< else: this many bytes of the word ...
    std::string_view suffix; ///< ... plus this (static) ending
};

class Lemmatizer {
public:
    /// Loads data/text/lemmas.tsv.
    Lemmatizer();
    /// Uses the given file content, which must outlive the Lemmatizer (tests).
    explicit Lemmatizer(std::string_view lemmas_tsv);

    /// The lemma of a lower-case word.
    Lemma lemma(std::string_view word) const;

    /// The lemma as a string (convenience for tests and tools).
    std::string lemma_string(std::string_view word) const;

private:
    struct Table;
    std::shared_ptr<const Table> table_;
};

}  // namespace fkb::text
