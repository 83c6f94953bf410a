// core/data/kb/query_terms.tsv and the TermNormalizer reading it: every
// class of the file does its job, and a malformed line is reported with
// its file and line number.
#include <forumkb/kb/kb_writer.hpp>

#include "../../core/src/kb/term_normalizer.hpp"  // internal: tested directly with its data file

#include <algorithm>

#include <gtest/gtest.h>

using fkb::kb::KbError;
using fkb::kb::TermNormalizer;

TEST(KbTerms, BuiltinFileFoldsComplaintsAndCompounds) {
    const auto& n = TermNormalizer::builtin();
    EXPECT_EQ(n.terms("Sore shoulders"), (std::vector<std::string>{"pain", "shoulder"}));
    EXPECT_EQ(n.terms("backache"), (std::vector<std::string>{"back", "pain"}));
    EXPECT_EQ(n.terms("my lumbar area is aching after the run"), (std::vector<std::string>{"lower", "pain", "run"}));
    EXPECT_EQ(n.terms("don't stretch"), (std::vector<std::string>{"dont", "stretch"}));
    EXPECT_TRUE(n.is_avoid("dont"));
    EXPECT_TRUE(n.is_generic("running"));
    EXPECT_FALSE(n.is_generic("core"));
    auto v = n.variants("pain");
    EXPECT_NE(std::find(v.begin(), v.end(), "sore"), v.end());
}

TEST(KbTerms, MalformedLinesNameFileAndLine) {
    try {
        TermNormalizer n("# comment\nsynonym\tsore\tpain\nsynonym\tache\n", "terms.tsv");
        FAIL();
    } catch (const KbError& e) {
        EXPECT_STREQ(e.what(), "terms.tsv:3: a synonym needs a value");
    }
    EXPECT_THROW(TermNormalizer("colour\tred\n", "t.tsv"), KbError);
    EXPECT_THROW(TermNormalizer("stop\tthe\textra\n", "t.tsv"), KbError);
    EXPECT_NO_THROW(TermNormalizer("stop\tthe\r\n\n", "t.tsv"));
}
