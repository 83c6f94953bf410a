// Slots: the extent of the phrase a cue points at. A right slot runs from
// the cue to the end of its clause (sentence end, ; : ! ?, a comma that is
// not a list comma, a long parenthesis, or a word that starts a new clause:
// "because", "which", "but", "and you"); a left slot runs back from the cue
// to the start of its clause, stepping over parentheses ("my running form (I
// don't lean forward ...) wears out") and stopping after words that report
// or believe ("I realized", "I don't believe"). Word classes come from the
// cue_words.tsv lists right_stop, left_stop, report_verb, slot_lead.
#pragma once

#include "cues.hpp"
#include "lexicon.hpp"

namespace fkb::advice {

class Slots {
public:
    explicit Slots(const Lexicon& lex) : lex_(lex) {}

    /// Words from `from` to the end of the clause.
    WordSpan right(const PostWords& pw, const Sentence& s, uint32_t from, bool keep_commas = false) const;
    /// Words from the start of the clause to `to` (exclusive).
    WordSpan left(const PostWords& pw, const Sentence& s, uint32_t to) const;
    /// Drops leading conjunctions and fillers ("and", "also", "so", "that").
    WordSpan trim_lead(const PostWords& pw, WordSpan w) const;
    /// Drops trailing punctuation.
    WordSpan trim_tail(const PostWords& pw, WordSpan w) const;
    /// Content words in w (not punctuation, not function words).
    uint32_t content_words(const PostWords& pw, WordSpan w) const;
    /// Whether w is only a pronoun or a vague phrase ("it", "this", "several factors").
    bool vague(const PostWords& pw, WordSpan w) const;
    /// Where the clause holding word i starts (after , ; : or a clause word).
    uint32_t clause_start(const PostWords& pw, const Sentence& s, uint32_t i) const;

    /// Whether the "so" at word i intensifies the next word ("ever so
    /// slightly") rather than starting a clause ("so I stopped").
    bool intensifier_so(const PostWords& pw, const Sentence& s, uint32_t i) const;

private:
    bool list_comma(const PostWords& pw, const Sentence& s, uint32_t comma, uint32_t seg_start) const;
    const Lexicon& lex_;
};

}  // namespace fkb::advice
