// Schema migrations: a KB made at schema version 1 (corpora/kb/kb_v1.sql,
// frozen) opens and upgrades under this build: its rows are kept, the
// full-text indexes added later cover its old posts, the views answer, the
// advice query works, and the writer adds to it. A KB newer than this build
// is refused; a fresh KB lands at the latest version.
#include "kb_fixture.hpp"

#include <forumkb/kb/query.hpp>
#include <forumkb/kb/search.hpp>
#include <forumkb/kb/thread_report.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace fkb::kb;
using namespace fkb::kb::testing;

namespace {

void load_sql(const std::string& path, const std::string& sql_file) {
    std::ifstream in(sql_file);
    ASSERT_TRUE(in) << sql_file;
    std::stringstream ss;
    ss << in.rdbuf();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, ss.str().c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << msg;
}

const std::string kFixture = std::string(FORUMKB_SOURCE_DIR) + "/corpora/kb/kb_v1.sql";

}  // namespace

TEST(KbMigration, FreshKbIsAtTheLatestVersion) {
    TempKb kb("mig_fresh");
    { KbWriter w(kb.path()); }
    EXPECT_EQ(sql_int(kb.path(), "PRAGMA user_version"), kb_schema_version());
    EXPECT_GE(kb_schema_version(), 3);
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM sqlite_master WHERE name IN "
                                 "('posts_fts', 'concepts_fts', 'advice_causes', 'advice_remedies', 'evidence')"),
              5);
}

TEST(KbMigration, VersionOneFixtureUpgradesOnRead) {
    TempKb kb("mig_v1_read");
    load_sql(kb.path(), kFixture);
    ASSERT_EQ(sql_int(kb.path(), "PRAGMA user_version"), 1);
    ASSERT_EQ(sql_int(kb.path(), "SELECT count(*) FROM sqlite_master WHERE name = 'posts_fts'"), 0);
    {
        KbReader r(kb.path());
        // Old posts are in the index built by migration 2.
        auto s = run_search(r, "kneecap");
        ASSERT_EQ(s.hits.size(), 1u);
        EXPECT_EQ(s.hits[0].thread_id, "knee-17");
        EXPECT_EQ(s.hits[0].author, "physio_dan");
        // Concept aliases are in theirs: "runner's knee" was an alias at version 1.
        auto q = run_query(r, "runner's knee");
        ASSERT_FALSE(q.concepts.empty());
        EXPECT_EQ(q.concepts[0].id, "knee_pain");
        ASSERT_EQ(q.causes.size(), 1u);
        EXPECT_EQ(q.causes[0].id, "weak_quadriceps");
        ASSERT_EQ(q.causes[0].remedies.size(), 1u);
        EXPECT_EQ(q.causes[0].remedies[0].id, "quadriceps_strengthening");
        EXPECT_EQ(q.remedies.size(), 2u);
        EXPECT_EQ(list_rejects(r).size(), 1u);
    }
    EXPECT_EQ(sql_int(kb.path(), "PRAGMA user_version"), kb_schema_version());
    EXPECT_EQ(sql_text(kb.path(), "SELECT item FROM advice_causes WHERE symptom = 'knee_pain'"), "weak_quadriceps");
    EXPECT_EQ(sql_text(kb.path(), "SELECT author FROM evidence WHERE fact = 2"), "physio_dan");
}

TEST(KbMigration, VersionOneFixtureTakesNewThreads) {
    TempKb kb("mig_v1_write");
    load_sql(kb.path(), kFixture);
    auto before = read_stats(kb.path());
    EXPECT_EQ(before.schema_version, 1);
    write_corpus(kb.path(), runner_corpus());
    auto after = read_stats(kb.path());
    EXPECT_EQ(after.schema_version, kb_schema_version());
    EXPECT_EQ(after.threads, before.threads + 2);
    EXPECT_EQ(after.posts, before.posts + 8);
    EXPECT_EQ(after.rejects, 1);
    KbReader r(kb.path());
    EXPECT_EQ(run_search(r, "kneecap").hits.size(), 1u);
    EXPECT_EQ(run_search(r, "planks").hits.size(), 3u);
}

TEST(KbMigration, NewerKbIsRefused) {
    TempKb kb("mig_newer");
    { KbWriter w(kb.path()); }
    {
        sqlite3* db = nullptr;
        sqlite3_open(kb.path().c_str(), &db);
        sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(kb_schema_version() + 1)).c_str(), nullptr,
                     nullptr, nullptr);
        sqlite3_close(db);
    }
    try {
        KbWriter w(kb.path());
        FAIL() << "opened";
    } catch (const KbError& e) {
        EXPECT_NE(std::string(e.what()).find("newer than this forumkb knows"), std::string::npos) << e.what();
    }
    EXPECT_THROW(KbReader r(kb.path()), KbError);
}

TEST(KbMigration, NotAKb) {
    TempKb kb("mig_empty");
    { std::ofstream(kb.path()).put('\0'); }
    EXPECT_THROW(KbReader r(kb.path()), KbError);
    EXPECT_THROW(KbReader r(kb.path() + ".absent"), KbError);
}
