// Quote spans of Stack Exchange bodies against the host's ABI check: a
// <blockquote> inside a <pre> that ends with newlines once gave a span past
// the end of the text (the <pre> trims them after the quote has closed), and
// the host rejected the whole thread. Each thread here goes through the SDK's
// ThreadSink into the host's own conversion, as a running plugin's would.
#include "dumps_test_support.hpp"
#include "se_html_text.hpp"
#include "stackexchange_parser.hpp"

#include <forumkb/abi_convert.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace fkb::dumps;
using namespace fkb::dumps::testing;

namespace {

/// What the host made of the threads a plugin emitted.
struct HostSide {
    std::vector<fkb::Thread> accepted;
    std::vector<std::string> errors;  // AbiError messages: the thread was rejected

    /// Emits `t` as a plugin does and converts it as the host does.
    void emit(const fkb::sdk::Thread& t) {
        fkb_thread_sink raw{sizeof(fkb_thread_sink), this,
                            [](void* c, const fkb_thread* thread) {
                                auto* h = static_cast<HostSide*>(c);
                                try {
                                    h->accepted.push_back(fkb::plugin::to_thread(*thread, "stackexchange"));
                                } catch (const fkb::plugin::AbiError& e) {
                                    h->errors.push_back(e.what());
                                }
                                return FKB_OK;
                            },
                            [](void*, fkb_str, fkb_location, fkb_str) {}};
        fkb::sdk::ThreadSink(&raw).emit(t);
    }
};

std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "&#xA;"; break;  // kept as they are, not normalized to blanks
        case '\t': out += "&#x9;"; break;
        default: out += c;
        }
    }
    return out;
}

/// A Posts.xml with one question per body, ids 1, 2, ...
std::string posts_of(const std::vector<std::string>& bodies) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n";
    for (size_t i = 0; i < bodies.size(); ++i)
        xml += "<row Id=\"" + std::to_string(i + 1) + "\" PostTypeId=\"1\" Title=\"t\" Body=\"" +
               xml_escape(bodies[i]) + "\" />\n";
    return xml + "</posts>\n";
}

HostSide through_host(const std::vector<std::string>& bodies) {
    auto c = run<StackExchangeParser>(posts_of(bodies), "Posts.xml", StackExchangeOptions{.siblings = false});
    EXPECT_EQ(c.threads.size(), bodies.size()) << c.reject_text();
    HostSide host;
    for (const auto& t : c.threads) host.emit(t);
    return host;
}

TEST(DumpsStackExchangeQuoteSpans, QuoteInPreEndingWithNewlines) {
    // A runner pastes a watch's lap log as a quote inside a code block.
    const std::string body =
        "<p>My watch says:</p><pre><blockquote>lap 1  5:02\nlap 2  4:58\n\n</blockquote></pre><p>Is that even?</p>";
    auto host = through_host({body});
    ASSERT_TRUE(host.errors.empty()) << host.errors[0];
    ASSERT_EQ(host.accepted.size(), 1u);
    const auto& p = host.accepted[0].posts[0];
    EXPECT_EQ(p.text, "My watch says:\n\nlap 1  5:02\nlap 2  4:58\n\nIs that even?");
    EXPECT_EQ(quote_texts(p), std::vector<std::string>{"lap 1  5:02\nlap 2  4:58"});

    // The <pre> is the last thing in the body: the quote ends with the text.
    HtmlText h;
    auto r = h.render("<pre><blockquote>pace: 5:30/km\n</blockquote></pre>");
    EXPECT_EQ(r.text, "pace: 5:30/km");
    ASSERT_EQ(r.quotes.size(), 1u);
    EXPECT_EQ(r.quotes[0], (std::pair<uint64_t, uint64_t>{0, r.text.size()}));
}

TEST(DumpsStackExchangeQuoteSpans, QuoteOfTrimmedNewlinesOnlyIsDropped) {
    HtmlText h;
    // The quote holds nothing but the newlines the <pre> trims: no quote.
    auto r = h.render("<pre>km 1\n<blockquote>\n\n</blockquote></pre><p>after</p>");
    EXPECT_EQ(r.text, "km 1\n\nafter");
    EXPECT_TRUE(r.quotes.empty()) << r.quotes[0].first << ", " << r.quotes[0].second;
    // A quote left open over the <pre> whose only text was trimmed starts
    // with the text that follows, not at the blank line before it.
    r = h.render("<p>log</p><blockquote><pre>\n\n</pre><p>easy day</p></blockquote>");
    EXPECT_EQ(r.text, "log\n\neasy day");
    ASSERT_EQ(r.quotes.size(), 1u);
    EXPECT_EQ(r.text.substr(r.quotes[0].first, r.quotes[0].second - r.quotes[0].first), "easy day");
}

