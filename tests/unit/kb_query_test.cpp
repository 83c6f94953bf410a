// The advice query on a small corpus built in code: question resolution
// (word order, synonyms, compounds, location words narrowing), the ranking
// rules (independent authors, an endorsement adds support and never a second
// copy, certainty, outcomes, negation visible), cause -> remedy links,
// conflicting advice, evidence and JSON output.
#include "kb_fixture.hpp"

#include <forumkb/kb/query.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using namespace fkb::kb;
using namespace fkb::kb::testing;

namespace {

const RankedItem* find(const std::vector<RankedItem>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const RankedItem& i) { return i.id == id; });
    return it == items.end() ? nullptr : &*it;
}

std::vector<std::string> matched(const QueryResult& r) {
    std::vector<std::string> out;
    for (const auto& c : r.concepts)
        if (c.role == "matched") out.push_back(c.id);
    return out;
}

class KbQuery : public ::testing::Test {
protected:
    void SetUp() override { write_corpus(kb.path(), runner_corpus()); }
    TempKb kb{"query"};
};

}  // namespace

TEST_F(KbQuery, ResolvesWordOrderSynonymsAndCompounds) {
    KbReader r(kb.path());
    for (const char* q : {"back sore", "sore back", "backache", "my back hurts", "aching back"}) {
        auto res = run_query(r, q);
        EXPECT_EQ(matched(res), std::vector<std::string>{"back_pain"}) << q;
        // The narrower concept is included, the sibling is not.
        ASSERT_EQ(res.concepts.size(), 2u) << q;
        EXPECT_EQ(res.concepts[1].id, "lower_back_pain");
        EXPECT_EQ(res.concepts[1].role, "narrower");
    }
}

TEST_F(KbQuery, LocationWordsNarrow) {
    KbReader r(kb.path());
    auto res = run_query(r, "lower back pain after running");
    EXPECT_EQ(matched(res), std::vector<std::string>{"lower_back_pain"});
    ASSERT_EQ(res.concepts.size(), 2u);
    EXPECT_EQ(res.concepts[1].id, "back_pain");
    EXPECT_EQ(res.concepts[1].role, "broader");
    EXPECT_EQ(matched(run_query(r, "sore lumbar area")), std::vector<std::string>{"lower_back_pain"});
    // Shoulders are not backs: the shoulder advice of thread b7 answers, the back advice does not.
    auto sh = run_query(r, "sore shoulders");
    EXPECT_EQ(matched(sh), std::vector<std::string>{"shoulder_pain"});
    ASSERT_FALSE(sh.causes.empty());
    EXPECT_EQ(sh.causes[0].id, "poor_posture");
    EXPECT_EQ(find(sh.causes, "weak_core"), nullptr);
    EXPECT_NE(find(sh.remedies, "posture_correction"), nullptr);
}

TEST_F(KbQuery, UnknownSymptomAnswersNothing) {
    KbReader r(kb.path());
    auto res = run_query(r, "itchy elbow");
    EXPECT_TRUE(res.concepts.empty());
    EXPECT_NE(render_query_text(res, {}).find("No symptom in the knowledge base matches"), std::string::npos);
}

TEST_F(KbQuery, IndependentAuthorsAndEndorsements) {
    KbReader r(kb.path());
    auto res = run_query(r, "back pain");
    const RankedItem* core = find(res.causes, "weak_core");
    ASSERT_NE(core, nullptr);
    // coach_kim and lv7runner claim it; mia endorses coach_kim's post: an
    // endorsement, not a third author.
    EXPECT_EQ(core->support, 2);
    EXPECT_EQ(core->endorsements, 1);
    EXPECT_EQ(res.causes[0].id, "weak_core");
    // mia also claims core strengthening herself: her endorsement of post 1
    // does not count a second time for that remedy.
    const RankedItem* cs = find(res.remedies, "core_strengthening");
    ASSERT_NE(cs, nullptr);
    EXPECT_EQ(cs->support, 3);
    EXPECT_EQ(cs->endorsements, 0);
    EXPECT_EQ(cs->outcomes.at("resolved"), 1);
    EXPECT_EQ(res.remedies[0].id, "core_strengthening");
    ASSERT_EQ(core->remedies.size(), 1u);
    EXPECT_EQ(core->remedies[0].id, "core_strengthening");
}

TEST_F(KbQuery, RepeatedClaimsOfOneAuthorCountOnce) {
    auto corpus = runner_corpus();
    // coach_kim says it again in a later post of the same thread.
    corpus[0].thread.posts.push_back(corpus[0].thread.posts[1]);
    corpus[0].thread.posts.back().post_id = "a1-5";
    corpus[0].facts.push_back(make_fact(corpus[0].thread, 5, "cause", "weak_core", "weak core",
                                        "A weak core is the usual culprit", {{"certainty", "probable"}}));
    TempKb other("query_repeat");
    write_corpus(other.path(), corpus);
    KbReader r(other.path());
    auto res = run_query(r, "back pain");
    EXPECT_EQ(find(res.causes, "weak_core")->support, 2);
}

