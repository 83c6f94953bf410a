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
