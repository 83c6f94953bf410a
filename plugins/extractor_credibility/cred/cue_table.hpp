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
#include <span>
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
    bool negation_in_cue = false; ///< a negator is part of the cue ("I couldn't agree more")
};

/// Which cues may start at a word, so a finder tries a handful of cues per
/// word instead of all of them: one table probe for the word's text (and
/// one for its lemma when it differs), behind a bit filter. Cues anchored
/// at the start of the sentence (^) are looked up only for its first word.
class StartIndex {
public:
    /// Registers cue number `cue` (its index in its list); cues are added in order.
    void add(uint32_t cue, const TokenPattern& pattern);
    /// Scratch space of candidates(), reused from word to word.
    struct Buffers {
        std::vector<uint32_t> a, b, out;
    };
    /// The cues that may start at `w`, ascending; `first` when w is the first
    /// word of its sentence. Either a list of the index or one of `buf`.
    std::span<const uint32_t> candidates(const Word& w, bool first, Buffers& buf) const {
        auto x = free_.find(w, buf.a);
        if (!first) return x;
        return merge(x, anchored_.find(w, buf.b), buf.out);
    }

private:
    struct Table {
        HashTable<uint32_t> by_word;  // first word's hash -> 1 + index into lists
        WordFilter filter;            // the keys of by_word
        std::vector<std::vector<uint32_t>> lists;
        std::vector<uint32_t> any;  // cues that may start at any word; in every list too

        void add(uint32_t cue, const TokenPattern& pattern);
        std::span<const uint32_t> find(const Word& w, std::vector<uint32_t>& buf) const {
            const uint32_t* a = filter.may_have(w.h) ? by_word.find(w.h) : nullptr;
            const uint32_t* b = !w.punct && w.lh != w.h && filter.may_have(w.lh) ? by_word.find(w.lh) : nullptr;
            if (!a && !b) return any;
            if (!b) return lists[*a - 1];
            if (!a) return lists[*b - 1];
            return merge(lists[*a - 1], lists[*b - 1], buf);
        }
    };
    static std::span<const uint32_t> merge(std::span<const uint32_t> x, std::span<const uint32_t> y,
                                           std::vector<uint32_t>& out);
    Table free_, anchored_;
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
    struct State {
        uint32_t next_free = 0;  // where the cue's last match ended
        uint32_t checked = 0;    // the sentence (+1) whose word filter the cue was last checked against
        bool possible = false;   // and the answer
    };
    std::vector<State> st(cues.size());
    StartIndex::Buffers buf;
    for (size_t s = 0; s < ws.sentences.size(); ++s) {
        const size_t first = out.size();
        const auto [sb, se] = ws.sentences[s];
        bool at_start = true;  // no word before w in the sentence but punctuation
        for (size_t w = sb; w < se; ++w) {
            if (w > sb && !ws.words[w - 1].punct) at_start = false;
            for (uint32_t c : index.candidates(ws.words[w], at_start, buf)) {
                State& x = st[c];
                if (w < x.next_free) continue;
                if (x.checked != s + 1) {
                    x.checked = static_cast<uint32_t>(s + 1);
                    x.possible = cues[c].pattern.possible(ws.blooms[s]);
                }
                if (!x.possible) continue;
                if (auto m = cues[c].pattern.match_unchecked(ws, s, w)) {
                    x.next_free = static_cast<uint32_t>(m->end);
                    out.push_back(CueMatch{c, static_cast<uint32_t>(s), std::move(*m)});
                }
            }
        }
        if (out.size() - first > 1)
            std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                             [](const CueMatch& a, const CueMatch& b) { return a.cue < b.cue; });
    }
    return out;
}

}  // namespace fkb::cred
