// Table-driven tests of the advice extractor's cue grammars and context
// rules: each case is a thread written for this test (the last post is the
// one looked at; a one-post case is the asker's post), the fact it must
// yield, its evidence exactly (the clause that carries the claim, byte for
// byte from the post) and the attributes it must carry. The negative cases
// are readings the grammars must not make ("a cool compress" is no cause
// verb). Cases are in our own words; the corpora test scores whole threads.
#include "advice_support.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Case {
    std::vector<std::string> posts;
    std::string kind, evidence;
    std::vector<std::pair<std::string, std::string>> attrs;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.kind << ": " << c.evidence; }

/// A readable test name from the evidence.
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
    std::string out;
    for (char ch : info.param.evidence) {
        if (std::isalnum(static_cast<unsigned char>(ch))) out.push_back(ch);
        else if (!out.empty() && out.back() != '_') out.push_back('_');
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out + "_" + std::to_string(info.index);
}

void check(const Case& c) {
    fkb::Thread t = advice_test::make_thread(c.posts);
    auto facts = advice_test::run(t);
    const uint32_t post = static_cast<uint32_t>(c.posts.size() - 1);
    std::string seen;
    for (const auto& f : facts) {
        if (f.kind != c.kind || f.evidence.post != post) continue;
        std::string ev = advice_test::evidence(t, f);
        if (ev != c.evidence) {
            seen += "\n  " + f.kind + ": " + ev;
            continue;
        }
        for (const auto& [key, value] : c.attrs)  // "label" is the fact's label, any other key an attribute
            EXPECT_EQ(key == "label" ? f.label : advice_test::attr(f, key), value)
                << key << " of " << c.kind << " '" << c.evidence << "'";
        return;
    }
    ADD_FAILURE() << "no " << c.kind << " with evidence '" << c.evidence << "' in post " << post << "; found:" << seen;
}

