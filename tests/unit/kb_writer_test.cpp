// KbWriter: rows written for threads, posts and facts; the derived links
// (symptom of each cause/remedy, cause of each remedy), concepts and their
// hierarchy, idempotent re-ingest, replacement of a changed thread, files
// and rejects, and the full-text index kept in sync.
#include "kb_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace fkb::kb;
using namespace fkb::kb::testing;

TEST(KbWriter, WritesThreadsPostsAndFacts) {
    TempKb kb("writer_rows");
    write_corpus(kb.path(), runner_corpus());
    auto c = table_counts(kb.path());
    EXPECT_EQ(c["sources"], 1);
    EXPECT_EQ(c["threads"], 2);
    EXPECT_EQ(c["posts"], 8);
    EXPECT_EQ(c["authors"], 7);  // the anonymous post has no author row
    EXPECT_EQ(c["facts"], 18);
    // credibility_signals is a view over facts (schema version 4).
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM credibility_signals"), 2);
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM facts WHERE kind = 'credibility' AND signal IS NOT NULL "
                                 "AND author_id IS NOT NULL AND value IS NOT NULL"),
              2);
    EXPECT_EQ(c["endorsements"], 1);
    EXPECT_EQ(c["quotes"], 1);
    EXPECT_EQ(c["post_weights"], 8);
    EXPECT_EQ(sql_text(kb.path(), "SELECT ev_text FROM facts WHERE kind = 'cause' AND post_index = 2"),
              "It is probably your shoes");
    EXPECT_EQ(sql_int(kb.path(), "SELECT quoted_index FROM quotes"), 1);
    EXPECT_EQ(sql_text(kb.path(), "SELECT qualifiers FROM facts WHERE kind = 'symptom' AND concept = 'lower_back_pain'"),
              "{\"activity\":\"running\"}");
    EXPECT_EQ(sql_int(kb.path(), "PRAGMA user_version"), kb_schema_version());
    EXPECT_EQ(sql_text(kb.path(), "PRAGMA journal_mode"), "wal");
}

TEST(KbWriter, LinksAdviceToSymptomsAndCauses) {
    TempKb kb("writer_links");
    write_corpus(kb.path(), runner_corpus());
    // A stated symptom wins; otherwise the opening post's symptoms.
    EXPECT_EQ(sql_text(kb.path(), "SELECT group_concat(fs.symptom || ':' || fs.link) FROM fact_symptoms fs JOIN facts f "
                                  "ON f.id = fs.fact WHERE f.kind = 'cause' AND f.post_index = 2"),
              "lower_back_pain:stated");
    EXPECT_EQ(sql_text(kb.path(), "SELECT group_concat(fs.symptom || ':' || fs.link) FROM fact_symptoms fs JOIN facts f "
                                  "ON f.id = fs.fact JOIN threads t ON t.id = f.thread "
                                  "WHERE t.thread_id = 'a1' AND f.kind = 'cause' AND f.post_index = 1"),
              "lower_back_pain:thread");
    // A remedy after a cause in the same post addresses it, and inherits its symptom.
    EXPECT_EQ(sql_text(kb.path(), "SELECT group_concat(fc.cause || ':' || fc.link) FROM fact_causes fc JOIN facts f "
                                  "ON f.id = fc.fact JOIN threads t ON t.id = f.thread "
                                  "WHERE t.thread_id = 'b7' AND f.concept = 'posture_correction'"),
              "poor_posture:post");
    EXPECT_EQ(sql_text(kb.path(), "SELECT group_concat(fs.symptom || ':' || fs.link) FROM fact_symptoms fs JOIN facts f "
                                  "ON f.id = fs.fact JOIN threads t ON t.id = f.thread "
                                  "WHERE t.thread_id = 'b7' AND f.concept = 'posture_correction'"),
              "shoulder_pain:cause");
    EXPECT_EQ(sql_text(kb.path(), "SELECT group_concat(fc.cause || ':' || fc.link) FROM fact_causes fc JOIN facts f "
                                  "ON f.id = fc.fact WHERE f.concept = 'running_shoes'"),
              "shoes:stated");
}

