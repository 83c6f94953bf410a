// End-to-end golden tests of the seed-format source plugins through the
// real binary: `forumkb parse PAGE` on every page of corpora/vanilla_text/
// and corpora/yahoo_answers_text/ must print exactly its expected/ file
// (byte for byte; on a difference the threads are compared member by member
// so the failure names the post and the field). The right plugin must be
// picked by sniffing alone, mixed formats in one run, and a malformed page
// must give a reject with file and line while what came before is kept.
#include "../plugins/seedsrc_thread_json.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using fkb::seedsrc::golden::expect_same_thread;
using fkb::seedsrc::golden::read_file;
using fkb::seedsrc::golden::threads_from_jsonl;

namespace {

struct Result {
    int status = -1;
    std::string out, err;
};

/// Runs `forumkb ARGS`, capturing stdout and stderr.
Result forumkb(const std::vector<std::string>& args) {
    static int counter = 0;
    fs::path dir = fs::temp_directory_path() / ("seedsrc_e2e_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path out = dir / ("out" + std::to_string(counter)), err = dir / ("err" + std::to_string(counter));
    ++counter;
    std::string cmd = "'" + std::string(FORUMKB_BINARY_DIR) + "/bin/forumkb'";
    for (const auto& a : args) cmd += " '" + a + "'";
    cmd += " >'" + out.string() + "' 2>'" + err.string() + "'";
    Result r;
    int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(out.string());
    r.err = read_file(err.string());
    return r;
}

std::vector<fs::path> pages(const std::string& corpus) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(FORUMKB_SOURCE_DIR) / "corpora" / corpus))
        if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

fs::path expected_for(const fs::path& page) {
    return page.parent_path() / "expected" / (page.stem().string() + ".jsonl");
}

class SeedsrcParseGolden : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(fs::exists(fs::path(FORUMKB_BINARY_DIR) / "bin" / "forumkb"))
            << "build the forumkb binary (and the plugins) before the e2e tests";
    }

    void check_corpus(const std::string& corpus) {
        auto files = pages(corpus);
        ASSERT_GE(files.size(), 8u);
        for (const auto& page : files) {
            SCOPED_TRACE(page.filename().string());
            Result r = forumkb({"parse", page.string()});
            EXPECT_EQ(r.status, 0) << r.err;
            EXPECT_EQ(r.err, "");
            std::string want = read_file(expected_for(page).string());
            if (r.out == want) continue;
            ADD_FAILURE() << "forumkb parse output differs from " << expected_for(page);
            auto got = threads_from_jsonl(r.out), exp = threads_from_jsonl(want);
            ASSERT_EQ(got.size(), exp.size());
            for (size_t i = 0; i < got.size(); ++i) expect_same_thread(got[i], exp[i], page.string());
        }
    }
};

}  // namespace

TEST_F(SeedsrcParseGolden, VanillaCorpus) { check_corpus("vanilla_text"); }

TEST_F(SeedsrcParseGolden, YahooAnswersCorpus) { check_corpus("yahoo_answers_text"); }

TEST_F(SeedsrcParseGolden, MixedFormatsInOneRunAreSniffed) {
    std::vector<std::string> args{"parse"};
    std::map<std::string, fkb::sdk::Thread> want;
    for (const char* corpus : {"vanilla_text", "yahoo_answers_text"})
        for (const auto& page : pages(corpus)) {
            args.push_back(page.string());
            auto t = threads_from_jsonl(read_file(expected_for(page).string()));
            ASSERT_EQ(t.size(), 1u);
            want[t[0].thread_id] = t[0];
        }
    Result r = forumkb(args);
    EXPECT_EQ(r.status, 0) << r.err;
    auto got = threads_from_jsonl(r.out);
    ASSERT_EQ(got.size(), want.size());
    for (const auto& t : got) {
        ASSERT_TRUE(want.count(t.thread_id)) << t.thread_id;
        expect_same_thread(t, want[t.thread_id], t.thread_id);
    }
}

TEST_F(SeedsrcParseGolden, TruncatedPageRejectsWithLineAndKeepsTheRest) {
    fs::path page = fs::path(FORUMKB_SOURCE_DIR) / "corpora" / "malformed" / "yahoo_truncated_answer.txt";
    Result r = forumkb({"parse", page.string()});
    EXPECT_NE(r.err.find("yahoo_truncated_answer.txt:15: truncated Yahoo Answers page"), std::string::npos) << r.err;
    auto got = threads_from_jsonl(r.out);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].posts.size(), 2u);
    EXPECT_EQ(got[0].category, "Sports > Running");
}

TEST_F(SeedsrcParseGolden, NotAPageIsRejectedWithItsLine) {
    fs::path page = fs::path(FORUMKB_SOURCE_DIR) / "corpora" / "malformed" / "vanilla_not_a_page.txt";
    Result r = forumkb({"parse", "--source", "source_vanilla_text", page.string()});
    EXPECT_NE(r.err.find("vanilla_not_a_page.txt:1: not a Vanilla forum page"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}
