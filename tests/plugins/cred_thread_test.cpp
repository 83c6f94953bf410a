// The credibility extractor over whole threads written for this test:
// endorsement targets (quote, reply parent, name, previous post), platform
// signals per source with their page-side evidence ("Lv 7"), quoted text
// not counted as the quoting author's claim, the opening post's own
// complaint not counted as experience, and the formula ranking the coach
// of a thread first.
#include "cred_support.hpp"

#include <forumkb/credibility.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace fkb::cred::testing {
namespace {

std::vector<Fact> of_kind(const std::vector<Fact>& facts, std::string_view kind, uint32_t post) {
    std::vector<Fact> out;
    for (const auto& f : facts)
        if (f.kind == kind && f.evidence.post == post) out.push_back(f);
    return out;
}

std::vector<Fact> platform(const std::vector<Fact>& facts, uint32_t post) {
    std::vector<Fact> out;
    for (const auto& f : of_kind(facts, "credibility", post))
        if (attr(f, "signal") == "platform") out.push_back(f);
    return out;
}

TEST(CredThread, EndorsementTargetsTheQuotedPost) {
    std::string quoted = "Check your shoes first, worn soles cause this.";
    Post reply = post("r3", "cam", quoted + "\nI agree with this, new shoes fixed mine.");
    reply.quotes.push_back({0, quoted.size(), "r1"});
    ThreadFixture fx(thread("test", {post("op", "ann", "My shins hurt after running."), post("r1", "bea", quoted),
                                     post("r2", "dan", "Could be your pace."), reply}));
    auto e = of_kind(fx.facts(), "endorsement", 3);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(attr(e[0], "target_post"), "1");
    EXPECT_EQ(attr(e[0], "stance"), "agree");
    EXPECT_EQ(attr(e[0], "target_found_by"), "quote");
    EXPECT_EQ(fx.evidence(e[0]), "I agree with this");
}

TEST(CredThread, QuotedClaimsAreNotTheQuotingAuthors) {
    std::string quoted = "I coach runners and I had this problem.";
    Post reply = post("r2", "cam", quoted + "\nThanks, that helps.");
    reply.quotes.push_back({0, quoted.size(), "r1"});
    ThreadFixture fx(thread("test", {post("op", "ann", "Sore calves."), post("r1", "bea", quoted), reply}));
    auto facts = fx.facts();
    EXPECT_EQ(of_kind(facts, "credibility", 1).size(), 2u);
    EXPECT_TRUE(of_kind(facts, "credibility", 2).empty());
}

TEST(CredThread, EndorsementTargetsTheParentThenTheNamedAuthorThenThePreviousPost) {
    Post by_parent = post("r3", "eve", "+1");
    by_parent.parent_id = "r1";
    ThreadFixture fx(thread("test", {post("op", "ann", "Hip pain."), post("r1", "Bea", "Stretch your hip flexors."),
                                     post("r2", "dan", "Rest for a week."), by_parent,
                                     post("r4", "fay", "What Bea said."), post("r5", "gus", "That's a myth.")}));
    auto facts = fx.facts();
    auto parent = of_kind(facts, "endorsement", 3);
    ASSERT_EQ(parent.size(), 1u);
    EXPECT_EQ(attr(parent[0], "target_post"), "1");
    EXPECT_EQ(attr(parent[0], "target_found_by"), "parent");
    auto named = of_kind(facts, "endorsement", 4);
    ASSERT_EQ(named.size(), 1u);
    EXPECT_EQ(attr(named[0], "target_post"), "1");
    EXPECT_EQ(attr(named[0], "target_found_by"), "name");
    auto previous = of_kind(facts, "endorsement", 5);
    ASSERT_EQ(previous.size(), 1u);
    EXPECT_EQ(attr(previous[0], "target_post"), "4");
    EXPECT_EQ(attr(previous[0], "stance"), "disagree");
    EXPECT_EQ(attr(previous[0], "target_found_by"), "previous");
}

TEST(CredThread, TheOpeningPostsComplaintIsNotExperience) {
    ThreadFixture fx(thread("test", {post("op", "ann", "I have this problem every time I run. Ideas?"),
                                     post("r1", "bea", "I have this problem too."),
                                     post("r2", "ann", "Thanks! I still have this problem though.")}));
    auto facts = fx.facts();
    EXPECT_TRUE(of_kind(facts, "credibility", 0).empty());
    EXPECT_TRUE(of_kind(facts, "credibility", 2).empty()) << "the asker replying is still the asker";
    auto r = of_kind(facts, "credibility", 1);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(attr(r[0], "basis"), "same_problem");
    EXPECT_EQ(attr(r[0], "author"), "bea");
}

double number(const Fact& f, std::string_view key) { return std::stod(attr(f, key)); }

TEST(CredThread, ExperienceSaysWhetherTheOutcomeIsReported) {
    ThreadFixture fx(thread("test", {post("op", "ann", "My heel hurts every morning."),
                                     post("r1", "bea", "I had this problem last year. Calf stretches fixed it completely."),
                                     post("r2", "cal", "I had the same issue, no idea what to do."),
                                     post("r3", "dee", "Same thing happened to me and rest didn't help at all.")}));
    auto facts = fx.facts();
    auto outcome_of = [&](uint32_t p) {
        auto f = of_kind(facts, "credibility", p);
        return f.size() == 1 ? attr(f[0], "outcome_reported") + "/" + attr(f[0], "outcome") : std::string("?");
    };
    EXPECT_EQ(outcome_of(1), "true/resolved");
    EXPECT_EQ(outcome_of(2), "false/");
    EXPECT_EQ(outcome_of(3), "true/no_effect");
}

TEST(CredThread, YahooLevelsBecomePlatformFactsWithPageEvidence) {
    Post top = post("a1", ".", "Roll your calves.");
    top.level = 7;
    Post low = post("a2", "Kim", "Try ice.");
    low.level = 1;
    Post anon = post("a3", "Anonymous", "New shoes.");
    ThreadFixture fx(thread("yahoo_answers", {post("q", "Anonymous", "Calf pain?"), top, low, anon}));
    auto facts = fx.facts();
    auto p = platform(facts, 1);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].evidence_text, "Lv 7");
    EXPECT_EQ(fx.evidence(p[0]), "Lv 7");
    EXPECT_EQ(p[0].evidence.start, 0u);
    EXPECT_EQ(p[0].evidence.end, 0u);
    EXPECT_EQ(attr(p[0], "basis"), "level");
    EXPECT_EQ(attr(p[0], "value"), "Yahoo Answers level 7 of 7");
    EXPECT_EQ(attr(p[0], "weight"), "0.2");
    EXPECT_EQ(attr(p[0], "standing"), "0.2");
    EXPECT_EQ(attr(p[0], "reception"), "0");
    EXPECT_EQ(p[0].label, "platform: Yahoo Answers level 7 of 7");
    EXPECT_TRUE(platform(facts, 2).empty()) << "level 1 is the bottom of the scale";
    EXPECT_TRUE(platform(facts, 3).empty());
}

