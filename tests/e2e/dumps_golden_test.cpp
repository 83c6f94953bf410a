// Golden tests of the dump sources through the real binary: `forumkb parse`
// on each sample in corpora/{stackexchange,reddit,csv,json} must print
// exactly the thread JSON lines in the sample's expected/ folder, and the
// malformed samples must be rejected with their file and line.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

namespace {

struct Output {
    std::string out;
    int status = -1;
};

/// Runs the built forumkb with `args` (shell-quoted by the caller); stderr
/// goes to stdout when `merge_stderr`.
Output forumkb(const std::string& args, bool merge_stderr = false) {
    std::string cmd = std::string("cd '") + FORUMKB_SOURCE_DIR + "' && '" + FORUMKB_BINARY_DIR + "/bin/forumkb' " +
                      args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
    Output o;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return o;
    std::array<char, 65536> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) o.out.append(buf.data(), n);
    o.status = pclose(p);
    return o;
}

std::string slurp(const std::string& rel) {
    std::ifstream f(std::string(FORUMKB_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

struct Golden {
    const char* input;
    const char* expected;
};

/// How gtest (and so ctest's test list) shows a case: its input file.
void PrintTo(const Golden& g, std::ostream* os) { *os << g.input; }

class DumpsGolden : public ::testing::TestWithParam<Golden> {};

TEST_P(DumpsGolden, ParseMatchesExpected) {
    const Golden& g = GetParam();
    std::string expected = slurp(g.expected);
    ASSERT_FALSE(expected.empty()) << g.expected;
    Output o = forumkb(std::string("parse '") + g.input + "'");
    EXPECT_EQ(o.status, 0);
    EXPECT_EQ(o.out, expected) << "forumkb parse " << g.input;
}

INSTANTIATE_TEST_SUITE_P(
    Corpora, DumpsGolden,
    ::testing::Values(
        Golden{"corpora/stackexchange/running.stackexchange.com/Posts.xml",
               "corpora/stackexchange/expected/running.stackexchange.com.jsonl"},
        Golden{"corpora/reddit/runninginjuries_submissions.ndjson",
               "corpora/reddit/expected/runninginjuries_submissions.jsonl"},
        Golden{"corpora/reddit/runninginjuries_comments.ndjson", "corpora/reddit/expected/runninginjuries_comments.jsonl"},
        Golden{"corpora/reddit/mixed_month.ndjson", "corpora/reddit/expected/mixed_month.jsonl"},
        Golden{"corpora/reddit/listing_export.csv", "corpora/reddit/expected/listing_export.jsonl"},
        Golden{"corpora/csv/club_forum.csv", "corpora/csv/expected/club_forum.jsonl"},
        Golden{"corpora/csv/helpdesk.tsv", "corpora/csv/expected/helpdesk.jsonl"},
        Golden{"corpora/json/qa_board.json", "corpora/json/expected/qa_board.jsonl"},
        Golden{"corpora/json/forum_lines.jsonl", "corpora/json/expected/forum_lines.jsonl"}),
    [](const ::testing::TestParamInfo<Golden>& i) {
        std::string n = i.param.expected;
        n = n.substr(n.rfind('/') + 1);
        n = n.substr(0, n.find(".jsonl"));
        for (char& c : n)
            if (!isalnum(static_cast<unsigned char>(c))) c = '_';
        return n;
    });

TEST(DumpsGoldenDirs, SiblingsAndSidecarsAreNotReportedAsUnknown) {
    // Users.xml / Comments.xml are read with Posts.xml, *.map with their export.
    Output o = forumkb("parse corpora/stackexchange corpora/csv corpora/json", true);
    EXPECT_EQ(o.out.find("no source plugin"), std::string::npos) << o.out;
    EXPECT_EQ(o.status, 0) << o.out;
}

TEST(DumpsGoldenDirs, MalformedInputsAreRejectedWithLines) {
    Output o = forumkb("parse corpora/malformed/csv_unclosed_quote.csv corpora/malformed/reddit_broken_line.ndjson "
                       "corpora/malformed/json_broken_line.jsonl corpora/malformed/json_truncated_array.json",
                       true);
    for (const char* want : {"csv_unclosed_quote.csv:3: unclosed quote", "csv_unclosed_quote.csv:5: record without text",
                             "reddit_broken_line.ndjson:2: broken JSON", "reddit_broken_line.ndjson:4: comment a4",
                             "json_broken_line.jsonl:2: broken JSON", "json_truncated_array.json:3: the file ends"})
        EXPECT_NE(o.out.find(want), std::string::npos) << want << "\n" << o.out;
    // The good records around the bad ones are still read.
    EXPECT_NE(o.out.find("\"text\":\"Plain row after the broken one\""), std::string::npos);
    EXPECT_NE(o.out.find("\"text\":\"And this one is fine again.\""), std::string::npos);
    EXPECT_NE(o.out.find("\"text\":\"Fine again.\""), std::string::npos);
}

TEST(DumpsGoldenDirs, TruncatedPostsXmlIsRejectedWithLine) {
    std::string path = ::testing::TempDir() + "/dumps_truncated_Posts.xml";
    std::string xml = slurp("corpora/stackexchange/running.stackexchange.com/Posts.xml");
    std::ofstream(path) << xml.substr(0, xml.find("<row Id=\"21\"") + 40);
    Output o = forumkb("parse --source source_stackexchange -o source_stackexchange.siblings=false '" + path + "'", true);
    EXPECT_NE(o.out.find("dumps_truncated_Posts.xml:8: XML:"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("\"thread_id\":\"10\""), std::string::npos) << o.out;
}

TEST(DumpsGoldenDirs, CorruptZstdFrameKeepsTheRecordsBeforeIt) {
    // A Pushshift-style comments file, compressed with a long window, with
    // bytes in the middle of its frame destroyed: the lines decoded before
    // the damage become threads, the damage is a reject with its place.
    if (std::system("zstd --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "zstd missing (scripts/setup.sh installs it)";
    std::string dir = ::testing::TempDir() + "/dumps_bad_zst";
    std::string plain = dir + "/RC_damaged.ndjson";
    ASSERT_EQ(std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str()), 0);
    {
        std::ofstream f(plain);
        // Enough distinct submissions for several zstd blocks (128 kB each).
        for (int i = 0; i < 4000; ++i) {
            f << "{\"id\":\"s" << i << "\",\"title\":\"run " << i << " and my knee aches after " << i * 7
              << " km\",\"selftext\":\"week " << i % 53 << ": " << (i * 2654435761u % 1000003)
              << " steps, the outside of the knee hurts on downhills\",\"subreddit\":\"running\",\"created_utc\":"
              << 1690000000 + i << "}\n";
        }
    }
    ASSERT_EQ(std::system(("zstd -q --long=27 --rm '" + plain + "' -o '" + plain + ".zst'").c_str()), 0);
    {
        std::fstream z(plain + ".zst", std::ios::in | std::ios::out | std::ios::binary);
        z.seekg(0, std::ios::end);
        std::streamoff size = z.tellg();
        z.seekp(size / 2);
        std::string junk(64, '\xA5');
        z.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    Output o = forumkb("parse '" + plain + ".zst'", true);
    EXPECT_NE(o.out.find("RC_damaged.ndjson:"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("the input cannot be read past byte"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("\"thread_id\":\"s0\""), std::string::npos) << o.out.substr(0, 2000);
    EXPECT_EQ(o.out.find("\"thread_id\":\"s3999\""), std::string::npos);
}

TEST(DumpsGoldenDirs, CorruptZstdPostsXmlKeepsTheRowsBeforeIt) {
    // The same for a Stack Exchange Posts.xml: the questions decoded before
    // the damage are threads, the damage is one reject with its byte.
    if (std::system("zstd --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "zstd missing (scripts/setup.sh installs it)";
    std::string dir = ::testing::TempDir() + "/dumps_bad_se_zst";
    std::string plain = dir + "/Posts.xml";
    ASSERT_EQ(std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str()), 0);
    {
        std::ofstream f(plain);
        f << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n";
        for (int i = 1; i <= 4000; ++i) {
            f << "  <row Id=\"" << i << "\" PostTypeId=\"1\" Title=\"knee " << i << "\" Body=\"&lt;p&gt;week "
              << i % 53 << ": " << (i * 2654435761u % 1000003) << " steps, the knee hurts on downhills&lt;/p&gt;\" />\n";
        }
        f << "</posts>\n";
    }
    ASSERT_EQ(std::system(("zstd -q --long=27 --rm '" + plain + "' -o '" + plain + ".zst'").c_str()), 0);
    {
        std::fstream z(plain + ".zst", std::ios::in | std::ios::out | std::ios::binary);
        z.seekg(0, std::ios::end);
        std::streamoff size = z.tellg();
        z.seekp(size / 2);
        std::string junk(64, '\xA5');
        z.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    Output o = forumkb("parse --source source_stackexchange '" + plain + ".zst'", true);
    EXPECT_NE(o.out.find("the input cannot be read past byte"), std::string::npos) << o.out.substr(0, 2000);
    EXPECT_NE(o.out.find("\"thread_id\":\"1\""), std::string::npos) << o.out.substr(0, 2000);
    EXPECT_EQ(o.out.find("\"thread_id\":\"4000\""), std::string::npos);
}

}  // namespace
