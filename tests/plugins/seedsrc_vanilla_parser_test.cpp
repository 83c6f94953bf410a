// Tests of parse_vanilla_text() on small pages written in the tests (each
// case a page variant the issue lists) and on corpora/malformed/vanilla_*,
// and of sniff_vanilla_text() against the other formats.
#include "seedsrc_thread_json.hpp"
#include "vanilla_parser.hpp"

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
    VanillaParse parse;
    std::vector<Rejected> rejects;
};

PageRun run(std::string_view page, std::string_view name = "t.txt") {
    PageRun r;
    r.parse = parse_vanilla_text(
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
    "sore calves after hill repeats\n"
    "hillbilly_hal\n"
    "Posts: 1,234 Member\n"
    "Did six hill repeats and now both calves are tight and sore. Normal?\n"
    "2\n"
    "Replies\n"
    "-\n"
    "Totally normal after a new workout.3\n"
    "-\n"
    "Foam roll and walk it off, it should ease in two days.0 -\n"
    "-\n"
    "-\n"
    "Options\n"
    "Quote\n"
    "Flag\n"
    "Stretch after, not before.\n"
    "Cheers,\n"
    "Rob.14 -\n"
    "This discussion has been closed.\n"
    "Categories\n"
    "- All Categories\n"
    "- 1.4M Health, Wellness and Goals\n";

}  // namespace

TEST(SeedsrcVanillaParser, PageShape) {
    PageRun r = run(kPage, "pages/calves.txt");
    EXPECT_TRUE(r.rejects.empty());
    ASSERT_TRUE(r.parse.thread);
    const auto& t = *r.parse.thread;
    EXPECT_EQ(t.source, "vanilla");
    EXPECT_EQ(t.thread_id, "calves");
    EXPECT_EQ(t.title, "sore calves after hill repeats");
    ASSERT_EQ(t.posts.size(), 4u);  // bare "-" items are no posts
    EXPECT_EQ(t.posts[0].author, "hillbilly_hal");
    EXPECT_EQ(t.posts[0].post_count, 1234);
    EXPECT_EQ(t.posts[0].role, "Member");
    EXPECT_EQ(t.posts[0].likes, 2);
    EXPECT_EQ(t.posts[0].text, "Did six hill repeats and now both calves are tight and sore. Normal?");
    EXPECT_EQ(t.posts[1].text, "Totally normal after a new workout.");
    EXPECT_EQ(t.posts[1].likes, 3);
    EXPECT_FALSE(t.posts[1].author);
    EXPECT_EQ(t.posts[2].likes, 0);
    // Furniture dropped, like count off the signature line, signed name kept.
    EXPECT_EQ(t.posts[3].text, "Stretch after, not before.\nCheers,\nRob.");
    EXPECT_EQ(t.posts[3].likes, 14);
    EXPECT_EQ(t.posts[3].signature, "Rob");
    EXPECT_EQ(t.posts[3].author, "Rob");
    for (size_t i = 0; i < t.posts.size(); ++i) EXPECT_EQ(t.posts[i].post_id, std::to_string(i));
    for (const auto& p : t.posts) {
        EXPECT_EQ(p.text.find("Categories"), std::string::npos);
        EXPECT_EQ(p.text.find("closed"), std::string::npos);
    }
}

TEST(SeedsrcVanillaParser, ReplyAuthorLinesAndRoles) {
    PageRun r = run(
        "t\nPosts: 5 Member\nq?\n0\nReplies\n-\nmod_mo\nPosts: 8,451 Moderator\nMarch 2019\nAnswer one.4 -\n"
        "staffer Posts: 22 Community Manager\nAnswer two.1\nThis discussion has been closed.\n");
    ASSERT_TRUE(r.parse.thread);
    const auto& p = r.parse.thread->posts;
    ASSERT_EQ(p.size(), 3u);
    EXPECT_FALSE(p[0].author);  // the copy has no opening author line
    EXPECT_EQ(p[0].post_count, 5);
    EXPECT_EQ(p[1].author, "mod_mo");
    EXPECT_EQ(p[1].role, "Moderator");
    EXPECT_EQ(p[1].post_count, 8451);
    EXPECT_EQ(p[1].created_text, "March 2019");
    EXPECT_EQ(p[1].text, "Answer one.");
    EXPECT_EQ(p[2].author, "staffer");
    EXPECT_EQ(p[2].role, "Community Manager");
    EXPECT_EQ(p[2].text, "Answer two.");
}

TEST(SeedsrcVanillaParser, QuotedReplyKeepsItsText) {
    std::string quoted = "If it is the outside of the knee, roll the IT band and strengthen the glutes.";
    PageRun r = run("knee\nk\nPosts: 1 Member\nhelp\n0\nReplies\n-\n" + quoted + "0 -\nFirst!0 -\n" + quoted +
                "\nI agree with this.0\nThis discussion has been closed.\n");
    ASSERT_TRUE(r.parse.thread);
    const auto& p = r.parse.thread->posts;
    ASSERT_EQ(p.size(), 4u);
    EXPECT_EQ(p[3].text, quoted + "\nI agree with this.");
    ASSERT_EQ(p[3].quotes.size(), 1u);
    EXPECT_EQ(p[3].quotes[0].post_id, "1");
    EXPECT_EQ(p[3].quotes[0].start, 0u);
    EXPECT_EQ(p[3].quotes[0].end, quoted.size());
}

TEST(SeedsrcVanillaParser, RobustToCrlfBomTabsNbspAndTrailingSpaces) {
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

TEST(SeedsrcVanillaParser, TrailingSidebarWithoutHeading) {
    PageRun r = run("t\nu\nPosts: 3 Member\nq\n0\nReplies\n-\nreply text0\n- 1.4M Health, Wellness and Goals\n"
                "- 393.8K Introduce Yourself\n- 43.9K Getting Started\n");
    ASSERT_TRUE(r.parse.thread);
    ASSERT_EQ(r.parse.thread->posts.size(), 2u);
    EXPECT_EQ(r.parse.thread->posts[1].text, "reply text");
    EXPECT_TRUE(r.rejects.empty());
}

TEST(SeedsrcVanillaParser, MalformedTruncatedKeepsWhatCameBefore) {
    PageRun r = run(malformed("vanilla_truncated_mid_reply.txt"));
    ASSERT_EQ(r.rejects.size(), 1u);
    EXPECT_EQ(r.rejects[0].line, 9u);
    EXPECT_NE(r.rejects[0].reason.find("truncated"), std::string::npos);
    ASSERT_TRUE(r.parse.thread);
    ASSERT_EQ(r.parse.thread->posts.size(), 2u);
    EXPECT_EQ(r.parse.thread->posts[1].likes, 4);
}

TEST(SeedsrcVanillaParser, MalformedNotAPageOrEmpty) {
    PageRun r = run(malformed("vanilla_not_a_page.txt"));
    EXPECT_FALSE(r.parse.thread);
    ASSERT_EQ(r.rejects.size(), 1u);
    EXPECT_EQ(r.rejects[0].line, 1u);
    EXPECT_NE(r.rejects[0].reason.find("not a Vanilla forum page"), std::string::npos);
    PageRun e = run(malformed("vanilla_empty.txt"));
    EXPECT_FALSE(e.parse.thread);
    EXPECT_EQ(e.rejects.size(), 1u);
    PageRun y = run("Anonymous asked in SportsRunning \xC2\xB7 1 month ago\n\nTitle?\n\nBody\n\n1 Answer\n");
    EXPECT_FALSE(y.parse.thread);
    EXPECT_EQ(y.rejects.size(), 1u);
}

TEST(SeedsrcVanillaParser, MalformedInvalidUtf8IsReplacedAndCounted) {
    PageRun r = run(malformed("vanilla_invalid_utf8.txt"));
    EXPECT_EQ(r.parse.invalid_utf8, 4u);
    ASSERT_TRUE(r.parse.thread);
    ASSERT_EQ(r.parse.thread->posts.size(), 2u);
    EXPECT_NE(r.parse.thread->posts[0].text.find("\xEF\xBF\xBD"), std::string::npos);
    EXPECT_EQ(r.parse.thread->posts[1].likes, 3);
}

TEST(SeedsrcVanillaParser, NeverThrowsOnCutPages) {
    std::string page = kPage;
    for (size_t n = 0; n <= page.size(); ++n) {
        PageRun r = run(page.substr(0, n));
        if (r.parse.thread) {
            EXPECT_FALSE(r.parse.thread->posts.empty());
        } else {
            EXPECT_FALSE(r.rejects.empty()) << "cut at " << n;
        }
    }
}

TEST(SeedsrcVanillaParser, Sniff) {
    EXPECT_GE(sniff_vanilla_text(kPage, "a.txt"), 0.9);
    EXPECT_GE(sniff_vanilla_text(std::string_view(kPage).substr(0, 120), "a.txt"), 0.8);  // a short head
    EXPECT_LE(sniff_vanilla_text("Anonymous asked in SportsRunning \xC2\xB7 1 month ago\n\nTitle?\n", "a.txt"), 0.1);
    EXPECT_EQ(sniff_vanilla_text("{\"source\": \"x\", \"thread_id\": \"1\"}\n", "a.jsonl"), 0.0);
    EXPECT_LE(sniff_vanilla_text("just some notes\nabout nothing\n", "notes.txt"), 0.1);
    EXPECT_EQ(sniff_vanilla_text("", "x.bin"), 0.0);
}
