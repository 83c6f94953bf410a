// Whether a cue match is the author's own claim. A match does not count
// when it sits in text quoted from another post, under the host's negation,
// question or conditional scope or an experiencer scope that is someone
// else, right after a negator ("never"), in a clause opened by a
// hypothetical ("if", "wish"), after a reporting verb with another subject
// ("my coach says"), or in a sentence marked as sarcasm ("yeah right", "/s").
// The word lists are classes of data/word_classes.tsv.
#pragma once

#include "cred/lexicon.hpp"
#include "cred/token_pattern.hpp"
#include "cred/word_stream.hpp"

#include <forumkb/plugin.h>

#include <string_view>

namespace fkb::cred {

/// Why a match was set aside, or None.
enum class Rejection { None, Quoted, Negated, Question, Conditional, OtherExperiencer, Hypothetical, Reported, Sarcastic };

/// A short name for messages and tests ("negated").
const char* rejection_name(Rejection r) noexcept;

/// One post as the filters see it.
struct PostContext {
    const fkb_post& post;
    const fkb_post_analysis& analysis;
    const WordStream& words;
};

/// The filters; immutable, shareable between threads.
class ClaimFilter {
public:
    explicit ClaimFilter(const Lexicon& lexicon);
    /// What a match claims, which decides the filters that apply.
    enum class Mode {
        Claim,        ///< about the author: every filter
        Agreement,    ///< about another post: "I agree with him" is not about someone else's experience
        Disagreement  ///< as Agreement, and negative by itself ("I don't agree"): negation does not cancel it
    };
    /// Checks a match.
    Rejection check(const PostContext& post, const PatternMatch& m, Mode mode = Mode::Claim) const;

private:
    const Lexicon& lex_;
    const PhraseSet* hypothetical_;
    const PhraseSet* reporting_;
    const PhraseSet* sarcasm_;
    const PhraseSet* sarcasm_lead_;
};

}  // namespace fkb::cred
