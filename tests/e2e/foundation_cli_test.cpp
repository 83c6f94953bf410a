// End-to-end tests of the forumkb binary as a user runs it: the parse
// round trip, rejects and exit codes, plugins list/info/check (each broken
// module fails with its reason), extract as a stdin -> stdout map step
// independent of -j, and ingest into a KB whose counts match the input.
#include <forumkb/kb/kb_writer.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

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

// Runs "forumkb ARGS" through the shell (stdin from /dev/null unless ARGS
// redirects it); FORUMKB_PLUGIN_PATH is cleared so only built-in plugins load.
Result run(const std::string& args) {
    static int n = 0;
    std::string base = std::string(FORUMKB_BINARY_DIR) + "/tests/e2e-cli-" + std::to_string(::getpid()) + "-" +
                       std::to_string(n++);
    fs::create_directories(fs::path(base).parent_path());
    std::string cmd = "cd " + kSrc + " && env -u FORUMKB_PLUGIN_PATH " + kBin + " " + args + " >" + base +
                      ".out 2>" + base + ".err";
    if (args.find('<') == std::string::npos) cmd += " </dev/null";
    int status = std::system(cmd.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(base + ".out");
    r.err = slurp(base + ".err");
    fs::remove(base + ".out");
    fs::remove(base + ".err");
    return r;
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST(FoundationCli, VersionHelpAndUsageErrors) {
    auto v = run("--version");
    EXPECT_EQ(v.code, 0);
    EXPECT_EQ(v.out.rfind("forumkb ", 0), 0u);
    EXPECT_NE(v.out.find("plugin ABI 1.0"), std::string::npos);
    EXPECT_EQ(run("--help").code, 0);
    EXPECT_EQ(run("parse --help").code, 0);
    auto u = run("frobnicate");
    EXPECT_EQ(u.code, 1);
    EXPECT_EQ(u.err, "forumkb: unknown command 'frobnicate' (see forumkb --help)\n");
    EXPECT_EQ(run("parse --no-such-flag x").code, 1);
    EXPECT_EQ(run("").code, 1);
}

TEST(FoundationCli, ParseRoundTripsByteForByte) {
    auto first = run("parse corpora/jsonl/running_pain.jsonl");
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_EQ(lines(first.out), 3u);
    EXPECT_EQ(first.out, slurp(kSrc + "/corpora/jsonl/running_pain.jsonl")) << "the sample is in canonical form";
    std::string tmp = std::string(FORUMKB_BINARY_DIR) + "/tests/roundtrip.jsonl";
    std::ofstream(tmp, std::ios::binary) << first.out;
    auto second = run("parse --source jsonl - < " + tmp);
    ASSERT_EQ(second.code, 0) << second.err;
    EXPECT_EQ(second.out, first.out);
}

TEST(FoundationCli, BadJsonLinesAreRejectedAndCountedGoodOnesKept) {
    auto r = run("parse corpora/malformed/jsonl_bad_lines.jsonl");
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(lines(r.out), 2u);
    EXPECT_NE(r.err.find("forumkb: corpora/malformed/jsonl_bad_lines.jsonl:2: not valid JSON"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("forumkb: corpora/malformed/jsonl_bad_lines.jsonl:4: thread_id: missing (a string is required)\n"),
              std::string::npos);
    EXPECT_NE(r.err.find("forumkb: corpora/malformed/jsonl_bad_lines.jsonl:5: posts[0].likes: expected an integer or null\n"),
              std::string::npos);
    EXPECT_NE(r.err.find("forumkb: 4 records rejected\n"), std::string::npos);
    EXPECT_EQ(run("parse --strict corpora/malformed/jsonl_bad_lines.jsonl").code, 3);
}

TEST(FoundationCli, InputErrorsExitTwo) {
    auto missing = run("parse no/such/file.jsonl");
    EXPECT_EQ(missing.code, 2);
    EXPECT_EQ(missing.err, "forumkb: no/such/file.jsonl: No such file or directory\n");
    auto unknown = run("parse --source nosuch corpora/jsonl/running_pain.jsonl");
    EXPECT_EQ(unknown.code, 1);
    EXPECT_EQ(unknown.err, "forumkb: --source nosuch: no such source plugin\n");
    auto badopt = run("parse -o source_jsonl.bogus=1 corpora/jsonl/running_pain.jsonl");
    EXPECT_EQ(badopt.code, 1);
    EXPECT_EQ(badopt.err, "forumkb: source_jsonl: unknown option 'bogus' (options: max_line_bytes)\n");
}

TEST(FoundationCli, PluginsListInfoCheck) {
    auto list = run("plugins list");
    EXPECT_EQ(list.code, 0) << list.err;
    EXPECT_NE(list.out.find("source_jsonl"), std::string::npos);
    EXPECT_NE(list.out.find("source_example"), std::string::npos);
    auto info = run("plugins info source_jsonl");
    EXPECT_EQ(info.code, 0);
    EXPECT_NE(info.out.find("max_line_bytes"), std::string::npos);
    for (const auto& e : fs::directory_iterator(FORUMKB_PLUGIN_DIR)) {
        auto c = run("plugins check " + e.path().string());
        EXPECT_EQ(c.code, 0) << e.path() << ": " << c.err;
        EXPECT_EQ(c.out.rfind("ok: ", 0), 0u);
    }
}

TEST(FoundationCli, PluginsCheckFailsOnEachBrokenModuleWithTheReason) {
    const std::string dir = FORUMKB_BROKEN_PLUGIN_DIR;
    const std::pair<std::string, std::string> cases[] = {
        {"no_entry", "no entry symbol fkb_plugin_entry"},
        {"abi_major", "built for ABI 2.0, host speaks ABI 1.0 (major differs)"},
        {"abi_minor", "built for ABI 1.1, host speaks ABI 1.0 (minor is newer)"},
        {"null_function", "source api function next_thread is NULL"},
        {"unknown_kind", "unknown plugin kind 7"},
        {"duplicate", "plugin name 'source_jsonl' is already taken by "},
    };
    for (const auto& [name, reason] : cases) {
        std::string file = dir + "/broken_" + name + ".so";
        auto c = run("plugins check " + file);
        EXPECT_EQ(c.code, 4) << name;
        EXPECT_EQ(c.err.rfind("forumkb: " + file + ": " + reason, 0), 0u) << c.err;
    }
    auto throws = run("plugins check " + dir + "/broken_throws.so");
    EXPECT_EQ(throws.code, 0) << "throws only on titles with 'boom': " << throws.err;
    // A broken directory on the search path is reported, the rest still loads.
    auto list = run("--plugin-dir " + dir + " plugins list");
    EXPECT_EQ(list.code, 4);
    EXPECT_NE(list.out.find("broken_options"), std::string::npos);
    EXPECT_NE(list.err.find("broken_abi_major.so: built for ABI 2.0"), std::string::npos);
}

TEST(FoundationCli, ExtractIsAStdinToStdoutMapStepIndependentOfJobs) {
    auto a = run("extract -j 1 corpora/jsonl/running_pain.jsonl corpora/example/two_threads.fkbx");
    ASSERT_EQ(a.code, 0) << a.err;
    auto b = run("extract -j 3 corpora/jsonl/running_pain.jsonl corpora/example/two_threads.fkbx");
    EXPECT_EQ(a.out, b.out);
    // thread + post records at least: 5 threads, 9 posts
    EXPECT_GE(lines(a.out), 14u);
    EXPECT_NE(a.out.find(R"({"kind":"thread","source_file":"corpora/jsonl/running_pain.jsonl","thread":"knees-001",)"),
              std::string::npos);
    auto piped = run("extract < corpora/jsonl/running_pain.jsonl");
    ASSERT_EQ(piped.code, 0) << piped.err;
    EXPECT_NE(piped.out.find(R"({"kind":"thread","source_file":"-","thread":"knees-001",)"), std::string::npos);
}

TEST(FoundationCli, IngestCountsMatchAndResumeSkips) {
    std::string db = std::string(FORUMKB_BINARY_DIR) + "/tests/foundation_e2e.sqlite";
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(db + s);
    auto r = run("ingest corpora/jsonl corpora/malformed/jsonl_bad_lines.jsonl --db " + db + " --no-progress -j 2");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("ingested 5 threads (10 posts, "), std::string::npos) << r.out;
    auto stats = fkb::kb::read_stats(db);
    EXPECT_EQ(stats.threads, 3);  // the bad-lines file repeats two thread ids: replaced, not added
    EXPECT_EQ(stats.posts, 5);
    EXPECT_EQ(stats.rejects, 4);
    EXPECT_EQ(stats.files, 2);
    auto again = run("ingest corpora/jsonl corpora/malformed/jsonl_bad_lines.jsonl --db " + db + " --no-progress");
    EXPECT_EQ(again.code, 0);
    EXPECT_NE(again.out.find("ingested 0 threads"), std::string::npos) << again.out;
    EXPECT_NE(again.out.find("2 skipped as already ingested"), std::string::npos) << again.out;
    EXPECT_EQ(fkb::kb::read_stats(db).rejects, 4);
    EXPECT_EQ(run("ingest corpora/malformed/jsonl_bad_lines.jsonl --strict --db " + db + ".strict").code, 3);
    fs::remove(db + ".strict");
}

}  // namespace