class CauseCues : public ::testing::TestWithParam<Case> {};
TEST_P(CauseCues, FindsTheCauseWithItsEvidence) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Advice, CauseCues, ::testing::ValuesIn(std::vector<Case>{
    {{"My wrists tingle at night.", "The laptop probably doesn't help either."}, "cause", "The laptop probably doesn't help either", {{"polarity", "affirmed"}}},
    {{"My big toenail went black after the marathon.", "Long nails make it way worse."}, "cause", "Long nails make it way worse", {{"polarity", "affirmed"}}},
    {{"My knee hurts when I land from a jump.", "At your age it can also be Osgood-Schlatter."}, "cause", "At your age it can also be Osgood-Schlatter", {{"certainty", "possible"}}},
    {{"My knee hurts when I land from a jump.", "My coach says its growing pains."}, "cause", "My coach says its growing pains", {}},
    // A reply that opens with only a condition's name gives its diagnosis.
    {{"My big toenail went black after the marathon.", "Runner's toenail, aka black toenail. It grows out."}, "cause", "Runner's toenail, aka black toenail", {}},
    // The asker's background: what they are or have that the lexicon knows as a cause.
    {{"My ring finger keeps catching when I bend it. I'm type 2 diabetic if that matters."}, "cause", "I'm type 2 diabetic", {{"certainty", "possible"}, {"experiencer", "author"}}},
    {{"My shoulder is stiff and sore at night. I have an underactive thyroid."}, "cause", "I have an underactive thyroid", {{"experiencer", "author"}}},
    {{"My ring finger keeps catching when I bend it.", "It is more common in diabetics."}, "cause", "more common in diabetics", {{"certainty", "possible"}}},
    {{"My achilles aches after hill runs.", "Tight calves are a big risk factor."}, "cause", "Tight calves are a big risk factor", {{"polarity", "affirmed"}}},
    {{"My knee hurts after cycling.", "It's your saddle height."}, "cause", "It's your saddle height", {{"certainty", "probable"}}},
    {{"My knee hurts after cycling.", "My money's on the new saddle."}, "cause", "My money's on the new saddle", {{"certainty", "probable"}}},
    {{"My knee hurts after cycling.", "Pretty sure it's the stairs at work."}, "cause", "Pretty sure it's the stairs at work", {{"certainty", "probable"}}},
    {{"My knee hurts after cycling.", "Weak glutes lets your knee cave in."}, "cause", "Weak glutes lets your knee cave in", {}},
    // A clause that opens by denying a known condition rules it out.
    {{"My ring finger catches when I bend it. Not arthritis, the GP checked."}, "cause", "Not arthritis", {{"polarity", "negated"}}},
    {{"My knee hurts when I land.", "It's not growing pains if it hurts when you land."}, "cause", "It's not growing pains", {{"polarity", "negated"}}},
    {{"My knee hurts when I land.", "The physio has ruled out patellar tendinopathy."}, "cause", "ruled out patellar tendinopathy", {{"polarity", "negated"}}},
    // What was done before it began is the cause as named, even an exercise the lexicon knows as a remedy.
    {{"My lower back hurts on one side. It started after heavy walking lunges."}, "cause", "It started after heavy walking lunges", {{"label", "heavy walking lunges"}}},
    // "=": where it hurts on one side, the cause on the other, in either order.
    {{"My knee hurts after rides.", "Rule of thumb: back of knee = saddle too high."}, "cause", "back of knee = saddle too high", {{"label", "poor bike fit"}}},
    // A time at the end of an unmapped phrase says when, not what: it stays out of the label.
    {{"My lower back aches after runs. I started running three times a week in January."}, "cause", "I started running three times a week in January", {{"label", "running three times a week"}}},
    {{"My lower back aches after runs. I started running three times a week a couple of months ago."}, "cause", "I started running three times a week a couple of months ago", {{"label", "running three times a week"}}},
    {{"My knees ache after every run.", "Concrete does that to a lot of people."}, "cause", "Concrete does that to a lot of people", {{"label", "running on hard surfaces"}}},
    {{"My knees and lower back ache after runs. Is this the accutane?"}, "cause", "Is this the accutane", {{"certainty", "questioned"}, {"label", "isotretinoin"}}},
    {{"My hamstring pulled in the match.", "Cold muscles and fatigue both raise the risk."}, "cause", "Cold muscles and fatigue both raise the risk", {{"polarity", "affirmed"}}},
    {{"My knee hurts after runs.", "I'd bet it's the sudden mileage increase."}, "cause", "I'd bet it's the sudden mileage increase", {{"certainty", "probable"}}},
    {{"My knee hurts after runs.", "Could well be overuse."}, "cause", "Could well be overuse", {{"certainty", "possible"}}},
    {{"My knee hurts after runs.", "Most likely culprit is the new shoes."}, "cause", "Most likely culprit is the new shoes", {{"certainty", "probable"}}},
    {{"My knee hurts after runs.", "Knee pain like that is often caused by weak hips."}, "cause", "Knee pain like that is often caused by weak hips", {{"certainty", "possible"}}},
    {{"My knee hurts after runs.", "A common cause is weak hips."}, "cause", "A common cause is weak hips", {}},
    {{"My knee hurts after runs.", "Probably because your calves are really tight."}, "cause", "Probably because your calves are really tight", {{"certainty", "probable"}}},
    {{"My knee hurts after runs.", "It's all down to the new shoes."}, "cause", "all down to the new shoes", {}},
    {{"I've had headaches since starting the new tablets."}, "cause", "I've had headaches since starting the new tablets", {{"certainty", "possible"}, {"experiencer", "author"}}},
    {{"My knee is sore. After a weekend of kneeling in the garden it swelled up like a balloon."}, "cause", "After a weekend of kneeling in the garden", {{"certainty", "possible"}, {"experiencer", "author"}}},
    // The asker states something and asks whether it is the cause.
    {{"My hands tingle at night. I work on a laptop all day, could that be it?"}, "cause", "I work on a laptop all day", {{"certainty", "questioned"}, {"experiencer", "author"}}},
    {{"My shoulder aches after bench. I flare my elbows pretty wide, is that a problem?"}, "cause", "I flare my elbows pretty wide", {{"certainty", "questioned"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Weak glutes can cause knee pain on long runs."}, "cause", "Weak glutes can cause knee pain on long runs", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Your back probably hurts because of the downhill miles."}, "cause", "Your back probably hurts because of the downhill miles", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Sounds like a tight IT band to me."}, "cause", "Sounds like a tight IT band to me", {{"certainty", "probable"}, {"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Your old shoes are the culprit."}, "cause", "Your old shoes are the culprit", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "The real problem is your cadence."}, "cause", "The real problem is your cadence", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I get back pain whenever I run on pavement."}, "symptom", "I get back pain whenever I run on pavement", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I get back pain whenever I run on pavement."}, "cause", "I get back pain whenever I run on pavement", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Doing 40 miles a week right away is too much."}, "cause", "Doing 40 miles a week right away is too much", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Did you change your shoes recently?"}, "cause", "Did you change your shoes recently", {{"certainty", "questioned"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "That's textbook runner's knee."}, "cause", "That's textbook runner's knee", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "My physio said it was patellar tendinopathy."}, "cause", "My physio said it was patellar tendinopathy", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "other"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Since I switched to minimalist shoes my calves ache every morning."}, "cause", "Since I switched to minimalist shoes my calves ache every morning", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "It's probably not your mattress."}, "cause", "It's probably not your mattress", {{"certainty", "probable"}, {"polarity", "negated"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I don't think stretching is the issue."}, "cause", "I don't think stretching is the issue", {{"certainty", "asserted"}, {"polarity", "negated"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Sitting all day puts a lot of pressure on your lower back."}, "cause", "Sitting all day puts a lot of pressure on your lower back", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "For me it was dehydration."}, "cause", "For me it was dehydration", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Flat feet and worn shoes are a recipe for shin splints."}, "cause", "worn shoes are a recipe for shin splints", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "It may be that your bike saddle is too low."}, "cause", "It may be that your bike saddle is too low", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "A cool compress helps with the itching."}, "remedy", "A cool compress helps with the itching", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Then squeeze a ball between your knees for ten seconds."}, "remedy", "squeeze a ball between your knees for ten seconds", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "ten seconds"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Long hours at a laptop are terrible for your neck."}, "cause", "Long hours at a laptop are terrible for your neck", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Hill sprints load the Achilles a lot."}, "cause", "Hill sprints load the Achilles a lot", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},    {{"My lower back has been sore after my runs for two weeks.", "Sounds like you need new shoes."}, "cause", "Sounds like you need new shoes", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "That happens when you overstride."}, "cause", "That happens when you overstride", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "My guess is tight calves."}, "cause", "My guess is tight calves", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Probably from all the sitting."}, "cause", "Probably from all the sitting", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Honestly the usual suspects are weak hips and too much mileage."}, "cause", "the usual suspects are weak hips and too much mileage", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Running on the camber is what did it for me."}, "cause", "Running on the camber is what did it for me", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Dairy flares it up for me."}, "cause", "Dairy flares it up for me", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Blame the new shoes."}, "cause", "Blame the new shoes", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Probably not enough sleep."}, "cause", "Probably not enough sleep", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Sitting makes it worse."}, "cause", "Sitting makes it worse", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Cheap insoles are notorious for this."}, "cause", "Cheap insoles are notorious for this", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "stye city lol."}, "cause", "stye city", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "thats a stress reaction until proven otherwise."}, "cause", "thats a stress reaction until proven otherwise", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Sounds like plantar fasciitis for sure."}, "cause", "Sounds like plantar fasciitis for sure", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Honestly your deadlift volume is the first thing I'd blame."}, "cause", "Honestly your deadlift volume is the first thing I'd blame", {{"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "What you describe is facet joint irritation."}, "cause", "What you describe is facet joint irritation", {{"certainty", "probable"}, {"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "A heavy backpack can contribute too."}, "cause", "A heavy backpack can contribute too", {{"certainty", "possible"}, {"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "The strap over the shoulder irritates those muscles."}, "cause", "The strap over the shoulder irritates those muscles", {{"polarity", "affirmed"}}},
    {{"My lower back aches every morning. Got a new memory foam mattress a month ago."}, "cause", "Got a new memory foam mattress a month ago", {{"certainty", "possible"}, {"experiencer", "author"}}},
    {{"My lower back aches every morning. I've been sleeping on the sofa since the move."}, "cause", "I've been sleeping on the sofa", {{"certainty", "possible"}, {"experiencer", "author"}}},
    {{"My shins ache after runs. I bumped up to 40 miles a week in March."}, "cause", "I bumped up to 40 miles a week in March", {{"certainty", "possible"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Most likely sciatica, given the leg symptoms."}, "cause", "Most likely sciatica", {{"certainty", "probable"}}},
    {{"My lower back has been sore after my runs for two weeks.", "mine was a bulging disc, it took months."}, "cause", "mine was a bulging disc", {{"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Tight hip flexors play a big part in this."}, "cause", "Tight hip flexors play a big part in this", {{"polarity", "affirmed"}}},
}), case_name);

class RemedyCues : public ::testing::TestWithParam<Case> {};
TEST_P(RemedyCues, FindsTheRemedyWithItsEvidence) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Advice, RemedyCues, ::testing::ValuesIn(std::vector<Case>{
    // The items of a list a reply introduces with a colon are its advice, whatever their form.
    {{"My eyes are dry by the afternoon.", "My usual advice:\n1) preservative-free tears 4 times a day\n2) top of the monitor at or slightly below eye level"}, "remedy", "top of the monitor at or slightly below eye level", {{"experiencer", "addressee"}}},
    {{"My lower back aches after long drives.", "Try:\n* seat closer to the pedals\n* backrest more upright"}, "remedy", "backrest more upright", {}},
    {{"My hamstring pulled in the match.", "For the next couple of weeks:\n- gentle bridges from about day 3\n- walk normally"}, "remedy", "gentle bridges from about day 3", {}},
    {{"My knee aches. What I have tried so far:\n- knee sleeve from the chemist\n- a week off running"}, "remedy", "knee sleeve from the chemist", {{"experiencer", "author"}}},
    {{"My elbow aches after pull-ups.", "A neutral grip bar is worth a go."}, "remedy", "A neutral grip bar is worth a go", {}},
    {{"My knee hurts after runs.", "RICE and ibuprofen."}, "remedy", "RICE and ibuprofen", {}},
    {{"My knee hurts after runs.", "Best thing is rest."}, "remedy", "Best thing is rest", {}},
    {{"My knee hurts after runs.", "Swap to softer trails for a while."}, "remedy", "Swap to softer trails for a while", {}},
    {{"My wrist goes numb at night.", "A splint at night fixed mine but I also had to lower my keyboard at work."}, "remedy", "A splint at night fixed mine", {{"outcome", "resolved"}}},
    {{"My wrist goes numb at night.", "A splint at night fixed mine but I also had to lower my keyboard at work."}, "remedy", "I also had to lower my keyboard at work", {{"experiencer", "author"}}},
    {{"My back aches after long drives.", "Cheers. Moved it forward and more upright, and the drive home was fine."}, "remedy", "Moved it forward and more upright", {{"experiencer", "author"}}},
    // Pseudo-clefts name the remedy after the copula.
    {{"My heel hurts in the mornings.", "What actually cleared it up was heavy calf raises."}, "remedy", "What actually cleared it up was heavy calf raises", {{"outcome", "resolved"}}},
    {{"My eyes are dry by the afternoon.", "The biggest difference for me was remembering to blink."}, "remedy", "The biggest difference for me was remembering to blink", {{"experiencer", "author"}}},
    // What a reply's author, or the asker coming back, did about it.
    {{"My wrists tingle at night.", "Got a pair of splints from the chemist and slept through."}, "remedy", "Got a pair of splints from the chemist", {{"experiencer", "author"}}},
    {{"My elbow aches after tennis.", "I restrung with a softer string at lower tension."}, "remedy", "I restrung with a softer string at lower tension", {{"experiencer", "author"}}},
    {{"My stomach is upset on the new tablets.", "thanks all, took them with dinner tonight and no cramps"}, "remedy", "took them with dinner tonight", {{"experiencer", "author"}}},
    {{"My back aches after long drives.", "Finally bought a lumbar cushion, and the drive home was fine."}, "remedy", "Finally bought a lumbar cushion", {{"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Try icing it for 15 minutes after each run."}, "remedy", "Try icing it for 15 minutes after each run", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "15 minutes"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I would suggest foam rolling your calves."}, "remedy", "foam rolling your calves", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Make sure you warm up properly before speed work."}, "remedy", "Make sure you warm up properly before speed work", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Avoid running downhill for a couple of weeks."}, "remedy", "Avoid running downhill for a couple of weeks", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "a couple of weeks"}}},
    // Advice against a remedy is that remedy, negated; "avoid X" (above) advises avoiding X.
    {{"My big toenail went black after the marathon.", "Don't pop it, it grows out on its own."}, "remedy", "Don't pop it", {{"polarity", "negated"}, {"experiencer", "addressee"}}},
    {{"My shoulder is stiff and sore at night.", "Never force the stretches into pain."}, "remedy", "Never force the stretches into pain", {{"polarity", "negated"}}},
    // "get it looked at" is seeing a doctor; a negation inside a leading condition negates nothing.
    {{"My calf went pop on a hill rep.", "It could be a tear, so get it looked at."}, "remedy", "get it looked at", {{"polarity", "affirmed"}}},
    {{"My calf went pop on a hill rep.", "if you cant go up on your toes at all get it looked at"}, "remedy", "if you cant go up on your toes at all get it looked at", {{"polarity", "affirmed"}}},
    {{"My big toenail went black after the marathon.", "Leave it, or better yet see a podiatrist."}, "remedy", "see a podiatrist", {}},
    // What a reply's author had done: "had" needs a known remedy after it; "switched to" names its object.
    {{"My ring finger keeps catching when I bend it.", "I had the injection in March and it's been fine since."}, "remedy", "I had the injection in March", {{"experiencer", "author"}}},
    {{"My ring finger keeps catching when I bend it.", "I ended up having the little release op."}, "remedy", "I ended up having the little release op", {{"experiencer", "author"}}},
    {{"My elbow aches after tennis.", "I switched to a multifilament."}, "remedy", "I switched to a multifilament", {{"experiencer", "author"}}},
    {{"My ring finger keeps catching when I bend it.", "In the meantime, swap to ratchet secateurs which need much less grip."}, "remedy", "swap to ratchet secateurs", {}},
    {{"My foot hurts at the ball when I dance.", "Met pads are magic."}, "remedy", "Met pads are magic", {{"polarity", "affirmed"}}},
    // What a clinician did or can do.
    {{"My eye pressure went up on the steroid drops.", "They swapped me to a weaker drop."}, "remedy", "They swapped me to a weaker drop", {{"experiencer", "author"}}},
    {{"My thumb side of the wrist hurts when I lift.", "If it doesn't settle your GP can do a steroid injection."}, "remedy", "GP can do a steroid injection", {{"polarity", "affirmed"}, {"certainty", "possible"}, {"condition", "it doesn't settle"}}},
    // A dash set off by spaces ends a clause; "or better yet" opens another imperative.
    {{"My ring finger keeps catching when I bend it.", "I'd see the GP - a steroid injection into the sheath sorts a lot of people out."}, "remedy", "see the GP", {}},
    {{"My ring finger keeps catching when I bend it.", "I'd see the GP - a steroid injection into the sheath sorts a lot of people out."}, "remedy", "a steroid injection into the sheath sorts a lot of people out", {}},
    {{"My big toenail went black after the marathon.", "Sterilise a needle first or better yet see a podiatrist."}, "remedy", "see a podiatrist", {}},
    // A reply's verbless update: a known remedy and a participle that says it was done.
    {{"The outside of my ankle aches on cambered roads.", "Thanks. Resistance bands ordered."}, "remedy", "Resistance bands ordered", {{"experiencer", "author"}}},
    {{"My lower back aches on long drives.", "Stop every 90 mins, even for 5 minutes."}, "remedy", "Stop every 90 mins", {{"label", "stop every 90 mins"}}},
    {{"My lower back aches on long drives.", "Avoid slouching in the seat."}, "remedy", "Avoid slouching in the seat", {{"label", "avoid poor posture"}}},
    {{"My big toenail went black after the marathon.", "Don't pop it."}, "remedy", "Don't pop it", {{"label", "pop it"}, {"polarity", "negated"}}},
    // An unmapped remedy's label leaves out an opening adverbial and a dose at its end.
    {{"My knee hurts on downhills.", "In the meantime swap the hilly route for a flat one for two weeks."}, "remedy", "In the meantime swap the hilly route for a flat one for two weeks", {{"label", "swap the hilly route for a flat one"}, {"dosage", "two weeks"}}},
    // Outcomes in forum words.
    {{"My heel hurts in the mornings.", "Calf stretches did jack all."}, "remedy", "Calf stretches did jack all", {{"outcome", "no_effect"}}},
    {{"My heel hurts in the mornings.", "Insoles were a waste of money."}, "remedy", "Insoles were a waste of money", {{"outcome", "no_effect"}}},
    {{"My heel hurts in the mornings.", "Rolling a frozen bottle under my foot was the only thing that helped."}, "remedy", "Rolling a frozen bottle under my foot was the only thing that helped", {{"outcome", "improved"}}},
    // What the complaint needs.
    {{"My right eye has been red and sore for a week.", "Red eye plus light sensitivity needs an eye doctor today."}, "remedy", "Red eye plus light sensitivity needs an eye doctor", {{"label", "see an eye doctor"}}},
    {{"My calf went pop on a hill rep.", "That needs to be checked by a doctor straight away."}, "remedy", "needs to be checked by a doctor", {{"label", "see a doctor"}}},
    // A verbless fragment led by a known remedy, then a modifier phrase.
    {{"My achilles is stiff in the mornings.", "Heavy calf raises on the smith machine."}, "remedy", "Heavy calf raises on the smith machine", {{"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "You should see a physio about it."}, "remedy", "see a physio about it", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Glute bridges helped me a lot."}, "remedy", "Glute bridges helped me a lot", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "improved"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Shorten your stride and land under your hips."}, "remedy", "Shorten your stride", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Shorten your stride and land under your hips."}, "remedy", "land under your hips", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Rest a few days, ice the knee at night, and do some gentle cycling."}, "remedy", "Rest a few days", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "a few days"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Rest a few days, ice the knee at night, and do some gentle cycling."}, "remedy", "ice the knee at night", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Rest a few days, ice the knee at night, and do some gentle cycling."}, "remedy", "do some gentle cycling", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Have you tried a knee strap?"}, "remedy", "Have you tried a knee strap", {{"certainty", "questioned"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Calf raises, 3x15, every other day."}, "remedy", "Calf raises, 3x15, every other day", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "3x15; every other day"}}},
    {{"My lower back has been sore after my runs for two weeks.", "No running for a week."}, "remedy", "No running for a week", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "a week"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I switched to a softer mattress and the pain went away."}, "remedy", "I switched to a softer mattress and the pain went away", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "resolved"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Stretching did nothing for me."}, "remedy", "Stretching did nothing for me", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "no_effect"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "The cortisone shot made it worse."}, "remedy", "The cortisone shot made it worse", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "worse"}, {"experiencer", "generic"}}},
    {{"My back is sore after runs.", "Rest it.", "ok I'll skip the MRI for now."}, "remedy", "I'll skip the MRI for now", {{"certainty", "asserted"}, {"polarity", "negated"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "It's a good idea to replace your shoes every 400 miles."}, "remedy", "It's a good idea to replace your shoes every 400 miles", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "400 miles"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Your shoulders should stay relaxed."}, "remedy", "Your shoulders should stay relaxed", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I work on concrete floors all day and my back is sore."}, "symptom", "my back is sore", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "A brace gave me a few weeks of relief."}, "remedy", "A brace gave me a few weeks of relief", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}, {"dosage", "a few weeks"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Planks are a great way to build core strength, three sets of 45 seconds."}, "remedy", "Planks are a great way to build core strength", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "If it swells up, ice it and keep it raised."}, "remedy", "ice it and keep it raised", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"condition", "it swells up"}}},
    {{"My lower back has been sore after my runs for two weeks.", "What helped me was sleeping with a pillow between my knees."}, "remedy", "What helped me was sleeping with a pillow between my knees", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Dead bugs and bird dogs every morning made my back pain go away."}, "remedy", "Dead bugs and bird dogs every morning made my back pain go away", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "resolved"}, {"experiencer", "author"}, {"dosage", "every morning"}}},    {{"My lower back has been sore after my runs for two weeks.", "I'd ice it and keep it elevated tonight."}, "remedy", "ice it and keep it elevated tonight", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "If I were you I'd get it looked at."}, "remedy", "get it looked at", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Personally I foam roll every night before bed."}, "remedy", "I foam roll every night before bed", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}, {"dosage", "every night"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I take magnesium before bed and the cramps are rare now."}, "remedy", "I take magnesium before bed", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Ice, rest, ibuprofen."}, "remedy", "Ice, rest, ibuprofen", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "A lot of people swear by compression socks."}, "remedy", "A lot of people swear by compression socks", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Cut out the hill repeats for now."}, "remedy", "Cut out the hill repeats for now", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Sounds like you need new shoes."}, "remedy", "new shoes", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Best thing you can do is rest it for a week."}, "remedy", "Best thing you can do is rest it for a week", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "a week"}}},
    {{"My lower back has been sore after my runs for two weeks.", "The cortisone shot made it worse."}, "remedy", "The cortisone shot made it worse", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "worse"}, {"experiencer", "generic"}}},
    {{"My lower back has been sore after my runs for two weeks.", "A lacrosse ball on the glutes changed my life."}, "remedy", "A lacrosse ball on the glutes changed my life", {{"outcome", "resolved"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Cat-cow stretches every morning settled it for me."}, "remedy", "Cat-cow stretches every morning settled it for me", {{"outcome", "improved"}}},
    {{"My lower back has been sore after my runs for two weeks.", "The pool is lovely for sore backs."}, "remedy", "The pool is lovely for sore backs", {{"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "What actually healed mine was bird dogs, 3 sets of 10."}, "remedy", "What actually healed mine was bird dogs", {{"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Ditch the heavy backpack for a messenger bag."}, "remedy", "Ditch the heavy backpack for a messenger bag", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Warm up first, then gently roll the glutes on a tennis ball."}, "remedy", "roll the glutes on a tennis ball", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Do the bend test: if bending forward makes it shoot down your leg, call your doctor."}, "remedy", "call your doctor", {{"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Take two easy days, a heat pad for 20 minutes each evening, and a foam roller."}, "remedy", "a heat pad for 20 minutes each evening", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Take two easy days, a heat pad for 20 minutes each evening, and a foam roller."}, "remedy", "a foam roller", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "If it starts going down your leg, get an MRI."}, "remedy", "get an MRI", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Moved my desk to standing height and the aching has mostly stopped."}, "remedy", "Moved my desk to standing height and the aching has mostly stopped", {{"outcome", "resolved"}}},
    {{"My lower back has been sore after my runs for two weeks.", "once sitting is pain free start bird dogs, 2x10, every morning"}, "remedy", "once sitting is pain free start bird dogs, 2x10, every morning", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Your best bet is a sports massage."}, "remedy", "Your best bet is a sports massage", {{"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "The bird dogs were really helpful."}, "remedy", "The bird dogs were really helpful", {{"polarity", "affirmed"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Keep swimming."}, "remedy", "Keep swimming", {{"experiencer", "addressee"}}},
}), case_name);

class ContextRules : public ::testing::TestWithParam<Case> {};
TEST_P(ContextRules, SetsCertaintyPolarityConditionExperiencerOutcome) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Advice, ContextRules, ::testing::ValuesIn(std::vector<Case>{
    {{"My lower back has been sore after my runs for two weeks.", "It might be your shoes."}, "cause", "It might be your shoes", {{"certainty", "possible"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "It's probably your shoes."}, "cause", "It's probably your shoes", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Is it your shoes?"}, "cause", "Is it your shoes", {{"certainty", "questioned"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I don't believe my shoes are the problem."}, "cause", "I don't believe my shoes are the problem", {{"certainty", "asserted"}, {"polarity", "negated"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "If it's the outer knee, it's probably your IT band."}, "cause", "it's probably your IT band", {{"certainty", "probable"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"condition", "outer knee"}}},
    {{"My lower back has been sore after my runs for two weeks.", "My running form (I don't lean forward at all) wears out my hips."}, "cause", "My running form (I don't lean forward at all) wears out my hips", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My lower back has been sore after my runs for two weeks.", "I iced it every night and it got better."}, "remedy", "I iced it every night and it got better", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "improved"}, {"experiencer", "author"}, {"dosage", "every night"}}},
    {{"My lower back has been sore after my runs for two weeks.", "You should ice it every night."}, "remedy", "ice it every night", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "addressee"}, {"dosage", "every night"}}},
    {{"My lower back has been sore after my runs for two weeks.", "Yoga helped and now it no longer bothers me."}, "remedy", "Yoga helped and now it no longer bothers me", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "resolved"}, {"experiencer", "author"}}},
    {{"My back is sore after runs.", "Have you tried yoga?", "I have been doing yoga for a month and it hurts the same."}, "remedy", "I have been doing yoga for a month and it hurts the same", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"outcome", "no_effect"}, {"experiencer", "author"}, {"dosage", "a month"}}},}), case_name);

