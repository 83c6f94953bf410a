// The advice index the writer builds from each thread's prepared rows must
// be the one an upgrade builds from the tables (the migration to schema
// version 5): same chunks, byte for byte. The threads here have what the
// claims carry: endorsers by endorsement and by quote, an author who
// endorses twice (in one post, and in two), anonymous endorsers, a claim inside a quote (left out),
// remedies with causes, claims linked to two symptoms, a negated claim, and
// a thread replaced by a changed version, in the same batch and in a later
// one. (kb_query_test.cpp checks the same on the runner corpus.)
#include "kb_fixture.hpp"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <string>
#include <vector>

using namespace fkb;
using namespace fkb::kb;
using namespace fkb::kb::testing;

namespace {

/// Every advice_index row, as text (the chunk in hex), in key order.
std::vector<std::string> advice_rows(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    std::vector<std::string> out;
    if (sqlite3_prepare_v2(db, "SELECT symptom || '|' || kind || '|' || block || '|' || claims || '|' || hex(chunk) "
                               "FROM advice_index ORDER BY symptom, kind, block",
                           -1, &s, nullptr) == SQLITE_OK)
        while (sqlite3_step(s) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

/// Takes the KB back to schema version 4 (before the advice index), so that
/// the next open upgrades it and builds the index from the tables.
void back_to_version_4(const std::string& path) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TABLE advice_index; DROP TABLE post_lengths; PRAGMA user_version = 4", nullptr,
                           nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
}

/// A thread about knee pain with endorsements and quotes of every sort.
ThreadFacts knee_thread(const std::string& id, const std::string& last_word) {
    Thread t = make_thread("kneeforum", id, "knees hurt on the stairs",
                           {{"", "My knees hurt going down stairs and my hips ache at night."},
                            {"ann", "Tight quads cause that. Foam roll your quads every evening."},
                            {"ann", "> Tight quads cause that.\nAlso, stretching helped me a lot."},
                            {"", "> Foam roll your quads\nThat did nothing for me, icing worked."},
                            {"bob", "> Tight quads cause that.\nAgreed, and do not run downhill: " + last_word},
                            {"bob", "> Foam roll your quads\nYes, every evening."}});
    t.posts[2].quotes.push_back({0, 25, id + "-1"});
    t.posts[3].quotes.push_back({0, 22, id + "-1"});
    t.posts[4].quotes.push_back({0, 25, id + "-1"});
    t.posts[5].quotes.push_back({0, 22, id + "-1"});  // bob endorses post 1 a second time: counted once
    std::vector<FactRecord> f;
    f.push_back(make_fact(t, 0, "symptom", "knee_pain", "knee pain", "My knees hurt going down stairs"));
    f.push_back(make_fact(t, 0, "symptom", "hip_pain", "hip pain", "my hips ache at night"));
    f.push_back(make_fact(t, 1, "cause", "tight_quadriceps", "tight quads", "Tight quads cause that",
                          {{"certainty", "asserted"}}));
    f.push_back(make_fact(t, 1, "remedy", "foam_rolling", "foam roll the quads", "Foam roll your quads"));
    f.push_back(make_fact(t, 2, "cause", "tight_quadriceps", "tight quads", "Tight quads cause that"));  // quoted
    f.push_back(make_fact(t, 2, "endorsement", "", "agrees with post 1", "helped me", {{"target_post", "1"}}));
    f.push_back(make_fact(t, 2, "remedy", "stretching", "stretching", "stretching helped me",
                          {{"outcome", "improved"}, {"experiencer", "author"}}));
    f.push_back(make_fact(t, 3, "remedy", "foam_rolling", "foam rolling", "That did nothing for me",
                          {{"polarity", "negated"}, {"outcome", "no_change"}}));
    f.push_back(make_fact(t, 3, "remedy", "icing", "icing", "icing worked", {{"symptom", "knee_pain"}}));
    f.push_back(make_fact(t, 4, "endorsement", "", "agrees with post 1", "Agreed", {{"target_post", "1"}}));
    f.push_back(make_fact(t, 4, "remedy", "avoid_downhill_running", "no downhill running", "do not run downhill",
                          {{"certainty", "probable"}, {"cause", "tight_quadriceps"}}));
    return {std::move(t), std::move(f)};
}

}  // namespace

TEST(KbAdviceIndex, WriterIndexIsTheOneRebuiltFromTheTables) {
    TempKb kb("advice_index_rebuild");
    {
        KbWriter w(kb.path());
        w.set_batch_size(2);  // chunks rewritten across batches, not only written once
        int64_t file = w.begin_file("knees.jsonl", 1, "k1");
        for (const auto& tf : runner_corpus()) w.write_thread(file, tf.thread, tf.facts);
        for (int i = 0; i < 5; ++i) {
            ThreadFacts tf = knee_thread("k" + std::to_string(i), "ok");
            w.write_thread(file, tf.thread, tf.facts);
        }
        ThreadFacts changed = knee_thread("k1", "really");  // replaced in the same batch as others
        w.write_thread(file, changed.thread, changed.facts);
        w.finish_file(file);
        int64_t again = w.begin_file("knees2.jsonl", 1, "k2");
        changed = knee_thread("k3", "truly");  // replaced in a later batch
        w.write_thread(again, changed.thread, changed.facts);
        w.finish_file(again);
    }
    std::vector<std::string> written = advice_rows(kb.path());
    // Every cause and remedy linked to a symptom is a claim, but the quoted ones.
    const std::string links = "SELECT count(*) FROM fact_symptoms fs JOIN facts f ON f.id = fs.fact "
                              "WHERE f.kind IN ('cause', 'remedy') AND f.concept IS NOT NULL ";
    const std::string quoted = "EXISTS (SELECT 1 FROM quotes q WHERE q.post = f.post AND q.start <= f.ev_start "
                               "AND f.ev_end <= q.end)";
    EXPECT_GT(sql_int(kb.path(), links + "AND " + quoted), 0);
    EXPECT_EQ(sql_int(kb.path(), "SELECT sum(claims) FROM advice_index"),
              sql_int(kb.path(), links + "AND NOT " + quoted));
    back_to_version_4(kb.path());
    { KbWriter reopened(kb.path()); }
    EXPECT_EQ(sql_int(kb.path(), "PRAGMA user_version"), kb_schema_version());
    std::vector<std::string> rebuilt = advice_rows(kb.path());
    ASSERT_FALSE(written.empty());
    EXPECT_EQ(written, rebuilt);
}
