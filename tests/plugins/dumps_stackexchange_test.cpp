// Parser-level tests of source_stackexchange: thread assembly from
// Posts.xml in any order, sibling Users.xml / Comments.xml, HTML bodies,
// malformed XML and the spill store.
#include "dumps_test_support.hpp"
#include "se_html_text.hpp"
#include "se_sniff.hpp"
#include "stackexchange_parser.hpp"

#include <gtest/gtest.h>

using namespace fkb::dumps;
using namespace fkb::dumps::testing;

namespace {

const char* kDir = "corpora/stackexchange/running.stackexchange.com";

std::string posts(const std::string& rows) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n" + rows + "</posts>\n";
}

TEST(DumpsStackExchange, CorpusThreadsWithSiblings) {
    auto c = run_file<StackExchangeParser>(std::string(kDir) + "/Posts.xml", StackExchangeOptions{});
    ASSERT_EQ(c.threads.size(), 2u) << c.reject_text();
    EXPECT_TRUE(c.rejects.empty()) << c.reject_text();
    const auto& t = c.threads[0];
    EXPECT_EQ(t.source, "stackexchange");
    EXPECT_EQ(t.thread_id, "10");
    EXPECT_EQ(t.title.value_or(""), "Lower back aches after runs over 5 km");
    EXPECT_EQ(t.category.value_or(""), "injury-prevention, back-pain");
    EXPECT_EQ(t.forum.value_or(""), "running.stackexchange.com");
    EXPECT_EQ(t.url.value_or(""), "https://running.stackexchange.com/questions/10");
    // question, its comment, answer 12, its comment, answer 13
    ASSERT_EQ(t.posts.size(), 5u);
    EXPECT_EQ(t.posts[0].post_id, "10");
    EXPECT_EQ(t.posts[0].author.value_or(""), "desk_jogger");
    EXPECT_EQ(t.posts[0].reputation.value_or(-1), 101);
    EXPECT_EQ(t.posts[0].created.value_or(""), "2021-04-01T19:02:11Z");
    EXPECT_EQ(t.posts[0].score.value_or(-1), 5);
    EXPECT_FALSE(t.posts[0].parent_id);
    EXPECT_EQ(t.posts[1].post_id, "c501");
    EXPECT_EQ(t.posts[1].parent_id.value_or(""), "10");
    EXPECT_EQ(t.posts[1].author.value_or(""), "coach_ben");
    EXPECT_EQ(t.posts[2].post_id, "12");
    EXPECT_TRUE(t.posts[2].accepted);
    EXPECT_EQ(t.posts[2].author.value_or(""), "Marta K.");
    EXPECT_EQ(t.posts[2].reputation.value_or(-1), 4820);
    EXPECT_EQ(t.posts[3].post_id, "c502");
    EXPECT_EQ(t.posts[3].parent_id.value_or(""), "12");
    EXPECT_EQ(t.posts[4].post_id, "13");
    EXPECT_FALSE(t.posts[4].accepted);
    EXPECT_EQ(t.posts[4].author.value_or(""), "Former Member");
    EXPECT_FALSE(t.posts[4].reputation);
    EXPECT_EQ(c.threads[1].category.value_or(""), "shoulder, form");
}

TEST(DumpsStackExchange, AnswerBeforeQuestion) {
    auto c = run<StackExchangeParser>(
        posts("<row Id=\"5\" PostTypeId=\"2\" ParentId=\"4\" Score=\"1\" Body=\"&lt;p&gt;first&lt;/p&gt;\" />\n"
              "<row Id=\"7\" PostTypeId=\"1\" Title=\"other\" Body=\"&lt;p&gt;q7&lt;/p&gt;\" />\n"
              "<row Id=\"4\" PostTypeId=\"1\" AcceptedAnswerId=\"5\" Title=\"late question\" "
              "Body=\"&lt;p&gt;q4&lt;/p&gt;\" />\n"),
        "Posts.xml", StackExchangeOptions{.siblings = false});
    ASSERT_EQ(c.threads.size(), 2u) << c.reject_text();
    // Threads come out in the order they were first seen: 4 (via its answer), then 7.
    EXPECT_EQ(c.threads[0].thread_id, "4");
    ASSERT_EQ(c.threads[0].posts.size(), 2u);
    EXPECT_EQ(c.threads[0].posts[0].text, "q4");
    EXPECT_EQ(c.threads[0].posts[1].text, "first");
    EXPECT_TRUE(c.threads[0].posts[1].accepted);
    EXPECT_EQ(c.threads[1].thread_id, "7");
}

