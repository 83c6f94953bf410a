// Post search: bm25 order on a generated corpus large enough for the ranking
// to mean something (posts differ in how often and how densely they use the
// words), snippets with the words highlighted, all-words first then
// any-word, FTS5 syntax in user text taken as words, raw expressions.
#include "kb_fixture.hpp"

#include <forumkb/kb/search.hpp>

#include <gtest/gtest.h>

using namespace fkb::kb;
using namespace fkb::kb::testing;

namespace {

const char* kFiller[] = {"the weather was mild", "I logged the miles in my notebook", "my watch lost its signal",
                         "the trail was muddy after rain", "we met at the usual corner", "the park was busy"};

/// 300 threads of 4 posts. Post text density of "hamstring": post 3 of
/// thread 7 says it four times in a short post; posts of threads divisible
/// by 10 say it once in a long post; the rest never.
void build(const std::string& path) {
    KbWriter w(path);
    int64_t file = w.begin_file("generated", 1, "g");
    for (int t = 0; t < 300; ++t) {
        std::vector<std::pair<std::string, std::string>> posts;
        for (int p = 0; p < 4; ++p) {
            std::string text;
            for (int k = 0; k < 6; ++k) text += std::string(kFiller[(t + p + k) % 6]) + ". ";
            if (t % 10 == 0 && p == 1) text += "Stretch your hamstring gently after the run. ";
            if (t == 7 && p == 3) text = "Hamstring, hamstring, hamstring: roll the hamstring. ";
            if (t == 42 && p == 2) text += "Tight calves and sore shins on every tempo run. ";
            posts.emplace_back("runner" + std::to_string((t * 4 + p) % 97), text);
        }
        w.write_thread(file, make_thread("gen", "t" + std::to_string(t), "thread " + std::to_string(t), posts), {});
    }
    w.finish_file(file);
}

class KbSearch : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        kb = new TempKb("search");
        build(kb->path());
    }
    static void TearDownTestSuite() { delete kb; }
    static TempKb* kb;
};
TempKb* KbSearch::kb = nullptr;

}  // namespace

TEST_F(KbSearch, Bm25PutsTheDensestPostFirst) {
    KbReader r(kb->path());
    SearchOptions o;
    o.limit = 100;
    auto res = run_search(r, "hamstring", o);
    ASSERT_EQ(res.hits.size(), 31u);  // t7 post 3 + 30 threads divisible by 10
    EXPECT_EQ(res.hits[0].thread_id, "t7");
    EXPECT_EQ(res.hits[0].post, 3u);
    for (size_t i = 1; i < res.hits.size(); ++i) EXPECT_LE(res.hits[i - 1].score, res.hits[i].score);
    EXPECT_LT(res.hits[0].score, res.hits[1].score);  // strictly better than a single mention
    EXPECT_EQ(res.mode, "all words");
}

TEST_F(KbSearch, SnippetsHighlightTheWords) {
    KbReader r(kb->path());
    auto res = run_search(r, "sore shins");
    ASSERT_EQ(res.hits.size(), 1u);
    EXPECT_EQ(res.hits[0].thread_id, "t42");
    EXPECT_NE(res.hits[0].snippet.find("[sore] [shins]"), std::string::npos) << res.hits[0].snippet;
    SearchOptions o;
    o.open = "<b>";
    o.close = "</b>";
    EXPECT_NE(run_search(r, "calves", o).hits.at(0).snippet.find("<b>calves</b>"), std::string::npos);
    // Porter stemming: "stretching" finds "Stretch".
    SearchOptions all;
    all.limit = 100;
    EXPECT_EQ(run_search(r, "stretching", all).hits.size(), 30u);
    EXPECT_EQ(run_search(r, "stretching").hits.size(), 20u);  // the default limit
}

TEST_F(KbSearch, AllWordsThenAnyWord) {
    KbReader r(kb->path());
    auto res = run_search(r, "hamstring calves");
    EXPECT_EQ(res.mode, "any word");
    SearchOptions o;
    o.limit = 100;
    EXPECT_EQ(run_search(r, "hamstring calves", o).hits.size(), 32u);
    EXPECT_EQ(run_search(r, "roll hamstring").hits.size(), 1u);
}

TEST_F(KbSearch, OperatorsInUserTextAreWords) {
    KbReader r(kb->path());
    EXPECT_NO_THROW(run_search(r, "hamstring AND \"calves OR* NEAR("));
    SearchOptions o;
    o.raw = true;
    EXPECT_EQ(run_search(r, "hamstring NOT stretch", o).hits.size(), 1u);
    EXPECT_THROW(run_search(r, "\"unterminated", o), KbError);
    EXPECT_TRUE(run_search(r, "zzzzqqq").hits.empty());
    EXPECT_NE(render_search_text(run_search(r, "zzzzqqq")).find("No post matches"), std::string::npos);
}
