// The token pattern language of the cue lists (cred/token_pattern.hpp) and
// the loading of the data files: what each construct matches, that a bad
// pattern or a bad row is refused with the file, the line and the reason,
// and that the scales put the points the docs promise where they say.
#include "cred_support.hpp"

#include "cred/tsv.hpp"

#include <gtest/gtest.h>

namespace fkb::cred::testing {
namespace {

/// The evidence and captures of the first match of `pattern` in `text`, or "-".
std::string first_match(const std::string& pattern, const std::string& text) {
    TokenPattern p(pattern, extractor().lexicon());
    auto a = analyzer().analyze_post(text);
    auto abi = a.abi();
    auto ws = WordStream::build(text, abi, extractor().lexicon());
    for (size_t s = 0; s < ws.sentences.size(); ++s)
        for (const auto& m : p.find_all(ws, s)) {
            std::string out = text.substr(ws.words[m.ev_begin].start, ws.words[m.ev_end - 1].end - ws.words[m.ev_begin].start);
            for (const auto& c : m.captures) out += " |" + c;
            return out;
        }
    return "-";
}

TEST(CredPattern, WordsAlternativesAndMultiwordAlternatives) {
    EXPECT_EQ(first_match("i ran|raced", "Yesterday I raced hard."), "I raced");
    EXPECT_EQ(first_match("high_school|college", "I ran in high school."), "high school");
    EXPECT_EQ(first_match("i coach", "He coaches."), "-");
}

TEST(CredPattern, ContractionsAndCurlyApostrophesAreCanonical) {
    EXPECT_EQ(first_match("i am a nurse", "I'm a nurse"), "I'm a nurse");
    EXPECT_EQ(first_match("i am a nurse", "I’m a nurse"), "I’m a nurse");
    EXPECT_EQ(first_match("i am a nurse", "im a nurse"), "im a nurse");
    EXPECT_EQ(first_match("i do not agree", "I didn't... I don't agree"), "I don't agree");
    EXPECT_EQ(first_match("would not", "that wouldn't help"), "wouldn't");
}

TEST(CredPattern, GapsAreLazyAndNeverCrossNegatorsOrClauseBreaks) {
    EXPECT_EQ(first_match("i ~3 had this problem", "I also once had this problem"), "I also once had this problem");
    EXPECT_EQ(first_match("i ~3 had this problem", "I never had this problem"), "-");
    EXPECT_EQ(first_match("i ~3 had this problem", "I ran but had this problem"), "-");
    EXPECT_EQ(first_match("i ~1 had this problem", "I really truly had this problem"), "-");
}

TEST(CredPattern, ClassesCapturesAndEvidenceBrackets) {
    EXPECT_EQ(first_match("[i am a|an @prof_modifier? {@profession}]", "I am a certified personal trainer."),
              "I am a certified personal trainer |personal trainer");
    EXPECT_EQ(first_match("[i coach {cap}]", "I coach high school runners and adults."), "I coach high school runners |high school runners");
    EXPECT_EQ(first_match("i ran ~3 and [had this problem]", "I ran a lot and had this problem."), "had this problem");
    EXPECT_EQ(first_match("[i have run {#} {@race_event}]", "I have run twelve marathons"), "I have run twelve marathons |twelve |marathons");
}

TEST(CredPattern, OptionalGroupsAreGreedy) {
    EXPECT_EQ(first_match("[i agree ( with this|that )?]", "I agree with this."), "I agree with this");
    EXPECT_EQ(first_match("[i agree ( with this|that )?]", "I agree, rest."), "I agree");
}

TEST(CredPattern, SentenceAnchors) {
    EXPECT_EQ(first_match("^ [this] $", "This!"), "This");
    EXPECT_EQ(first_match("^ [this] $", "This is odd."), "-");
    EXPECT_EQ(first_match("[wrong] ,|$", "That is wrong"), "wrong");
    EXPECT_EQ(first_match("[wrong] ,|$", "the wrong shoe"), "-");
    EXPECT_EQ(first_match("^ [+1]", "+1 from me"), "+1");
}

TEST(CredPattern, BadPatternsAreRefusedWithTheReason) {
    const auto& lex = extractor().lexicon();
    auto error = [&](const std::string& src) {
        try {
            TokenPattern p(src, lex);
        } catch (const PatternError& e) {
            return std::string(e.what());
        }
        return std::string("compiled");
    };
    EXPECT_EQ(error("i am @nosuchclass"), "pattern 'i am @nosuchclass': unknown word class @nosuchclass");
    EXPECT_EQ(error("i ( agree"), "pattern 'i ( agree': '(' without ')'");
    EXPECT_EQ(error("i agree )"), "pattern 'i agree )': ')' without '('");
    EXPECT_EQ(error("[i agree"), "pattern '[i agree': evidence needs one '[' and one ']', or none");
    EXPECT_EQ(error("i ~x"), "pattern 'i ~x': bad gap '~x'");
    EXPECT_EQ(error("with this|{cap}"), "pattern 'with this|{cap}': '{cap}' cannot be one alternative of 'this|{cap}': use a group");
}

TEST(CredData, TsvErrorsNameFileLineAndReason) {
    try {
        read_tsv("data/x.tsv", "# comment\n\na\tb\tc\nd\te\n", 3);
        FAIL() << "accepted a short row";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "forumkb: data/x.tsv:4: expected 3 tab-separated cells, found 2");
    }
    try {
        parse_number("data/y.tsv", 7, "1.5", 0, 1);
        FAIL();
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "forumkb: data/y.tsv:7: number 1.5 outside [0.000000, 1.000000]");
    }
    EXPECT_THROW(parse_number("data/y.tsv", 7, "abc", 0, 1), DataError);
    auto rows = read_tsv("data/z.tsv", "a\tb\r\n#x\n\nc\td\n", 2);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].cells[1], "b");
    EXPECT_EQ(rows[1].line, 4u);
}

