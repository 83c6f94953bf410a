// Tokens: each case gives a sentence and its expected tokens as
// "norm/lemma" pairs (lemma left out when it equals the norm); token
// offsets must cover exactly the original bytes whose normalized,
// lower-cased form is the norm. A second table checks lemmas of single
// words, and a third the token flags.
#include <forumkb/text/analyzer.hpp>
#include <forumkb/text/lemmatizer.hpp>
#include <forumkb/text/normalizer.hpp>

#include <gtest/gtest.h>

namespace {

struct Case {
    const char* text;
    const char* tokens;  // space-separated norm[/lemma]
};

const Case kCases[] = {
    {"I ran 2.5 miles.", "i ran/run 2.5 miles/mile ."},
    {"Running hurts my knees", "running/run hurts/hurt my knees/knee"},
    {"She runs every day", "she runs/run every day"},
    {"I don\u2019t think so", "i don't think so"},
    {"DON'T IGNORE IT", "don't ignore it"},
    {"We went away for a week", "we went/go away for a week"},
    {"The pain went away", "the pain went/go away"},
    {"It no longer bothers me", "it no longer bothers/bother me"},
    {"I stretched and iced it", "i stretched/stretch and iced/ice it"},
    {"taking breaks helped", "taking/take breaks/break helped/help"},
    {"mid-foot landing", "mid - foot landing/land"},
    {"walking/running for a week", "walking/walk / running/run for a week"},
    {"8-10 miles every 3-4 weeks", "8 - 10 miles/mile every 3 - 4 weeks/week"},
    {"the 3rd or 4th week", "the 3rd or 4th week"},
    {"1,000 steps; 2.5km", "1,000 steps/step ; 2.5km"},
    {"my runner's knee", "my runner's/runner knee"},
    {"injuries and worries", "injuries/injury and worries/worry"},
    {"these stretches", "these stretches/stretch"},
    {"my feet were sore", "my feet/foot were/be sore"},
    {"it was stopping me", "it was/be stopping/stop me"},
    {"hoping it helps", "hoping/hope it helps/help"},
    {"caused by tight calves", "caused/cause by tight calves/calf"},
    {"this is his bus", "this is/be his bus"},
    {"Insane Abs", "insane abs"},
    {"e.g. planks", "e.g . planks/plank"},
    {"it\u2019s fine \U0001F44D", "it's fine \U0001F44D"},
    {"\u201Cpush through\u201D it", "\" push through \" it"},
    {"Caf\u00E9 na\u00EFve", "caf\u00E9 na\u00EFve"},
    {"STRASSE Stra\u00DFe", "strasse strasse"},
    {"wait\u2026 what", "wait ... what"},
    {"rest \u2014 then run", "rest -- then run"},
};

std::string tokens_of(const fkb::text::PostAnalysis& r) {
    std::string out;
    for (const auto& t : r.tokens) {
        if (!out.empty()) out += ' ';
        std::string_view n(t.norm.ptr, t.norm.len), l(t.lemma.ptr, t.lemma.len);
        out += n;
        if (l != n) {
            out += '/';
            out += l;
        }
    }
    return out;
}

class TextTokens : public ::testing::TestWithParam<Case> {};

TEST_P(TextTokens, NormsLemmasAndOffsets) {
    static const fkb::text::Analyzer analyzer;
    static const fkb::text::Normalizer normalizer;
    const Case& c = GetParam();
    std::string text = c.text;
    auto r = analyzer.analyze_post(text);
    EXPECT_EQ(tokens_of(r), c.tokens) << "text: " << text;
    uint32_t last = 0;
    for (const auto& t : r.tokens) {
        ASSERT_LT(t.start, t.end);
        ASSERT_LE(t.end, text.size());
        EXPECT_GE(t.start, last);
        last = t.end;
        ASSERT_LT(t.sentence, r.sentences.size());
        // The original bytes normalize and fold to the norm.
        std::string folded;
        normalizer.fold(normalizer.normalize(text.substr(t.start, t.end - t.start)).text, folded);
        EXPECT_EQ(folded, std::string_view(t.norm.ptr, t.norm.len)) << text;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, TextTokens, ::testing::ValuesIn(kCases));

struct LemmaCase {
    const char* word;
    const char* lemma;
};

const LemmaCase kLemmas[] = {
    {"running", "run"},     {"ran", "run"},         {"runs", "run"},        {"run", "run"},
    {"stopped", "stop"},    {"hoped", "hope"},      {"hopping", "hop"},     {"taking", "take"},
    {"used", "use"},        {"using", "use"},       {"caused", "cause"},    {"causes", "cause"},
    {"moving", "move"},     {"dancing", "dance"},   {"related", "relate"},  {"eating", "eat"},
    {"warmed", "warm"},     {"landing", "land"},    {"stretches", "stretch"}, {"shoes", "shoe"},
    {"hips", "hip"},        {"aches", "ache"},      {"headaches", "headache"}, {"injuries", "injury"},
    {"tried", "try"},       {"went", "go"},         {"gone", "go"},         {"feet", "foot"},
    {"calves", "calf"},     {"was", "be"},          {"is", "be"},           {"had", "have"},
    {"felt", "feel"},       {"made", "make"},       {"this", "this"},       {"abs", "abs"},
    {"stress", "stress"},   {"tendinitis", "tendinitis"}, {"morning", "morning"}, {"bring", "bring"},
    {"feeling", "feel"},    {"swelling", "swell"},  {"needed", "need"},     {"lessened", "lessen"},
    {"bothers", "bother"},  {"focused", "focus"},   {"don't", "don't"},     {"runner's", "runner"},
};

TEST(TextLemmas, Table) {
    fkb::text::Lemmatizer l;
    for (const auto& c : kLemmas) EXPECT_EQ(l.lemma_string(c.word), c.lemma) << c.word;
}

TEST(TextTokenFlags, FlagsFollowTheToken) {
    fkb::text::Analyzer a;
    std::string text = "OK so I ran 5K \U0001F600 today, NOT fast!";
    auto r = a.analyze_post(text);
    auto flags = [&](std::string_view surface) {
        for (const auto& t : r.tokens)
            if (text.substr(t.start, t.end - t.start) == surface) return t.flags;
        ADD_FAILURE() << "no token " << surface;
        return 0u;
    };
    EXPECT_EQ(flags("OK"), FKB_TOKEN_WORD | FKB_TOKEN_UPPER);
    EXPECT_EQ(flags("so"), FKB_TOKEN_WORD);
    EXPECT_EQ(flags("5K"), FKB_TOKEN_WORD | FKB_TOKEN_NUMBER | FKB_TOKEN_UPPER);
    EXPECT_EQ(flags("\U0001F600"), FKB_TOKEN_EMOJI);
    EXPECT_EQ(flags(","), FKB_TOKEN_PUNCT);
    EXPECT_EQ(flags("NOT"), FKB_TOKEN_WORD | FKB_TOKEN_UPPER);
    EXPECT_EQ(flags("!"), FKB_TOKEN_PUNCT);
}

TEST(TextTokenFlags, AsciiAndIcuPathsAgreeOnAPost) {
    // The same words with one emoji (ICU path) and without (fast path).
    fkb::text::Analyzer a;
    std::string ascii = "Didn't help, I'd say it's 2.5 miles too far... e.g. hills.";
    auto r1 = a.analyze_post(ascii);
    auto r2 = a.analyze_post(ascii + " \U0001F600");
    ASSERT_EQ(r1.tokens.size() + 1, r2.tokens.size());
    for (size_t i = 0; i < r1.tokens.size(); ++i) {
        EXPECT_EQ(r1.tokens[i].start, r2.tokens[i].start);
        EXPECT_EQ(r1.tokens[i].end, r2.tokens[i].end);
        EXPECT_EQ(r1.tokens[i].flags, r2.tokens[i].flags);
    }
}

}  // namespace
