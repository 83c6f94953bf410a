// Test support for the seed-format source plugins: reads a thread JSON line
// (the format of DESIGN.md, as `forumkb parse` prints it and as the files in
// corpora/*/expected/ hold it) into an sdk::Thread, and compares two threads
// member by member with messages that name the post and the member, so a
// golden test says what differs instead of dumping two long lines.
#pragma once

#include <forumkb/sdk.hpp>
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fkb::seedsrc::golden {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::optional<std::string> opt_string(simdjson::dom::element e) {
    if (e.is_null()) return std::nullopt;
    return std::string(std::string_view(e.get_string()));
}

inline std::optional<int64_t> opt_int(simdjson::dom::element e) {
    if (e.is_null()) return std::nullopt;
    return int64_t(e.get_int64());
}

/// Every thread of a JSON-lines text. Throws simdjson_error on bad JSON.
inline std::vector<sdk::Thread> threads_from_jsonl(const std::string& text) {
    std::vector<sdk::Thread> out;
    simdjson::dom::parser parser;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        simdjson::dom::element t = parser.parse(line);
        sdk::Thread th;
        th.source = std::string(std::string_view(t["source"].get_string()));
        th.thread_id = std::string(std::string_view(t["thread_id"].get_string()));
        th.url = opt_string(t["url"]);
        th.title = opt_string(t["title"]);
        th.forum = opt_string(t["forum"]);
        th.category = opt_string(t["category"]);
        for (simdjson::dom::element p : t["posts"].get_array()) {
            sdk::Post post;
            post.post_id = std::string(std::string_view(p["post_id"].get_string()));
            post.parent_id = opt_string(p["parent_id"]);
            post.author = opt_string(p["author"]);
            simdjson::dom::element s = p["author_signals"];
            post.post_count = opt_int(s["post_count"]);
            post.role = opt_string(s["role"]);
            post.level = opt_int(s["level"]);
            post.reputation = opt_int(s["reputation"]);
            post.flair = opt_string(s["flair"]);
            post.created = opt_string(p["created"]);
            post.created_text = opt_string(p["created_text"]);
            post.text = std::string(std::string_view(p["text"].get_string()));
            post.likes = opt_int(p["likes"]);
            post.score = opt_int(p["score"]);
            post.accepted = bool(p["accepted"].get_bool());
            for (simdjson::dom::element q : p["quotes"].get_array())
                post.quotes.push_back(sdk::Post::Quote{uint64_t(q["start"].get_uint64()), uint64_t(q["end"].get_uint64()),
                                                       std::string(std::string_view(q["post_id"].get_string()))});
            simdjson::dom::element sig;
            if (p["signature"].get(sig) == simdjson::SUCCESS) post.signature = opt_string(sig);
            th.posts.push_back(std::move(post));
        }
        out.push_back(std::move(th));
    }
    return out;
}

/// Expects `got` to equal `want`, member by member; `where` names the case.
inline void expect_same_thread(const sdk::Thread& got, const sdk::Thread& want, const std::string& where) {
    SCOPED_TRACE(where);
    EXPECT_EQ(got.source, want.source);
    EXPECT_EQ(got.thread_id, want.thread_id);
    EXPECT_EQ(got.url, want.url);
    EXPECT_EQ(got.title, want.title);
    EXPECT_EQ(got.forum, want.forum);
    EXPECT_EQ(got.category, want.category);
    ASSERT_EQ(got.posts.size(), want.posts.size()) << "number of posts";
    for (size_t i = 0; i < got.posts.size(); ++i) {
        SCOPED_TRACE("post " + std::to_string(i));
        const sdk::Post& g = got.posts[i];
        const sdk::Post& w = want.posts[i];
        EXPECT_EQ(g.post_id, w.post_id);
        EXPECT_EQ(g.parent_id, w.parent_id);
        EXPECT_EQ(g.author, w.author);
        EXPECT_EQ(g.post_count, w.post_count);
        EXPECT_EQ(g.role, w.role);
        EXPECT_EQ(g.level, w.level);
        EXPECT_EQ(g.reputation, w.reputation);
        EXPECT_EQ(g.flair, w.flair);
        EXPECT_EQ(g.created, w.created);
        EXPECT_EQ(g.created_text, w.created_text);
        EXPECT_EQ(g.text, w.text);
        EXPECT_EQ(g.likes, w.likes);
        EXPECT_EQ(g.score, w.score);
        EXPECT_EQ(g.accepted, w.accepted);
        EXPECT_EQ(g.signature, w.signature);
        ASSERT_EQ(g.quotes.size(), w.quotes.size()) << "number of quotes";
        for (size_t q = 0; q < g.quotes.size(); ++q) {
            EXPECT_EQ(g.quotes[q].start, w.quotes[q].start);
            EXPECT_EQ(g.quotes[q].end, w.quotes[q].end);
            EXPECT_EQ(g.quotes[q].post_id, w.quotes[q].post_id);
        }
    }
}

}  // namespace fkb::seedsrc::golden
