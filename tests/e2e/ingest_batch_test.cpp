// End-to-end tests of `forumkb ingest` as a batch tool: the same KB for
// -j 1 and -j 2, kill -9 mid-run then a rerun gives the KB of an
// uninterrupted run, rejects of corpora/malformed/ counted exactly (and
// exit 3 under --strict), a long-window .zst and a .7z read like the plain
// files, and --include/--exclude. Inputs are generated at run time by
// tests/bench/gen_threads.py; archives are made with the zstd and 7z tools
// (a test is skipped when its tool is missing; scripts/setup.sh installs them).
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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

// A scratch directory under the build tree, removed at the end.
struct Scratch {
    fs::path dir;
    Scratch() {
        static int n = 0;
        dir = fs::path(FORUMKB_BINARY_DIR) / "tests" /
              ("ingest-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() { fs::remove_all(dir); }
    std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

// Runs a shell command in the source directory.
Result sh(const std::string& cmd) {
    static int n = 0;
    std::string base = std::string(FORUMKB_BINARY_DIR) + "/tests/ingest-sh-" + std::to_string(::getpid()) + "-" +
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

// Runs forumkb; FORUMKB_PLUGIN_PATH is cleared so only the built-in plugins load.
Result fkb(const std::string& args) { return sh("env -u FORUMKB_PLUGIN_PATH " + kBin + " " + args); }

bool have(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

void generate(const std::string& path, int threads, int seed = 7) {
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
        auto r = fkb(std::string("query \"") + q + "\" --json --db " + db);
        out += r.out;
    }
    return out;
}

// The number on the line of `stats` that starts with key ("threads  400").
long stat(const std::string& stats, const std::string& key) {
    std::istringstream in(stats);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + " ", 0) == 0) return std::stol(line.substr(key.size()));
    return -1;
}

std::string sorted_lines(const std::string& s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) v.push_back(line);
    std::sort(v.begin(), v.end());
    std::string out;
    for (auto& l : v) out += l + "\n";
    return out;
}

TEST(IngestBatch, SameKbForOneAndTwoJobs) {
    Scratch t;
    generate(t / "dump.jsonl", 400);
    auto a = fkb("ingest " + t / "dump.jsonl" + " --db " + t / "j1.sqlite" + " -j 1 -q");
    auto b = fkb("ingest " + t / "dump.jsonl" + " --db " + t / "j2.sqlite" + " -j 2 -q");
    ASSERT_EQ(a.code, 0) << a.err;
    ASSERT_EQ(b.code, 0) << b.err;
    EXPECT_TRUE(a.out.empty()) << "--quiet prints no summary: " << a.out;
    std::string fa = fingerprint(t / "j1.sqlite"), fb = fingerprint(t / "j2.sqlite");
    EXPECT_EQ(stat(fa, "threads"), 400) << fa;
    EXPECT_GT(stat(fa, "facts"), 1000) << fa;
    EXPECT_EQ(fa, fb);
    // extract prints the same bytes whatever -j is.
    auto e1 = fkb("extract -j 1 " + t / "dump.jsonl");
    auto e2 = fkb("extract -j 2 " + t / "dump.jsonl");
    EXPECT_GT(e1.out.size(), 1000u);
    EXPECT_EQ(e1.out, e2.out);
}

TEST(IngestBatch, KillNineThenRerunEqualsUninterruptedRun) {
    Scratch t;
    generate(t / "a.jsonl", 1500, 1);
    generate(t / "b.jsonl", 1500, 2);
    auto ref = fkb("ingest " + t / "a.jsonl" + " " + t / "b.jsonl" + " --db " + t / "ref.sqlite" + " -j 2 -q");
    ASSERT_EQ(ref.code, 0) << ref.err;

    // Start the same ingest with small batches and kill it once it has written some.
    const std::string db = t / "killed.sqlite";
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::setenv("FORUMKB_PLUGIN_PATH", "", 1);
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execl(kBin.c_str(), kBin.c_str(), "ingest", (t / "a.jsonl").c_str(), (t / "b.jsonl").c_str(), "--db",
                db.c_str(), "-j", "2", "--batch-size", "8", "-q", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::error_code ec;
    while (std::chrono::steady_clock::now() < deadline) {
        auto wal = fs::file_size(db + "-wal", ec);
        if (!ec && wal > 2'000'000) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest ended before it was killed; make the input larger";

    auto mid = fkb("stats --db " + db);
    ASSERT_EQ(mid.code, 0) << "the killed KB must open: " << mid.err;
    EXPECT_LT(stat(mid.out, "threads"), 3000) << "killed too late: " << mid.out;

    auto again = fkb("ingest " + t / "a.jsonl" + " " + t / "b.jsonl" + " --db " + db + " -j 2");
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(fingerprint(db), fingerprint(t / "ref.sqlite"));
    auto third = fkb("ingest " + t / "a.jsonl" + " " + t / "b.jsonl" + " --db " + db + " -j 2");
    EXPECT_NE(third.out.find("ingested 0 threads"), std::string::npos) << third.out;
    EXPECT_NE(third.out.find("2 skipped as already ingested"), std::string::npos) << third.out;
}

TEST(IngestBatch, RejectsOfMalformedCountedExactly) {
    Scratch t;
    auto r = fkb("ingest corpora/malformed --db " + t / "m.sqlite" + " -j 2");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("; 17 rejected"), std::string::npos) << r.out;
    auto rej = fkb("rejects --db " + t / "m.sqlite");
    ASSERT_EQ(rej.code, 0) << rej.err;
    EXPECT_NE(rej.out.find("17 rejected records"), std::string::npos) << rej.out;
    // Per file: each malformed record of the file, once.
    const std::pair<const char*, int> per_file[] = {
        {"csv_unclosed_quote.csv", 2}, {"example_bad_field.fkbx", 1},  {"json_broken_line.jsonl", 2},
        {"json_truncated_array.json", 1}, {"jsonl_bad_lines.jsonl", 4}, {"reddit_broken_line.ndjson", 2},
        {"vanilla_empty.txt", 1},      {"vanilla_not_a_page.txt", 1}, {"vanilla_truncated_mid_reply.txt", 1},
        {"yahoo_no_title.txt", 1},     {"yahoo_truncated_answer.txt", 1}};
    for (auto [file, n] : per_file) {
        std::size_t count = 0;
        std::istringstream in(rej.out);
        for (std::string line; std::getline(in, line);)
            if (line.rfind(std::string("corpora/malformed/") + file + ":", 0) == 0) ++count;
        EXPECT_EQ(count, static_cast<std::size_t>(n)) << file << "\n" << rej.out;
    }
    // Ingesting again replaces the rejects of a file, never adds copies.
    fkb("ingest corpora/malformed/jsonl_bad_lines.jsonl --db " + t / "m.sqlite");
    EXPECT_NE(fkb("rejects --db " + t / "m.sqlite").out.find("17 rejected records"), std::string::npos);

    auto strict = fkb("ingest corpora/malformed/jsonl_bad_lines.jsonl --strict --db " + t / "s.sqlite");
    EXPECT_EQ(strict.code, 3) << strict.err;
    EXPECT_NE(strict.out.find("4 rejected"), std::string::npos) << strict.out;
    auto lenient = fkb("ingest corpora/malformed/jsonl_bad_lines.jsonl --db " + t / "l.sqlite");
    EXPECT_EQ(lenient.code, 0) << lenient.err;
}

TEST(IngestBatch, LongWindowZstdAnd7zReadLikePlainFiles) {
    if (!have("zstd") || !have("7z")) GTEST_SKIP() << "zstd or 7z missing (scripts/setup.sh installs them)";
    Scratch t;
    fs::copy_file(kSrc + "/corpora/jsonl/running_pain.jsonl", t / "running_pain.jsonl");
    generate(t / "gen.jsonl", 200);
    auto plain = fkb("parse " + t / "running_pain.jsonl" + " " + t / "gen.jsonl");
    ASSERT_EQ(plain.code, 0) << plain.err;

    // Through a pipe zstd cannot know the size, so the frame declares the full
    // 2 GiB window, which the default decoder limit (128 MiB) refuses.
    ASSERT_EQ(sh("cat " + t / "running_pain.jsonl" + " " + t / "gen.jsonl" + " | zstd -q --long=31 > " +
                 t / "both.jsonl.zst").code, 0);
    auto z = fkb("parse " + t / "both.jsonl.zst");
    ASSERT_EQ(z.code, 0) << z.err;
    EXPECT_EQ(z.out, plain.out);

    ASSERT_EQ(sh("cd " + t.dir.string() + " && 7z a -bd -bso0 s.7z running_pain.jsonl gen.jsonl").code, 0);
    auto s = fkb("parse " + t / "s.7z");
    ASSERT_EQ(s.code, 0) << s.err;
    EXPECT_EQ(sorted_lines(s.out), sorted_lines(plain.out));  // 7z orders members its own way

    // ingest records the archive member as the source file.
    auto in = fkb("ingest " + t / "s.7z" + " " + t / "both.jsonl.zst" + " --db " + t / "z.sqlite" + " -q");
    EXPECT_EQ(in.code, 0) << in.err;

    // A truncated .zst is an input error naming the file, after the threads before the cut.
    ASSERT_EQ(sh("head -c 3000 " + t / "both.jsonl.zst" + " > " + t / "cut.jsonl.zst").code, 0);
    auto cut = fkb("parse " + t / "cut.jsonl.zst");
    EXPECT_EQ(cut.code, 2);
    EXPECT_NE(cut.err.find("cut.jsonl: truncated zstd frame"), std::string::npos) << cut.err;
}

TEST(IngestBatch, IncludeExcludeGlobsAndProgressPlain) {
    Scratch t;
    fs::create_directories(t.dir / "d" / "expected");
    fs::create_directories(t.dir / "d" / "sub");
    fs::copy_file(kSrc + "/corpora/jsonl/running_pain.jsonl", t.dir / "d" / "a.jsonl");
    fs::copy_file(kSrc + "/corpora/jsonl/running_pain.jsonl", t.dir / "d" / "expected" / "a.jsonl");
    std::ofstream(t.dir / "d" / "sub" / "notes.md") << "# not a dump\n";
    auto all = fkb("parse " + t / "d");
    EXPECT_EQ(all.code, 2) << "notes.md is recognized by no plugin";
    auto ex = fkb("parse " + t / "d" + " --exclude expected --exclude '*.md'");
    EXPECT_EQ(ex.code, 0) << ex.err;
    auto in = fkb("parse " + t / "d" + " --include '*.jsonl' --exclude 'expected/*'");
    EXPECT_EQ(in.code, 0) << in.err;
    EXPECT_EQ(in.out, ex.out);
    EXPECT_EQ(all.out.size(), 2 * ex.out.size());

    auto p = fkb("ingest " + t / "d" + " --exclude expected --exclude '*.md' --progress plain --db " + t / "p.sqlite");
    EXPECT_EQ(p.code, 0) << p.err;
    EXPECT_NE(p.out.find("MB/s"), std::string::npos) << p.out;
    auto bad = fkb("ingest " + t / "d" + " --progress fancy --db " + t / "p.sqlite");
    EXPECT_EQ(bad.code, 1);
}

}  // namespace
