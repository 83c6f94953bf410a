// Context rules: what the words around a claim say about it. Certainty
// (asserted, probable, possible, questioned) from the cue, hedge words and
// the host's hedge and question scopes; polarity from a negating frame ("I
// don't believe X is the culprit", "it's not your shoes") or a host negation
// scope over the cue; the condition a claim holds under ("if its upper");
// the experiencer (author, addressee, other, generic) from person words and
// host experiencer scopes; a remedy's reported outcome.
#pragma once

#include "claims.hpp"
#include "lexicon.hpp"
#include "slots.hpp"

namespace fkb::advice {

class ContextRules {
public:
    ContextRules(const Lexicon& lex, const Slots& slots) : lex_(lex), slots_(slots) {}

    /// Sets certainty, polarity, condition and experiencer of a claim whose
    /// slot, evidence and cue are set. `post` is the post index (the opening
    /// post speaks for its author).
    void apply(const PostWords& pw, const Sentence& s, const CueHit& cue, Claim& c) const;

    /// The condition a sentence's claims hold under: the host's conditional
    /// scope value, or the words after a leading "if its" / "if you" ("if its
    /// upper" -> "upper"). Empty if none.
    std::string condition(const PostWords& pw, const Sentence& s, uint32_t claim_first = 0) const;

    /// Whether the sentence is a question.
    bool question(const PostWords& pw, const Sentence& s) const;

    /// The host's outcome scope covering words [first, last), if any.
    Outcome scoped_outcome(const PostWords& pw, const Sentence& s, WordSpan w) const;

private:
    Experiencer experiencer(const PostWords& pw, const Sentence& s, WordSpan w) const;
    const Lexicon& lex_;
    const Slots& slots_;
};

}  // namespace fkb::advice