TEST_F(KbQuery, QuotedTextIsNotANewClaim) {
    auto corpus = runner_corpus();
    // An extractor that reports the quoted sentence of post 3 as mia's claim.
    corpus[0].facts.push_back(make_fact(corpus[0].thread, 3, "cause", "weak_core", "weak core",
                                        "A weak core is the usual culprit", {{"certainty", "probable"}}));
    TempKb other("query_quoted");
    write_corpus(other.path(), corpus);
    KbReader r(other.path());
    auto res = run_query(r, "back pain");
    EXPECT_EQ(find(res.causes, "weak_core")->support, 2);
    EXPECT_EQ(find(res.causes, "weak_core")->endorsements, 1);
}

TEST_F(KbQuery, NegationStaysVisible) {
    KbReader r(kb.path());
    QueryOptions o;
    o.evidence = true;
    auto res = run_query(r, "back pain", o);
    const RankedItem* shoes = find(res.causes, "shoes");
    ASSERT_NE(shoes, nullptr);
    EXPECT_EQ(shoes->support, 1);
    EXPECT_EQ(shoes->negations, 1);
    EXPECT_TRUE(shoes->disputed);
    bool ruled_out = false;
    for (const auto& e : shoes->evidence) ruled_out |= e.stance == "rules out" && e.author == "newbie";
    EXPECT_TRUE(ruled_out);
    auto text = render_query_text(res, o);
    EXPECT_NE(text.find("1 author rules it out"), std::string::npos) << text;
    EXPECT_NE(text.find("resolved the pain for 1 author"), std::string::npos) << text;
}

TEST_F(KbQuery, CertaintyOrdersEqualSupport) {
    KbReader r(kb.path());
    auto res = run_query(r, "lower back pain");
    const RankedItem* bending = find(res.causes, "bending_forward_at_the_hips");
    ASSERT_NE(bending, nullptr);
    EXPECT_TRUE(bending->questioned_only);
    EXPECT_LT(bending->score, find(res.causes, "weak_core")->score);
}

TEST_F(KbQuery, ConflictingAdviceIsFlagged) {
    KbReader r(kb.path());
    auto res = run_query(r, "back pain");
    const RankedItem* lean = find(res.remedies, "slight_forward_lean");
    ASSERT_NE(lean, nullptr);
    ASSERT_EQ(lean->conflicts.size(), 1u);
    EXPECT_NE(lean->conflicts[0].find("bending forward at the hips"), std::string::npos);
    // Avoiding what a cause blames is not a conflict: core strengthening vs weak core share one word only.
    EXPECT_TRUE(find(res.remedies, "core_strengthening")->conflicts.empty());
}

TEST_F(KbQuery, MinSupportAndLimit) {
    KbReader r(kb.path());
    QueryOptions o;
    o.min_support = 2;
    auto res = run_query(r, "back pain", o);
    ASSERT_EQ(res.causes.size(), 1u);
    EXPECT_EQ(res.causes[0].id, "weak_core");
    o.min_support = 1;
    o.limit = 2;
    EXPECT_EQ(run_query(r, "back pain", o).remedies.size(), 2u);
}

TEST_F(KbQuery, EvidenceNamesThreadPostAuthor) {
    KbReader r(kb.path());
    QueryOptions o;
    o.evidence = true;
    auto res = run_query(r, "back pain", o);
    const RankedItem* cs = find(res.remedies, "core_strengthening");
    ASSERT_EQ(cs->evidence.size(), 3u);
    bool planks = false;
    for (const auto& e : cs->evidence)
        if (e.quote == "Do planks and side planks") {
            planks = true;
            EXPECT_EQ(e.author, "coach_kim");
            EXPECT_EQ(e.post, 1u);
            EXPECT_EQ(e.thread_title, "sore back after jogging");
            EXPECT_EQ(e.endorsements, 1);
        }
    EXPECT_TRUE(planks);
    auto json = render_query_json(res, o);
    EXPECT_NE(json.find("\"quote\": \"Do planks and side planks\""), std::string::npos);
    EXPECT_NE(json.find("\"thread_title\": \"sore back after jogging\""), std::string::npos);
}

