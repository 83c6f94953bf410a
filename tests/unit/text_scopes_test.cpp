// Context scopes: each case gives a sentence (or a short post), the scopes
// it must have, written "kind(value):trigger=>scope" with trigger and scope
// as the exact original bytes their offsets cover, and the kinds it must
// not have. Sentences are ours; some repeat the phenomena of the seed
// threads in other words (curly apostrophes, negated causes, outcomes that
// look like negations, negations inside a parenthesis).
#include <forumkb/text/analyzer.hpp>
#include <forumkb/text/context_scopes.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

struct Case {
    const char* text;
    std::vector<const char*> expected;
    std::vector<const char*> absent;  // kind names, or "kind:trigger"
};

const Case kCases[] = {
    // negation
    {"I don\u2019t believe worn shoes are the problem.", {"negation:don\u2019t believe=>worn shoes are the problem"}, {}},
    {"I don't think it's your knees.", {"negation:don't think=>it's your knees"}, {}},
    {"There was no swelling at all.", {"negation:no=>swelling at all"}, {}},
    {"I never stretch before a run.", {"negation:never=>stretch before a run"}, {}},
    {"It's not your shoes but your form.", {"negation:not=>your shoes"}, {}},
    {"My doctor ruled out a stress fracture.", {"negation:ruled out=>a stress fracture"}, {}},
    {"A stress fracture was ruled out.", {"negation:ruled out=>A stress fracture was"}, {}},
    {"I didnt warm up that day", {"negation:didnt=>warm up that day"}, {}},
    {"She does not run on roads, which helps her knees.", {"negation:does not=>run on roads"}, {}},
    {"I can't feel my toes after a mile", {"negation:can't=>feel my toes after a mile"}, {}},
    {"My form (I don't lean forward at all) tires my back.", {"negation:don't=>lean forward at all"}, {}},
    {"My stride (I don\u2019t overstride ... mostly short steps) still hurts my hips.",
     {"negation:don\u2019t=>overstride ... mostly short steps", "experiencer(author):My=>stride"}, {}},
    {"Without a warm up my calves cramp.", {"negation:Without=>a warm up my calves cramp"}, {}},
    {"I haven't had time to rest - work is busy.", {"negation:haven't=>had time to rest"}, {}},
    {"It isn't the mileage, I run very little.", {"negation:isn't=>the mileage"}, {}},
    {"No, I run on a treadmill.", {}, {"negation"}},
    {"Not only my knees but also my hips ache.", {}, {"negation"}},
    {"No doubt the hills did it.", {}, {"negation"}},
    {"Whether or not you rest, ice it.", {}, {"negation"}},
    // outcomes that are not negations
    {"The aches lessened and now no longer bother me.",
     {"outcome(improved):lessened=>The aches lessened and now no longer bother me",
      "outcome(resolved):no longer bother=>The aches lessened and now no longer bother me"},
     {"negation"}},
    {"My shins no longer hurt after runs.", {"outcome(resolved):no longer hurt=>My shins no longer hurt after runs"}, {"negation"}},
    {"I rested for a week and the pain went away.", {"outcome(resolved):went away=>I rested for a week and the pain went away"}, {}},
    {"Within days the soreness was gone.", {"outcome(resolved):was gone=>Within days the soreness was gone"}, {}},
    {"Ice didn't help at all.", {"outcome(no_effect):didn't help=>Ice didn't help at all"}, {"negation"}},
    {"New insoles did not help.", {"outcome(no_effect):did not help=>New insoles did not help"}, {"negation"}},
    {"Stretching made a huge difference.", {"outcome(improved):made a huge difference=>Stretching made a huge difference"}, {}},
    {"Foam rolling made it worse.", {"outcome(worse):made it worse=>Foam rolling made it worse"}, {}},
    {"Massage helped a little.", {"outcome(improved):helped=>Massage helped a little"}, {}},
    {"The brace made no difference.", {"outcome(no_effect):made no difference=>The brace made no difference"}, {}},
    {"Since then it got worse.", {"outcome(worse):got worse=>then it got worse"}, {}},
    {"Two weeks off and it cleared up.", {"outcome(resolved):cleared up=>Two weeks off and it cleared up"}, {}},
    {"My knee still hurts.", {"outcome(no_effect):still hurts=>My knee still hurts"}, {}},
    {"Nothing helped until I saw a physio.", {"outcome(no_effect):Nothing helped=>Nothing helped until I saw a physio"}, {"negation"}},
    // hedges
    {"It's probably your shoes.", {"hedge(probable):probably=>It's probably your shoes"}, {}},
    {"2.5 miles is probably too far for a first run.", {"hedge(probable):probably=>2.5 miles is probably too far for a first run"}, {}},
    {"It may be a tight IT band.", {"hedge(possible):may be=>It may be a tight IT band"}, {}},
    {"That could be shin splints.", {"hedge(possible):could be=>That could be shin splints"}, {}},
    {"Sounds like a weak core to me.", {"hedge(probable):Sounds like=>Sounds like a weak core to me"}, {}},
    {"You might be overtraining.", {"hedge(possible):might be=>You might be overtraining"}, {}},
    {"I think it's the hills.", {"hedge(probable):I think=>it's the hills"}, {}},
    {"Tight hamstrings can cause back pain.", {"hedge(possible):can cause=>Tight hamstrings can cause back pain"}, {}},
    {"It's most likely tendinitis.", {"hedge(probable):most likely=>It's most likely tendinitis"}, {}},
    {"Maybe you need more rest.", {"hedge(possible):Maybe=>Maybe you need more rest"}, {}},
    {"I'm not sure it's the running at all.", {"hedge(possible):I'm not sure=>it's the running at all"}, {"negation"}},
    {"There could be a few reasons for this.", {"hedge(possible):There could be=>a few reasons for this"}, {}},
    // questions
    {"Did you warm up?", {"question:?=>Did you warm up?"}, {}},
    {"Heel first, or mid-foot?", {"question:?=>Heel first, or mid-foot?"}, {}},
    {"Did you stretch afterwards", {"question:Did you=>Did you stretch afterwards"}, {}},
    {"Any tips", {"question:Any tips=>Any tips"}, {}},
    {"How long have you been running?", {"question:?=>How long have you been running?"}, {}},
    {"Is it swollen? \U0001F914", {"question:?=>Is it swollen? \U0001F914"}, {}},
    {"Do some squats.", {}, {"question"}},
    {"I wonder why it hurts.", {}, {"question"}},
    // conditionals
    {"If its upper your probably hunching your shoulders.", {"conditional(upper):If=>its upper your probably hunching your shoulders"}, {}},
    {"If it's lower, it's probably your shoes.", {"conditional(lower):If=>it's lower, it's probably your shoes"}, {}},
    {"It its lower its probably your mattress.", {"conditional(lower):It its=>It its lower its probably your mattress."}, {}},
    {"If the pain is sharp stop running.", {"conditional(sharp stop running):If=>the pain is sharp stop running"}, {}},
    {"Unless it swells, keep walking.", {"conditional(it swells):Unless=>it swells, keep walking"}, {}},
    {"If not, I suggest you do.", {}, {"conditional"}},
    // experiencer
    {"My back is sore today.", {"experiencer(author):My=>back is sore today"}, {}},
    {"Your calves are too tight.", {"experiencer(addressee):Your=>calves are too tight"}, {}},
    {"My wife gets the same pain.", {"experiencer(other):My wife=>gets the same pain"}, {"experiencer(author)"}},
    {"Most people overdo it at first.", {"experiencer(generic):Most people=>overdo it at first"}, {}},
    {"He ran a marathon on it.", {"experiencer(other):He=>ran a marathon on it"}, {}},
    {"It's easy for me.", {"experiencer(author):me=>It's easy for"}, {}},
    {"New runners often get shin splints.", {"experiencer(generic):New runners=>often get shin splints"}, {}},
    {"I\u2019ve been getting pain in my lower back.",
     {"experiencer(author):I\u2019ve=>been getting pain in my lower back", "experiencer(author):my=>lower back"}, {}},
    // history
    {"I had this problem last year.", {"history:I had=>this problem last year", "experiencer(author):I=>had this problem last year"}, {}},
    {"I use to run cross country.", {"history:use to=>run cross country"}, {}},
    {"I used to get blisters, but not anymore.", {"history:used to=>get blisters"}, {}},
    {"I suffered with this too.", {"history:I suffered=>with this too"}, {}},
    {"Years ago my knee did the same.", {"history:Years ago=>Years ago my knee did the same"}, {}},
    // terminators keep scopes in their clause
    {"I don't run hills, however I do sprints.", {"negation:don't=>run hills"}, {}},
    {"It's not the shoes; it's the surface.", {"negation:not=>the shoes"}, {}},
    {"I never warm up because I'm lazy.", {"negation:never=>warm up"}, {}},
    {"I don't run much -- mostly I walk.", {"negation:don't=>run much"}, {}},
    {"No pain in the knees, hips or ankles.", {"negation:No=>pain in the knees, hips or ankles"}, {}},
    {"Not injured and not tired!!", {"negation:Not=>injured and not tired"}, {}},
    // ALL CAPS, curly quotes, no final punctuation
    {"I DON'T THINK IT'S THE SHOES", {"negation:DON'T THINK=>IT'S THE SHOES"}, {}},
    {"it\u2019s probably nothing lol", {"hedge(probable):probably=>it\u2019s probably nothing lol"}, {}},
};