TEST(DumpsStackExchange, OrphanAnswersAreRejected) {
    auto c = run<StackExchangeParser>(
        posts("<row Id=\"5\" PostTypeId=\"2\" ParentId=\"99\" Body=\"x\" />\n"
              "<row Id=\"6\" PostTypeId=\"2\" Body=\"no parent\" />\n"
              "<row PostTypeId=\"1\" Body=\"no id\" />\n"),
        "Posts.xml", StackExchangeOptions{.siblings = false});
    EXPECT_TRUE(c.threads.empty());
    ASSERT_EQ(c.rejects.size(), 3u);
    EXPECT_EQ(c.rejects[0].line, 4u);
    EXPECT_NE(c.rejects[0].reason.find("answer 6: no ParentId"), std::string::npos);
    EXPECT_EQ(c.rejects[1].line, 5u);
    EXPECT_NE(c.rejects[2].reason.find("question 99, which is not in the file"), std::string::npos);
}

TEST(DumpsStackExchange, TruncatedXmlKeepsWhatWasRead) {
    std::string xml = posts("<row Id=\"1\" PostTypeId=\"1\" Title=\"t\" Body=\"&lt;p&gt;ok&lt;/p&gt;\" />\n"
                            "<row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" Body=\"fine\" />\n"
                            "<row Id=\"3\" PostTypeId=\"2\" ParentId=\"1\" Body=\"cut");
    xml.resize(xml.find("cut") + 3);
    auto c = run<StackExchangeParser>(xml, "Posts.xml", StackExchangeOptions{.siblings = false}, 7);
    ASSERT_EQ(c.threads.size(), 1u);
    EXPECT_EQ(c.threads[0].posts.size(), 2u);
    ASSERT_EQ(c.rejects.size(), 1u);
    EXPECT_EQ(c.rejects[0].line, 5u) << c.rejects[0].reason;
    EXPECT_NE(c.rejects[0].reason.find("XML"), std::string::npos) << c.rejects[0].reason;
}

TEST(DumpsStackExchange, TruncatedInsideATagKeepsTheRowBeforeIt) {
    // Cut inside the next start tag: every complete row is a post, the cut
    // one is the reject (with the line where the file ends).
    std::string xml = posts("<row Id=\"1\" PostTypeId=\"1\" Title=\"t\" Body=\"q\" />\n"
                            "<row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" Body=\"a\" />\n"
                            "<row Id=\"3\" Po");
    xml.resize(xml.rfind("Po") + 2);
    for (size_t chunk : {size_t(7), size_t(1) << 16}) {
        auto c = run<StackExchangeParser>(xml, "Posts.xml", StackExchangeOptions{.siblings = false}, chunk);
        ASSERT_EQ(c.threads.size(), 1u) << c.reject_text();
        EXPECT_EQ(c.threads[0].posts.size(), 2u);
        ASSERT_EQ(c.rejects.size(), 1u) << c.reject_text();
        EXPECT_EQ(c.rejects[0].line, 5u) << c.rejects[0].reason;
    }
}

