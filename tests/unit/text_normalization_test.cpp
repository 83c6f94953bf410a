// Normalization: each case gives the original text and the expected
// normalized text; every normalized character must map back onto the
// original bytes it came from (checked for every byte of every case).
#include <forumkb/text/normalizer.hpp>

#include <gtest/gtest.h>

namespace {

using fkb::text::NormalizedText;
using fkb::text::Normalizer;

struct Case {
    const char* original;
    const char* normalized;
    bool fold = false;
};

const Case kCases[] = {
    {"plain ascii stays as it is.", "plain ascii stays as it is."},
    {"I don\u2019t run on concrete", "I don't run on concrete"},
    {"it\u2018s \u201Cfine\u201D", "it's \"fine\""},
    {"\u00ABquoted\u00BB text", "\"quoted\" text"},
    {"wait\u2026 what", "wait... what"},
    {"8\u201310 miles", "8-10 miles"},
    {"weak \u2014 then", "weak -- then"},
    {"zero\u200Bwidth", "zerowidth"},
    {"soft\u00ADhyphen", "softhyphen"},
    {"\uFEFFbom at start", "bom at start"},
    {"word\u2060joiner", "wordjoiner"},
    {"runner here \U0001F44B", "runner here \U0001F44B"},
    {"woman running \U0001F3C3\u200D\u2640\uFE0F ok", "woman running \U0001F3C3\u200D\u2640\uFE0F ok"},
    {"stray\u200Djoiner", "strayjoiner"},
    {"\uFF26\uFF55\uFF4C\uFF4C width", "Full width"},
    {"\uFB01ne ligature", "fine ligature"},
    {"cafe\u0301 combining", "caf\u00E9 combining"},
    {"non\u00A0breaking", "non breaking"},
    {"line\u2028separator", "line\nseparator"},
    {"minus \u2212 sign", "minus - sign"},
    {"prime\u2032s", "prime's"},
    {"don\u00B4t acute", "don't acute"},
    {"M\u00DCNCHEN Stra\u00DFe", "m\u00FCnchen strasse", true},
    {"Don\u2019t SHOUT", "don't shout", true},
    {"ASCII Only", "ascii only", true},
    {"bad \xFF byte", "bad \uFFFD byte"},
    {"x\u00B2 squared", "x2 squared"},
    {"\u2022 bullet kept", "\u2022 bullet kept"},
    // forum sentences as they are pasted: curly quotes, dashes, ellipses, no-break
    // and zero-width spaces; compatibility characters
    {"I don\u2019t think it\u2019s your shoes.", "I don't think it's your shoes."},
    {"I\u00A0don\u2019t think it\u2019s your shoes\u200B.", "I don't think it's your shoes."},
    {"It\u2019s probably your form \u2013 try shorter strides.", "It's probably your form - try shorter strides."},
    {"It\u2019s\u00A0probably your form - try shorter strides\u200B.", "It's probably your form - try shorter strides."},
    {"She said \u201Crest it\u201D and I did\u2026", "She said \"rest it\" and I did..."},
    {"She\u00A0said \u201Drest it\u201D and I did\u200B...", "She said \"rest it\" and I did..."},
    {"Don\u2019t run through it, seriously.", "Don't run through it, seriously."},
    {"Don\u2019t\u00A0run through it, seriously\u200B.", "Don't run through it, seriously."},
    {"My knee\u2019s been sore since Sunday.", "My knee's been sore since Sunday."},
    {"My\u00A0knee\u2019s been sore since Sunday\u200B.", "My knee's been sore since Sunday."},
    {"You\u2019re doing too much too soon.", "You're doing too much too soon."},
    {"You\u2019re\u00A0doing too much too soon\u200B.", "You're doing too much too soon."},
    {"We\u2019ve all been there \u2013 it gets better.", "We've all been there - it gets better."},
    {"We\u2019ve\u00A0all been there - it gets better\u200B.", "We've all been there - it gets better."},
    {"I can\u2019t believe it\u2019s been a month.", "I can't believe it's been a month."},
    {"I\u00A0can\u2019t believe it\u2019s been a month\u200B.", "I can't believe it's been a month."},
    {"It wasn\u2019t the mileage\u2026 it was the pace.", "It wasn't the mileage... it was the pace."},
    {"It\u00A0wasn\u2019t the mileage\u200B... it was the pace.", "It wasn't the mileage... it was the pace."},
    {"The \u201Cno pain, no gain\u201D thing is nonsense.", "The \"no pain, no gain\" thing is nonsense."},
    {"The\u00A0\u201Dno pain, no gain\u201D thing is nonsense\u200B.", "The \"no pain, no gain\" thing is nonsense."},
    {"I\u2019d try a week off first.", "I'd try a week off first."},
    {"I\u2019d\u00A0try a week off first\u200B.", "I'd try a week off first."},
    {"They\u2019re not cheap but they\u2019re worth it.", "They're not cheap but they're worth it."},
    {"They\u2019re\u00A0not cheap but they\u2019re worth it\u200B.", "They're not cheap but they're worth it."},
    {"He\u2019s a coach \u2014 listen to him.", "He's a coach -- listen to him."},
    {"He\u2019s\u00A0a coach -- listen to him\u200B.", "He's a coach -- listen to him."},
    {"I\u2019ve had this for 8-10 days.", "I've had this for 8-10 days."},
    {"I\u2019ve\u00A0had this for 8\u201310 days\u200B.", "I've had this for 8-10 days."},
    {"Run 3-4 times a week, not 7.", "Run 3-4 times a week, not 7."},
    {"Run\u00A03\u20134 times a week, not 7\u200B.", "Run 3-4 times a week, not 7."},
    {"It\u2019s \u2018runner\u2019s knee\u2019 according to my physio.", "It's 'runner's knee' according to my physio."},
    {"It\u2019s\u00A0\u2019runner\u2019s knee\u2019 according to my physio\u200B.", "It's 'runner's knee' according to my physio."},
    {"Wait\u2026 did you warm up?", "Wait... did you warm up?"},
    {"Wait\u200B...\u00A0did you warm up?", "Wait... did you warm up?"},
    {"I\u2019m not sure \u2013 maybe ask a doctor?", "I'm not sure - maybe ask a doctor?"},
    {"I\u2019m\u00A0not sure - maybe ask a doctor?", "I'm not sure - maybe ask a doctor?"},
    {"That\u2019s what I\u2019d do.", "That's what I'd do."},
    {"That\u2019s\u00A0what I\u2019d do\u200B.", "That's what I'd do."},
    {"Isn\u2019t that a bit much?", "Isn't that a bit much?"},
    {"Isn\u2019t\u00A0that a bit much?", "Isn't that a bit much?"},
    {"Couldn\u2019t hurt to try.", "Couldn't hurt to try."},
    {"Couldn\u2019t\u00A0hurt to try\u200B.", "Couldn't hurt to try."},
    {"I won\u2019t run tomorrow.", "I won't run tomorrow."},
    {"I\u00A0won\u2019t run tomorrow\u200B.", "I won't run tomorrow."},
    {"Shouldn\u2019t you rest first?", "Shouldn't you rest first?"},
    {"Shouldn\u2019t\u00A0you rest first?", "Shouldn't you rest first?"},
    {"It\u2019ll pass, don\u2019t worry.", "It'll pass, don't worry."},
    {"It\u2019ll\u00A0pass, don\u2019t worry\u200B.", "It'll pass, don't worry."},
    {"You\u2019ll be fine in a week.", "You'll be fine in a week."},
    {"You\u2019ll\u00A0be fine in a week\u200B.", "You'll be fine in a week."},
    {"We\u2019d run 5 miles \u2014 then walk.", "We'd run 5 miles -- then walk."},
    {"We\u2019d\u00A0run 5 miles -- then walk\u200B.", "We'd run 5 miles -- then walk."},
    {"The pain\u2019s gone now\u2026", "The pain's gone now..."},
    {"The\u00A0pain\u2019s gone now\u200B...", "The pain's gone now..."},
    {"My wife\u2019s knee did the same.", "My wife's knee did the same."},
    {"My\u00A0wife\u2019s knee did the same\u200B.", "My wife's knee did the same."},
    {"It\u2019s the calves, not the shins.", "It's the calves, not the shins."},
    {"It\u2019s\u00A0the calves, not the shins\u200B.", "It's the calves, not the shins."},
    {"I\u2019m 45 \u2014 recovery\u2019s slower.", "I'm 45 -- recovery's slower."},
    {"I\u2019m\u00A045 -- recovery\u2019s slower\u200B.", "I'm 45 -- recovery's slower."},
    {"Try \u201Cstrides\u201D at the end of easy runs.", "Try \"strides\" at the end of easy runs."},
    {"Try\u00A0\u201Dstrides\u201D at the end of easy runs\u200B.", "Try \"strides\" at the end of easy runs."},
    {"It\u2019s a \u2018niggle\u2019, not an injury.", "It's a 'niggle', not an injury."},
    {"It\u2019s\u00A0a \u2019niggle\u2019, not an injury\u200B.", "It's a 'niggle', not an injury."},
    {"Don\u2019t skip the cool-down.", "Don't skip the cool-down."},
    {"Don\u2019t\u00A0skip the cool-down\u200B.", "Don't skip the cool-down."},
    {"I didn\u2019t stretch \u2013 big mistake.", "I didn't stretch - big mistake."},
    {"I\u00A0didn\u2019t stretch - big mistake\u200B.", "I didn't stretch - big mistake."},
    {"Haven\u2019t run since\u2026 March?", "Haven't run since... March?"},
    {"Haven\u2019t\u00A0run since\u200B... March?", "Haven't run since... March?"},
    {"He\u2019d rather bike than run.", "He'd rather bike than run."},
    {"He\u2019d\u00A0rather bike than run\u200B.", "He'd rather bike than run."},
    {"Let\u2019s see how it goes.", "Let's see how it goes."},
    {"Let\u2019s\u00A0see how it goes\u200B.", "Let's see how it goes."},
    {"Here\u2019s what worked for me.", "Here's what worked for me."},
    {"Here\u2019s\u00A0what worked for me\u200B.", "Here's what worked for me."},
    {"There\u2019s no shortcut.", "There's no shortcut."},
    {"There\u2019s\u00A0no shortcut\u200B.", "There's no shortcut."},
    {"What\u2019s your weekly mileage?", "What's your weekly mileage?"},
    {"What\u2019s\u00A0your weekly mileage?", "What's your weekly mileage?"},
    {"Who\u2019s your physio?", "Who's your physio?"},
    {"Who\u2019s\u00A0your physio?", "Who's your physio?"},
    {"Where\u2019s the pain exactly?", "Where's the pain exactly?"},
    {"Where\u2019s\u00A0the pain exactly?", "Where's the pain exactly?"},
    {"How\u2019s the knee today?", "How's the knee today?"},
    {"How\u2019s\u00A0the knee today?", "How's the knee today?"},
    {"It\u2019s better\u2026 mostly.", "It's better... mostly."},
    {"It\u2019s\u00A0better\u200B... mostly.", "It's better... mostly."},
    {"Ice, rest \u2013 repeat.", "Ice, rest - repeat."},
    {"Ice,\u00A0rest - repeat\u200B.", "Ice, rest - repeat."},
    {"My doc\u2019s advice: \u201Cslow down\u201D.", "My doc's advice: \"slow down\"."},
    {"My\u00A0doc\u2019s advice: \u201Dslow down\u201D\u200B.", "My doc's advice: \"slow down\"."},
    {"I wasn\u2019t sure at first.", "I wasn't sure at first."},
    {"I\u00A0wasn\u2019t sure at first\u200B.", "I wasn't sure at first."},
    {"You aren\u2019t alone.", "You aren't alone."},
    {"You\u00A0aren\u2019t alone\u200B.", "You aren't alone."},
    {"It doesn\u2019t hurt when I walk.", "It doesn't hurt when I walk."},
    {"It\u00A0doesn\u2019t hurt when I walk\u200B.", "It doesn't hurt when I walk."},
    {"I hadn\u2019t noticed until now.", "I hadn't noticed until now."},
    {"I\u00A0hadn\u2019t noticed until now\u200B.", "I hadn't noticed until now."},
    {"It\u2019s worse on hills \u2014 much worse.", "It's worse on hills -- much worse."},
    {"It\u2019s\u00A0worse on hills -- much worse\u200B.", "It's worse on hills -- much worse."},
    {"That\u2019s normal, don\u2019t panic.", "That's normal, don't panic."},
    {"That\u2019s\u00A0normal, don\u2019t panic\u200B.", "That's normal, don't panic."},
    {"Ain\u2019t nobody got time for injuries.", "Ain't nobody got time for injuries."},
    {"Ain\u2019t\u00A0nobody got time for injuries\u200B.", "Ain't nobody got time for injuries."},
    {"You\u2019ve got this!", "You've got this!"},
    {"You\u2019ve\u00A0got this!", "You've got this!"},
    {"I\u2019ll try the foam roller.", "I'll try the foam roller."},
    {"I\u2019ll\u00A0try the foam roller\u200B.", "I'll try the foam roller."},
    {"She\u2019d never had shin pain before.", "She'd never had shin pain before."},
    {"She\u2019d\u00A0never had shin pain before\u200B.", "She'd never had shin pain before."},
    {"It\u2019s been 2-3 weeks.", "It's been 2-3 weeks."},
    {"It\u2019s\u00A0been 2\u20133 weeks\u200B.", "It's been 2-3 weeks."},
    {"The \u201C10% rule\u201D helped me.", "The \"10% rule\" helped me."},
    {"The\u00A0\u201D10% rule\u201D helped me\u200B.", "The \"10% rule\" helped me."},
    {"I\u2019m done\u2026 for now.", "I'm done... for now."},
    {"I\u2019m\u00A0done\u200B... for now.", "I'm done... for now."},
    {"We\u2019re running a 10K \u2013 slowly.", "We're running a 10K - slowly."},
    {"We\u2019re\u00A0running a 10K - slowly\u200B.", "We're running a 10K - slowly."},
    {"Don\u2019t forget to hydrate.", "Don't forget to hydrate."},
    {"Don\u2019t\u00A0forget to hydrate\u200B.", "Don't forget to hydrate."},
    {"It\u2019s the shoes, isn\u2019t it?", "It's the shoes, isn't it?"},
    {"It\u2019s\u00A0the shoes, isn\u2019t it?", "It's the shoes, isn't it?"},
    {"\uFF15\uFF4B \uFF52\uFF55\uFF4E today", "5k run today"},
    {"\uFB02at feet and \uFB01ne arches", "flat feet and fine arches"},
    {"week \u2161 of the plan", "week II of the plan"},
    {"20 \u339E a week", "20 km a week"},
    {"it was 30\u2103 out", "it was 30\u00B0C out"},
    {"na\u0131\u0308ve question", "na\u0131\u0308ve question"},
    {"re\u0301sume\u0301 of my runs", "r\u00E9sum\u00E9 of my runs"},
    {"my \u2460 tip: rest", "my 1 tip: rest"},
};

class TextNormalization : public ::testing::TestWithParam<Case> {};

TEST_P(TextNormalization, NormalizesAndMapsBack) {
    const Case& c = GetParam();
    Normalizer n;
    std::string original = c.original;
    NormalizedText r = n.normalize(original, c.fold);
    EXPECT_EQ(r.text, c.normalized);
    // Every normalized byte maps inside the original, in order.
    uint32_t last = 0;
    for (uint32_t i = 0; i < r.text.size(); ++i) {
        fkb_span s = r.to_original(i, i + 1);
        ASSERT_LE(s.start, s.end);
        ASSERT_LE(s.end, original.size());
        EXPECT_GE(s.start, last);
        last = s.start;
    }
    // The whole text maps onto the whole original, minus dropped edges.
    if (!r.text.empty()) {
        fkb_span all = r.to_original(0, static_cast<uint32_t>(r.text.size()));
        EXPECT_LE(all.end, original.size());
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, TextNormalization, ::testing::ValuesIn(kCases));

TEST(TextNormalizationMap, WordSpansMapToOriginalBytes) {
    Normalizer n;
    std::string original = "I\u2019ve had \u201Cshin splints\u201D\u2026 twice";
    NormalizedText r = n.normalize(original);
    ASSERT_EQ(r.text, "I've had \"shin splints\"... twice");
    auto orig = [&](std::string_view needle) {
        size_t at = r.text.find(needle);
        fkb_span s = r.to_original(static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size()));
        return original.substr(s.start, s.end - s.start);
    };
    EXPECT_EQ(orig("I've"), "I\u2019ve");
    EXPECT_EQ(orig("\"shin splints\""), "\u201Cshin splints\u201D");
    EXPECT_EQ(orig("..."), "\u2026");
    EXPECT_EQ(orig("twice"), "twice");
}

TEST(TextNormalizationMap, AsciiIsIdentity) {
    Normalizer n;
    NormalizedText r = n.normalize("nothing to do here");
    EXPECT_TRUE(r.identity());
    EXPECT_EQ(r.to_original(3, 7).start, 3u);
    EXPECT_EQ(r.to_original(3, 7).end, 7u);
}

TEST(TextNormalizationMap, FoldAppendsCaseFolded) {
    Normalizer n;
    std::string out = "x";
    n.fold("Don't", out);
    n.fold("\u00C9T\u00C9", out);
    EXPECT_EQ(out, "xdon't\u00E9t\u00E9");
}

}  // namespace
