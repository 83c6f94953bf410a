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
#include <unordered_map>
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
};

/// Which cues may start at a word, so a finder tries a handful of cues per
/// word instead of all of them.
class StartIndex {
public:
    /// Registers cue number `cue` (its index in its list).
    void add(uint32_t cue, const TokenPattern& pattern);
    /// The cues that may start at `w`, ascending, into `out` (cleared first).
    void candidates(const Word& w, std::vector<uint32_t>& out) const;

private:
    std::unordered_map<std::string, std::vector<uint32_t>> by_word_;
    std::vector<uint32_t> any_;
};

/// A match of cue number `cue` of a list.
struct CueMatch {
    uint32_t cue = 0;
    PatternMatch match;
};

/// Every match of the cues of `index` in sentence `s`, each cue's matches
/// left to right and not overlapping each other, ordered by cue (file
/// order) then position: the order in which overlaps are resolved.
template <class Cue>
std::vector<CueMatch> match_cues(const std::vector<Cue>& cues, const StartIndex& index, const WordStream& ws, size_t s);

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
std::vector<CueMatch> match_cues(const std::vector<Cue>& cues, const StartIndex& index, const WordStream& ws, size_t s) {
    std::vector<CueMatch> out;
    std::vector<size_t> next_free(cues.size(), 0);
    std::vector<uint32_t> cand;
    const auto [sb, se] = ws.sentences.at(s);
    for (size_t w = sb; w < se; ++w) {
        index.candidates(ws.words[w], cand);
        for (uint32_t c : cand) {
            if (w < next_free[c]) continue;
            if (auto m = cues[c].pattern.match_at(ws, s, w)) {
                next_free[c] = m->end;
                out.push_back(CueMatch{c, std::move(*m)});
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const CueMatch& a, const CueMatch& b) { return a.cue < b.cue; });
    return out;
}

}  // namespace fkb::cred