TEST(KbWriter, ConceptsGetAliasesAndParents) {
    TempKb kb("writer_concepts");
    write_corpus(kb.path(), runner_corpus());
    EXPECT_EQ(sql_text(kb.path(), "SELECT parent FROM concepts WHERE kind = 'symptom' AND concept = 'lower_back_pain'"),
              "back_pain");
    EXPECT_EQ(sql_text(kb.path(), "SELECT parent FROM concepts WHERE kind = 'symptom' AND concept = 'back_pain'"),
              "<null>");
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM concepts_fts WHERE concepts_fts MATCH 'lower back'"), 1);
    {
        KbWriter w(kb.path());
        w.add_concept(ConceptEntry{"symptom", "back_pain", "back pain", std::nullopt, "HP:0003418", {"backache", "sore back"}});
    }
    EXPECT_EQ(sql_text(kb.path(), "SELECT c.concept FROM concepts_fts f JOIN concept_aliases a ON a.id = f.rowid "
                                  "JOIN concepts c ON c.id = a.concept_ref WHERE concepts_fts MATCH 'backache'"),
              "back_pain");
    EXPECT_EQ(sql_text(kb.path(), "SELECT origin || ' ' || external_id FROM concepts WHERE concept = 'back_pain'"),
              "lexicon HP:0003418");
}

TEST(KbWriter, SecondIngestChangesNothing) {
    TempKb kb("writer_idem");
    write_corpus(kb.path(), runner_corpus());
    auto first = table_counts(kb.path());
    auto max_fact = sql_int(kb.path(), "SELECT max(id) FROM facts");
    write_corpus(kb.path(), runner_corpus());
    EXPECT_EQ(table_counts(kb.path()), first);
    EXPECT_EQ(sql_int(kb.path(), "SELECT max(id) FROM facts"), max_fact);  // not rewritten at all
}

TEST(KbWriter, ChangedThreadReplacesPostsAndFacts) {
    TempKb kb("writer_replace");
    auto corpus = runner_corpus();
    write_corpus(kb.path(), corpus);
    auto before = table_counts(kb.path());
    // The thread lost its last post and that post's fact.
    corpus[0].thread.posts.pop_back();
    corpus[0].facts.pop_back();
    corpus[0].thread.posts[2].text = "It is probably your old trainers, get fitted at a running store.";
    corpus[0].facts[4] = make_fact(corpus[0].thread, 2, "cause", "shoes", "shoes / footwear",
                                   "probably your old trainers", {{"certainty", "probable"}});
    write_corpus(kb.path(), corpus);
    auto after = table_counts(kb.path());
    EXPECT_EQ(after["threads"], before["threads"]);
    EXPECT_EQ(after["posts"], before["posts"] - 1);
    EXPECT_EQ(after["facts"], before["facts"] - 1);
    EXPECT_EQ(after["post_weights"], before["post_weights"] - 1);
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'trainers'"), 1);
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'hips'"), 1);  // only b7's
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM facts WHERE ev_text = 'probably your old trainers'"), 1);
}

// The writer holds a batch's rows back to insert them in full statements: a
// thread changed again before its batch commits must still replace them all.
TEST(KbWriter, ThreadChangedWithinOneBatchIsReplaced) {
    auto corpus = runner_corpus();
    auto changed = corpus[0];
    changed.thread.posts.pop_back();
    changed.facts.pop_back();
    changed.thread.posts[2].text = "It is probably your old trainers, get fitted at a running store.";
    changed.facts[4] = make_fact(changed.thread, 2, "cause", "shoes", "shoes / footwear", "probably your old trainers",
                                 {{"certainty", "probable"}});
    // The same writes with a commit before the change: the old thread's rows
    // are in the KB when it is replaced.
    TempKb twice("writer_batch_twice"), once("writer_batch_once");
    for (const TempKb* kb : {&twice, &once}) {
        KbWriter w(kb->path());
        int64_t file = w.begin_file("corpus.jsonl", 1234, "h1");
        w.write_thread(file, corpus[0].thread, corpus[0].facts);
        w.write_thread(file, corpus[1].thread, corpus[1].facts);
        if (kb == &once) w.commit();
        w.write_thread(file, changed.thread, changed.facts);
        w.finish_file(file);
    }
    EXPECT_EQ(table_counts(twice.path()), table_counts(once.path()));
    for (const char* word : {"trainers", "shoes", "hips", "planks"}) {
        std::string match = std::string("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH '") + word + "'";
        EXPECT_EQ(sql_int(twice.path(), match), sql_int(once.path(), match)) << word;
    }
    EXPECT_EQ(sql_text(twice.path(), "SELECT group_concat(text, '|') FROM (SELECT text FROM posts ORDER BY thread, post_index)"),
              sql_text(once.path(), "SELECT group_concat(text, '|') FROM (SELECT text FROM posts ORDER BY thread, post_index)"));
    EXPECT_EQ(sql_int(twice.path(), "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'trainers'"), 1);
    EXPECT_EQ(sql_text(twice.path(), "SELECT group_concat(ev_text, '|') FROM (SELECT ev_text FROM facts ORDER BY seq, post_index, ev_text)"),
              sql_text(once.path(), "SELECT group_concat(ev_text, '|') FROM (SELECT ev_text FROM facts ORDER BY seq, post_index, ev_text)"));
}

