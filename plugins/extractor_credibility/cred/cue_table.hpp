// The cue lists: self-disclosure cues (data/disclosures.tsv: signal, basis,
// weight, value template, pattern) and endorsement cues
// (data/endorsements.tsv: stance, target, pattern), compiled into token patterns.
//
// A disclosure cue's weight is the signal's contribution to its author's
// weight before the caps of the formula (docs/credibility.md); "lexicon"
// takes it from the profession matched (data/professions.tsv). The value
// template names the signal for a reader: $1.. are the pattern's captures,
// $P the profession's label ("coaches $1" -> "coaches runners").
#pragma once

#include "cred/lexicon.hpp"
#include "cred/token_pattern.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <span>
#include <vector>

namespace fkb::cred {

/// One row of data/disclosures.tsv.
struct DisclosureCue {
    size_t line = 0;
    std::string signal;  ///< "expertise" or "experience"
    std::string basis;   ///< what kind of claim: "profession", "coaching", "competitive", ...
    double weight = 0;   ///< contribution; ignored when lexical_weight
    bool lexical_weight = false;
    std::string value;   ///< template
    TokenPattern pattern;

    /// The value for a match: the template with captures filled in.
    std::string render(const PatternMatch& m) const;
    /// The weight for a match.
    double weight_of(const PatternMatch& m) const;
};

/// One row of data/endorsements.tsv.
struct EndorsementCue {
    size_t line = 0;
    std::string stance;  ///< "agree" or "disagree"
    bool by_name = false; ///< the target is the author named by capture $1
    TokenPattern pattern;
    bool negation_in_cue = false; ///< a negator is part of the cue ("I couldn't agree more")
};

/// Which cues may start at a word, so a finder tries a handful of cues per
/// word instead of all of them: one table probe for the word's text (and
/// one for its lemma when it differs).
class StartIndex {
public:
    /// Registers cue number `cue` (its index in its list); cues are added in order.
    void add(uint32_t cue, const TokenPattern& pattern);
    /// The cues that may start at `w`, ascending: a list of the index, or
    /// `buf` when the word's text and lemma both start cues.
    std::span<const uint32_t> candidates(const Word& w, std::vector<uint32_t>& buf) const;

private:
    void merge_any(std::vector<uint32_t>& list) const;
    HashTable<uint32_t> by_word_;  // first word's hash -> 1 + index into lists_
    WordFilter filter_;            // the keys of by_word_
    std::vector<std::vector<uint32_t>> lists_;
    std::vector<uint32_t> any_;
};

/// A match of cue number `cue` of a list, in sentence `sentence`.
struct CueMatch {
    uint32_t cue = 0;
    uint32_t sentence = 0;
    PatternMatch match;
};

/// Every match of the cues of `index` in the post, sentence by sentence;
/// within a sentence each cue's matches left to right and not overlapping
/// each other, ordered by cue (file order) then position: the order in
/// which overlaps are resolved.
template <class Cue>
std::vector<CueMatch> match_cues(const std::vector<Cue>& cues, const StartIndex& index, const WordStream& ws);

/// Both cue lists, in file order (earlier rows win over overlapping later ones).
class CueTable {
public:
    /// Loads and compiles both files; throws DataError naming file and line.
    explicit CueTable(const Lexicon& lexicon);
    const std::vector<DisclosureCue>& disclosures() const noexcept { return disclosures_; }
    const std::vector<EndorsementCue>& endorsements() const noexcept { return endorsements_; }
    const StartIndex& disclosure_index() const noexcept { return disclosure_index_; }
    const StartIndex& endorsement_index() const noexcept { return endorsement_index_; }

private:
    StartIndex disclosure_index_, endorsement_index_;
    std::vector<DisclosureCue> disclosures_;
    std::vector<EndorsementCue> endorsements_;
};

template <class Cue>
std::vector<CueMatch> match_cues(const std::vector<Cue>& cues, const StartIndex& index, const WordStream& ws) {
    std::vector<CueMatch> out;
    std::vector<size_t> next_free(cues.size(), 0);  // per cue: where its last match ended
    std::vector<uint32_t> buf;
    std::vector<int8_t> possible(cues.size());  // per cue, in this sentence: -1 unknown, 0 no, 1 maybe
    for (size_t s = 0; s < ws.sentences.size(); ++s) {
        const size_t first = out.size();
        const auto [sb, se] = ws.sentences[s];
        std::fill(possible.begin(), possible.end(), int8_t{-1});
        for (size_t w = sb; w < se; ++w) {
            for (uint32_t c : index.candidates(ws.words[w], buf)) {
                if (w < next_free[c]) continue;
                if (possible[c] < 0) possible[c] = cues[c].pattern.possible(ws.blooms[s]) ? 1 : 0;
                if (!possible[c]) continue;
                if (auto m = cues[c].pattern.match_unchecked(ws, s, w)) {
                    next_free[c] = m->end;
                    out.push_back(CueMatch{c, static_cast<uint32_t>(s), std::move(*m)});
                }
            }
        }
        std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                         [](const CueMatch& a, const CueMatch& b) { return a.cue < b.cue; });
    }
    return out;
}

}  // namespace fkb::cred
