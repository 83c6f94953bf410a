// Search ranks with its own bm25 (SearchRanker, fkb_bm25 over post_lengths)
// instead of FTS5's "ORDER BY rank": the hits, their order, their scores (to
// the bit) and their snippets must be what FTS5's rank gives, for words,
// phrases, prefixes, NEAR, NOT and OR, with ties, over several batches and
// post_lengths blocks, after threads are replaced, for a post too long for
// post_lengths, and with post_lengths emptied. The writer's post_lengths is
// the one an upgrade builds from FTS5's own counts.
#include "kb_fixture.hpp"

#include <forumkb/kb/search.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace fkb::kb;
using namespace fkb::kb::testing;

namespace {

const char* kWords[] = {"knee", "ache", "hill", "tempo", "stretch", "calves", "shoes", "rest", "ice", "foam",
                        "roller", "mile", "track", "coach", "pace", "trail", "sore", "tight", "glute", "hip"};

/// 1,500 posts (two post_lengths blocks) of 1 to 80 words from a small
/// vocabulary, so that many posts tie on score; thread t5 has a post of
/// 70,000 words (more than post_lengths holds). With `changed`, every
/// seventh thread says something else.
std::vector<ThreadFacts> corpus(bool changed) {
    std::mt19937 rng(11);
    std::vector<ThreadFacts> out;
    for (int t = 0; t < 300; ++t) {
        std::vector<std::pair<std::string, std::string>> posts;
        for (int p = 0; p < 5; ++p) {
            int n = 1 + static_cast<int>(rng() % 80);
            std::string text;
            for (int k = 0; k < n; ++k) text += std::string(kWords[rng() % 20]) + (k % 7 == 6 ? ". " : " ");
            if (changed && t % 7 == 0) text += "new shoes and more ice.";
            if (t == 5 && p == 2)
                for (int k = 0; k < 70000; ++k) text += k % 1000 == 0 ? "knee " : "x" + std::to_string(k % 3000) + " ";
            posts.emplace_back("runner" + std::to_string((t + p) % 41), text);
        }
        out.push_back({make_thread("gen", "t" + std::to_string(t), "thread " + std::to_string(t), posts), {}});
    }
    return out;
}

void write(const std::string& path, const std::vector<ThreadFacts>& c) {
    KbWriter w(path);
    w.set_batch_size(7);
    int64_t file = w.begin_file("generated", 1, "g");
    for (const auto& tf : c) w.write_thread(file, tf.thread, tf.facts);
    w.finish_file(file);
}

struct Hit {
    std::string thread_id;
    long long post = 0;
    std::string snippet;
    double score = 0;
    bool operator==(const Hit& o) const {
        return thread_id == o.thread_id && post == o.post && snippet == o.snippet && score == o.score;
    }
};

std::ostream& operator<<(std::ostream& os, const Hit& h) {
    return os << h.thread_id << "/" << h.post << " " << h.score << " " << h.snippet.substr(0, 40);
}

/// What FTS5's own ranking gives: the search statement of schema version 5.
std::vector<Hit> fts5_rank(const std::string& path, const std::string& q, int limit) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    std::vector<Hit> out;
    int rc = sqlite3_prepare_v2(
        db,
        "WITH hits AS (SELECT rowid AS post, rank, snippet(posts_fts, 0, '[', ']', '…', 16) AS snip "
        "FROM posts_fts WHERE posts_fts MATCH ?1 ORDER BY rank LIMIT ?2) "
        "SELECT t.thread_id, p.post_index, hits.snip, hits.rank FROM hits JOIN posts p ON p.id = hits.post "
        "JOIN threads t ON t.id = p.thread ORDER BY hits.rank, p.id",
        -1, &s, nullptr);
    EXPECT_EQ(rc, SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_bind_text(s, 1, q.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, limit > 0 ? limit : -1);
    while (sqlite3_step(s) == SQLITE_ROW)
        out.push_back(Hit{reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), sqlite3_column_int64(s, 1),
                          reinterpret_cast<const char*>(sqlite3_column_text(s, 2)), sqlite3_column_double(s, 3)});
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

std::vector<Hit> searched(KbReader& r, const std::string& q, int limit) {
    SearchOptions o;
    o.raw = true;
    o.limit = limit;
    std::vector<Hit> out;
    for (const auto& h : run_search(r, q, o).hits) out.push_back(Hit{h.thread_id, h.post, h.snippet, h.score});
    return out;
}

const char* kQueries[] = {"knee",          "tempo",        "knee ache",       "\"foam roller\"", "sto*",
                          "NEAR(ice rest, 3)", "calves NOT shoes", "glute OR hip OR coach", "x17", "shoes ice",
                          "zzz"};

void expect_same_as_fts5(const std::string& path) {
    KbReader r(path);
    for (const char* q : kQueries)
        for (int limit : {1, 10, 20, 0}) {
            auto want = fts5_rank(path, q, limit);
            EXPECT_EQ(searched(r, q, limit), want) << q << " limit " << limit;
        }
}

std::string lengths(const std::string& path) {
    return sql_text(path, "SELECT group_concat(block || ':' || hex(lengths), ',') FROM "
                          "(SELECT * FROM post_lengths ORDER BY block)");
}

}  // namespace

TEST(KbSearchRank, SameHitsScoresAndSnippetsAsFts5Rank) {
    TempKb kb("search_rank");
    write(kb.path(), corpus(false));
    ASSERT_EQ(sql_int(kb.path(), "SELECT count(*) FROM post_lengths"), 2);
    // The ties this is about: many posts share the best score of a word.
    EXPECT_GT(sql_int(kb.path(), "SELECT count(*) FROM (SELECT rank FROM posts_fts WHERE posts_fts MATCH 'knee' "
                                 "GROUP BY rank HAVING count(*) > 5)"),
              0);
    expect_same_as_fts5(kb.path());
}

TEST(KbSearchRank, ReplacedThreadsAndMissingLengths) {
    TempKb kb("search_rank_replaced");
    write(kb.path(), corpus(false));
    write(kb.path(), corpus(true));
    expect_same_as_fts5(kb.path());
    {
        KbReader r(kb.path());
        EXPECT_FALSE(searched(r, "\"more ice\"", 0).empty());
    }
    // Without post_lengths, every length comes from FTS5: the same answers.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(kb.path().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DELETE FROM post_lengths", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    expect_same_as_fts5(kb.path());
}

TEST(KbSearchRank, UpgradeBuildsTheLengthsTheWriterKeeps) {
    TempKb kb("search_rank_upgrade");
    write(kb.path(), corpus(false));
    write(kb.path(), corpus(true));
    std::string kept = lengths(kb.path());
    ASSERT_NE(kept, "<null>");
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(kb.path().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "DROP TABLE post_lengths; PRAGMA user_version = 5", nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    { KbReader r(kb.path()); }  // opening it upgrades it to version 6 again
    EXPECT_EQ(sql_int(kb.path(), "PRAGMA user_version"), kb_schema_version());
    EXPECT_EQ(lengths(kb.path()), kept);
}