TEST(DumpsStackExchange, AmpersandsAndDeclaredEntitiesInValues) {
    // '&' in a value comes back from libxml2 as "&#38;" (no entity
    // substitution); entities declared in a DOCTYPE are expanded.
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<!DOCTYPE posts [<!ENTITY club \"Track &amp; Field\">]>\n<posts>\n"
                      "<row Id=\"1\" PostTypeId=\"1\" Title=\"A &amp;amp; B &#38;#38; &club;\" "
                      "Body=\"&lt;p&gt;salt &amp;amp; vinegar &amp;lt;3&lt;/p&gt;\" />\n</posts>\n";
    auto c = run<StackExchangeParser>(xml, "Posts.xml", StackExchangeOptions{.siblings = false});
    ASSERT_EQ(c.threads.size(), 1u) << c.reject_text();
    EXPECT_EQ(c.threads[0].title.value_or(""), "A &amp; B &#38; Track & Field");
    EXPECT_EQ(c.threads[0].posts[0].text, "salt & vinegar <3");
}

TEST(DumpsStackExchange, CommentOnMissingPostIsRejected) {
    // Comments.xml from the corpus against a Posts.xml that lacks post 12.
    std::string xml = posts("<row Id=\"10\" PostTypeId=\"1\" Title=\"t\" Body=\"q\" />\n"
                            "<row Id=\"14\" PostTypeId=\"4\" Body=\"wiki\" />\n");
    StackExchangeOptions o;
    o.siblings = false;
    o.comments_path = std::string(FORUMKB_SOURCE_DIR) + "/" + kDir + "/Comments.xml";
    auto c = run<StackExchangeParser>(xml, "Posts.xml", o);
    ASSERT_EQ(c.threads.size(), 1u);
    ASSERT_EQ(c.threads[0].posts.size(), 2u);
    EXPECT_EQ(c.threads[0].posts[1].author.value_or(""), "user33");  // no Users.xml: the id stands in
    ASSERT_EQ(c.rejects.size(), 1u) << c.reject_text();             // 503 (tag wiki) is skipped quietly
    EXPECT_EQ(c.rejects[0].line, 4u);
    EXPECT_NE(c.rejects[0].reason.find("comment 502: post 12 is not in Posts.xml"), std::string::npos);
}

TEST(DumpsStackExchange, SiblingFileGivesNoThreads) {
    auto c = run_file<StackExchangeParser>(std::string(kDir) + "/Users.xml", StackExchangeOptions{});
    EXPECT_TRUE(c.threads.empty());
    EXPECT_TRUE(c.rejects.empty());
}

TEST(DumpsStackExchange, SpillsToDiskWithTinyCache) {
    std::string rows;
    for (int q = 1; q <= 400; ++q) {
        rows += "<row Id=\"" + std::to_string(q) + "\" PostTypeId=\"1\" Title=\"q" + std::to_string(q) +
                "\" Body=\"&lt;p&gt;" + std::string(500, 'x') + "&lt;/p&gt;\" />\n";
    }
    for (int a = 0; a < 2000; ++a) {  // answers spread over all questions
        int q = 1 + (a * 7919) % 400;
        rows += "<row Id=\"" + std::to_string(1000 + a) + "\" PostTypeId=\"2\" ParentId=\"" + std::to_string(q) +
                "\" Body=\"&lt;p&gt;" + std::string(700, 'y') + "&lt;/p&gt;\" />\n";
    }
    StackExchangeOptions o;
    o.siblings = false;
    o.store.cache_bytes = 1 << 20;  // far less than the ~2.6 MB of posts
    o.store.temp_dir = ::testing::TempDir();
    auto c = run<StackExchangeParser>(posts(rows), "Posts.xml", o);
    ASSERT_EQ(c.threads.size(), 400u);
    size_t total = 0;
    for (const auto& t : c.threads) {
        total += t.posts.size();
        ASSERT_EQ(t.posts[0].post_id, t.thread_id);
        for (size_t i = 2; i < t.posts.size(); ++i) ASSERT_LT(std::stoi(t.posts[i - 1].post_id), std::stoi(t.posts[i].post_id));
    }
    EXPECT_EQ(total, 2400u);
}

TEST(DumpsStackExchange, HtmlBodies) {
    HtmlText h;
    auto r = h.render("<p>One &amp; two&nbsp;three &lt;tag&gt; &eacute;t&eacute; &#x1F3C3;</p>\n\n<p>Second\n  para</p>");
    EXPECT_EQ(r.text, "One & two three <tag> été 🏃\n\nSecond para");
    r = h.render("<p>Intro:</p><ul><li>alpha</li><li>beta <b>bold</b></li></ul><ol><li>x</li><li>y</li></ol>");
    EXPECT_EQ(r.text, "Intro:\n\n- alpha\n- beta bold\n\n1. x\n2. y");
    r = h.render("<blockquote><p>quoted <i>text</i></p></blockquote><p>reply</p>");
    EXPECT_EQ(r.text, "quoted text\n\nreply");
    ASSERT_EQ(r.quotes.size(), 1u);
    EXPECT_EQ(r.text.substr(r.quotes[0].first, r.quotes[0].second - r.quotes[0].first), "quoted text");
    r = h.render("<pre><code>a  =  1\n  b\n</code></pre><p>after<br>line</p><script>x()</script><img src=a alt=b>");
    EXPECT_EQ(r.text, "a  =  1\n  b\n\nafter\nline");
    r = h.render("<p>unclosed <b>bold<p>next");
    EXPECT_EQ(r.text, "unclosed bold\n\nnext");
    // A body is UTF-8 whatever a <meta> in it says.
    r = h.render("<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9 \xE2\x80\x94 ok</p>");
    EXPECT_EQ(r.text, "caf\xC3\xA9 \xE2\x80\x94 ok");
    r = h.render("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\xC3\xA9t\xC3\xA9</p>");
    EXPECT_EQ(r.text, "\xC3\xA9t\xC3\xA9");
}

TEST(DumpsStackExchange, HtmlBodiesNestingTablesAndHead) {
    HtmlText h;
    auto r = h.render("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>");
    EXPECT_EQ(r.text, "- a\n  - b\n  - c\n- d");
    r = h.render("<table><tr><td>x</td><td>y</td></tr><tr><th>z</th></tr></table>");
    EXPECT_EQ(r.text, "x y\n\nz");
    r = h.render("<blockquote><p>outer</p><blockquote>inner</blockquote></blockquote>after");
    EXPECT_EQ(r.text, "outer\n\ninner\n\nafter");
    ASSERT_EQ(r.quotes.size(), 2u);  // inner first: spans are recorded as quotes close
    EXPECT_EQ(r.text.substr(r.quotes[0].first, r.quotes[0].second - r.quotes[0].first), "inner");
    EXPECT_EQ(r.text.substr(r.quotes[1].first, r.quotes[1].second - r.quotes[1].first), "outer\n\ninner");
    // <title> implies a <head>, which is not shown; an unknown entity stays as written.
    r = h.render("<title>gone</title><p>kept &bogus; &amp;&nbsp;&nbsp;x</p>");
    EXPECT_EQ(r.text, "kept &bogus; & x");
    r = h.render("text <b>a</b> <i>b</i>\n<p>  lead and trail  </p>");
    EXPECT_EQ(r.text, "text a b\n\nlead and trail");
    // One parser context serves body after body.
    for (int i = 0; i < 3; ++i) EXPECT_EQ(h.render("<p>again</p>").text, "again");
}

TEST(DumpsStackExchange, CorpusHtmlQuoteAndEntities) {
    auto c = run_file<StackExchangeParser>(std::string(kDir) + "/Posts.xml", StackExchangeOptions{});
    ASSERT_EQ(c.threads.size(), 2u);
    const auto& q = c.threads[0].posts[0];
    EXPECT_NE(q.text.find("longer than 5\xC2\xA0km") == std::string::npos ? q.text.find("5 km") : 0, std::string::npos);
    EXPECT_NE(q.text.find("desk & drive"), std::string::npos) << q.text;
    EXPECT_NE(q.text.find("normal \xE2\x80\x94 or"), std::string::npos) << q.text;
    const auto& a13 = c.threads[0].posts[4];
    EXPECT_EQ(quote_texts(a13), std::vector<std::string>{"Is this normal"});
    EXPECT_NE(a13.text.find("<heel far ahead of the hips>"), std::string::npos) << a13.text;
    const auto& q20 = c.threads[1].posts[0];
    EXPECT_NE(q20.text.find("auto-lap: 1 km\narm swing: on"), std::string::npos) << q20.text;
    EXPECT_NE(q20.text.find("1. Could it be how I hold my arms?\n2. Or the hydration vest?"), std::string::npos);
}

TEST(DumpsStackExchange, Sniff) {
    std::string head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n  <row Id=\"1\" PostTypeId=\"1\" />";
    EXPECT_GE(sniff_stackexchange(head, "Posts.xml"), 0.9);
    EXPECT_GE(sniff_stackexchange(head, "dump.xml"), 0.9);
    EXPECT_GE(sniff_stackexchange("<?xml version=\"1.0\"?>\n<users>\n<row Id=\"3\" />", "Users.xml"), 0.85);
    EXPECT_EQ(sniff_stackexchange("<?xml version=\"1.0\"?>\n<rss><channel>", "feed.xml"), 0.0);
    EXPECT_EQ(sniff_stackexchange("{\"id\": 1}", "posts.json"), 0.0);
    EXPECT_EQ(sniff_stackexchange("garbage", "Posts.xml"), 0.5);
}

}  // namespace
