// Parser-level tests of source_reddit: submissions and comments joined by
// link_id, comments before their submission or in another file (partial
// threads), deleted/removed bodies, markdown quotes, CSV listings, broken
// lines.
#include "dumps_test_support.hpp"
#include "reddit_markdown.hpp"
#include "reddit_parser.hpp"
#include "reddit_sniff.hpp"

#include <gtest/gtest.h>

using namespace fkb::dumps;
using namespace fkb::dumps::testing;

namespace {

TEST(DumpsReddit, SubmissionsAlone) {
    auto c = run_file<RedditParser>("corpora/reddit/runninginjuries_submissions.ndjson", RedditOptions{});
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 2u);
    const auto& t = c.threads[0];
    EXPECT_EQ(t.source, "reddit");
    EXPECT_EQ(t.thread_id, "14pq2ab");
    EXPECT_EQ(t.title.value_or(""), "Hip clicks, then aches after mileage jump");
    EXPECT_EQ(t.forum.value_or(""), "runninginjuries");
    EXPECT_EQ(t.category.value_or(""), "Injury");
    EXPECT_EQ(t.url.value_or(""), "https://www.reddit.com/r/runninginjuries/comments/14pq2ab/hip_clicks_then_aches/");
    ASSERT_EQ(t.posts.size(), 1u);
    EXPECT_EQ(t.posts[0].author.value_or(""), "trailmix_tom");
    EXPECT_EQ(t.posts[0].flair.value_or(""), "Ultra finisher");
    EXPECT_EQ(t.posts[0].score.value_or(-1), 31);
    EXPECT_EQ(t.posts[0].created.value_or(""), "2023-07-03T08:00:00Z");
    // Removed self text, deleted author, string-typed numbers (old dumps).
    const auto& u = c.threads[1];
    EXPECT_EQ(u.posts[0].text, "");
    EXPECT_FALSE(u.posts[0].author);
    EXPECT_EQ(u.posts[0].score.value_or(-1), 3);
    EXPECT_EQ(u.posts[0].created.value_or(""), "2023-07-04T08:00:00Z");
    EXPECT_FALSE(u.category);
}

TEST(DumpsReddit, CommentsInAnotherFileArePartialThreads) {
    auto c = run_file<RedditParser>("corpora/reddit/runninginjuries_comments.ndjson", RedditOptions{});
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 2u);
    const auto& t = c.threads[0];
    EXPECT_EQ(t.thread_id, "14pq2ab");
    EXPECT_FALSE(t.title);
    EXPECT_EQ(t.forum.value_or(""), "runninginjuries");
    // Two deleted/removed comments are not posts.
    ASSERT_EQ(t.posts.size(), 2u);
    EXPECT_EQ(t.posts[0].post_id, "jnq01aa");
    EXPECT_EQ(t.posts[0].parent_id.value_or(""), "14pq2ab");
    EXPECT_EQ(t.posts[1].parent_id.value_or(""), "jnq01aa");
    EXPECT_EQ(t.posts[1].text, "no more than 10% a week\n\nFair, I got greedy. Will the clicking stop too?");
    EXPECT_EQ(quote_texts(t.posts[1]), std::vector<std::string>{"no more than 10% a week"});
    EXPECT_EQ(c.threads[1].posts[0].text.find("forefoot & try"), 25u);

    RedditOptions no_partial;
    no_partial.partial_threads = false;
    EXPECT_TRUE(run_file<RedditParser>("corpora/reddit/runninginjuries_comments.ndjson", no_partial).threads.empty());
}

TEST(DumpsReddit, CommentBeforeItsSubmission) {
    auto c = run_file<RedditParser>("corpora/reddit/mixed_month.ndjson", RedditOptions{});
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 1u);
    const auto& t = c.threads[0];
    EXPECT_EQ(t.title.value_or(""), "Calf cramps at 30 km in every marathon");
    EXPECT_EQ(t.category.value_or(""), "Training");
    ASSERT_EQ(t.posts.size(), 3u);
    EXPECT_EQ(t.posts[0].post_id, "15abcde");  // the submission first, whatever the file order
    EXPECT_EQ(t.posts[1].post_id, "jx1c0mm");
    EXPECT_EQ(t.posts[2].post_id, "jx1d1nn");
    EXPECT_EQ(quote_texts(t.posts[1]), std::vector<std::string>{"my calf locks up at 30 km\n\nevery single marathon"});
    EXPECT_EQ(t.posts[1].text.substr(t.posts[1].text.size() - 43), "Salt tabs every 45 minutes fixed it for me.");
}

TEST(DumpsReddit, CsvListing) {
    auto c = run_file<RedditParser>("corpora/reddit/listing_export.csv", RedditOptions{});
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 2u);
    EXPECT_EQ(c.threads[0].title.value_or(""), "Shin splints, again");
    EXPECT_EQ(c.threads[0].posts[0].text,
              "Third time this year. I run on concrete, in shoes with 900 km on them.\nIs it the shoes, the surface, or me?");
    EXPECT_EQ(c.threads[0].posts[0].created.value_or(""), "2023-09-15T17:46:40Z");
    EXPECT_EQ(c.threads[0].url.value_or(""),
              "https://www.reddit.com/r/beginnerrunning/comments/16kx9zz/shin_splints_again/");
    EXPECT_FALSE(c.threads[1].posts[0].author);
    EXPECT_EQ(c.threads[1].posts[0].text, "");
    // Missing columns are allowed.
    auto d = run<RedditParser>("id,title\nabc,Only a title\n", "x.csv", RedditOptions{});
    ASSERT_EQ(d.threads.size(), 1u);
    EXPECT_EQ(d.threads[0].title.value_or(""), "Only a title");
}

