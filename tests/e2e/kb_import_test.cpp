// End-to-end tests of `forumkb kb import` (loading the fact JSON lines that
// `forumkb extract` prints): `extract | kb import -` gives the KB `ingest`
// gives (counts, query answers, the same threads: importing them into the
// ingested KB changes nothing); shards split by thread import like the whole;
// a shard imported before is skipped; unreadable records are rejects,
// counted exactly (a bad post sets its thread aside, a bad fact only itself;
// exit 3 under --strict). Inputs are generated at run time by
// tests/bench/gen_threads.py.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::string kBin = std::string(FORUMKB_BINARY_DIR) + "/bin/forumkb";
const std::string kSrc = FORUMKB_SOURCE_DIR;

struct Result {
    int code = -1;
    std::string out, err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void spit(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

struct Scratch {
    fs::path dir;
    Scratch() {
        static int n = 0;
        dir = fs::path(FORUMKB_BINARY_DIR) / "tests" /
              ("kbimport-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
    std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

Result sh(const std::string& cmd) {
    static int n = 0;
    std::string base = std::string(FORUMKB_BINARY_DIR) + "/tests/kbimport-sh-" + std::to_string(::getpid()) + "-" +
                       std::to_string(n++);
    std::string full = "cd " + kSrc + " && (" + cmd + ") >" + base + ".out 2>" + base + ".err </dev/null";
    int status = std::system(full.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    fs::remove(base + ".out");
    fs::remove(base + ".err");
    return r;
}

Result fkb(const std::string& args) { return sh("env -u FORUMKB_PLUGIN_PATH " + kBin + " " + args); }

void generate(const std::string& path, int threads, int seed) {
    auto r = sh("python3 tests/bench/gen_threads.py --threads " + std::to_string(threads) + " --seed " +
                std::to_string(seed) + " -o " + path);
    ASSERT_EQ(r.code, 0) << r.err;
}

// What a KB answers: its counts (without the file size) and a few queries.
std::string fingerprint(const std::string& db) {
    auto stats = fkb("stats --db " + db);
    EXPECT_EQ(stats.code, 0) << stats.err;
    std::string out;
    std::istringstream in(stats.out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("size", 0) != 0) out += line + "\n";
    for (const char* q : {"knee pain after running", "sore lower back", "heel pain"}) {
        auto r = fkb(std::string("query \"") + q + "\" --json --evidence --db " + db);
        EXPECT_EQ(r.code, 0) << r.err;
        out += r.out;
    }
    return out;
}

long stat(const std::string& stats, const std::string& key) {
    std::istringstream in(stats);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + " ", 0) == 0) return std::stol(line.substr(key.size()));
    return -1;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> v;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) v.push_back(line);
    return v;
}

}  // namespace

TEST(KbImport, ExtractThenImportGivesTheIngestKb) {
    Scratch t;
    generate(t / "dump.jsonl", 150, 11);
    auto in = fkb("ingest " + t / "dump.jsonl" + " --db " + t / "ingested.sqlite" + " -j 2 -q");
    ASSERT_EQ(in.code, 0) << in.err;
    auto im = sh("env -u FORUMKB_PLUGIN_PATH " + kBin + " extract " + t / "dump.jsonl" + " | " + kBin +
                 " kb import - --db " + t / "imported.sqlite" + " -j 2");
    ASSERT_EQ(im.code, 0) << im.err;
    EXPECT_NE(im.out.find("imported 150 threads"), std::string::npos) << im.out;
    EXPECT_NE(im.out.find("0 rejected"), std::string::npos) << im.out;
    const std::string fp = fingerprint(t / "ingested.sqlite");
    EXPECT_NE(fp.find("\"causes\""), std::string::npos);
    EXPECT_GT(stat(fp, "facts"), 1000);
    EXPECT_EQ(fingerprint(t / "imported.sqlite"), fp);
    // The same threads, post for post and fact for fact.
    auto a = fkb("show thread gen-7 --json --db " + t / "ingested.sqlite");
    auto b = fkb("show thread gen-7 --json --db " + t / "imported.sqlite");
    ASSERT_EQ(a.code, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    // Importing the facts into the KB ingest wrote rewrites nothing.
    auto facts = fkb("extract " + t / "dump.jsonl");
    ASSERT_EQ(facts.code, 0) << facts.err;
    spit(t / "facts.jsonl", facts.out);
    auto again = fkb("kb import " + t / "facts.jsonl" + " --db " + t / "ingested.sqlite" + " -j 1");
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_NE(stat(fingerprint(t / "ingested.sqlite"), "files"), stat(fp, "files"));  // the shard is a file of its own
    auto st = fkb("stats --db " + t / "ingested.sqlite");
    EXPECT_EQ(stat(st.out, "threads"), stat(fp, "threads"));
    EXPECT_EQ(stat(st.out, "facts"), stat(fp, "facts"));
    EXPECT_EQ(sh("sqlite3 " + t / "ingested.sqlite" + " 'SELECT max(id) FROM facts'").out,
              sh("sqlite3 " + t / "imported.sqlite" + " 'SELECT max(id) FROM facts'").out);
}

TEST(KbImport, ShardsImportLikeTheWholeAndAreSkippedTheSecondTime) {
    Scratch t;
    generate(t / "dump.jsonl", 90, 12);
    auto facts = fkb("extract " + t / "dump.jsonl");
    ASSERT_EQ(facts.code, 0) << facts.err;
    spit(t / "all.jsonl", facts.out);
    // Two shards, cut at a thread record (as a map step over thread shards would).
    auto lines = lines_of(facts.out);
    size_t cut = lines.size() / 2;
    while (cut < lines.size() && lines[cut].rfind("{\"kind\":\"thread\"", 0) != 0) ++cut;
    ASSERT_LT(cut, lines.size());
    fs::create_directories(t / "shards");
    std::string a, b;
    for (size_t i = 0; i < lines.size(); ++i) (i < cut ? a : b) += lines[i] + "\n";
    spit(t / "shards/part-0.jsonl", a);
    spit(t / "shards/part-1.jsonl", b);
    ASSERT_EQ(fkb("kb import " + t / "all.jsonl" + " --db " + t / "whole.sqlite" + " -q").code, 0);
    auto r = fkb("kb import " + t / "shards" + " --db " + t / "shards.sqlite" + " -j 2");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("from 2 inputs"), std::string::npos) << r.out;
    std::string whole = fingerprint(t / "whole.sqlite"), parts = fingerprint(t / "shards.sqlite");
    EXPECT_EQ(stat(parts, "files"), 2);
    EXPECT_EQ(parts.substr(parts.find("\nthreads")), whole.substr(whole.find("\nthreads")));
    auto again = fkb("kb import " + t / "shards" + " --db " + t / "shards.sqlite");
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.out.find("imported 0 threads"), std::string::npos) << again.out;
    EXPECT_NE(again.out.find("2 skipped as already ingested"), std::string::npos) << again.out;
}

TEST(KbImport, UnreadableRecordsAreRejectsCountedExactly) {
    Scratch t;
    generate(t / "dump.jsonl", 12, 13);
    auto facts = fkb("extract " + t / "dump.jsonl");
    ASSERT_EQ(facts.code, 0) << facts.err;
    auto lines = lines_of(facts.out);
    std::vector<size_t> threads, posts, advice;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("{\"kind\":\"thread\"", 0) == 0) threads.push_back(i);
        if (lines[i].rfind("{\"kind\":\"post\"", 0) == 0) posts.push_back(i);
        if (lines[i].rfind("{\"kind\":\"remedy\"", 0) == 0 || lines[i].rfind("{\"kind\":\"cause\"", 0) == 0)
            advice.push_back(i);
    }
    ASSERT_GE(threads.size(), 12u);
    ASSERT_GE(advice.size(), 3u);
    // 1. A post record cut short: its whole thread is set aside.
    size_t bad_post = posts[posts.size() / 2];
    lines[bad_post] = lines[bad_post].substr(0, lines[bad_post].size() / 2);
    // 2. A fact with evidence past the end of its post: only that fact.
    std::string& f1 = lines[advice.front()];
    f1.replace(f1.find("\"end\":"), 6, "\"end\":99999");
    f1.replace(f1.find("\"start\":"), 8, "\"start\":99998");
    // 3. A fact of a kind nobody knows: only that fact.
    std::string& f2 = lines[advice.back()];
    f2.replace(0, f2.find(","), "{\"kind\":\"rumour\"");
    std::string shard = "{\"kind\":\"remedy\",\"thread\":\"nowhere\"}\n";  // 4. a fact before any thread
    for (auto& l : lines) shard += l + "\n";
    spit(t / "bad.jsonl", shard);

    auto r = fkb("kb import " + t / "bad.jsonl" + " --db " + t / "bad.sqlite");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("4 rejected"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("imported " + std::to_string(threads.size() - 1) + " threads"), std::string::npos) << r.out;
    auto rej = fkb("rejects --db " + t / "bad.sqlite");
    ASSERT_EQ(rej.code, 0) << rej.err;
    EXPECT_NE(rej.out.find("4 rejected records"), std::string::npos) << rej.out;
    EXPECT_NE(rej.out.find("bad.jsonl:1: import: a remedy record before any thread record"), std::string::npos)
        << rej.out;
    EXPECT_NE(rej.out.find("bad.jsonl:" + std::to_string(bad_post + 2) + ": import: "), std::string::npos) << rej.out;
    EXPECT_NE(rej.out.find("is outside post"), std::string::npos) << rej.out;
    EXPECT_NE(rej.out.find("unknown record kind 'rumour'"), std::string::npos) << rej.out;
    auto strict = fkb("kb import " + t / "bad.jsonl" + " --strict --db " + t / "strict.sqlite");
    EXPECT_EQ(strict.code, 3) << strict.out << strict.err;
    auto none = fkb("kb import " + t / "missing.jsonl" + " --db " + t / "none.sqlite");
    EXPECT_EQ(none.code, 2) << none.out << none.err;
}
