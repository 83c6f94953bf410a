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
