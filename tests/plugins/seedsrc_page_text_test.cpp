// Unit tests of the helpers both seed-format parsers share: byte clean-up
// (BOM, CRLF, lone CR, tabs, NBSP, invalid UTF-8), thread ids, quotes and
// signatures (with the data files they read).
#include "page_text.hpp"
#include "quote_finder.hpp"
#include "signature.hpp"

#include <gtest/gtest.h>

using namespace fkb::seedsrc;

TEST(SeedsrcPageText, LineEndsBomAndBlanks) {
    PageText p = normalize_page("\xEF\xBB\xBFtitle  \r\nsecond\t\rthird\xC2\xA0\n\nlast");
    EXPECT_TRUE(p.had_bom);
    EXPECT_TRUE(p.had_cr);
    EXPECT_EQ(p.invalid_utf8, 0u);
    ASSERT_EQ(p.lines.size(), 5u);
    EXPECT_EQ(p.lines[0].text, "title");
    EXPECT_EQ(p.lines[1].text, "second");
    EXPECT_EQ(p.lines[2].text, "third");
    EXPECT_EQ(p.lines[3].text, "");
    EXPECT_EQ(p.lines[4].text, "last");
    EXPECT_EQ(p.lines[4].number, 5u);
    EXPECT_EQ(p.lines[1].offset, 12);  // offsets are into the input, BOM and CR included
    EXPECT_EQ(p.text, "title\nsecond\nthird\n\nlast");
}

TEST(SeedsrcPageText, TabsAndUnicodeSpacesBecomeSpaces) {
    PageText p = normalize_page("a\tb\xC2\xA0" "c\xE2\x80\xAF" "d\xE2\x80\x8B" "e");
    EXPECT_EQ(p.text, "a b c de");  // zero-width space removed
}

TEST(SeedsrcPageText, InvalidUtf8IsReplacedAndCounted) {
    PageText p = normalize_page("ok \xFF\xFE mid \xC3 end \xED\xA0\x80 \xF4\x90\x80\x80 \xC0\xAF nul\x01");
    EXPECT_EQ(p.invalid_utf8, 2u + 1u + 3u + 4u + 2u + 1u);
    EXPECT_NE(p.text.find("\xEF\xBF\xBD"), std::string::npos);
    // Valid multi-byte characters survive untouched.
    PageText emoji = normalize_page("wave \xF0\x9F\x91\x8B caf\xC3\xA9");
    EXPECT_EQ(emoji.invalid_utf8, 0u);
    EXPECT_EQ(emoji.text, "wave \xF0\x9F\x91\x8B caf\xC3\xA9");
}

TEST(SeedsrcPageText, CutHeadDropsIncompleteLastCharacter) {
    PageText cut = normalize_page("abc \xF0\x9F\x91", true);
    EXPECT_EQ(cut.invalid_utf8, 0u);
    EXPECT_EQ(cut.text, "abc");
    PageText whole = normalize_page("abc \xF0\x9F\x91", false);
    EXPECT_EQ(whole.invalid_utf8, 3u);
}

TEST(SeedsrcPageText, EveryByteValueIsSafe) {
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (int round = 0; round < 3; ++round) all += all;
    PageText p = normalize_page(all);
    EXPECT_GT(p.invalid_utf8, 0u);
    EXPECT_FALSE(p.lines.empty());
}

TEST(SeedsrcPageText, ThreadIds) {
    EXPECT_EQ(thread_id_for("dumps/000_c94017b2.txt", "x"), "000_c94017b2");
    EXPECT_EQ(thread_id_for("C:\\pages\\knee.page.txt", "x"), "knee.page");
    EXPECT_EQ(thread_id_for(".hidden", "x"), ".hidden");
    std::string a = thread_id_for("-", "some text"), b = thread_id_for("", "some text");
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.rfind("fnv1a-", 0), 0u);
    EXPECT_NE(a, thread_id_for("-", "other text"));
}