// New authors go in with the batch's rows; an author of an earlier run keeps
// their row.
TEST(KbWriter, AuthorOfAnEarlierRunKeepsTheirRow) {
    TempKb kb("writer_authors");
    write_corpus(kb.path(), runner_corpus());
    auto authors = sql_int(kb.path(), "SELECT count(*) FROM authors");
    auto kim = sql_int(kb.path(), "SELECT id FROM authors WHERE name = 'coach_kim'");
    fkb::Thread t = make_thread("testforum", "c3", "calf cramps", {{"coach_kim", "Cramps at night? Drink more water."},
                                                               {"someone_new", "Magnesium helped me."}});
    {
        KbWriter w(kb.path());
        int64_t file = w.begin_file("more.jsonl", 10, "h2");
        w.write_thread(file, t, {});
        w.finish_file(file);
    }
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM authors"), authors + 1);
    EXPECT_EQ(sql_int(kb.path(), "SELECT author_id FROM posts p JOIN threads t ON t.id = p.thread "
                                 "WHERE t.thread_id = 'c3' AND p.post_index = 0"),
              kim);
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM authors WHERE name = 'someone_new'"), 1);
}

namespace {

/// Thread n of a long run: three posts of about 700 bytes of text each.
fkb::Thread long_run_thread(int n) {
    std::string words;
    for (int i = 0; i < 40; ++i) words += "stride" + std::to_string((n * 7 + i) % 997) + " knee ache ";
    return make_thread("testforum", "long" + std::to_string(n), "thread " + std::to_string(n),
                       {{"author" + std::to_string(n % 50), "My knee hurts after runs. " + words},
                        {"author" + std::to_string((n + 1) % 50), "Try shorter strides. " + words},
                        {"", "Ice it. " + words}});
}

std::uintmax_t wal_size(const std::string& path) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path + "-wal", ec);
    return ec ? 0 : size;
}

}  // namespace

// The WAL is checkpointed beside the writer, and starts over every few
// batches: it does not grow with the input (the writer never waits for a
// checkpoint of its own commit, but once in a while for the copy of one
// batch). Without the restarts, these 1,800 commits of one thread leave a
// 139 MB WAL.
TEST(KbWriter, WalStaysShortOverALongRun) {
    TempKb kb("writer_wal");
    std::uintmax_t longest = 0;
    {
        KbWriter w(kb.path());
        w.set_batch_size(1);
        int64_t file = w.begin_file("long.jsonl", 1, "h");
        for (int n = 0; n < 1800; ++n) {
            w.write_thread(file, long_run_thread(n), {});
            longest = std::max(longest, wal_size(kb.path()));
        }
        w.finish_file(file);
    }
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM posts"), 5400);
    EXPECT_EQ(sql_int(kb.path(), "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'strides'"), 1800);
    EXPECT_EQ(sql_text(kb.path(), "PRAGMA integrity_check"), "ok");
    EXPECT_GT(longest, 0u);
    EXPECT_LT(longest, std::uintmax_t{48} << 20);  // 8,192 frames of 4 KiB and one batch
    EXPECT_EQ(wal_size(kb.path()), 0u);            // the last connection checkpointed it all
}

