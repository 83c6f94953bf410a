// Cause cue grammars (Spirit X3): the phrases that announce a cause and say
// on which side of them it stands. "tight hammies can cause lower back pain"
// (cause_verb: cause on the left, effect on the right), "sore because of my
// shoes" (cause_because), "sounds like a weak core" / "its probably your
// shoes" (cause_likely), "poor footwear is the culprit" (cause_culprit),
// "I get back pain when I run on concrete" (cause_when), "2.5 miles is
// probably too much" (cause_too_much), "did you warm up?" (cause_question).
// Hedges and negations inside the cue set its certainty and polarity.
#include "x3_support.hpp"

#include <stdexcept>

namespace fkb::advice {

namespace {

using namespace x3s;
using C = Certainty;

// ------------------------------------------------------------ word sets

const Words<C> modal = phrase_table<C>("modal");

const Words<int> negation = phrase_table<int>("negation");

const Words<int> cause_verb_words = phrase_table<int>("cause_verb_words");
const Words<int> not_it = phrase_table<int>("not_it");
const Words<int> way_adj = phrase_table<int>("way_adj");
const Words<int> injury_verbs = phrase_table<int>("injury_verbs");
// Diagnoses: "that's textbook X", "classic X", "my optometrist said X".
const Words<int> diag_subject = phrase_table<int>("diag_subject");
const Words<int> diag_adj = phrase_table<int>("diag_adj");
const Words<int> authority = phrase_table<int>("authority");
const Words<int> diag_verb = phrase_table<int>("diag_verb");
const Words<int> diag_that = phrase_table<int>("diag_that");
const Words<int> pattern_verbs = phrase_table<int>("pattern_verbs");
// Diagnoses marked after the condition: "stress reaction until proven otherwise".
const Words<int> diag_after = phrase_table<int>("diag_after");
// Changes before a complaint: "since I upped my mileage", "started me on metformin".
const Words<int> since_words = phrase_table<int>("since_words");
// "since starting the pills", "ever since switching to X": the object is what changed.
const Words<int> since_object = phrase_table<int>("since_object");
const Words<int> change_verbs = phrase_table<int>("change_verbs");
const Words<int> experience_was = phrase_table<int>("experience_was");
// Changes told without a subject at the head of a sentence: "Got new shoes", "Upped my mileage".
const Words<int> bare_change = phrase_table<int>("bare_change");
// "I switched to", "I changed to a heavier racket": what the author changed.
const Words<int> author_change = phrase_table<int>("author_change");
// "I've been doing X": what the asker has been doing, a possible cause.
const Words<int> habit_verbs = phrase_table<int>("habit_verbs");

const Words<int> put_verbs = phrase_table<int>("put_verbs");
const Words<int> amount = phrase_table<int>("amount");
const Words<int> stress_nouns = phrase_table<int>("stress_nouns");
const Words<int> bad_for = phrase_table<int>("bad_for");
const Words<int> copula = phrase_table<int>("copula");

const Words<C> hedge_adv = phrase_table<C>("hedge_adv");

const Words<C> because_words = phrase_table<C>("because_words");

// Subjects of "its probably X", "your probably X", "you are probably X".
const Words<int> subject = phrase_table<int>("subject");
const Words<C> modal_be = phrase_table<C>("modal_be");
const Words<C> belief = phrase_table<C>("belief");
// Guesses that name the cause right away: "my guess is tight calves".
const Words<C> guess_is = phrase_table<C>("guess_is");
const Words<C> hedge_strong = phrase_table<C>("hedge_strong");
// Hedges that open a verbless diagnosis: "Very likely De Quervain's", "Probably bursitis".
const Words<C> hedge_fragment = phrase_table<C>("hedge_fragment");
// An author's own diagnosis: "I had X", "mine was X".
const Words<int> had_condition = phrase_table<int>("had_condition");
const Words<C> sounds = phrase_table<C>("sounds");
const Words<C> that_be = phrase_table<C>("that_be");

const Words<int> culprit_nouns = phrase_table<int>("culprit_nouns");
const Words<int> culprit_adj = phrase_table<int>("culprit_adj");
const Words<int> determiner = phrase_table<int>("determiner");
const Words<C> copula_c = phrase_table<C>("copula_c");
const Words<int> copula_neg = phrase_table<int>("copula_neg");
const Words<int> blame = phrase_table<int>("blame");
const Words<int> of_this = phrase_table<int>("of_this");

const Words<int> when_words = phrase_table<int>("when_words");
const Words<int> person = phrase_table<int>("person");

const Words<int> too_words = phrase_table<int>("too_words");

const Words<int> question_start = phrase_table<int>("question_start");

// ------------------------------------------------------------ rules


const auto stress_phrase = put_verbs >> _ >> -(amount >> _) >> -((any_word - stress_nouns) >> _) >> stress_nouns >> _ >>
                           (W("on") | W("onto") | W("through") | W("into") | W("in"));
// The alternatives, tried in this order at each word (the first that
// matches wins); cause_cue_starts_in_order() below gives, in the same order, the
// words each can start with.
const auto cause_cue_alternatives = std::make_tuple(
    // Blame X; I'd blame X; not enough X, lack of X (a cause by what is missing).
    cue_rule((x3::eps[start(Cue::cause_likely, Certainty::probable)] >>
              (W("blame") | W("i blame") | W("id blame") | W("i would blame") | W("i'd blame")) >> B)),
    cue_rule((x3::eps[start(Cue::cause_too_much)] >> (W("not enough") | W("lack of") | W("too little") |
                                                       W("a lack of") | W("not getting enough"))[set_marked] >> B)),
    // X will do it; X can do that (before the general form, whose optional modal would take "will").
    cue_rule((x3::eps[start(Cue::cause_verb)] >> (W("will") | W("would") | W("can") | W("could")) >> _ >>
              (W("do it") | W("do that") | W("do this") | W("cause it") | W("cause that")) >> B)),
// X [can] [not] cause Y; X puts (a lot of) stress on Y; X is bad for Y.
    cue_rule((x3::eps[start(Cue::cause_verb)] >> -(modal[set_cert] >> _) >> -(negation[set_neg] >> _) >>
     -(hedge_adv[set_cert] >> _) >>
     (cause_verb_words | stress_phrase | (copula >> _ >> -((W("really") | W("very") | W("so")) >> _) >> bad_for) |
      (copula >> _ >> -(W("a") >> _ | W("an") >> _ | W("the") >> _) >> -(W("very") >> _) >> way_adj >> _ >>
       W("way") >> _ >> W("to") >> _ >> injury_verbs)) >> B >>
     // "is often caused by X": a passive names its cause after "by" (cause_because).
     !(_ >> W("by")))),
    // That's textbook X; classic X; sounds like a classic case of X.
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> diag_subject >> _ >> -(hedge_strong[set_cert] >> _) >>
       diag_adj[set_marked] >> B)),
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> diag_adj[set_marked] >> B)),
    // My optometrist said (it's) X; the doctor diagnosed me with X.
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> -(determiner >> _) >> authority >> _ >> diag_verb[set_marked] >>
       -(_ >> diag_that) >> B)),
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> (W("diagnosed with") | W("got diagnosed with") |
                                                W("was diagnosed with"))[set_marked] >> B)),
    // That pattern (usually) means X; that screams X.
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> pattern_verbs >> B)),
    // For me it was X; it turned out to be X.
    cue_rule((x3::eps[start(Cue::cause_likely, Certainty::asserted)] >> experience_was[set_author] >> B)),
    // Since I upped my mileage; started me on metformin; I finished a course of X.
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >>
              ((since_words >> _ >> -(W("i") >> _) >> change_verbs) | since_object) >> B)),
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >>
       ((W("started me on") | W("put me on") | W("switched me to") | W("prescribed me") | W("gave me a course of")) |
        ((W("i") >> _) >> -(W("just") >> _ | W("recently") >> _) >> author_change)) >> B)),
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >> -(W("i") >> _) >>
       (W("finished") | W("took") | W("did") | W("was on") | W("am on") | W("completed")) >> _ >> W("a") >> _ >>
       *((any_word - W("course")) >> _) >> W("course of") >> B)),
    // "Started sertraline three weeks ago", "Got new racing flats", "Been doing
    // heavy curls" (the extractor keeps these only at the head of a sentence).
    // "I've been taking it at night": a habit the asker tells beside a complaint.
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >>
       (W("started taking") | W("started") | W("began") | W("switched to") | bare_change >> B |
        -((W("i") >> _ >> W("have") | W("ive") | W("i") >> _ >> W("had") | W("id")) >> _) >> W("been") >> _ >>
            habit_verbs) >> B)),
    // "the culprit is X" (before "X is the culprit" so both orders are tried).
    cue_rule((x3::eps[start(Cue::cause_culprit_r)] >> determiner >> _ >> -(culprit_adj >> _) >> culprit_nouns >>
       -(_ >> of_this) >> _ >> copula_c[set_cert] >> B >>
       !(_ >> (W("that") | W("i") | W("you") | W("not") | W("the same"))))),
    // X is [probably] [not] the [main] culprit|cause|problem; X is to blame.
    cue_rule((x3::eps[start(Cue::cause_culprit)] >>
       ((copula_neg[set_neg] | copula_c[set_cert]) >> _ >> -(hedge_adv[set_cert] >> _) >>
        ((determiner >> _ >> -(culprit_adj >> _) >> culprit_nouns) | blame) >> B))),
    // Y because of X; Y (probably) from X; due to X; caused by X.
    cue_rule((x3::eps[start(Cue::cause_because)] >> -(hedge_adv[set_cert] >> _) >> because_words[set_cert] >> B)),
    // sounds like X; looks like X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> sounds[set_cert] >> B)),
    // I think its X; I bet you're X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> belief[set_cert] >> -(_ >> W("that")) >> _ >> subject >>
       -(_ >> hedge_adv[set_cert]) >> B)),
    // I doubt its X: a negated cause.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> (W("i doubt") | W("i dont think") | W("i do not think") |
                                             W("i dont believe") | W("i do not believe"))[set_neg] >>
       -(_ >> W("that")) >> _ >> subject >> -(_ >> hedge_adv[set_cert]) >> B)),
    // its probably X; your probably X-ing; it could be X.
    // its probably not X; it's not a sprain (negated: the cause is ruled out).
    cue_rule((x3::eps[start(Cue::cause_likely)] >> subject >> _ >> -(hedge_strong[set_cert] >> _) >>
       (W("not") | W("never") | W("definitely not") | W("probably not"))[set_neg] >> B)),
    cue_rule((x3::eps[start(Cue::cause_likely)] >> subject >> _ >> (hedge_strong[set_cert] | modal_be[set_cert]) >> B)),
    // X is a myth; X is fine; X is not the issue.
    cue_rule((x3::eps[start(Cue::cause_culprit)] >> copula_c >> _ >> -(hedge_adv >> _) >> not_it[set_neg] >> B)),
    // X sets bones up for Y.
    cue_rule((x3::eps[start(Cue::cause_verb)] >> (W("set") | W("sets") | W("setting")) >> _ >>
       *((any_word - W("up")) >> _) >> W("up for") >> B)),
    // it may be that X; maybe its X; could be X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> that_be[set_cert] >> B)),
    // when I X; every time you X.
    cue_rule((x3::eps[start(Cue::cause_when)] >> when_words >> _ >> person >> B)),
    // X is too much; too many miles; too soon.
    cue_rule((x3::eps[start(Cue::cause_too_much)] >> -((W("way") | W("much") | W("a bit") | W("a little")) >> _) >>
       W("too") >> _ >> too_words >> B)),
    // did you X?; are you X?
    cue_rule((x3::eps[start(Cue::cause_question, Certainty::questioned)] >> question_start >> B)),
    // X until proven otherwise; stye city (the extractor needs a named condition on the left).
    cue_rule((x3::eps[start(Cue::cause_diag_after, Certainty::probable)] >> diag_after >> B)),
    // my guess is X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> guess_is[set_cert] >> B)),
    // That's X (last: any other reading of "that's" comes first; the slot must name a known condition).
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> diag_subject >> B)),
    // "Very likely De Quervain's", "Probably bursitis": a hedge opening a
    // clause, then a known condition (last, so "probably from X" and the
    // other readings of a hedge come first).
    // "I had demodex mites", "mine was peroneal tendinitis": another author's
    // own diagnosis (the slot must name a known condition too).
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> (hedge_fragment[set_cert] | had_condition[set_author]) >> B)));

