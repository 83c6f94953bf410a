// The text data files: each compiled-in file loads, holds what the analysis
// relies on, and a malformed copy is refused with "forumkb: <file>:<line>:".
#include <forumkb/text/context_scopes.hpp>
#include <forumkb/text/lemmatizer.hpp>
#include <forumkb/text/sentence_splitter.hpp>
#include <forumkb/text/text_data.hpp>

#include <gtest/gtest.h>

#include <deque>
#include <functional>
#include <stdexcept>

namespace {

using namespace fkb::text;

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

TEST(TextData, EveryFileIsCompiledIn) {
    for (const char* f : {"abbreviations.txt", "sentence_enders.txt", "lemmas.tsv", "triggers.tsv", "terminators.tsv",
                          "condition_fillers.txt", "clause_starters.txt"})
        EXPECT_FALSE(text_data(f).empty()) << f;
    EXPECT_NE(error_of([] { text_data("missing.tsv"); }).find("data/text/missing.tsv"), std::string::npos);
}

TEST(TextData, AbbreviationsAndEnders) {
    SentenceSplitter s;
    EXPECT_TRUE(s.is_abbreviation("dr"));
    EXPECT_TRUE(s.is_abbreviation("e.g"));
    EXPECT_TRUE(s.is_abbreviation("vs"));
    EXPECT_FALSE(s.is_abbreviation("etc"));  // often ends a sentence
    EXPECT_FALSE(s.is_abbreviation("sat"));  // a word too
    SentenceSplitter custom("# comment\nfoo\n", "zzz\n");
    EXPECT_TRUE(custom.is_abbreviation("foo"));
    EXPECT_EQ(custom.split("Foo. Bar went home").size(), 1u);
    EXPECT_EQ(custom.split("tired zzz Then home").size(), 2u);
    EXPECT_EQ(custom.split("tired lol Then home").size(), 1u);
}

TEST(TextData, Lemmas) {
    Lemmatizer l;
    EXPECT_EQ(l.lemma_string("went"), "go");
    EXPECT_EQ(l.lemma_string("feet"), "foot");
    EXPECT_EQ(l.lemma_string("it's"), "it's");
    EXPECT_NE(error_of([] { Lemmatizer bad("ran\trun\nRan\trun\n"); }).find("data/text/lemmas.tsv:2: words must be lower case"),
              std::string::npos);
    EXPECT_NE(error_of([] { Lemmatizer bad("ran\trun\nran\trun\n"); }).find("data/text/lemmas.tsv:2: duplicate form 'ran'"),
              std::string::npos);
    EXPECT_NE(error_of([] { Lemmatizer bad("\n\nran run\n"); }).find("data/text/lemmas.tsv:3: expected 2 tab-separated fields, got 1"),
              std::string::npos);
}

TEST(TextData, TriggersAndTerminators) {
    ContextScopes c;
    EXPECT_GT(c.trigger_count(), 300u);
    const char* term = "all\tbut\n";
    EXPECT_NE(error_of([&] { ContextScopes x("negaton\t-\tforward\tnot\n", term, "its\n", "i\n"); })
                  .find("data/text/triggers.tsv:1: unknown kind 'negaton'"),
              std::string::npos);
    EXPECT_NE(error_of([&] { ContextScopes x("hedge\tsure\tforward\tmaybe\n", term, "its\n", "i\n"); })
                  .find("data/text/triggers.tsv:1: value 'sure' is not allowed for hedge"),
              std::string::npos);
    EXPECT_NE(error_of([&] { ContextScopes x("negation\t-\tsideways\tnot\n", term, "its\n", "i\n"); })
                  .find("unknown direction 'sideways'"),
              std::string::npos);
    EXPECT_NE(error_of([&] { ContextScopes x("negation\t-\tforward\t* not\n", term, "its\n", "i\n"); })
                  .find("a phrase cannot start with *"),
              std::string::npos);
    EXPECT_NE(error_of([&] { ContextScopes x("negation\t-\tforward\tnot\n", "most\tbut\n", "its\n", "i\n"); })
                  .find("data/text/terminators.tsv:1: unknown kind 'most'"),
              std::string::npos);
    // A custom list drives the matching: "nah" negates up to "but".
    ContextScopes x("negation\t-\tforward\tnah\n", "all\tbut\n", "its\n", "i\n");
    ScopeToken toks[5];
    const char* words[] = {"nah", "sore", "legs", "but", "fine"};
    for (uint32_t i = 0; i < 5; ++i) {
        toks[i].norm = toks[i].lemma = words[i];
        toks[i].start = i * 10;
        toks[i].end = i * 10 + 3;
        toks[i].flags = FKB_TOKEN_WORD;
    }
    std::vector<fkb_scope> out;
    std::deque<std::string> strings;
    x.find(toks, 5, 0, fkb_span{0, 43}, out, strings);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].kind, static_cast<uint32_t>(FKB_SCOPE_NEGATION));
    EXPECT_EQ(out[0].scope.start, 10u);
    EXPECT_EQ(out[0].scope.end, 23u);
}

TEST(TextData, ParseData) {
    auto lines = parse_data("x.tsv", "# c\n\na\tb\n  c\t d \n", 1, 2);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].line, 3u);
    EXPECT_EQ(lines[1].fields[1], "d");
    EXPECT_NE(error_of([] { parse_data("x.tsv", "a\t\n", 2, 2); }).find("forumkb: x.tsv:1: empty field"), std::string::npos);
}

}  // namespace
