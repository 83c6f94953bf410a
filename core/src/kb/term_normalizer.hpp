// Word-level normalization for matching questions to concepts and comparing
// advice labels: lower case, compounds split ("backache" -> back pain),
// complaint synonyms folded ("sore", "aching" -> pain), plural "s" removed,
// function words dropped. The word lists are data: core/data/kb/query_terms.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fkb::kb {

class TermNormalizer {
public:
    /// Parses a query_terms.tsv text; name is used in error messages.
    /// Throws KbError "<name>:<line>: <reason>" on a malformed line.
    TermNormalizer(std::string_view tsv, std::string_view name);

    /// The normalizer built from the embedded core/data/kb/query_terms.tsv.
    static const TermNormalizer& builtin();

    /// Lower-case words of text (letters, digits and bytes above 0x7F;
    /// apostrophes dropped inside a word: "don't" -> "dont").
    static std::vector<std::string> words(std::string_view text);

    /// The content terms of text, in order: compounds split, synonyms
    /// folded, plurals removed, stop words dropped.
    std::vector<std::string> terms(std::string_view text) const;

    bool is_generic(const std::string& term) const { return generic_.count(term) > 0; }
    bool is_avoid(const std::string& term) const { return avoid_.count(term) > 0; }
    /// Every word that folds to the canonical term (itself included).
    std::vector<std::string> variants(const std::string& term) const;

private:
    void add_term(const std::string& word, std::vector<std::string>& out, int depth) const;

    std::unordered_map<std::string, std::string> synonym_;
    std::unordered_map<std::string, std::string> compound_;
    std::unordered_set<std::string> stop_, generic_, avoid_;
};

}  // namespace fkb::kb
