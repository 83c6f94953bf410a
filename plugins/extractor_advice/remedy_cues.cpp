// Remedy cue grammars (Spirit X3): the phrases that announce advice or a
// remedy someone used, and on which side of them the remedy stands. "try X",
// "I would suggest X", "make sure X", "avoid X", "you should X", "your X
// should be Y", "it's a good idea to X" put the remedy after the cue; "X
// helps", "X is what I do", "X is a great way to ..." put it before. Cues in
// the past tense with "I" mark the author's own experience, and the cue
// itself may carry an outcome ("X worked", "X didn't help"). Sentence-initial
// imperatives ("Shorten your stride") are found by the extractor from the
// imperative word list, not here.
#include "x3_support.hpp"

#include <stdexcept>

namespace fkb::advice {

namespace {

using namespace x3s;
using C = Certainty;
using O = Outcome;

const Words<int> adv = phrase_table<int>("adv");

const Words<int> try_words = phrase_table<int>("try_words");

const Words<int> suggest_verbs = phrase_table<int>("suggest_verbs");
const Words<int> advice_nouns = phrase_table<int>("advice_nouns");
const Words<int> advice_be = phrase_table<int>("advice_be");

const Words<int> you_could = phrase_table<int>("you_could");
// The author's own experience: "what helped me was X".
const Words<int> what_helped_me = phrase_table<int>("what_helped_me");

// Pseudo-clefts: "what actually cleared it up was X", "the thing that helped
// most was X", "the biggest difference for me was X".
const Words<int> cleft_lead = phrase_table<int>("cleft_lead");
const Words<int> cleft_adverb = phrase_table<int>("cleft_adverb");
const Words<O> cleft_verb = phrase_table<O>("cleft_verb");
const Words<int> cleft_object = phrase_table<int>("cleft_object");
const Words<int> cleft_object_me = phrase_table<int>("cleft_object_me");
const Words<int> cleft_degree = phrase_table<int>("cleft_degree");
const Words<int> cleft_be = phrase_table<int>("cleft_be");
const Words<int> difference_nouns = phrase_table<int>("difference_nouns");

const Words<int> make_sure = phrase_table<int>("make_sure");

const Words<int> avoid_words = phrase_table<int>("avoid_words");

const Words<int> you = phrase_table<int>("you");
const Words<int> should_words = phrase_table<int>("should_words");
// Advice in the first person conditional: "I'd ice it", "if I were you I'd get it looked at".
const Words<int> id_advice = phrase_table<int>("id_advice");
const Words<int> swear_by = phrase_table<int>("swear_by");

const Words<int> worth_subject = phrase_table<int>("worth_subject");
const Words<int> worth_words = phrase_table<int>("worth_words");

const Words<O> helps_words = phrase_table<O>("helps_words");
const Words<int> plan_words = phrase_table<int>("plan_words");
const Words<int> plan_neg = phrase_table<int>("plan_neg");
const Words<int> relief_giver = phrase_table<int>("relief_giver");

const Words<int> asked = phrase_table<int>("asked");

// The alternatives, tried in this order at each word (the first that
// matches wins); remedy_cue_starts_in_order() below gives, in the same order, the
// words each can start with.
const auto remedy_cue_alternatives = std::make_tuple(
// have you tried X?
    cue_rule((x3::eps[start(Cue::remedy_asked, C::questioned)] >> asked >> B)),
    // I'll skip X; not going to X (a remedy the author turns down).
    cue_rule((x3::eps[start(Cue::remedy_plan)] >> plan_neg[set_neg] >> B)),
    // I'll X; gonna X; will do X.
    cue_rule((x3::eps[start(Cue::remedy_plan)] >> plan_words >> B >>
       !(_ >> (W("be") | W("let") | W("report") | W("update") | W("keep you") | W("see how") | W("post") | W("have") |
               W("feel") | W("need") | W("hurt") | W("probably") | W("never") | W("always") | W("get back to you"))))),
    // I tried X; try X; give X a try.
    cue_rule((x3::eps[start(Cue::remedy_try)] >> ((W("i") >> _)[set_author] >> -(adv >> _) >> W("tried")) >> B)),
    cue_rule((x3::eps[start(Cue::remedy_try)] >> try_words >> B >> !(_ >> (W("not") | W("to avoid"))))),
    // I would suggest X; I recommend X; my advice is X.
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> (W("i") | W("id") | W("we") | W("i would") | W("i always")) >> _ >>
       -(adv >> _) >> -(adv >> _) >> suggest_verbs >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> (W("my") | W("the") | W("best") | W("the best") | W("one") | W("a good") |
                                                 W("another") | W("the only") | W("your best")) >>
       _ >> -(W("best") >> _) >> advice_nouns >> _ >> advice_be >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> you_could >> B)),
    // I'd X (the extractor keeps it when X starts with a verb of advice).
    cue_rule((x3::eps[start(Cue::remedy_should)] >> id_advice >> B)),
    // people swear by X.
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> swear_by >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> what_helped_me[set_author] >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> cleft_lead >> _ >> -((cleft_adverb | adv) >> _) >> cleft_verb[set_outcome] >> _ >>
       -((cleft_object_me[set_author] | cleft_object) >> _) >> -(cleft_degree >> _) >> cleft_be >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> (W("the") | W("my") | W("a")) >> _ >> -(adv >> _) >> difference_nouns >> _ >>
       -(cleft_object_me[set_author] >> _) >> cleft_be >> B)),
    // it's a good idea to X; it's worth X.
    cue_rule((x3::eps[start(Cue::remedy_worth)] >> -(worth_subject >> _) >> -(adv >> _) >> worth_words >> B)),
    // make sure X; focus on X; start off with X.
    cue_rule((x3::eps[start(Cue::remedy_make_sure)] >> make_sure >> B)),
    // avoid X; stay away from X; cut back on X.
    cue_rule((x3::eps[start(Cue::remedy_avoid)] >> avoid_words >> B)),
    // your shoulders should be relaxed.
    cue_rule((x3::eps[start(Cue::remedy_should_be)] >> (W("your") | W("ur")) >> _ >> (any_word - W("should")) >>
       -(_ >> (any_word - W("should"))) >> _ >> W("should") >> _ >>
       (W("be") | W("stay") | W("feel") | W("always be") | W("remain") | W("land") | W("point") | W("hit"))) >> B),
    // you should X; you need to X; you want to X.
    cue_rule((x3::eps[start(Cue::remedy_should)] >> you >> _ >> -(adv >> _) >> should_words >> B)),
    // X helps; X is what I do; X is a great way to; X didn't help.
    cue_rule((x3::eps[start(Cue::remedy_helps)] >> -((W("really") | W("also") | W("definitely") | W("always")) >> _) >>
       helps_words[set_outcome] >> B)),
    // X gave me (three months of) relief.
    cue_rule((x3::eps[start(Cue::remedy_helps)] >> relief_giver >> _ >> *((any_word - W("relief")) >> _) >>
       W("relief")[outcome(O::improved)])));

