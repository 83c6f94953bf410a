// Quoted text across a thread: each case is a small thread; the expected
// quoted spans are given as (post, quoted text, source post, source text),
// checked against the original bytes of both posts.
#include <forumkb/text/analyzer.hpp>

#include <gtest/gtest.h>

namespace {

struct Quote {
    uint32_t post;
    const char* text;
    uint32_t source;
    const char* source_text;
};

struct Case {
    const char* name;
    std::vector<const char*> posts;
    std::vector<Quote> quotes;
};

const std::vector<Case> kCases = {
    {"reply repeats two sentences then agrees",
     {"My calves ache after every run.",
      "Nobody asked but here goes.",
      "Try wider shoes.",
      "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes.",
      "Thanks!",
      "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes.\nI agree with this.\nAlso rest more."},
     {{5, "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes.", 3,
       "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes."}}},
    {"near-exact: curly apostrophe, case and a fixed typo",
     {"Honestly you don't need fancy gear, just a decent pair of shoes and patience.",
      "honestly you don\u2019t need fancy gear, just a decent pair of running shoes and patience. So true."},
     {{1, "honestly you don\u2019t need fancy gear, just a decent pair of running shoes and patience.", 0,
       "Honestly you don't need fancy gear, just a decent pair of shoes and patience."}}},
    {"short shared phrase is not a quote",
     {"I think it is your shoes.", "I think it is your form."}, {}},
    {"quote in the middle of a reply",
     {"Rolling a frozen bottle under the arch every morning fixed my heel pain.",
      "You said: rolling a frozen bottle under the arch every morning fixed my heel pain - did you also stretch?"},
     {{1, "rolling a frozen bottle under the arch every morning fixed my heel pain", 0,
       "Rolling a frozen bottle under the arch every morning fixed my heel pain"}}},
    {"quote of a quote points at the original",
     {"Ease back into it with walk run intervals for the first two weeks.",
      "Ease back into it with walk run intervals for the first two weeks. Good call.",
      "Ease back into it with walk run intervals for the first two weeks. Agreed."},
     {{1, "Ease back into it with walk run intervals for the first two weeks.", 0,
       "Ease back into it with walk run intervals for the first two weeks."},
      {2, "Ease back into it with walk run intervals for the first two weeks.", 0,
       "Ease back into it with walk run intervals for the first two weeks."}}},
    {"first post quotes nothing", {"A single post with enough words to look like a clause, really."}, {}},
    {"two separate quotes from two posts",
     {"Strength work for the glutes takes care of most knee trouble in runners.",
      "Cadence around one hundred seventy steps a minute keeps you from overstriding.",
      "Strength work for the glutes takes care of most knee trouble in runners. And: cadence around one hundred seventy steps a minute keeps you from overstriding."},
     {{2, "Strength work for the glutes takes care of most knee trouble in runners.", 0,
       "Strength work for the glutes takes care of most knee trouble in runners."},
      {2, "cadence around one hundred seventy steps a minute keeps you from overstriding.", 1,
       "Cadence around one hundred seventy steps a minute keeps you from overstriding."}}},
    {"a later post is never the source",
     {"I agree completely.", "Running every single day without rest is how I got my stress fracture."},
     {}},
};

TEST(TextQuotes, Threads) {
    fkb::text::Analyzer a;
    for (const auto& c : kCases) {
        fkb::Thread t;
        for (const char* p : c.posts) {
            fkb::Post post;
            post.text = p;
            t.posts.push_back(post);
        }
        auto r = a.analyze_thread(t);
        ASSERT_EQ(r.size(), c.posts.size()) << c.name;
        std::vector<Quote> got;
        for (uint32_t i = 0; i < r.size(); ++i)
            for (const auto& q : r[i].quoted) {
                ASSERT_LT(q.source_post, i) << c.name;
                const std::string& text = t.posts[i].text;
                const std::string& src = t.posts[q.source_post].text;
                ASSERT_LE(q.span.end, text.size());
                ASSERT_LE(q.source_span.end, src.size());
                got.push_back(Quote{i, nullptr, q.source_post, nullptr});
                bool found = false;
                for (const auto& e : c.quotes)
                    if (e.post == i && e.source == q.source_post &&
                        text.substr(q.span.start, q.span.end - q.span.start) == e.text &&
                        src.substr(q.source_span.start, q.source_span.end - q.source_span.start) == e.source_text)
                        found = true;
                EXPECT_TRUE(found) << c.name << ": unexpected quote in post " << i << ": ["
                                   << text.substr(q.span.start, q.span.end - q.span.start) << "] from post " << q.source_post
                                   << ": [" << src.substr(q.source_span.start, q.source_span.end - q.source_span.start) << "]";
            }
        EXPECT_EQ(got.size(), c.quotes.size()) << c.name;
    }
}

}  // namespace
