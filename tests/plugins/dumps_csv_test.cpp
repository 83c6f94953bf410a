// Parser-level tests of source_csv: RFC 4180 quoting, mapping by option, by
// file and by column names, mapping errors, rejects with their line.
#include "csv_reader.hpp"
#include "csv_sniff.hpp"
#include "csv_source_parser.hpp"
#include "dumps_test_support.hpp"
#include "mapped_options.hpp"

#include <gtest/gtest.h>

using namespace fkb::dumps;
using namespace fkb::dumps::testing;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view bytes, char delim, std::vector<uint64_t>* errors,
                                               size_t chunk = 3) {
    MemoryInput mem(bytes, "t.csv", chunk);
    fkb::sdk::Input in(mem.raw());
    CsvReader r(in, delim);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> f;
    for (;;) {
        auto res = r.next(f);
        if (res == CsvReader::Result::End) break;
        if (res == CsvReader::Result::Error) {
            if (errors) errors->push_back(r.line());
            continue;
        }
        out.push_back(f);
    }
    return out;
}

TEST(DumpsCsv, Rfc4180Quoting) {
    std::vector<uint64_t> errors;
    auto rows = read_all("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n\n3,,\"\"\n", ',', &errors);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"2", "two\nlines", ""}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"3", "", ""}));
    EXPECT_TRUE(errors.empty());
}

TEST(DumpsCsv, UnclosedQuoteCostsOneRecord) {
    std::vector<uint64_t> errors;
    auto rows = read_all("h1,h2\n1,\"open\n2,ok\n3,ok\n", ',', &errors);
    ASSERT_EQ(errors, std::vector<uint64_t>{2});
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"2", "ok"}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"3", "ok"}));
}

TEST(DumpsCsv, CorpusWithSidecarMap) {
    std::string path = std::string(FORUMKB_SOURCE_DIR) + "/corpora/csv/club_forum.csv";
    CsvOptions o;
    o.map_text = read_map_text("", path);
    ASSERT_FALSE(o.map_text.empty());
    auto c = run_file<MappedCsvParser>("corpora/csv/club_forum.csv", o);
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 2u);
    const auto& t = c.threads[0];
    EXPECT_EQ(t.source, "csv");
    EXPECT_EQ(t.thread_id, "t100");
    EXPECT_EQ(t.title.value_or(""), "Calf burns on hills");
    EXPECT_EQ(t.category.value_or(""), "Injuries");
    ASSERT_EQ(t.posts.size(), 3u);
    EXPECT_EQ(t.posts[0].text.find("starts to burn after about two minutes.\nIt goes away"), 37u);
    EXPECT_EQ(t.posts[0].created.value_or(""), "2022-09-12T07:40:00Z");
    EXPECT_EQ(t.posts[0].likes.value_or(-1), 2);
    EXPECT_FALSE(t.posts[0].parent_id);
    EXPECT_EQ(t.posts[1].parent_id.value_or(""), "1");
    EXPECT_EQ(t.posts[2].post_id, "4");  // a later row of the same thread joins it
    EXPECT_EQ(c.threads[1].title.value_or(""), "Knees, stairs, and \"runner's knee\"");
    EXPECT_EQ(c.threads[1].posts[0].created.value_or(""), "2022-09-12T16:26:40Z");  // Unix seconds
}

TEST(DumpsCsv, TsvByColumnNames) {
    auto c = run_file<MappedCsvParser>("corpora/csv/helpdesk.tsv", CsvOptions{});
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].title.value_or(""), "Ankle clicks when I run");
    ASSERT_EQ(c.threads[0].posts.size(), 2u);
    EXPECT_EQ(c.threads[0].posts[1].author.value_or(""), "dr_ortho_amy");
}

TEST(DumpsCsv, MalformedCorpusRejectsWithLines) {
    auto c = run_file<MappedCsvParser>("corpora/malformed/csv_unclosed_quote.csv", CsvOptions{});
    ASSERT_EQ(c.rejects.size(), 2u) << c.reject_text();
    EXPECT_EQ(c.rejects[0].line, 3u);
    EXPECT_NE(c.rejects[0].reason.find("unclosed quote"), std::string::npos);
    EXPECT_EQ(c.rejects[1].line, 5u);
    EXPECT_EQ(c.rejects[1].reason, "record without text");
    ASSERT_EQ(c.threads.size(), 2u);
    EXPECT_EQ(c.threads[0].posts.size(), 1u);
    EXPECT_EQ(c.threads[1].posts[0].text, "Plain row after the broken one");
}

TEST(DumpsCsv, UnknownMappedColumnIsAnError) {
    CsvOptions o;
    o.map = "title=Subject,text=Message";
    try {
        run<MappedCsvParser>("Subject,Body\nx,y\n", "export.csv", o);
        FAIL() << "no error";
    } catch (const fkb::sdk::Error& e) {
        EXPECT_EQ(std::string(e.what()), "export.csv:1: mapped column 'Message' (for text) is not in the header");
    }
    o.map = "titel=Subject";
    try {
        run<MappedCsvParser>("Subject,Body\nx,y\n", "export.csv", o);
        FAIL() << "no error";
    } catch (const fkb::sdk::Error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown field 'titel'"), std::string::npos) << e.what();
    }
}

TEST(DumpsCsv, RequiredFieldsAndNumbers) {
    CsvOptions o;
    o.map = "thread_id=T,text=B,score=S";
    auto c = run<MappedCsvParser>("T,B,S\n,no thread,1\nx,fine,2\nx,bad score,many\n", "e.csv", o);
    ASSERT_EQ(c.rejects.size(), 2u);
    EXPECT_EQ(c.rejects[0].line, 2u);
    EXPECT_EQ(c.rejects[0].reason, "record without thread_id");
    EXPECT_EQ(c.rejects[1].line, 4u);
    EXPECT_EQ(c.rejects[1].reason, "score is not a number: 'many'");
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].posts[0].post_id, "3");  // no post_id mapping: the line number
}

TEST(DumpsCsv, Sniff) {
    EXPECT_GE(sniff_csv("Id,Title,Body\n1,a,b\n", "x.csv"), 0.6);
    EXPECT_GT(sniff_csv("a\tb\tc\n", "x.txt"), 0.0);
    EXPECT_LT(sniff_csv("a\tb\tc\n", "x.txt"), 0.5);
    EXPECT_EQ(sniff_csv("{\"a\": 1}\n", "x.csv"), 0.0);
    EXPECT_EQ(sniff_csv("<?xml version=\"1.0\"?>", "x.csv"), 0.0);
    EXPECT_EQ(sniff_csv("just one line of prose\n", "notes.txt"), 0.0);
}

}  // namespace