TEST(KbQueryIdempotence, SecondIngestGivesTheSameAnswerByteForByte) {
    TempKb kb("query_idem");
    QueryOptions o;
    o.evidence = true;
    write_corpus(kb.path(), runner_corpus());
    auto counts = table_counts(kb.path());
    std::string first;
    {
        KbReader r(kb.path());
        first = render_query_json(run_query(r, "lower back pain after running", o), o) +
                render_query_json(run_query(r, "sore shoulders", o), o);
    }
    write_corpus(kb.path(), runner_corpus());
    EXPECT_EQ(table_counts(kb.path()), counts);
    KbReader r(kb.path());
    EXPECT_EQ(render_query_json(run_query(r, "lower back pain after running", o), o) +
                  render_query_json(run_query(r, "sore shoulders", o), o),
              first);
    // Written in the other order, the answer is the same too.
    TempKb rev("query_idem_rev");
    auto corpus = runner_corpus();
    std::reverse(corpus.begin(), corpus.end());
    write_corpus(rev.path(), corpus);
    KbReader rr(rev.path());
    EXPECT_EQ(render_query_json(run_query(rr, "lower back pain after running", o), o) +
                  render_query_json(run_query(rr, "sore shoulders", o), o),
              first);
}

// The advice index (advice_index, schema version 5) the query reads is kept
// by the writer thread by thread: a replaced thread answers as if the KB had
// been written with its new version only, and the index built from the
// tables when an older KB is upgraded is the one the writer keeps.
namespace {

std::string answers(const std::string& path) {
    QueryOptions o;
    o.evidence = true;
    KbReader r(path);
    std::string out;
    for (const char* q : {"lower back pain after running", "sore back", "sore shoulders", "knee pain"})
        out += render_query_json(run_query(r, q, o), o);
    return out;
}

std::vector<ThreadFacts> changed_corpus() {
    auto corpus = runner_corpus();
    corpus[0].thread.posts.pop_back();
    corpus[0].facts.pop_back();
    corpus[0].thread.posts[2].text = "It is probably your old trainers, get fitted at a running store.";
    corpus[0].facts[4] = make_fact(corpus[0].thread, 2, "cause", "shoes", "shoes / footwear",
                                   "probably your old trainers", {{"certainty", "probable"}});
    return corpus;
}

std::string chunks(const std::string& path) {
    return sql_text(path,
                    "SELECT group_concat(symptom || ' ' || kind || ' ' || block || ' ' || claims || ' ' || hex(chunk), "
                    "char(10)) FROM (SELECT * FROM advice_index ORDER BY symptom, kind, block)");
}

}  // namespace

TEST(KbAdviceIndex, ReplacedThreadAnswersAsIfWrittenFresh) {
    TempKb kb("index_replace");
    write_corpus(kb.path(), runner_corpus());
    std::string before = answers(kb.path());
    write_corpus(kb.path(), changed_corpus());
    TempKb fresh("index_fresh");
    write_corpus(fresh.path(), changed_corpus());
    std::string after = answers(kb.path());
    EXPECT_NE(after, before);  // the old thread's claims are gone, the new one's are in
    EXPECT_NE(after.find("\"id\": \"shoes\""), std::string::npos);
    EXPECT_EQ(after, answers(fresh.path()));
}

TEST(KbAdviceIndex, UpgradeBuildsTheIndexTheWriterKeeps) {
    TempKb kb("index_rebuild");
    write_corpus(kb.path(), runner_corpus());
    std::string kept = chunks(kb.path());
    std::string answered = answers(kb.path());
    ASSERT_GT(sql_int(kb.path(), "SELECT count(*) FROM advice_index"), 0);
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(kb.path().c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "DROP TABLE advice_index; DROP TABLE post_lengths; PRAGMA user_version = 4", nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    EXPECT_EQ(answers(kb.path()), answered);  // opening it upgrades it to version 5 (and 6, 7) again
    EXPECT_EQ(chunks(kb.path()), kept);
}

namespace {

void exec_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

}  // namespace

// A KB of schema version 6 holds its chunks in the earlier packed form,
// which this build cannot read: opening it rebuilds them from the facts.
TEST(KbAdviceIndex, VersionSixChunksAreRebuiltOnOpen) {
    TempKb kb("index_v6");
    write_corpus(kb.path(), runner_corpus());
    std::string kept = chunks(kb.path());
    std::string answered = answers(kb.path());
    // Bytes in no form this build reads, standing for version 6's.
    exec_sql(kb.path(), "UPDATE advice_index SET chunk = x'0a000000deadbeef'; PRAGMA user_version = 6");
    EXPECT_EQ(answers(kb.path()), answered);
    EXPECT_EQ(sql_int(kb.path(), "PRAGMA user_version"), kb_schema_version());
    EXPECT_EQ(chunks(kb.path()), kept);
}

// A damaged chunk is an error naming the KB and the table, not a read past
// the bytes it has.
TEST(KbAdviceIndex, DamagedChunkIsAnError) {
    TempKb kb("index_damaged");
    write_corpus(kb.path(), runner_corpus());
    exec_sql(kb.path(), "UPDATE advice_index SET chunk = substr(chunk, 1, length(chunk) - 3)");
    KbReader r(kb.path());
    try {
        run_query(r, "lower back pain after running");
        FAIL() << "a cut chunk was read";
    } catch (const KbError& e) {
        EXPECT_NE(std::string(e.what()).find("advice_index"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(kb.path()), std::string::npos) << e.what();
    }
}