// A reader that keeps a snapshot open (a query beside an ingest) holds the
// checkpoint back; the writer still goes on, and the reader sees its snapshot.
TEST(KbWriter, ReaderHoldingASnapshotDoesNotStallTheWriter) {
    TempKb kb("writer_wal_reader");
    write_corpus(kb.path(), runner_corpus());
    sqlite3* reader = nullptr;
    ASSERT_EQ(sqlite3_open_v2(kb.path().c_str(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(reader, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
    auto count_posts = [&] {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(reader, "SELECT count(*) FROM posts", -1, &s, nullptr);
        long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return n;
    };
    const long long before = count_posts();  // the snapshot begins here
    {
        KbWriter w(kb.path());
        w.set_batch_size(1);
        int64_t file = w.begin_file("long.jsonl", 1, "h");
        for (int n = 0; n < 600; ++n) w.write_thread(file, long_run_thread(n), {});
        w.finish_file(file);
        EXPECT_EQ(count_posts(), before);
    }
    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
    EXPECT_EQ(count_posts(), before + 1800);
    sqlite3_close(reader);
    EXPECT_EQ(sql_text(kb.path(), "PRAGMA integrity_check"), "ok");
}

TEST(KbWriter, FilesAndRejects) {
    TempKb kb("writer_files");
    {
        KbWriter w(kb.path());
        EXPECT_FALSE(w.file_done("dump.jsonl", 10, "abc"));
        int64_t f = w.begin_file("dump.jsonl", 10, "abc");
        w.write_reject(f, Reject{"dump.jsonl", 3, 120, "source_jsonl", "line 3: expected '}'", "{\"thread_id\": "});
        EXPECT_FALSE(w.file_done("dump.jsonl", 10, "abc"));
        w.finish_file(f);
        EXPECT_TRUE(w.file_done("dump.jsonl", 10, "abc"));
        EXPECT_FALSE(w.file_done("dump.jsonl", 11, "abd"));
        // The file changed: ingesting it again forgets its old rejects.
        f = w.begin_file("dump.jsonl", 11, "abd");
        w.finish_file(f, "failed");
    }
    auto s = read_stats(kb.path());
    EXPECT_EQ(s.files, 1);
    EXPECT_EQ(s.rejects, 0);
    EXPECT_EQ(sql_text(kb.path(), "SELECT status FROM files"), "failed");
}

TEST(KbWriter, RejectsEvidenceOutsideThePost) {
    TempKb kb("writer_bad");
    auto corpus = runner_corpus();
    corpus[0].facts[0].fact.evidence.end = 10000;
    KbWriter w(kb.path());
    int64_t f = w.begin_file("x", 1, "h");
    try {
        w.write_thread(f, corpus[0].thread, corpus[0].facts);
        FAIL() << "no error";
    } catch (const KbError& e) {
        EXPECT_NE(std::string(e.what()).find("thread a1: a symptom fact's evidence [36, 10000) is outside post 0"),
                  std::string::npos)
            << e.what();
    }
    // The writer goes on with the next thread.
    w.write_thread(f, corpus[1].thread, corpus[1].facts);
    w.commit();
    EXPECT_EQ(read_stats(kb.path()).threads, 1);
}

TEST(KbStats, CountsPerSourceAndKind) {
    TempKb kb("stats");
    write_corpus(kb.path(), runner_corpus());
    auto s = read_stats(kb.path());
    EXPECT_EQ(s.threads, 2);
    EXPECT_EQ(s.posts, 8);
    EXPECT_EQ(s.facts, 18);
    ASSERT_EQ(s.threads_per_source.size(), 1u);
    EXPECT_EQ(s.threads_per_source[0], (std::pair<std::string, int64_t>{"testforum", 2}));
    std::map<std::string, int64_t> kinds(s.facts_per_kind.begin(), s.facts_per_kind.end());
    EXPECT_EQ(kinds["cause"], 6);
    EXPECT_EQ(kinds["remedy"], 6);
    EXPECT_GT(s.bytes, 0);
    EXPECT_THROW(read_stats(kb.path() + ".missing"), KbError);
}
