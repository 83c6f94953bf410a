// Token patterns: the small language the cue lists are written in, matched
// over a post's canonical words (word_stream.hpp) one sentence at a time.
// A pattern compiles into a flat program of word tests (every word a hash)
// run by a small backtracking machine: no allocation and no string
// comparison while matching.
//
//   word        a canonical word (compares with the word or its lemma)
//   a|b|c       one of several; high_school joins words of one alternative
//   @class      a phrase of a word class (data/word_classes.tsv, longest
//               first); @profession also records its label and weight
//   #           a number ("10", "ten")
//   ~N          skip 0..N words, lazily; a gap never crosses a negator, a
//               clause break ("but") or sentence punctuation
//   {cap}       capture 1..3 content words; {#}, {a|b}, {@class} capture a
//               number, an alternative, a class phrase; captures are $1, $2..
//   ( ... )     a group;  X? makes any item or group optional (greedy)
//   [ ... ]     the evidence: the part of the match reported as the phrase
//   ^  $        start and end of the sentence (punctuation aside); $ may
//               also be one alternative of several (",|.|$")
//   , . !       punctuation, literally
//
// Example: "[i am|was a|an? @prof_modifier? @profession]" matches "I'm a
// certified personal trainer" and "I was a nurse".
#pragma once

#include "cred/lexicon.hpp"
#include "cred/word_stream.hpp"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

/// A pattern that does not compile; what() says why.
struct PatternError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Where a pattern matched, in word indexes of the WordStream.
struct PatternMatch {
    size_t begin = 0, end = 0;        ///< the whole match [begin, end)
    size_t ev_begin = 0, ev_end = 0;  ///< the evidence [ev_begin, ev_end)
    std::vector<std::string> captures; ///< $1.. (empty when an optional part was skipped)
    const Phrase* lexical = nullptr;   ///< the @profession phrase matched, if any
};

/// A compiled pattern. Immutable; match() may run from any thread.
class TokenPattern {
public:
    /// Compiles `source`; class names are checked against `lexicon`, which
    /// must outlive the pattern. Throws PatternError.
    TokenPattern(std::string_view source, const Lexicon& lexicon);
    ~TokenPattern();
    TokenPattern(TokenPattern&&) noexcept;
    TokenPattern& operator=(TokenPattern&&) noexcept;

    /// The match that starts at word `w` of sentence `s`, if any.
    std::optional<PatternMatch> match_at(const WordStream& ws, size_t s, size_t w) const;
    /// As match_at, for a caller that knows possible() holds for sentence `s`.
    std::optional<PatternMatch> match_unchecked(const WordStream& ws, size_t s, size_t w) const;
    /// Every non-overlapping match in sentence `s`, left to right.
    std::vector<PatternMatch> find_all(const WordStream& ws, size_t s) const;
    /// Whether a sentence whose words are in `words` (WordStream::blooms)
    /// may hold a match starting at one of first_hashes(): false when
    /// another word every match needs is missing.
    bool possible(const WordBloom& words) const noexcept {
        for (const WordBloom& n : *needs_)
            if (!n.intersects(words)) return false;
        return true;
    }
    /// Whether the pattern starts with ^: a match starts at the sentence's first word.
    bool anchored() const noexcept;
    /// Whether a match may start at any word; otherwise only at first_hashes().
    bool any_start() const noexcept;
    /// The hashes of the words (text or lemma) a match can start with, sorted.
    const std::vector<uint64_t>& first_hashes() const noexcept;
    /// The hashes of every literal word of the pattern, sorted.
    std::vector<uint64_t> literal_hashes() const;
    /// How many capture slots ($1..) the pattern has.
    size_t captures() const noexcept;
    const std::string& source() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    const std::vector<WordBloom>* needs_ = nullptr;  // in *impl_: what possible() reads, inline
};

}  // namespace fkb::cred