// Each word keeps the alternatives it may start as bits of a 32-bit mask (Word::remedy_alts).
static_assert(std::tuple_size_v<decltype(remedy_cue_alternatives)> <= 32, "a cue grammar has at most 32 alternatives");

std::vector<std::vector<std::string>> remedy_cue_starts_in_order() {
    return {
        FirstWords().add(asked).words,
        FirstWords().add(plan_neg).words,
        FirstWords().add(plan_words).words,
        FirstWords().add({"i"}).words,
        FirstWords().add(try_words).words,
        FirstWords().add({"i", "id", "we"}).words,
        FirstWords().add({"my", "the", "best", "one", "a", "another", "your"}).words,
        FirstWords().add(you_could).words,
        FirstWords().add(id_advice).words,
        FirstWords().add(swear_by).words,
        FirstWords().add(what_helped_me).words,
        FirstWords().add(cleft_lead).words,
        FirstWords().add({"the", "my", "a"}).words,
        FirstWords().add(worth_subject).add(adv).add(worth_words).words,
        FirstWords().add(make_sure).words,
        FirstWords().add(avoid_words).words,
        FirstWords().add({"your", "ur"}).words,
        FirstWords().add(you).words,
        FirstWords().add({"really", "also", "definitely", "always"}).add(helps_words).words,
        FirstWords().add(relief_giver).words};
}



}  // namespace

void find_remedy_cues(const PostWords& pw, const Sentence& s, std::vector<CueHit>& out) {
    scan_alternatives(pw, s, remedy_cue_alternatives, &Word::remedy_alts, out);
}


std::vector<std::vector<std::string>> remedy_cue_starts() {
    auto starts = remedy_cue_starts_in_order();
    if (starts.size() != std::tuple_size_v<decltype(remedy_cue_alternatives)>)
        throw std::logic_error("remedy_cue: the list of first words does not match the alternatives");
    return starts;
}

}  // namespace fkb::advice