class Symptoms : public ::testing::TestWithParam<Case> {};
TEST_P(Symptoms, FindsTheComplaintWithItsClause) { check(GetParam()); }
INSTANTIATE_TEST_SUITE_P(Advice, Symptoms, ::testing::ValuesIn(std::vector<Case>{
    {{"My vision seems a bit blurry in that eye."}, "symptom", "My vision seems a bit blurry in", {{"label", "eye blurriness"}}},
    {{"For about four months my left shoulder has been getting gradually more painful."}, "symptom", "For about four months my left shoulder has been getting gradually more painful", {{"label", "shoulder pain"}}},
    {{"I've rolled my left ankle three times this year."}, "symptom", "I've rolled my left ankle three times this year", {{"label", "sprained ankle"}}},
    {{"I'm exhausted all the time on this medication."}, "symptom", "I'm exhausted all the time on this medication", {{"label", "fatigue"}}},
    {{"My left calf began to burn halfway through the run."}, "symptom", "My left calf began to burn halfway through the run", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"Sore shoulders after swimming laps."}, "symptom", "Sore shoulders after swimming laps", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"I have a dull pain on the outside of my right knee."}, "symptom", "I have a dull pain on the outside of my right knee", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My knee hurts when I run downhill."}, "symptom", "My knee hurts when I run downhill", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My ankle is puffy. No swelling in the foot though."}, "symptom", "My ankle is puffy", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"Today my back in particular is very sore."}, "symptom", "Today my back in particular is very sore", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"I've had a dry cough for three weeks."}, "symptom", "I've had a dry cough for three weeks", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My wrist is stiff in the morning. It hurts to turn a key."}, "symptom", "My wrist is stiff in the morning", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"My wrist is stiff in the morning. It hurts to turn a key."}, "symptom", "It hurts to turn a key", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"I bumped up my mileage last month and my hip aches."}, "symptom", "my hip aches", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},    {{"my left knee has been acting up since the race."}, "symptom", "my left knee has been acting up", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"Woke up with a stiff neck and can't turn my head to the left."}, "symptom", "Woke up with a stiff neck", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"I get pins and needles in my right hand when I type."}, "symptom", "I get pins and needles in my right hand when I type", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"Constant ringing in my ears since the concert."}, "symptom", "Constant ringing in my ears", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"my lower back is wrecked after deadlifts."}, "symptom", "my lower back is wrecked after deadlifts", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"Heartburn every night since I started the new meds."}, "symptom", "Heartburn every night", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"I keep getting cramps in my calves at night."}, "symptom", "I keep getting cramps in my calves at night", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"Both shins are throbbing after my run."}, "symptom", "Both shins are throbbing after my run", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"pins and needles in my right hand."}, "symptom", "pins and needles in my right hand", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"pain in my right hand when I type."}, "symptom", "pain in my right hand when I type", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"I get pins and needles in my right hand."}, "symptom", "I get pins and needles in my right hand", {{"certainty", "asserted"}, {"polarity", "affirmed"}, {"experiencer", "author"}}},
    {{"The inside of my wrist, near the watch strap, throbs at night."}, "symptom", "The inside of my wrist, near the watch strap, throbs at night", {{"experiencer", "author"}}},
    {{"My eyes itch and feel dry by the evening."}, "symptom", "My eyes itch and feel dry by the evening", {{"experiencer", "author"}}},
    {{"I was told I have gout in my left foot. Last night it swelled up again."}, "symptom", "Last night it swelled up again", {{"experiencer", "author"}}},
    {{"My heel hurts most mornings. It pinches when I first stand up."}, "symptom", "It pinches when I first stand up", {{"experiencer", "author"}}},
    {{"My knee has ached for weeks. Dull ache at night if I sleep on that side."}, "symptom", "Dull ache at night if I sleep on", {{"experiencer", "author"}}},
    {{"My wrist has been sore for a week. It throbs when I carry the shopping bags up the stairs to our flat."}, "symptom", "It throbs when I carry the shopping bags up the stairs to our flat", {{"experiencer", "author"}}},
    {{"My left thigh hurts. Theres bruising just below the spot and it pulls when I straighten my leg."}, "symptom", "it pulls when I straighten my leg", {{"experiencer", "author"}}},
    {{"My left thigh hurts. Theres bruising just below the spot and it pulls when I straighten my leg."}, "symptom", "Theres bruising just below the spot", {{"experiencer", "author"}}},
    {{"my lower back is absolutely killing me, dull ache right across the belt line."}, "symptom", "dull ache right across the belt line", {{"experiencer", "author"}}},
    {{"Pain when I bend my knee."}, "symptom", "Pain when I bend my knee", {{"experiencer", "author"}}},
    {{"It hurts when I lift my arm overhead."}, "symptom", "It hurts when I lift my arm overhead", {{"experiencer", "author"}}},
    // What makes the complaint worse is part of the asker's report.
    {{"My left knee aches. Walking down stairs is the worst."}, "symptom", "Walking down stairs is the worst", {{"experiencer", "author"}}},
    {{"My left knee swelled up. Walking down stairs is the worst."}, "symptom", "Walking down stairs is the worst", {{"experiencer", "author"}}},
    {{"My hip aches after long drives, sitting for more than an hour is brutal."}, "symptom", "sitting for more than an hour is brutal", {{"experiencer", "author"}}},
    {{"My lower back has been stiff for a week. Worst in the morning before coffee."}, "symptom", "Worst in the morning before coffee", {{"experiencer", "author"}}},
    {{"My shoulder aches. Its worse after swimming."}, "symptom", "Its worse after swimming", {{"experiencer", "author"}}},
}), case_name);