std::string sub(const std::string& t, fkb_span s) {
    EXPECT_LE(s.start, s.end);
    EXPECT_LE(s.end, t.size());
    return t.substr(s.start, s.end - s.start);
}

std::vector<std::string> render(const std::string& text, const fkb::text::PostAnalysis& r) {
    std::vector<std::string> out;
    for (const auto& s : r.scopes) {
        std::string v(s.value.ptr ? std::string(s.value.ptr, s.value.len) : std::string());
        std::string k(fkb::text::scope_kind_name(s.kind));
        if (!v.empty()) k += "(" + v + ")";
        out.push_back(k + ":" + sub(text, s.trigger) + "=>" + sub(text, s.scope));
    }
    return out;
}

class TextScopes : public ::testing::TestWithParam<Case> {};

TEST_P(TextScopes, TriggersAndScopes) {
    static const fkb::text::Analyzer analyzer;
    const Case& c = GetParam();
    std::string text = c.text;
    auto r = analyzer.analyze_post(text);
    auto got = render(text, r);
    std::string all;
    for (const auto& g : got) all += "\n  " + g;
    for (const char* e : c.expected)
        EXPECT_NE(std::find(got.begin(), got.end(), std::string(e)), got.end()) << "missing " << e << " in:" << all;
    for (const char* a : c.absent)
        for (const auto& g : got) EXPECT_NE(g.rfind(a, 0), 0u) << "unexpected " << g;
    for (const auto& s : r.scopes) {
        ASSERT_LT(s.sentence, r.sentences.size());
        const fkb_span sent = r.sentences[s.sentence];
        EXPECT_GE(s.scope.start, sent.start);
        EXPECT_LE(s.scope.end, sent.end);
        EXPECT_GE(s.trigger.start, sent.start);
        EXPECT_LE(s.trigger.end, sent.end);
    }
    for (size_t i = 1; i < r.scopes.size(); ++i) EXPECT_LE(r.scopes[i - 1].scope.start, r.scopes[i].scope.start);
}

INSTANTIATE_TEST_SUITE_P(Cases, TextScopes, ::testing::ValuesIn(kCases));

}  // namespace
