// Tests of parse_yahoo_answers_text() on small pages written in the tests
// and on corpora/malformed/yahoo_*, and of sniff_yahoo_answers_text().
#include "seedsrc_thread_json.hpp"
#include "yahoo_parser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace fkb::seedsrc;

namespace {

struct Rejected {
    uint64_t line;
    std::string reason;
};

struct PageRun {
    YahooParse parse;
    std::vector<Rejected> rejects;
};

PageRun run(std::string_view page, std::string_view name = "t.txt") {
    PageRun r;
    r.parse = parse_yahoo_answers_text(
        page, [&](uint64_t line, int64_t, std::string_view reason, std::string_view) {
            r.rejects.push_back({line, std::string(reason)});
        },
        name);
    return r;
}

std::string malformed(const std::string& name) {
    return golden::read_file(std::string(FORUMKB_SOURCE_DIR) + "/corpora/malformed/" + name);
}

const char* kPage =
    "Anonymous asked in SportsRunning \xC2\xB7 3 weeks ago\n"
    "\n"
    "Why do my calves burn on hills? \xF0\x9F\x8F\x83\n"
    "\n"
    "They burn on every climb.   \n"
    "\n"
    "Any tips?\n"
    "\n"
    "3 Answers\n"
    "\n"
    "  \xE2\x80\xA2 Favorite Answer\n"
    "    Coach Kim\n"
    "    Lv 7\n"
    "    3 weeks ago\n"
    "\n"
    "    Shorter steps on climbs:\n"
    "\n"
    "    \xE2\x80\xA2 lean from the ankles\n"
    "    \xE2\x80\xA2 keep your cadence up\n"
    "\n"
    "    Source(s):\n"
    "    coaching for years\n"
    "\n"
    "  \xE2\x80\xA2 Anonymous\n"
    "    3 weeks ago\n"
    "\n"
    "    Walk the steep bits.\n"
    "\n"
    "  \xE2\x80\xA2 Lee\n"
    "    Lv 2\n"
    "    2 weeks ago\n"
    "    Best Answer\n"
    "\n"
    "    Calf raises.\n"
    "\n"
    "Still have questions? Get answers by asking now.\n";

}  // namespace

TEST(SeedsrcYahooParser, PageShape) {
    PageRun r = run(kPage, "dump/calves.txt");
    EXPECT_TRUE(r.rejects.empty());
    ASSERT_TRUE(r.parse.thread);
    const auto& t = *r.parse.thread;
    EXPECT_EQ(t.source, "yahoo_answers");
    EXPECT_EQ(t.thread_id, "calves");
    EXPECT_EQ(t.forum, "Yahoo Answers");
    EXPECT_EQ(t.category, "Sports > Running");
    EXPECT_EQ(t.title, "Why do my calves burn on hills? \xF0\x9F\x8F\x83");
    ASSERT_EQ(t.posts.size(), 4u);
    EXPECT_EQ(t.posts[0].author, "Anonymous");
    EXPECT_EQ(t.posts[0].created_text, "3 weeks ago");
    EXPECT_EQ(t.posts[0].text, "They burn on every climb.\n\nAny tips?");
    EXPECT_EQ(t.posts[1].author, "Coach Kim");
    EXPECT_EQ(t.posts[1].level, 7);
    EXPECT_TRUE(t.posts[1].accepted);
    EXPECT_EQ(t.posts[1].text,
              "Shorter steps on climbs:\n\nlean from the ankles\nkeep your cadence up\n\nSource(s): coaching for years");
    EXPECT_EQ(t.posts[2].author, "Anonymous");
    EXPECT_FALSE(t.posts[2].level);
    EXPECT_FALSE(t.posts[2].accepted);
    EXPECT_EQ(t.posts[2].text, "Walk the steep bits.");
    EXPECT_EQ(t.posts[3].created_text, "2 weeks ago");
    EXPECT_TRUE(t.posts[3].accepted);
    EXPECT_EQ(t.posts[3].text, "Calf raises.");
    for (const auto& p : t.posts) {
        EXPECT_FALSE(p.likes);
        EXPECT_EQ(p.text.find("Lv "), std::string::npos);
        EXPECT_EQ(p.text.find("Still have questions"), std::string::npos);
        EXPECT_EQ(p.text.find("Answers"), std::string::npos);
    }
}

TEST(SeedsrcYahooParser, RobustToCrlfBomTabsNbspAndTrailingSpaces) {
    std::string lf = kPage;
    std::string messy = "\xEF\xBB\xBF";
    for (char c : lf) {
        if (c == '\n')
            messy += " \t\xC2\xA0\r\n";
        else
            messy += c;
    }
    PageRun a = run(lf), b = run(messy);
    ASSERT_TRUE(a.parse.thread);
    ASSERT_TRUE(b.parse.thread);
    golden::expect_same_thread(*b.parse.thread, *a.parse.thread, "CRLF+BOM+blanks vs clean");
}

