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
    // "so" ends a clause as a connective, not as a degree word
    {"I was leaning back ever so slightly on the downhills.",
     {"experiencer(author):I=>was leaning back ever so slightly on the downhills"}, {}},
    {"i noticed I was hunching ever so slightly at the neck, which strained my upper back.",
     {"experiencer(author):I=>was hunching ever so slightly at the neck"}, {}},
    {"I don't stretch so my calves get tight.", {"negation:don't=>stretch", "experiencer(author):my=>calves get tight"}, {}},
    {"I never ran so far before.", {"negation:never=>ran so far before"}, {}},
    {"She doesn't run so often these days.", {"negation:doesn't=>run so often these days"}, {}},
    {"My hips were so sore after the race.", {"experiencer(author):My=>hips were so sore after the race"}, {}},
    {"I didn't run for a week or so after that.", {"negation:didn't=>run for a week or so after that"}, {}},
    // negation of a belief covers what is believed
    {"I don't think my shoes are to blame.", {"negation:don't think=>my shoes are to blame"}, {}},
    {"I don't believe tight calves are the cause here.", {"negation:don't believe=>tight calves are the cause here"}, {}},
    {"I do not believe the mileage is the issue.", {"negation:do not believe=>the mileage is the issue"}, {}},
    {"i dont think its ur shoes", {"negation:dont think=>its ur shoes", "experiencer(addressee):ur=>shoes"}, {}},
    {"I don\u2019t believe bad posture is what did it.", {"negation:don\u2019t believe=>bad posture is what did it"}, {}},
    // negation
    {"I don't feel any pain when I walk.", {"negation:don't=>feel any pain"}, {}},
    {"My knee isn't swollen.", {"negation:isn't=>swollen", "experiencer(author):My=>knee isn't swollen"}, {}},
    {"We ruled out plantar fasciitis.", {"negation:ruled out=>plantar fasciitis"}, {}},
    {"My physio ruled out a tear, which was a relief.", {"negation:ruled out=>a tear", "experiencer(other):My physio=>ruled out a tear"}, {}},
    {"There is no pain in the morning.", {"negation:no=>pain in the morning"}, {}},
    {"I have never had shin splints.", {"negation:never=>had shin splints"}, {}},
    {"I wasn't wearing a brace.", {"negation:wasn't=>wearing a brace"}, {}},
    {"Nobody warned me about the hills.", {"negation:Nobody=>warned me about the hills"}, {}},
    {"It wasn't the shoes but the camber of the road.", {"negation:wasn't=>the shoes"}, {}},
    {"I can't run more than a mile without stopping.", {"negation:can't=>run more than a mile without stopping"}, {}},
    {"You shouldn't run through sharp pain.", {"negation:shouldn't=>run through sharp pain", "experiencer(addressee):You=>shouldn't run through sharp pain"}, {}},
    {"Don't ignore a sharp pain in the foot.", {"negation:Don't=>ignore a sharp pain in the foot"}, {}},
    {"He didn't rest at all.", {"negation:didn't=>rest at all", "experiencer(other):He=>didn't rest at all"}, {}},
    {"The x-ray showed no fracture.", {"negation:no=>fracture"}, {}},
    {"I haven't run since Sunday.", {"negation:haven't=>run"}, {}},
    {"No swelling, no bruising, just pain.", {"negation:No=>swelling, no bruising, just pain", "negation:no=>bruising, just pain"}, {}},
    {"I DON'T STRETCH ENOUGH", {"negation:DON'T=>STRETCH ENOUGH"}, {}},
    {"Without proper rest your body can't recover.", {"negation:Without=>proper rest your body can't recover", "negation:can't=>recover"}, {}},
    {"I don't run on roads, but I do run trails.", {"negation:don't=>run on roads", "experiencer(author):I=>do run trails"}, {}},
    {"I never stretch, although I should.", {"negation:never=>stretch"}, {}},
    {"It's not the distance; it's the pace.", {"negation:not=>the distance"}, {}},
    {"My back doesn't hurt - my neck does.", {"negation:doesn't=>hurt", "experiencer(author):my=>neck does"}, {}},
    // negation local to a parenthesis
    {"My back (I don't lift at all) is weak.", {"negation:don't=>lift at all", "experiencer(author):My=>back"}, {}},
    {"My cadence (I never count it) is probably low.",
     {"negation:never=>count it", "hedge(probable):probably=>is probably low"}, {}},
    {"My posture (I don't slouch ... or so I think) still tires my shoulders.", {"negation:don't=>slouch ... or so I think"}, {}},
    // outcomes
    {"The ache no longer bothers me on long runs.", {"outcome(resolved):no longer bothers=>The ache no longer bothers me on long runs"}, {"negation"}},
    {"MY KNEE NO LONGER HURTS", {"outcome(resolved):NO LONGER HURTS=>MY KNEE NO LONGER HURTS"}, {"negation"}},
    {"The swelling went down after two days.", {"outcome(improved):swelling went down=>The swelling went down after two days"}, {}},
    {"I went down the stairs slowly.", {}, {"outcome"}},
    {"After a week of rest the pain was gone.", {"outcome(resolved):was gone=>After a week of rest the pain was gone"}, {}},
    {"The calf stretches really helped.", {"outcome(improved):really helped=>The calf stretches really helped"}, {}},
    {"Nothing seemed to help my knee.", {"outcome(no_effect):Nothing seemed to help=>Nothing seemed to help my knee"}, {"negation"}},
    {"Ice packs did nothing for me.", {"outcome(no_effect):did nothing=>Ice packs did nothing for me"}, {"negation"}},
    {"It did not make any difference.", {"outcome(no_effect):did not make any difference=>It did not make any difference"}, {"negation", "outcome(improved)"}},
    {"The brace didnt make a difference.", {"outcome(no_effect):didnt make a difference=>The brace didnt make a difference"}, {"negation", "outcome(improved)"}},
    {"The new shoes made things worse.", {"outcome(worse):made things worse=>The new shoes made things worse"}, {}},
    {"Switching to trails made a big difference.", {"outcome(improved):made a big difference=>Switching to trails made a big difference"}, {}},
    {"The soreness eased off after a few days.", {"outcome(improved):eased=>The soreness eased off after a few days"}, {}},
    {"My heel pain has improved a lot.", {"outcome(improved):improved=>My heel pain has improved a lot"}, {}},
    {"My shins still ache after every run.", {"outcome(no_effect):still ache=>My shins still ache after every run"}, {}},
    {"The pain went away and I'm back to running.", {"outcome(resolved):went away=>The pain went away and I'm back to running"}, {}},
    // hedges
    {"It is probably a muscle strain.", {"hedge(probable):probably=>It is probably a muscle strain"}, {}},
    {"It might be your running shoes.", {"hedge(possible):might be=>It might be your running shoes"}, {}},
    {"That sounds like runner's knee.", {"hedge(probable):sounds like=>That sounds like runner's knee"}, {}},
    {"It could be a problem with your gait.", {"hedge(possible):could be=>It could be a problem with your gait"}, {}},
    {"I think you are overstriding.", {"hedge(probable):I think=>you are overstriding"}, {}},
    {"I'm pretty sure it's your pillow.", {"hedge(probable):I'm pretty sure=>it's your pillow"}, {}},
    {"Perhaps you are dehydrated.", {"hedge(possible):Perhaps=>Perhaps you are dehydrated"}, {}},
    {"It may be worth seeing a physio.", {"hedge(possible):may be=>It may be worth seeing a physio"}, {}},
    {"Possibly a pinched nerve.", {"hedge(possible):Possibly=>Possibly a pinched nerve"}, {}},
    {"I guess it's from sitting all day.", {"hedge(possible):I guess=>it's from sitting all day"}, {}},
    {"It seems like a tight piriformis.", {"hedge(probable):seems like=>It seems like a tight piriformis"}, {}},
    {"I\u2019m not sure it\u2019s the shoes.", {"hedge(possible):I\u2019m not sure=>it\u2019s the shoes"}, {"negation"}},
    {"I ran 2.5 miles and it probably was too much.", {"hedge(probable):probably=>I ran 2.5 miles and it probably was too much"}, {}},
    // questions
    {"Did you change your shoes recently?", {"question:?=>Did you change your shoes recently?"}, {}},
    {"Have you tried foam rolling?", {"question:?=>Have you tried foam rolling?"}, {}},
    {"Do you run on concrete?", {"question:?=>Do you run on concrete?"}, {}},
    {"What kind of shoes do you wear?", {"question:?=>What kind of shoes do you wear?"}, {}},
    {"Any ideas what could cause this?", {"question:?=>Any ideas what could cause this?"}, {}},
    {"Anyone else get this after long runs?", {"question:?=>Anyone else get this after long runs?"}, {}},
    {"Are you doing any strength work?", {"question:?=>Are you doing any strength work?"}, {}},
    {"You are doing strength work.", {}, {"question"}},
    // conditionals
    {"If your knee swells, stop running.", {"conditional(your knee swells):If=>your knee swells, stop running"}, {}},
    {"If you run every day, take a rest day.", {"conditional(you run every day):If=>you run every day, take a rest day"}, {}},
    {"If the pain gets worse, see a doctor.", {"conditional(the pain gets worse):If=>the pain gets worse, see a doctor"}, {}},
    {"Unless you feel sharp pain, keep going.", {"conditional(you feel sharp pain):Unless=>you feel sharp pain, keep going"}, {}},
    {"If its the outside of the knee it could be your IT band.",
     {"conditional(outside of the knee):If=>its the outside of the knee it could be your IT band"}, {}},
    {"I don't have pain unless I run downhill.", {"conditional(i run downhill):unless=>I run downhill"}, {}},
    // experiencer
    {"My left knee aches.", {"experiencer(author):My=>left knee aches"}, {}},
    {"My husband has the same problem.", {"experiencer(other):My husband=>has the same problem"}, {"experiencer(author)"}},
    {"Your hamstrings might be tight.", {"experiencer(addressee):Your=>hamstrings might be tight"}, {}},
    {"You need to rest more.", {"experiencer(addressee):You=>need to rest more"}, {}},
    {"Most runners get this at some point.", {"experiencer(generic):Most runners=>get this at some point"}, {}},
    {"Beginners often do too much too soon.", {"experiencer(generic):Beginners=>often do too much too soon"}, {}},
    {"My coach always says to slow down.", {"experiencer(other):My coach=>always says to slow down"}, {"experiencer(author)"}},
    {"My friend tore her calf last year.", {"experiencer(other):My friend=>tore her calf last year"}, {}},
    {"We ruled it out together.", {"experiencer(author):We=>ruled it out together"}, {}},
    // history
    {"I used to run marathons.", {"history:used to=>run marathons"}, {}},
    {"I had shin splints two years ago.", {"history:I had=>shin splints two years ago", "history:years ago=>I had shin splints two years ago"}, {}},
    {"Last year I had a stress fracture.", {"history:Last year=>Last year I had a stress fracture"}, {}},
    {"I used to get cramps, but they stopped.", {"history:used to=>get cramps"}, {}},
    {"I've had this pain for three weeks.", {"history:I've had=>this pain for three weeks"}, {}},
    {"I ran a half marathon last weekend.", {}, {"history"}},
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