TEST(CredThread, OnePlatformFactPerPostSummarizesItsSignals) {
    Post newcomer = post("p0", "newbie", "Back hurts.");
    newcomer.post_count = 40;
    newcomer.role = "Member";
    Post mod = post("p1", "modder", "See the pinned thread.");
    mod.post_count = 5000;
    mod.role = "Moderator";
    mod.likes = 5;
    ThreadFixture fx(thread("vanilla", {newcomer, mod}));
    auto facts = fx.facts();
    EXPECT_TRUE(platform(facts, 0).empty()) << "40 posts is a newcomer, Member is no role: nothing worth stating";
    auto p = platform(facts, 1);
    ASSERT_EQ(p.size(), 1u) << "one fact for the post count, the role and the likes";
    EXPECT_EQ(attr(p[0], "basis"), "post_count,role,likes");
    EXPECT_EQ(attr(p[0], "value"), "5000 posts; forum moderator; 5 likes");
    EXPECT_EQ(p[0].evidence_text, "Posts: 5000, Moderator, 5 likes");
    const double posts = 0.12 * (std::log10(5000.0) - 2) / 2;
    EXPECT_NEAR(number(p[0], "standing"), posts + 0.15, 0.001);
    EXPECT_DOUBLE_EQ(number(p[0], "reception"), 0.04);
    EXPECT_NEAR(number(p[0], "weight"), posts + 0.15 + 0.04, 0.002);
}