// Each word keeps the alternatives it may start as bits of a 32-bit mask (Word::cause_alts).
static_assert(std::tuple_size_v<decltype(cause_cue_alternatives)> <= 32, "a cue grammar has at most 32 alternatives");

std::vector<std::vector<std::string>> cause_cue_starts_in_order() {
    return {
        FirstWords().add({"blame", "i", "id"}).words,
        FirstWords().add({"not", "lack", "too", "a"}).words,
        FirstWords().add({"will", "would", "can", "could"}).words,
        FirstWords().add(modal).add(negation).add(hedge_adv).add(cause_verb_words).add(put_verbs).add(copula).words,
        FirstWords().add(diag_subject).words,
        FirstWords().add(diag_adj).words,
        FirstWords().add(determiner).add(authority).words,
        FirstWords().add({"diagnosed", "got", "was"}).words,
        FirstWords().add(pattern_verbs).words,
        FirstWords().add(experience_was).words,
        FirstWords().add(since_words).add(since_object).words,
        FirstWords().add({"started", "put", "switched", "prescribed", "gave", "i"}).words,
        FirstWords().add({"i", "finished", "took", "did", "was", "am", "completed"}).words,
        FirstWords().add({"started", "began", "switched", "i", "ive", "id", "been"}).add(bare_change).words,
        FirstWords().add(determiner).words,
        FirstWords().add(copula_neg).add(copula_c).words,
        FirstWords().add(hedge_adv).add(because_words).words,
        FirstWords().add(sounds).words,
        FirstWords().add(belief).words,
        FirstWords().add({"i"}).words,
        FirstWords().add(subject).words,
        FirstWords().add(subject).words,
        FirstWords().add(copula_c).words,
        FirstWords().add({"set", "sets", "setting"}).words,
        FirstWords().add(that_be).words,
        FirstWords().add(when_words).words,
        FirstWords().add({"way", "much", "a", "too"}).words,
        FirstWords().add(question_start).words,
        FirstWords().add(diag_after).words,
        FirstWords().add(guess_is).words,
        FirstWords().add(diag_subject).words,
        FirstWords().add(hedge_fragment).add(had_condition).words};
}



}  // namespace

void find_cause_cues(const PostWords& pw, const Sentence& s, std::vector<CueHit>& out) {
    scan_alternatives(pw, s, cause_cue_alternatives, &Word::cause_alts, out);
}


std::vector<std::vector<std::string>> cause_cue_starts() {
    auto starts = cause_cue_starts_in_order();
    if (starts.size() != std::tuple_size_v<decltype(cause_cue_alternatives)>)
        throw std::logic_error("cause_cue: the list of first words does not match the alternatives");
    return starts;
}

}  // namespace fkb::advice
