// Parser-level tests of source_json: arrays and JSON lines, nested replies,
// dotted key paths, mapping errors, broken records.
#include "dumps_test_support.hpp"
#include "json_sniff.hpp"
#include "json_source_parser.hpp"
#include "mapped_options.hpp"

#include <gtest/gtest.h>

using namespace fkb::dumps;
using namespace fkb::dumps::testing;

namespace {

TEST(DumpsJson, NestedRepliesFlattened) {
    JsonOptions o;
    o.map_text = read_map_text("", std::string(FORUMKB_SOURCE_DIR) + "/corpora/json/qa_board.json");
    auto c = run_file<MappedJsonParser>("corpora/json/qa_board.json", o);
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 2u);
    const auto& t = c.threads[0];
    EXPECT_EQ(t.source, "json");
    EXPECT_EQ(t.thread_id, "q1");
    EXPECT_EQ(t.title.value_or(""), "Lower back tight after treadmill runs");
    EXPECT_EQ(t.category.value_or(""), "Treadmill");
    ASSERT_EQ(t.posts.size(), 4u);
    EXPECT_EQ(t.posts[0].author.value_or(""), "gym_rat_gus");
    EXPECT_EQ(t.posts[0].post_count.value_or(-1), 212);
    EXPECT_EQ(t.posts[1].post_id, "r1");
    EXPECT_EQ(t.posts[1].parent_id.value_or(""), "q1");
    EXPECT_EQ(t.posts[1].likes.value_or(-1), 9);
    EXPECT_EQ(t.posts[2].post_id, "r1.1");  // no id of its own: derived from its parent
    EXPECT_EQ(t.posts[2].parent_id.value_or(""), "r1");
    EXPECT_EQ(t.posts[3].post_id, "r2");
    EXPECT_EQ(t.posts[3].parent_id.value_or(""), "q1");
    EXPECT_EQ(t.posts[3].created.value_or(""), "2023-03-05T21:00:00Z");
    EXPECT_EQ(c.threads[1].posts.size(), 1u);
}

TEST(DumpsJson, JsonLinesByKeyNames) {
    auto c = run_file<MappedJsonParser>("corpora/json/forum_lines.jsonl", JsonOptions{});
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].thread_id, "f-9");
    ASSERT_EQ(c.threads[0].posts.size(), 2u);
    EXPECT_EQ(c.threads[0].posts[1].score.value_or(-1), 6);
}

TEST(DumpsJson, BrokenLineCostsOneRecord) {
    auto c = run_file<MappedJsonParser>("corpora/malformed/json_broken_line.jsonl", JsonOptions{});
    ASSERT_EQ(c.rejects.size(), 2u) << c.reject_text();
    EXPECT_EQ(c.rejects[0].line, 2u);
    EXPECT_NE(c.rejects[0].reason.find("broken JSON"), std::string::npos);
    EXPECT_EQ(c.rejects[1].line, 3u);
    EXPECT_EQ(c.rejects[1].reason, "record without text");
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].posts.size(), 2u);
}

TEST(DumpsJson, TruncatedArrayKeepsCompleteElements) {
    auto c = run_file<MappedJsonParser>("corpora/malformed/json_truncated_array.json", JsonOptions{});
    ASSERT_EQ(c.rejects.size(), 1u) << c.reject_text();
    EXPECT_EQ(c.rejects[0].line, 3u);
    EXPECT_EQ(c.rejects[0].reason, "the file ends inside this element");
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].posts[0].text, "complete");
}

TEST(DumpsJson, BrokenArrayElementIsSkipped) {
    auto c = run<MappedJsonParser>("[{\"text\": \"a\"}, {\"text\": tru}, {\"text\": \"c\"}, 5]", "x.json", JsonOptions{});
    ASSERT_EQ(c.rejects.size(), 2u) << c.reject_text();
    EXPECT_EQ(c.rejects[1].reason, "a record that is not a JSON object");
    EXPECT_EQ(c.threads.size(), 2u);
}

TEST(DumpsJson, UnknownMappedKeyIsAnError) {
    JsonOptions o;
    o.map = "text=body,author=usr.name";
    try {
        run<MappedJsonParser>("{\"body\": \"x\", \"user\": {\"name\": \"n\"}}\n", "e.jsonl", o);
        FAIL() << "no error";
    } catch (const fkb::sdk::Error& e) {
        EXPECT_EQ(std::string(e.what()), "e.jsonl: mapped key 'usr.name' (for author) is in no record");
    }
}

TEST(DumpsJson, Sniff) {
    EXPECT_GE(sniff_json("[\n {\"a\": 1}]", "x.json"), 0.6);
    EXPECT_GE(sniff_json("{\"a\": 1}\n{\"a\": 2}\n", "x.jsonl"), 0.6);
    EXPECT_GT(sniff_json("{\"a\": 1}\n", "x"), 0.0);
    EXPECT_EQ(sniff_json("[1, 2]", "x.json"), 0.0);
    EXPECT_EQ(sniff_json("a,b\n", "x.csv"), 0.0);
    // One pretty-printed document (a settings or gold file) is not JSON lines:
    // read line by line, every line of it would be a "broken JSON" reject.
    EXPECT_EQ(sniff_json("{\n \"version\": 1,\n \"facts\": []\n}\n", "gold.json"), 0.0);
    EXPECT_GE(sniff_json("{\"a\": 1}\r\n{\"a\": 2}\r\n", "x.jsonl"), 0.6);
}

}  // namespace
