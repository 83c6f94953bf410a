// Test helpers for the KB tests: build threads and facts in code (no
// extractor needed), a temporary KB path, and row counts of every table.
#pragma once

#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/model.hpp>

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fkb::kb::testing {

/// A fresh path under the test temp dir, removed (with -wal/-shm) on exit.
class TempKb {
public:
    explicit TempKb(const std::string& name) {
        path_ = (std::filesystem::temp_directory_path() /
                 ("forumkb_" + name + "_" + std::to_string(::getpid()) + ".sqlite"))
                    .string();
        remove();
    }
    /// FORUMKB_KEEP_TEST_KB=1 keeps the files (to look at them with sqlite3).
    ~TempKb() {
        if (!std::getenv("FORUMKB_KEEP_TEST_KB")) remove();
    }
    const std::string& path() const { return path_; }

private:
    void remove() {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ec);
    }
    std::string path_;
};

/// Builds a thread: posts are (author or "" for anonymous, text).
inline Thread make_thread(const std::string& source, const std::string& id, const std::string& title,
                          std::vector<std::pair<std::string, std::string>> posts) {
    Thread t;
    t.source = source;
    t.thread_id = id;
    t.title = title;
    for (size_t i = 0; i < posts.size(); ++i) {
        Post p;
        p.post_id = id + "-" + std::to_string(i);
        if (!posts[i].first.empty()) p.author = posts[i].first;
        p.text = posts[i].second;
        t.posts.push_back(std::move(p));
    }
    return t;
}

/// A fact whose evidence is the first occurrence of `quote` in the post.
inline FactRecord make_fact(const Thread& t, uint32_t post, const std::string& kind, const std::string& concept_id,
                            const std::string& label, const std::string& quote,
                            std::initializer_list<std::pair<std::string, std::string>> attrs = {}) {
    FactRecord r;
    r.plugin = "test_extractor";
    r.fact.kind = kind;
    r.fact.concept_id = concept_id;
    r.fact.label = label;
    const std::string& text = t.posts.at(post).text;
    auto at = text.find(quote);
    if (at == std::string::npos) at = 0;
    r.fact.evidence = fkb_evidence{post, static_cast<uint32_t>(at),
                                   static_cast<uint32_t>(std::min(text.size(), at + quote.size())), 0};
    for (const auto& [k, v] : attrs) {
        if (k == "target_post")
            r.fact.set_int(k, std::stoll(v));
        else if (k == "weight")
            r.fact.set_double(k, std::stod(v));
        else
            r.fact.set(k, v);
    }
    return r;
}

