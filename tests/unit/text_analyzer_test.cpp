// Tests of the Analyzer as a whole: the ABI view it hands out is consistent
// (sorted arrays, offsets inside the text, tokens inside their sentence).
#include <forumkb/text/analyzer.hpp>

#include <gtest/gtest.h>

namespace {

TEST(TextAnalyzer, SentencesAndTokensMapToOriginalBytes) {
    fkb::text::Analyzer a;
    std::string text = "My knee hurts after long runs. Did you stretch?  I did.";
    auto r = a.analyze_post(text);
    ASSERT_EQ(r.sentences.size(), 3u);
    EXPECT_EQ(text.substr(r.sentences[0].start, r.sentences[0].end - r.sentences[0].start), "My knee hurts after long runs.");
    EXPECT_EQ(text.substr(r.sentences[2].start, r.sentences[2].end - r.sentences[2].start), "I did.");
    ASSERT_FALSE(r.tokens.empty());
    for (const auto& t : r.tokens) {
        ASSERT_LT(t.sentence, r.sentences.size());
        EXPECT_GE(t.start, r.sentences[t.sentence].start);
        EXPECT_LE(t.end, r.sentences[t.sentence].end);
    }
    auto abi = r.abi();
    EXPECT_EQ(abi.n_tokens, r.tokens.size());
}

}  // namespace
