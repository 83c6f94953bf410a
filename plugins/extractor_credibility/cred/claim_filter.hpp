// Whether a cue match is the author's own claim. A match does not count
// when it sits in text quoted from another post, under the host's negation,
// question or conditional scope or an experiencer scope that is someone
// else, right after a negator ("never"), in a clause opened by a
// hypothetical ("if", "wish") or by "once"/"when" in a sentence that goes
// on in the future ("Once I'm a certified trainer I'll know"), after a reporting verb with another subject
// ("my coach says"), in a sentence marked as sarcasm ("yeah right", "/s",
// or opened by "yeah"/"sure" and laughing: "Yeah I'm a doctor too, lol"),
// or right before words that take it back ("I'm a PT student"). An
// agreement does not count when it names someone outside the thread ("I
// agree with my doctor").
// The word lists are classes of data/word_classes.tsv.
#pragma once

#include "cred/lexicon.hpp"
#include "cred/token_pattern.hpp"
#include "cred/word_stream.hpp"

#include <forumkb/plugin.h>

#include <string_view>

namespace fkb::cred {

/// Why a match was set aside, or None.
enum class Rejection {
    None,
    Quoted,
    Negated,
    Question,
    Conditional,
    OtherExperiencer,
    Hypothetical,
    Reported,
    Sarcastic,
    Undone,        ///< the next words take the claim back: "I'm a PT student"
    OutsideThread  ///< agrees with someone who is not in the thread: "I agree with my doctor"
};

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
        Disagreement  ///< as Agreement, and negative by itself ("I don't agree", "I couldn't agree more"): negation does not cancel it
    };
    /// Checks a match.
    Rejection check(const PostContext& post, const PatternMatch& m, Mode mode = Mode::Claim) const;

private:
    const Lexicon& lex_;
    const PhraseSet* hypothetical_;
    const PhraseSet* reporting_;
    const PhraseSet* sarcasm_;
    const PhraseSet* sarcasm_lead_;
    const PhraseSet* future_opener_;
    const PhraseSet* future_marker_;
    const PhraseSet* sarcasm_opener_;
    const PhraseSet* laugh_;
    const PhraseSet* undone_after_;
    const PhraseSet* outside_target_;
};

}  // namespace fkb::cred