TEST(SeedsrcPageText, JoinParagraphsAndDataEntries) {
    EXPECT_EQ(join_paragraphs({"", "a", "b", "", "", "c", ""}), "a\nb\n\nc");
    auto e = data_entries("# comment\r\n one \n\n two\t\n#x\n");
    ASSERT_EQ(e.size(), 2u);
    EXPECT_EQ(e[0], "one");
    EXPECT_EQ(e[1], "two");
}

namespace {
fkb::sdk::Post post(std::string id, std::string text) {
    fkb::sdk::Post p;
    p.post_id = std::move(id);
    p.text = std::move(text);
    return p;
}
}  // namespace

TEST(SeedsrcQuotes, ReplyRepeatingAnEarlierPost) {
    std::vector<fkb::sdk::Post> posts{
        post("0", "My knee hurts on the way down every hill I run."),
        post("1", "Shorten your stride on descents and let the cadence rise.\nIt takes the load off the knee."),
        post("2", "Shorten your stride on descents and let the cadence rise.\nIt takes the load off the knee.\nThis worked "
                  "for me too."),
        post("3", "Shorten your stride on descents and let the cadence rise.\nIt takes the load off the knee.\nThis worked "
                  "for me too.\nSame here."),
    };
    find_quotes(posts);
    EXPECT_TRUE(posts[0].quotes.empty());
    EXPECT_TRUE(posts[1].quotes.empty());
    ASSERT_EQ(posts[2].quotes.size(), 1u);
    EXPECT_EQ(posts[2].quotes[0].post_id, "1");
    EXPECT_EQ(posts[2].quotes[0].start, 0u);
    EXPECT_EQ(posts[2].quotes[0].end, posts[1].text.size());
    // Post 3 repeats post 2, which itself repeats post 1: the longest run wins,
    // credited to the earliest post that has all of it (post 2 here).
    ASSERT_EQ(posts[3].quotes.size(), 1u);
    EXPECT_EQ(posts[3].quotes[0].post_id, "2");
}

TEST(SeedsrcQuotes, ShortCommonLinesAreNotQuotes) {
    std::vector<fkb::sdk::Post> posts{post("0", "Thanks!\nI will try it."), post("1", "Thanks!\nGood luck with it.")};
    find_quotes(posts);
    EXPECT_TRUE(posts[1].quotes.empty());
    // A whole short post repeated verbatim is a quote.
    std::vector<fkb::sdk::Post> whole{post("0", "Upper or lower back pain?"), post("1", "Upper or lower back pain?\nLower.")};
    find_quotes(whole);
    ASSERT_EQ(whole[1].quotes.size(), 1u);
    EXPECT_EQ(whole[1].quotes[0].end, 25u);
}

TEST(SeedsrcSignature, SignedPosts) {
    using fkb::seedsrc::vanilla::find_signature;
    EXPECT_EQ(find_signature({"I had this too.", "Cheers,", "Shaun."}), "Shaun");
    EXPECT_EQ(find_signature({"Try hills.", "Good luck,", "Dale."}), "Dale");
    EXPECT_EQ(find_signature({"Try hills.", "Thanks, Anna"}), "Anna");
    EXPECT_EQ(find_signature({"Try hills.", "", "~Marco"}), "Marco");
    EXPECT_EQ(find_signature({"Try hills.", "Kind regards", "Mary Ann"}), "Mary Ann");
    EXPECT_FALSE(find_signature({"Thanks everyone, I'll try the shorter stride."}));
    EXPECT_FALSE(find_signature({"Try hills.", "Thanks, everyone"}));
    EXPECT_FALSE(find_signature({"Cheers,", "I will try that tomorrow"}));
    EXPECT_FALSE(find_signature({"I ran 5 miles."}));
    EXPECT_FALSE(find_signature({}));
}

TEST(SeedsrcSignature, SignoffDataFile) {
    using fkb::seedsrc::vanilla::is_signoff;
    EXPECT_TRUE(is_signoff("Cheers,"));
    EXPECT_TRUE(is_signoff("cheers"));
    EXPECT_TRUE(is_signoff("Good luck!"));
    EXPECT_TRUE(is_signoff("Kind regards"));
    EXPECT_FALSE(is_signoff("Hey,"));
    EXPECT_FALSE(is_signoff("# Valedictions"));  // comments are not entries
}
