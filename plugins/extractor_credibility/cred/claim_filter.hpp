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
    /// Checks a match. `negation_is_cue` is set for cues that are negative
    /// by themselves ("I don't agree"), which negation must not cancel.
    Rejection check(const PostContext& post, const PatternMatch& m, bool negation_is_cue = false) const;

private:
    bool in(const char* cls, const Word& w) const;
    const Lexicon& lex_;
};

}  // namespace fkb::cred