TEST(CredData, EveryDataFileLoads) {
    const auto& x = extractor();
    EXPECT_GE(x.cues().disclosures().size(), 35u);
    EXPECT_GE(x.cues().endorsements().size(), 15u);
    for (const char* c : {"negator", "clause_break", "stopword", "number_word", "hypothetical", "reporting", "sarcasm",
                          "sarcasm_lead", "prof_modifier", "problem_noun", "same_det", "sport_verb", "race_event",
                          "health_field", "condition", "profession"})
        EXPECT_NE(x.lexicon().word_class(c), nullptr) << c;
    EXPECT_EQ(*x.lexicon().expansion("i'm"), (std::vector<std::string>{"i", "am"}));
}

TEST(CredData, ProfessionsAreExpertiseButNoSingleClaimReachesTheCap) {
    for (const Phrase* p : extractor().lexicon().word_class("profession")->all()) {
        EXPECT_GT(p->weight, 0.0) << p->label;
        EXPECT_LE(p->weight, 0.40) << p->label;
        EXPECT_GT(p->weight, 0.20) << p->label << " must outweigh the top platform level";
    }
    for (const auto& cue : extractor().cues().disclosures()) EXPECT_LE(cue.weight, 0.40) << "disclosures.tsv:" << cue.line;
}

TEST(CredData, PlatformScalesPutTheDocumentedPointsInPlace) {
    const auto& s = extractor().scales();
    EXPECT_DOUBLE_EQ(s.strength("yahoo_answers", "level", 7), 1.0);
    EXPECT_DOUBLE_EQ(s.strength("yahoo_answers", "level", 1), 0.0);
    EXPECT_DOUBLE_EQ(s.strength("vanilla", "post_count", 40), 0.0);
    EXPECT_DOUBLE_EQ(s.strength("vanilla", "post_count", 1000), 0.5);
    EXPECT_DOUBLE_EQ(s.strength("vanilla", "post_count", 10000), 1.0);
    EXPECT_DOUBLE_EQ(s.strength("stackexchange", "reputation", 100000), 1.0);
    EXPECT_DOUBLE_EQ(s.strength("reddit", "likes", 5), 0.5);
    EXPECT_DOUBLE_EQ(s.strength("reddit", "score", 10), 0.5);
    for (const char* basis : {"level", "post_count", "reputation", "role", "flair", "likes", "score", "accepted"})
        EXPECT_GE(s.strength("some_new_forum", basis, 1), 0.0) << basis << " needs a row for any source (*)";
}

}  // namespace
}  // namespace fkb::cred::testing