TEST(CredThread, StackExchangeReputationAndAcceptedAnswer) {
    Post q = post("1", "asker", "Knee pain cycling?");
    Post a = post("2", "fitter", "Raise your saddle.");
    a.reputation = 100000;
    a.accepted = true;
    a.score = 10;
    ThreadFixture fx(thread("stackexchange", {q, a}));
    auto p = platform(fx.facts(), 1);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(attr(p[0], "basis"), "reputation,score,accepted");
    EXPECT_EQ(attr(p[0], "value"), "Stack Exchange reputation 100000; score 10; accepted answer");
    EXPECT_DOUBLE_EQ(number(p[0], "standing"), 0.2);
    EXPECT_DOUBLE_EQ(number(p[0], "reception"), 0.04 + 0.08);
}

TEST(CredThread, FlairNamingAProfessionCountsMoreThanOtherFlair) {
    Post pt = post("a", "u1", "Load the tendon slowly.");
    pt.flair = "Physical Therapist (verified)";
    Post fan = post("b", "u2", "Ice it.");
    fan.flair = "Marathon fan; 3:05 PR";
    ThreadFixture fx(thread("reddit", {post("q", "u0", "Achilles pain"), pt, fan}));
    auto facts = fx.facts();
    auto a = platform(facts, 1), b = platform(facts, 2);
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_GT(number(a[0], "weight"), number(b[0], "weight"));
    EXPECT_EQ(attr(b[0], "value"), "flair \"Marathon fan, 3:05 PR\"") << "a ';' of the user's flair is not a separator";
}

TEST(CredThread, PlatformStandingCountsOncePerAuthorAndReceptionAddsUp) {
    // Three posts by one level-7 author, each with likes; another level-7 author once.
    std::vector<Post> posts{post("q", "Anonymous", "Shin pain?")};
    for (int i = 0; i < 3; ++i) {
        Post p = post("r" + std::to_string(i), "Vet", "Ice and rest.");
        p.level = 7;
        p.likes = 1;
        posts.push_back(p);
    }
    Post other = post("o", "Lee", "Rest.");
    other.level = 7;
    posts.push_back(other);
    ThreadFixture fx(thread("yahoo_answers", posts));
    auto facts = fx.facts();
    std::vector<FactRecord> records;
    for (const auto& f : facts) records.push_back(FactRecord{"extractor_credibility", f});
    auto w = credibility::post_weights(fx.thread(), records);
    ASSERT_EQ(w.size(), 5u);
    EXPECT_DOUBLE_EQ(w[4].weight, 0.1 + 0.2) << "level 7 alone";
    const double like = std::round(0.08 * 1.0 / 6.0 * 1000) / 1000;
    EXPECT_NEAR(w[1].weight, 0.1 + 0.2 + 3 * like, 0.0015) << "the level once, the likes of three posts";
    EXPECT_EQ(w[1].reasons, "Yahoo Answers level 7 of 7; 1 like") << "each reason once";
    EXPECT_EQ(w[1].weight, w[3].weight);
}

TEST(CredThread, TheCoachOfTheThreadWeighsMost) {
    // A thread shaped like a forum answer page: a newcomer asks, replies of
    // different credibility answer; the coach must come first.
    Post op = post("0", "newbie", "My lower back aches after a short run. Any advice?");
    op.post_count = 12;
    ThreadFixture fx(thread(
        "vanilla",
        {op, post("1", std::nullopt, "Upper or lower back?"),
         post("2", std::nullopt, "I used to run marathons and had this problem. Strengthen your core."),
         post("3", std::nullopt, "Probably your shoes."),
         post("4", std::nullopt, "I had the same issue, planks fixed it."),
         post("5", std::nullopt, "Probably your shoes.\nI agree with this."),
         post("6", std::nullopt,
              "Build mileage slowly and work on form. I ran all through high school and on scholarship in college "
              "and now I coach runners.")}));
    auto facts = fx.facts();
    std::vector<FactRecord> records;
    for (const auto& f : facts) records.push_back(FactRecord{"extractor_credibility", f});
    auto w = credibility::post_weights(fx.thread(), records);
    ASSERT_EQ(w.size(), 7u);
    for (size_t i = 0; i < 6; ++i) EXPECT_GT(w[6].weight, w[i].weight) << "post " << i;
    EXPECT_EQ(w[6].reasons, "coaches runners; competitive runner in high school and college");
    EXPECT_EQ(w[0].reasons, "newcomer (12 posts)");
}

}  // namespace
}  // namespace fkb::cred::testing