TEST(SeedsrcYahooParser, TitleOnlyQuestionAndUnknownCategory) {
    PageRun r = run("Sam asked in SportsPickleball \xC2\xB7 4 hours ago\n\nKnee swells after games?\n\n"
                "Still have questions? Get answers by asking now.\n");
    ASSERT_TRUE(r.parse.thread);
    EXPECT_EQ(r.parse.thread->category, "SportsPickleball");  // kept as shown, not guessed
    ASSERT_EQ(r.parse.thread->posts.size(), 1u);
    EXPECT_EQ(r.parse.thread->posts[0].text, "Knee swells after games?");
}

TEST(SeedsrcYahooParser, MalformedTruncatedKeepsWhatCameBefore) {
    PageRun r = run(malformed("yahoo_truncated_answer.txt"));
    ASSERT_EQ(r.rejects.size(), 1u);
    EXPECT_EQ(r.rejects[0].line, 15u);
    EXPECT_NE(r.rejects[0].reason.find("truncated"), std::string::npos);
    ASSERT_TRUE(r.parse.thread);
    ASSERT_EQ(r.parse.thread->posts.size(), 2u);
    EXPECT_EQ(r.parse.thread->posts[1].author, "Ola");
}

TEST(SeedsrcYahooParser, MalformedPages) {
    PageRun n = run(malformed("yahoo_no_title.txt"));
    EXPECT_FALSE(n.parse.thread);
    ASSERT_EQ(n.rejects.size(), 1u);
    EXPECT_EQ(n.rejects[0].line, 1u);
    PageRun j = run(malformed("yahoo_jsonl_line.txt"));
    EXPECT_FALSE(j.parse.thread);
    ASSERT_EQ(j.rejects.size(), 1u);
    EXPECT_NE(j.rejects[0].reason.find("not a Yahoo Answers page"), std::string::npos);
    PageRun v = run("back sore\nuser\nPosts: 40 Member\ntext\n0\nReplies\n-\nreply0\n");
    EXPECT_FALSE(v.parse.thread);
}

TEST(SeedsrcYahooParser, MalformedInvalidUtf8IsReplacedAndCounted) {
    PageRun r = run(malformed("yahoo_invalid_utf8.txt"));
    EXPECT_EQ(r.parse.invalid_utf8, 5u);
    ASSERT_TRUE(r.parse.thread);
    ASSERT_EQ(r.parse.thread->posts.size(), 2u);
    EXPECT_EQ(r.parse.thread->category, "Health > Dental");
}

TEST(SeedsrcYahooParser, AnswerWithoutTextIsRejectedNotDropped) {
    PageRun r = run("A asked in SportsRunning \xC2\xB7 1 day ago\n\nT?\n\n2 Answers\n\n  \xE2\x80\xA2 B\n    Lv 3\n    1 day ago\n\n"
                "  \xE2\x80\xA2 C\n    1 day ago\n\n    text\n\nStill have questions? Get answers by asking now.\n");
    ASSERT_TRUE(r.parse.thread);
    ASSERT_EQ(r.parse.thread->posts.size(), 2u);
    EXPECT_EQ(r.parse.thread->posts[1].author, "C");
    ASSERT_EQ(r.rejects.size(), 1u);
    EXPECT_EQ(r.rejects[0].line, 7u);
}

TEST(SeedsrcYahooParser, NeverThrowsOnCutPages) {
    std::string page = kPage;
    for (size_t n = 0; n <= page.size(); ++n) {
        PageRun r = run(page.substr(0, n));
        if (!r.parse.thread) {
            EXPECT_FALSE(r.rejects.empty()) << "cut at " << n;
        }
    }
}

TEST(SeedsrcYahooParser, Sniff) {
    EXPECT_GE(sniff_yahoo_answers_text(kPage, "a.txt"), 0.9);
    EXPECT_GE(sniff_yahoo_answers_text(std::string_view(kPage).substr(0, 60), "a.txt"), 0.85);  // cut mid-emoji
    EXPECT_LE(sniff_yahoo_answers_text("back sore\nuser\nPosts: 40 Member\ntext\n0\nReplies\n", "a.txt"), 0.1);
    EXPECT_EQ(sniff_yahoo_answers_text("{\"source\": \"x\"}\n", "a.jsonl"), 0.0);
    EXPECT_LE(sniff_yahoo_answers_text("notes\n", "n.txt"), 0.1);
}
