// Golden tests of the seed-format parsers: every page in
// corpora/vanilla_text/ and corpora/yahoo_answers_text/ is parsed and
// compared, member by member, with its expected thread in expected/ (one
// file per input, same stem, .jsonl). The expected files are the spec: a
// change to a parser that moves any of them must be looked at by eye.
#include "seedsrc_thread_json.hpp"
#include "vanilla_parser.hpp"
#include "yahoo_parser.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace fkb::seedsrc;

namespace {

std::vector<fs::path> pages(const std::string& corpus) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(FORUMKB_SOURCE_DIR) / "corpora" / corpus))
        if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

template <class Parse>
void check_corpus(const std::string& corpus, size_t at_least, Parse parse) {
    auto files = pages(corpus);
    ASSERT_GE(files.size(), at_least) << corpus;
    for (const fs::path& page : files) {
        fs::path expected = page.parent_path() / "expected" / (page.stem().string() + ".jsonl");
        ASSERT_TRUE(fs::exists(expected)) << "no expected output for " << page;
        std::vector<std::string> rejects;
        auto got = parse(golden::read_file(page.string()),
                         [&](uint64_t line, int64_t, std::string_view reason, std::string_view) {
                             rejects.push_back(std::to_string(line) + ": " + std::string(reason));
                         },
                         page.filename().string());
        EXPECT_TRUE(rejects.empty()) << page << " " << (rejects.empty() ? "" : rejects.front());
        ASSERT_TRUE(got.thread) << page;
        auto want = golden::threads_from_jsonl(golden::read_file(expected.string()));
        ASSERT_EQ(want.size(), 1u) << expected;
        golden::expect_same_thread(*got.thread, want[0], page.filename().string());
    }
}

}  // namespace

TEST(SeedsrcGolden, VanillaCorpus) { check_corpus("vanilla_text", 8, parse_vanilla_text); }

TEST(SeedsrcGolden, YahooAnswersCorpus) { check_corpus("yahoo_answers_text", 8, parse_yahoo_answers_text); }

TEST(SeedsrcGolden, EachSnifferPrefersItsOwnCorpus) {
    for (const auto& page : pages("vanilla_text")) {
        std::string head = golden::read_file(page.string()).substr(0, 65536);
        EXPECT_GE(sniff_vanilla_text(head, page.filename().string()), 0.9) << page;
        EXPECT_LE(sniff_yahoo_answers_text(head, page.filename().string()), 0.1) << page;
    }
    for (const auto& page : pages("yahoo_answers_text")) {
        std::string head = golden::read_file(page.string()).substr(0, 65536);
        EXPECT_GE(sniff_yahoo_answers_text(head, page.filename().string()), 0.9) << page;
        EXPECT_LE(sniff_vanilla_text(head, page.filename().string()), 0.1) << page;
    }
}
