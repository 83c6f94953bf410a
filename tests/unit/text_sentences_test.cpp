// Sentences of forum text: each case gives a post and its expected
// sentences (as the exact original bytes their spans cover, "|"-separated).
// Spans are checked against the original text in every case.
#include <forumkb/text/analyzer.hpp>

#include <gtest/gtest.h>

namespace {

struct Case {
    const char* text;
    const char* sentences;  // "a | b | c"
};

const Case kCases[] = {
    // plain punctuation
    {"My calf is tight. I will rest today.", "My calf is tight. | I will rest today."},
    {"Does it hurt? Stop running! Then ice it.", "Does it hurt? | Stop running! | Then ice it."},
    {"Okay.", "Okay."},
    {"  leading and trailing spaces.  ", "leading and trailing spaces."},
    // decimals, abbreviations
    {"I ran 2.5 miles at 11 minute pace. It felt slow.", "I ran 2.5 miles at 11 minute pace. | It felt slow."},
    {"Dr. Patel looked at my knee. She said it was fine.", "Dr. Patel looked at my knee. | She said it was fine."},
    {"Do some hip work, e.g. Clamshells and bridges.", "Do some hip work, e.g. Clamshells and bridges."},
    {"Road vs. Trail is an old debate. I like both.", "Road vs. Trail is an old debate. | I like both."},
    {"Use something soft i.e. Grass or a track.", "Use something soft i.e. Grass or a track."},
    {"Mr. Jones coaches our club. He is great.", "Mr. Jones coaches our club. | He is great."},
    {"Rest for a week etc. Then build up again.", "Rest for a week etc. | Then build up again."},
    {"My PT (Ms. Lee) taped it. Worked well.", "My PT (Ms. Lee) taped it. | Worked well."},
    // ellipses
    {"I was tired... then my hip started to ache.", "I was tired... then my hip started to ache."},
    {"I kept going\u2026 and it got worse.", "I kept going\u2026 and it got worse."},
    {"It hurt a lot... Next day it was gone.", "It hurt a lot... | Next day it was gone."},
    {"my first week...on the 3rd week add a mile", "my first week...on the 3rd week add a mile"},
    // no space after the full stop
    {"It hurts when I run.Any ideas?", "It hurts when I run. | Any ideas?"},
    {"I stretched.Then I iced it.", "I stretched. | Then I iced it."},
    {"see example.com for more", "see example.com for more"},
    // missing final punctuation, line breaks
    {"knee pain after long runs\nany advice", "knee pain after long runs | any advice"},
    {"Hey,\nI had the same problem.", "Hey, | I had the same problem."},
    {"Thanks all\nMark", "Thanks all | Mark"},
    {"Upper or lower?", "Upper or lower?"},
    {"First line\r\nSecond line\r\n", "First line | Second line"},
    {"para one.\n\n\npara two", "para one. | para two"},
    // soft wraps of long lines continue the sentence
    {"I have been running for about six months now and lately my left\nknee starts hurting after the fourth mile.",
     "I have been running for about six months now and lately my left\nknee starts hurting after the fourth mile."},
    {"short line\nlower case next", "short line | lower case next"},
    // bullets
    {">>Tighten your abs when you run.\n>>Roll out your calves.", "Tighten your abs when you run. | Roll out your calves."},
    {">> Warm up first\n>> Cool down after", "Warm up first | Cool down after"},
    {"\u2022 Rest\n\u2022 Ice\n\u2022 Compression", "Rest | Ice | Compression"},
    {"Try these: \u2022 planks \u2022 bridges", "Try these: | planks | bridges"},
    {"- foam roll\n- stretch", "foam roll | stretch"},
    {"* ice it\n* rest it", "ice it | rest it"},
    {"1. Rest a week\n2. Start slow", "Rest a week | Start slow"},
    {"3) no hills\n4) no speed work", "no hills | no speed work"},
    {"> quoted line\nmy reply", "quoted line | my reply"},
    {"-\nReal text here.", "Real text here."},
    {"2.5 miles is a lot at first", "2.5 miles is a lot at first"},
    // lol, emoji
    {"my knee is toast lol I need a break", "my knee is toast lol | I need a break"},
    {"that was dumb haha Anyway it healed", "that was dumb haha | Anyway it healed"},
    {"Newer runner here. \U0001F44B", "Newer runner here. \U0001F44B"},
    {"So sore \U0001F62D I can barely walk", "So sore \U0001F62D | I can barely walk"},
    {"Ran 5 miles today \U0001F3C3\u200D\u2640\uFE0F Felt great", "Ran 5 miles today \U0001F3C3\u200D\u2640\uFE0F | Felt great"},
    {"Feeling good!! \U0001F389\U0001F389", "Feeling good!! \U0001F389\U0001F389"},
    {"lol", "lol"},
    // ALL CAPS
    {"MY BACK HURTS. WHAT DO I DO?", "MY BACK HURTS. | WHAT DO I DO?"},
    {"HELP!!! NEED ADVICE", "HELP!!! | NEED ADVICE"},
    // quotes and parentheses
    {"He said \"take a week off.\" I did.", "He said \"take a week off.\" | I did."},
    {"(I don't lean forward.) My back still aches.", "(I don't lean forward.) | My back still aches."},
    {"I ran (slowly) today. Fine.", "I ran (slowly) today. | Fine."},
    // curly apostrophes and other non-ASCII
    {"I don\u2019t believe it\u2019s my shoes. They\u2019re new.", "I don\u2019t believe it\u2019s my shoes. | They\u2019re new."},
    {"Caf\u00E9 runs are fun. Na\u00EFve me thought so.", "Caf\u00E9 runs are fun. | Na\u00EFve me thought so."},
    {"Rest \u2014 then run. OK?", "Rest \u2014 then run. | OK?"},
    // more forum posts: decimals, abbreviations, ellipses, lists, sign-offs, emoji, shouting
    {"First, 2.5 miles is a lot after a break. Second, slow down.", "First, 2.5 miles is a lot after a break. | Second, slow down."},
    {"My pace was 9.5 min/mile. That felt easy.", "My pace was 9.5 min/mile. | That felt easy."},
    {"I take 1.5 tablets a day. It helps a bit.", "I take 1.5 tablets a day. | It helps a bit."},
    {"Version 2.0 of the app logs cadence. Nice.", "Version 2.0 of the app logs cadence. | Nice."},
    {"I ran 3.1 miles (a 5K) today. Knee was fine.", "I ran 3.1 miles (a 5K) today. | Knee was fine."},
    {"Dr. Kim and Dr. Roy both said rest. I listened.", "Dr. Kim and Dr. Roy both said rest. | I listened."},
    {"Stretch the calves, hamstrings, etc. before you run. It helps.", "Stretch the calves, hamstrings, etc. before you run. | It helps."},
    {"I prefer flats vs. cushioned shoes. Everyone is different.", "I prefer flats vs. cushioned shoes. | Everyone is different."},
    {"Try hip work e.g. clamshells. Also try bridges.", "Try hip work e.g. clamshells. | Also try bridges."},
    {"My PT, i.e. my physio, agreed. She taped it.", "My PT, i.e. my physio, agreed. | She taped it."},
    {"We met at 6 a.m. The track was empty.", "We met at 6 a.m. | The track was empty."},
    {"St. Patrick's day run was fun. Legs are dead.", "St. Patrick's day run was fun. | Legs are dead."},
    {"It got better... then worse again... then better.", "It got better... then worse again... then better."},
    {"I was sure it was the shoes... it wasn't.", "I was sure it was the shoes... it wasn't."},
    {"So... any ideas?", "So... any ideas?"},
    {"Wait... what?", "Wait... what?"},
    {"Ugh.Back pain again.", "Ugh. | Back pain again."},
    {"Check strava.com for routes. It is free.", "Check strava.com for routes. | It is free."},
    {"Email me at runner@example.org if you want the plan.", "Email me at runner@example.org if you want the plan."},
    {"thanks everyone\nreally appreciate it", "thanks everyone | really appreciate it"},
    {"sore knees\nsore hips\nsore everything", "sore knees | sore hips | sore everything"},
    {"Update\nIt healed.", "Update | It healed."},
    {"Hi all,\nLong time reader here.\nFirst post.", "Hi all, | Long time reader here. | First post."},
    {"Cheers,\nSam", "Cheers, | Sam"},
    {"Hope this helps\n- Jo", "Hope this helps | Jo"},
    {">> Run slower\n>> Sleep more\n>> Eat enough", "Run slower | Sleep more | Eat enough"},
    {"\u2022 Ice for 15 minutes\n\u2022 Compress\n\u2022 Elevate", "Ice for 15 minutes | Compress | Elevate"},
    {"Things that helped: \u2022 rest \u2022 ice \u2022 patience", "Things that helped: | rest | ice | patience"},
    {"1. Warm up\n2. Run easy\n3. Cool down", "Warm up | Run easy | Cool down"},
    {"- new shoes\n- fewer hills\n- more sleep", "new shoes | fewer hills | more sleep"},
    {"> I had the same thing\nSo did I.", "I had the same thing | So did I."},
    {"my knee is wrecked lol Going to rest", "my knee is wrecked lol | Going to rest"},
    {"that hill was brutal haha Never again", "that hill was brutal haha | Never again"},
    {"Finally pain free \U0001F389 Thanks all", "Finally pain free \U0001F389 | Thanks all"},
    {"Ran today \U0001F60A Felt good", "Ran today \U0001F60A | Felt good"},
    {"Ouch \U0001F915\U0001F915 that hurt", "Ouch \U0001F915\U0001F915 that hurt"},
    {"Got my PR! \U0001F3C5", "Got my PR! \U0001F3C5"},
    {"MY CALVES ARE ON FIRE. WHAT DO I DO? PLEASE HELP.", "MY CALVES ARE ON FIRE. | WHAT DO I DO? | PLEASE HELP."},
    {"I REST. IT STILL HURTS.", "I REST. | IT STILL HURTS."},
    {"STOP. REST. ICE.", "STOP. | REST. | ICE."},
    {"She said \"rest for a week.\" So I did.", "She said \"rest for a week.\" | So I did."},
    {"He asked \"does it hurt?\" I said yes.", "He asked \"does it hurt?\" | I said yes."},
    {"The doc (Dr. Lee) said it's fine. Good news.", "The doc (Dr. Lee) said it's fine. | Good news."},
    {"(Sorry for the long post.) Here goes.", "(Sorry for the long post.) | Here goes."},
    {"It\u2019s my left knee. It\u2019s worse on hills.", "It\u2019s my left knee. | It\u2019s worse on hills."},
    {"Na\u00EFve question: is rest enough? I hope so.", "Na\u00EFve question: is rest enough? | I hope so."},
    {"Rest \u2014 it works. Trust me.", "Rest \u2014 it works. | Trust me."},
    {"I ran 8\u201310 miles weekly. Then I got hurt.", "I ran 8\u201310 miles weekly. | Then I got hurt."},
    {"", ""},
};

std::string joined(const std::string& text, const std::vector<fkb_span>& spans) {
    std::string out;
    for (const auto& s : spans) {
        if (!out.empty()) out += " | ";
        out += text.substr(s.start, s.end - s.start);
    }
    return out;
}

class TextSentences : public ::testing::TestWithParam<Case> {};

TEST_P(TextSentences, SplitsForumText) {
    static const fkb::text::Analyzer analyzer;
    const Case& c = GetParam();
    std::string text = c.text;
    auto r = analyzer.analyze_post(text);
    EXPECT_EQ(joined(text, r.sentences), c.sentences) << "text: " << text;
    uint32_t last = 0;
    for (const auto& s : r.sentences) {
        ASSERT_LT(s.start, s.end);
        ASSERT_LE(s.end, text.size());
        EXPECT_GE(s.start, last);
        last = s.end;
        EXPECT_NE(text[s.start], ' ');
        EXPECT_NE(text[s.end - 1], ' ');
        EXPECT_NE(text[s.end - 1], '\n');
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, TextSentences, ::testing::ValuesIn(kCases));

}  // namespace