/// Row counts of every table of the KB (virtual FTS tables included).
inline std::map<std::string, long long> table_counts(const std::string& path) {
    std::map<std::string, long long> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::vector<std::string> tables;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                           "AND name NOT LIKE '%_fts_%' ORDER BY name", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    for (const auto& t : tables) {
        sqlite3_prepare_v2(db, ("SELECT count(*) FROM \"" + t + "\"").c_str(), -1, &s, nullptr);
        if (sqlite3_step(s) == SQLITE_ROW) out[t] = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

/// One integer from a SQL query on the KB.
inline long long sql_int(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

/// One text value from a SQL query on the KB ("<null>" when NULL or no row).
inline std::string sql_text(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* s = nullptr;
    std::string v = "<null>";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_type(s, 0) != SQLITE_NULL)
        v = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

struct ThreadFacts {
    Thread thread;
    std::vector<FactRecord> facts;
};

/// Two small threads about back pain after running, written for these tests:
/// causes with different certainty, a negated cause, an endorsement with a
/// quote, a reported outcome and advice that conflicts with a cause.
inline std::vector<ThreadFacts> runner_corpus() {
    std::vector<ThreadFacts> out;
    {
        Thread t = make_thread("testforum", "a1", "sore back after jogging",
                               {{"jogger1", "I started jogging last week and now my lower back is really sore the next day."},
                                {"coach_kim", "I coach runners. A weak core is the usual culprit. Do planks and side planks three times a week."},
                                {"trailbob", "It is probably your shoes, get fitted at a running store."},
                                {"mia", "> A weak core is the usual culprit.\nI agree with this, planks fixed my back within a month."},
                                {"", "Could it be that you lean forward at the hips too much?"}});
        t.posts[3].quotes.push_back({0, 35, "a1-1"});
        std::vector<FactRecord> f;
        f.push_back(make_fact(t, 0, "symptom", "lower_back_pain", "lower back pain", "my lower back is really sore",
                              {{"experiencer", "author"}, {"qualifiers.activity", "running"}}));
        f.push_back(make_fact(t, 1, "credibility", "", "expertise: coaches runners", "I coach runners",
                              {{"signal", "expertise"}, {"value", "coaches runners"}}));
        f.push_back(make_fact(t, 1, "cause", "weak_core", "weak core", "A weak core is the usual culprit",
                              {{"certainty", "probable"}, {"polarity", "affirmed"}}));
        f.push_back(make_fact(t, 1, "remedy", "core_strengthening", "core strengthening", "Do planks and side planks",
                              {{"certainty", "asserted"}, {"dosage", "three times a week"}}));
        f.push_back(make_fact(t, 2, "cause", "shoes", "shoes / footwear", "It is probably your shoes",
                              {{"certainty", "probable"}, {"symptom", "lower_back_pain"}}));
        f.push_back(make_fact(t, 2, "remedy", "running_shoes", "get fitted for running shoes",
                              "get fitted at a running store", {{"cause", "shoes"}}));
        f.push_back(make_fact(t, 3, "endorsement", "", "agrees with post 1", "I agree with this", {{"target_post", "1"}}));
        f.push_back(make_fact(t, 3, "remedy", "core_strengthening", "core strengthening", "planks fixed my back",
                              {{"experiencer", "author"}, {"outcome", "resolved"}}));
        f.push_back(make_fact(t, 4, "cause", "bending_forward_at_the_hips", "bending forward at the hips",
                              "lean forward at the hips too much", {{"certainty", "questioned"}}));
        out.push_back({std::move(t), std::move(f)});
    }
    {
        Thread t = make_thread("testforum", "b7", "back and shoulder ache when running",
                               {{"newbie", "My back aches after runs and my shoulders get sore too. I don't think my shoes are the problem, they were fitted last month."},
                                {"lv7runner", "Sounds like a weak core to me. Work on your core with planks. Your shoulders hurt because of poor posture; keep your chest up."},
                                {"formguy", "Try a slight forward lean at the hips when you run."}});
        t.posts[1].level = 7;
        std::vector<FactRecord> f;
        f.push_back(make_fact(t, 0, "symptom", "back_pain", "back pain", "My back aches after runs", {{"experiencer", "author"}}));
        f.push_back(make_fact(t, 0, "symptom", "shoulder_pain", "shoulder pain", "my shoulders get sore", {{"experiencer", "author"}}));
        f.push_back(make_fact(t, 0, "cause", "shoes", "shoes / footwear", "I don't think my shoes are the problem",
                              {{"polarity", "negated"}, {"experiencer", "author"}, {"symptom", "back_pain"}}));
        f.push_back(make_fact(t, 1, "credibility", "", "platform: level 7", "lv7runner", {{"signal", "platform"}, {"value", "level 7"}}));
        f.push_back(make_fact(t, 1, "cause", "weak_core", "weak core", "Sounds like a weak core",
                              {{"certainty", "probable"}, {"symptom", "back_pain"}}));
        f.push_back(make_fact(t, 1, "remedy", "core_strengthening", "core strengthening", "Work on your core with planks"));
        f.push_back(make_fact(t, 1, "cause", "poor_posture", "poor posture", "because of poor posture",
                              {{"certainty", "asserted"}, {"symptom", "shoulder_pain"}}));
        f.push_back(make_fact(t, 1, "remedy", "posture_correction", "correct posture: chest up", "keep your chest up"));
        f.push_back(make_fact(t, 2, "remedy", "slight_forward_lean", "slight forward lean at the hips",
                              "a slight forward lean at the hips"));
        out.push_back({std::move(t), std::move(f)});
    }
    return out;
}

/// Writes the corpus into the KB at path as file "corpus.jsonl".
inline void write_corpus(const std::string& path, const std::vector<ThreadFacts>& corpus) {
    KbWriter w(path);
    int64_t file = w.begin_file("corpus.jsonl", 1234, "h1");
    for (const auto& tf : corpus) w.write_thread(file, tf.thread, tf.facts);
    w.finish_file(file);
}

}  // namespace fkb::kb::testing
