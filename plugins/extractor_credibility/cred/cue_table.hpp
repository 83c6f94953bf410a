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

#include <string>
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

/// Both cue lists, in file order (earlier rows win over overlapping later ones).
class CueTable {
public:
    /// Loads and compiles both files; throws DataError naming file and line.
    explicit CueTable(const Lexicon& lexicon);
    const std::vector<DisclosureCue>& disclosures() const noexcept { return disclosures_; }
    const std::vector<EndorsementCue>& endorsements() const noexcept { return endorsements_; }

private:
    std::vector<DisclosureCue> disclosures_;
    std::vector<EndorsementCue> endorsements_;
};

}  // namespace fkb::cred