/// Random bodies of the elements that meet in quotes: <pre>, <blockquote>,
/// <p>, <code>, lists and <br>, around text with blanks and newlines, with a
/// closing tag left out now and then.
class BodyMaker {
public:
    explicit BodyMaker(uint32_t seed) : rng_(seed) {}

    std::string body() {
        std::string out;
        int n = 1 + pick(4);
        for (int i = 0; i < n; ++i) node(out, 0);
        return out;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    void text(std::string& out) {
        static const char* const kPieces[] = {"tempo", "run", "5 km", "  ", "\n", "\n\n", " ", "&amp;",
                                              "&nbsp;", "\t", "easy", "x = 1", "\xC3\xA9t\xC3\xA9"};
        int n = 1 + pick(4);
        for (int i = 0; i < n; ++i) out += kPieces[pick(sizeof kPieces / sizeof *kPieces)];
    }

    void children(std::string& out, int depth) {
        int n = pick(4);
        for (int i = 0; i < n; ++i) node(out, depth + 1);
    }

    void element(std::string& out, const char* name, int depth) {
        out += std::string("<") + name + ">";
        children(out, depth);
        if (pick(10) != 0) out += std::string("</") + name + ">";
    }

    void node(std::string& out, int depth) {
        if (depth > 4) return text(out);
        switch (pick(9)) {
        case 0:
        case 1: text(out); break;
        case 2: element(out, "p", depth); break;
        case 3: element(out, "pre", depth); break;
        case 4: element(out, "blockquote", depth); break;
        case 5: element(out, "code", depth); break;
        case 6: out += "<br>"; break;
        case 7: {
            const char* list = pick(2) ? "ul" : "ol";
            out += std::string("<") + list + ">";
            for (int i = 1 + pick(3); i > 0; --i) element(out, "li", depth);
            out += std::string("</") + list + ">";
            break;
        }
        case 8:  // the shape of the bug: a quote in a <pre>, ending with newlines
            out += "<pre>";
            if (pick(2)) text(out);
            out += "<blockquote>";
            children(out, depth);
            out += pick(2) ? "\n" : "\n\n";
            out += "</blockquote>";
            if (pick(3) == 0) text(out);
            out += "</pre>";
            break;
        }
    }

    std::mt19937 rng_;
};

TEST(DumpsStackExchangeQuoteSpans, RandomBodiesKeepSpansInsideTheText) {
    constexpr int kBodies = 20000;
    BodyMaker maker(20240611);
    HtmlText h;
    std::vector<std::string> bodies;
    size_t quotes = 0, quotes_in_pre = 0, bad_bodies = 0;
    std::string first_bad;
    for (int i = 0; i < kBodies; ++i) {
        std::string b = maker.body();
        auto r = h.render(b);
        bool bad = false;
        for (const auto& [s, e] : r.quotes) bad = bad || s >= e || e > r.text.size();
        if (bad && bad_bodies++ == 0) first_bad = b;
        quotes += r.quotes.size();
        if (b.find("\n</blockquote></pre>") != std::string::npos) ++quotes_in_pre;
        bodies.push_back(std::move(b));
    }
    EXPECT_EQ(bad_bodies, 0u) << "bodies with an empty quote span or one past the text; the first:\n" << first_bad;
    // The bodies do reach the case and do carry quotes.
    EXPECT_GT(quotes_in_pre, size_t(kBodies / 20));
    EXPECT_GT(quotes, size_t(kBodies / 4));

    auto host = through_host(bodies);
    EXPECT_EQ(host.errors.size(), 0u) << host.errors.size() << " threads rejected, the first: " << host.errors[0];
    EXPECT_EQ(host.accepted.size(), bodies.size());
    size_t host_quotes = 0;
    for (const auto& t : host.accepted) host_quotes += t.posts[0].quotes.size();
    EXPECT_EQ(host_quotes, quotes);  // the parser passes on every span the renderer made
}

}  // namespace