TEST(DumpsReddit, BrokenLinesAreRejectedAndReadingGoesOn) {
    auto c = run_file<RedditParser>("corpora/malformed/reddit_broken_line.ndjson", RedditOptions{});
    ASSERT_EQ(c.rejects.size(), 2u) << c.reject_text();
    EXPECT_EQ(c.rejects[0].line, 2u);
    EXPECT_NE(c.rejects[0].reason.find("broken JSON"), std::string::npos) << c.rejects[0].reason;
    EXPECT_EQ(c.rejects[1].line, 4u);
    EXPECT_EQ(c.rejects[1].reason, "comment a4 without a link_id");
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].posts.size(), 2u);
}

TEST(DumpsReddit, LinesOfAnyLengthAndEndings) {
    // CRLF line ends, a blank line, a comment longer than the line buffer
    // (1 MiB), a broken line in between and a last line without a newline;
    // the input comes in odd-sized chunks. Line numbers and offsets of the
    // rejects are those of the lines as written.
    std::string longbody(2'500'000, 'x');
    std::string sub = R"({"id":"s1","title":"Shin splints","subreddit":"running","selftext":"ouch"})";
    std::string c1 = R"({"id":"c1","link_id":"t3_s1","parent_id":"t3_s1","body":")" + longbody + R"("})";
    std::string broken = R"({"id":"c2","link_id":"t3_s1","body":"unfinished)";
    std::string last = R"({"id":"c3","link_id":"t3_s1","parent_id":"t1_c1","body":"rest it","score":12})";
    std::string bytes = sub + "\r\n\r\n" + c1 + "\r\n" + broken + "\n" + last;
    for (size_t chunk : {size_t{7}, size_t{1} << 16}) {
        auto c = run<RedditParser>(bytes, "RC_test.ndjson", RedditOptions{}, chunk);
        ASSERT_EQ(c.rejects.size(), 1u) << c.reject_text();
        EXPECT_EQ(c.rejects[0].line, 4u);
        EXPECT_EQ(c.rejects[0].offset, static_cast<int64_t>(sub.size() + 4 + c1.size() + 2));
        EXPECT_NE(c.rejects[0].reason.find("broken JSON"), std::string::npos) << c.rejects[0].reason;
        ASSERT_EQ(c.threads.size(), 1u);
        const auto& t = c.threads[0];
        ASSERT_EQ(t.posts.size(), 3u);
        EXPECT_EQ(t.posts[0].text, "ouch");
        EXPECT_EQ(t.posts[1].text, longbody);
        EXPECT_EQ(t.posts[2].text, "rest it");
        EXPECT_EQ(t.posts[2].score.value_or(-1), 12);
    }
    // A last line that breaks off inside a number is a broken line, not a record.
    auto cut = run<RedditParser>(sub + "\n" + R"({"id":"c4","link_id":"t3_s1","body":"b","score":12)",
                                 "RC_test.ndjson", RedditOptions{});
    ASSERT_EQ(cut.rejects.size(), 1u) << cut.reject_text();
    EXPECT_EQ(cut.rejects[0].line, 2u);
    ASSERT_EQ(cut.threads.size(), 1u);
    EXPECT_EQ(cut.threads[0].posts.size(), 1u);
}

TEST(DumpsReddit, Markdown) {
    auto r = reddit_markdown_text("plain &amp; simple &lt;3 &#128512; &bogus; & done\n\n\n");
    EXPECT_EQ(r.text, "plain & simple <3 \xF0\x9F\x98\x80 &bogus; & done");
    EXPECT_TRUE(r.quotes.empty());
    r = reddit_markdown_text(">a\n>> b\nreply\n\n   > c");
    EXPECT_EQ(r.text, "a\nb\nreply\n\nc");
    EXPECT_EQ(quote_texts([&] {
                  fkb::sdk::Post p;
                  p.text = r.text;
                  for (auto [s, e] : r.quotes) p.quotes.push_back({s, e, ""});
                  return p;
              }()),
              (std::vector<std::string>{"a\nb", "c"}));
}

TEST(DumpsReddit, Sniff) {
    EXPECT_GE(sniff_reddit("{\"author\":\"x\",\"body\":\"y\",\"link_id\":\"t3_a\",\"subreddit\":\"r\"}\n", "RC_2023-01"),
              0.9);
    EXPECT_GE(sniff_reddit("id,title,selftext,score,subreddit\n", "export.csv"), 0.8);
    EXPECT_EQ(sniff_reddit("{\"title\":\"x\"}\n", "data.jsonl"), 0.0);
    EXPECT_EQ(sniff_reddit("Id,Subject,Body\n", "x.csv"), 0.0);
    EXPECT_EQ(sniff_reddit("garbage", "RS_2023-01"), 0.5);
}

}  // namespace