/// Readings the extractor must not make: no fact of `kind` in the last post
/// whose evidence contains `needle`.
struct Negative {
    std::vector<std::string> posts;
    std::string kind, needle, why;
};

TEST(AdviceNegatives, ReadingsThatMustNotBeMade) {
    const std::string open = "My lower back has been sore after my runs for two weeks.";
    const std::vector<Negative> cases = {
        {{open, "Took about 6 weeks."}, "remedy", "Took", "a time span, not a dosed remedy"},
        {{"My right knee is stiff in the mornings. I pull the straps tight before a lift."}, "symptom", "straps tight", "a word about something else"},
        {{"Been doing heavy skull crushers on Fridays."}, "symptom", "skull", "an exercise name, not a head"},
        {{"My lower back aches every morning. Went to my GP already and she was no help."}, "cause", "GP", "a visit, not a change"},
        {{"My lower back has been sore after my runs for two weeks.", "Usually bursitis clears up with a few weeks of rest."}, "cause", "bursitis", "a hedge about the course, not a diagnosis"},
        {{open, "Do it."}, "remedy", "Do it", "a verb with a pronoun object only"},
        {{open, "Once bending is pain free again, add deadlifts back slowly."}, "remedy", "Once bending is pain free again", "a condition for the advice, not a result"},
        {{"My knees ache after every run. On the new pills, started about 7 weeks ago."}, "cause", "7 weeks", "a time, not what was started"},
        {{"My left hip pinches when I squat deep."}, "cause", "left hip", "the complaint of a symptom, not a cause verb"},
        {{open, "A cool compress helps with the itching."}, "cause", "compress", "a noun after a determiner"},
        {{open, "Adductor strains are common in hockey."}, "cause", "strains", "a noun before a verb"},
        {{open, "Then squeeze a ball between your knees for ten seconds."}, "cause", "squeeze", "an imperative"},
        {{open, "There could be several reasons for back pain."}, "cause", "reasons", "an existential frame"},
        {{open, "Hopefully this helps!"}, "remedy", "Hopefully", "a sign-off"},
        {{"I work on concrete floors all day and my back is sore."}, "remedy", "concrete", "the asker's job"},
        {{open, "I work on concrete floors all day and my back is sore."}, "remedy", "concrete", "a job, not advice"},
        {{"Is this shin splints?"}, "symptom", "shin splints", "a guess asked about"},
        {{"My ankle is puffy. No swelling in the foot though."}, "symptom", "No swelling", "a denied symptom"},
        {{"Yoga helped and now it no longer bothers me."}, "symptom", "no longer", "an outcome, not a symptom"},
        {{"I bumped up my mileage last month and my hip aches."}, "symptom", "bumped", "a verb, not a lump"},
        {{open, "It's a good idea to replace your shoes every 400 miles."}, "cause", "good idea", "advice, not a diagnosis"},
        {{open, "Sitting makes it worse."}, "remedy", "Sitting", "an aggravating cause, not a failed remedy"},
        {{"My knee hurts on both sides but the right is worse."}, "symptom", "right is worse", "a side compared, not an aggravating activity"},
        {{"Every April my eyes get itchy, red and watery."}, "symptom", "red and watery", "complaints listed after a mention are part of it"},
        {{open, "Bit of both honestly, tendons get less forgiving in your 40s."}, "remedy", "40s", "a decade of age is no dose"},
        {{open, "Good to hear it's not the knees over toes thing."}, "remedy", "hear", "glad news, not advice"},
        {{open, "I'd put money on tight calves."}, "remedy", "money", "a bet on a cause, not advice"},
        {{open, "The physio gave me some exercises."}, "cause", "exercises", "'gave me' causes only a complaint"},
        {{open, "It's your first time doing this, so go easy."}, "cause", "first time", "'it's your' before a word that names no cause"},
        {{"My finger keeps catching. I twist the lid off a jar and it clicks."}, "symptom", "lid", "twisting a jar lid is no sprain of an eyelid"},
        {{open, "I'm not fast, just consistent."}, "cause", "fast", "a negated background is none"},
        {{open, "I'm not injured, just stiff after long runs."}, "cause", "injured", "how the author is, not a cause ruled out"},
        {{"My right eye has been red and sore for a week.", "Warm compresses twice a day."}, "cause", "Warm", "a remedy's name ending in a verb form ('compresses') is no cause verb"},
        {{"I started sertraline three weeks ago and I feel sick every morning.", "It usually settles after a month or so."}, "cause", "settles", "how it runs its course, not a cause"},
        {{"I started sertraline three weeks ago and I feel sick every morning.", "Usually settles after a month."}, "remedy", "settles", "how it runs its course, not advice"},
        {{"I started sertraline three weeks ago and I feel sick every morning.", "Nausea is really common in the first few weeks."}, "remedy", "Nausea", "a symptom at the head of a sentence is no remedy"},
        {{"My fingers tingle at night. I shake my hand to get the feeling back."}, "symptom", "shake", "shaking a hand is what the author does, not a tremor"},
        {{"The top of my foot hurts when I lace up. Worried about a stress fracture."}, "symptom", "stress fracture", "a fear, not a report"},
        {{"My eye has ached since my cataract surgery five weeks ago."}, "symptom", "cataract", "a procedure, not the complaint"},
        {{"My knees ache after downhill runs.", "Mine flared up on descents too."}, "cause", "Mine flared", "a possessive pronoun names no cause"},
        {{"My lower back hurts on one side.", "Try the belt squeeze.", "Thanks, did the belt push/squeeze thing and it eased right off."}, "cause", "belt", "what a reply's author did and it helped is a remedy, not a cause"},
        {{open, "Don't let the bar touch so low."}, "cause", "bar", "a negated imperative, not a cause"},
        {{"My shoulder is fine. It hurts when I lift my arm overhead."}, "cause", "shoulder", "the asker's body part is no cause"},
        {{"My heel aches. After a mile or so it loosens up but then it aches again."}, "cause", "mile", "a distance is when, not what set it off"},
        {{open, "Tendons and ligaments."}, "remedy", "Tendons", "a fragment of no known remedy"},
        {{"My shoulder aches. Since then theres a deep ache in the front of it, worse when I lie on it."}, "remedy", "deep ache", "a complaint that is worse is no failed remedy"},
        {{"My back is sore. The worst thing for it is sitting."}, "symptom", "worst thing", "a cause named, not when it is worst"},
        {{"My back is sore and I think the mattress is the worst."}, "symptom", "mattress", "a thing, not an activity"},
        {{open, "Walking down stairs is the worst when you have runner's knee."}, "symptom", "Walking", "a reply speaks of someone else's complaint"},
        {{open, "I ran through the city for an hour."}, "cause", "city", "a place, not a diagnosis marker"},
        {{open, "Got shin splints the same way last year."}, "remedy", "shin splints", "a complaint the author got, not a remedy"},
        {{"My knee clicks when I squat deep, is that normal?"}, "cause", "squat", "a question about the symptom, not about a cause"},
        {{open, "Ice probably doesn't help either."}, "cause", "Ice", "a known remedy that does not help is a remedy's outcome"},
        {{open, "Common culprits:\n- worn out trainers\n- too much mileage too soon"}, "remedy", "trainers", "items under a lead that names causes are causes"},
        {{"My knee aches. Things I want to know:\n- how long it takes\n- whether I can still cycle"}, "remedy", "cycle", "the asker's own list of questions is no advice"},
        {{"My achilles hurts. The tendon is tender if I pinch it."}, "cause", "tendon", "the author pinching is an action, not a cause verb"},
        {{"Upped my mileage to 40 miles a week and now my heel is sore."}, "cause", "heel", "'and now' opens a new clause"},
        {{"My heel aches. It warms up after a mile or so then comes back worse in the evening."}, "remedy", "mile", "a distance is when, not what was done"},
        {{open, "Did nothing for me either."}, "remedy", "nothing", "no thing done"},
        {{open, "It got worse before it got better."}, "remedy", "worse", "an outcome, not a thing done"},
        {{"My knee hurts.", "I agree with the others, rest it.", "lol thanks, I'll let you know how it goes"},
         "remedy", "know", "a promise to report back"},
    };
    for (const auto& c : cases) {
        fkb::Thread t = advice_test::make_thread(c.posts);
        const uint32_t post = static_cast<uint32_t>(c.posts.size() - 1);
        for (const auto& f : advice_test::run(t)) {
            if (f.kind != c.kind || f.evidence.post != post) continue;
            EXPECT_EQ(advice_test::evidence(t, f).find(c.needle), std::string::npos)
                << c.why << ": " << c.kind << " '" << advice_test::evidence(t, f) << "'";
        }
    }
}

}  // namespace
