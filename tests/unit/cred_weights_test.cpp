// The credibility formula (fkb::credibility::post_weights, docs/credibility.md)
// on hand-made facts: the ordering it promises (expertise over platform
// level over likes), the caps on self-claims, endorsements and disputes,
// authors spread over several posts, anonymous posts, and readable reasons.
#include <forumkb/credibility.hpp>

#include <gtest/gtest.h>

namespace {

using fkb::FactRecord;
using fkb::Thread;

Thread make_thread(std::vector<std::optional<std::string>> authors) {
    Thread t;
    t.source = "test";
    t.thread_id = "w";
    for (size_t i = 0; i < authors.size(); ++i) {
        fkb::Post p;
        p.post_id = "p" + std::to_string(i);
        p.author = authors[i];
        p.text = "some text of the post";
        t.posts.push_back(p);
    }
    return t;
}

FactRecord signal(uint32_t post, std::string sig, std::string basis, std::string value, double weight) {
    FactRecord r;
    r.plugin = "extractor_credibility";
    r.fact.kind = "credibility";
    r.fact.evidence = fkb_evidence{post, 0, 4, 0};
    r.fact.set("signal", std::move(sig)).set("basis", std::move(basis)).set("value", std::move(value));
    r.fact.set_double("weight", weight);
    return r;
}

FactRecord endorsement(uint32_t post, uint32_t target, std::string stance = "agree") {
    FactRecord r;
    r.plugin = "extractor_credibility";
    r.fact.kind = "endorsement";
    r.fact.evidence = fkb_evidence{post, 0, 4, 0};
    r.fact.set_int("target_post", target).set("stance", std::move(stance));
    return r;
}

FactRecord platform(uint32_t post, std::string bases, std::string value, double standing, double reception) {
    FactRecord r = signal(post, "platform", std::move(bases), std::move(value), standing + reception);
    r.fact.set_double("standing", standing).set_double("reception", reception);
    return r;
}

TEST(CredWeights, PlatformSummariesCountStandingOnceAndAddReception) {
    auto t = make_thread({"vet", "other", "vet", "vet"});
    auto w = fkb::credibility::post_weights(
        t, {platform(0, "level,likes", "Yahoo Answers level 7 of 7; 5 likes", 0.2, 0.04),
            platform(2, "level,likes", "Yahoo Answers level 7 of 7; 2 likes", 0.2, 0.02),
            platform(3, "level", "Yahoo Answers level 7 of 7", 0.2, 0),
            signal(3, "experience", "same_problem", "had the same problem", 0.12)});
    EXPECT_DOUBLE_EQ(w[0].weight, 0.1 + 0.12 + 0.2 + 0.04 + 0.02) << "the level once, the likes of both posts";
    EXPECT_EQ(w[0].reasons, "had the same problem; Yahoo Answers level 7 of 7; 5 likes; 2 likes")
        << "what the author says first, then the forum's standing, then the reception";
    EXPECT_DOUBLE_EQ(w[1].weight, 0.1);
    // Standing over the cap counts up to the cap; reception with endorsements up to its own.
    auto capped = fkb::credibility::post_weights(
        make_thread({"mod"}), {platform(0, "post_count,reputation,role", "9000 posts; reputation 90000; forum moderator", 0.5, 0)});
    EXPECT_DOUBLE_EQ(capped[0].weight, 0.1 + 0.2);
}

TEST(CredWeights, OnePerPostInOrderAndBaseWithoutSignals) {
    auto t = make_thread({"a", "b", std::nullopt});
    auto w = fkb::credibility::post_weights(t, {});
    ASSERT_EQ(w.size(), 3u);
    for (uint32_t i = 0; i < 3; ++i) {
        EXPECT_EQ(w[i].post, i);
        EXPECT_DOUBLE_EQ(w[i].weight, 0.1);
    }
    EXPECT_EQ(w[0].author, "a");
    EXPECT_EQ(w[2].author, "");
    EXPECT_EQ(w[0].reasons, "no signals");
    EXPECT_EQ(w[2].reasons, "anonymous, no signals");
}

TEST(CredWeights, ExpertiseOutweighsPlatformLevelWhichOutweighsLikes) {
    auto t = make_thread({"coach", "veteran", "liked"});
    auto w = fkb::credibility::post_weights(
        t, {signal(0, "expertise", "coaching", "coaches runners", 0.35),
            signal(1, "platform", "level", "Yahoo Answers level 7 of 7", 0.20),
            signal(2, "platform", "likes", "40 likes", 0.07)});
    EXPECT_GT(w[0].weight, w[1].weight);
    EXPECT_GT(w[1].weight, w[2].weight);
    EXPECT_DOUBLE_EQ(w[0].weight, 0.45);
    EXPECT_DOUBLE_EQ(w[1].weight, 0.30);
    EXPECT_DOUBLE_EQ(w[2].weight, 0.17);
}

TEST(CredWeights, SelfClaimsAreCapped) {
    auto t = make_thread({"boaster"});
    std::vector<FactRecord> f;
    for (const char* v : {"doctor", "surgeon", "physical therapist", "nurse", "coaches runners"})
        f.push_back(signal(0, "expertise", "profession", v, 0.4));
    for (const char* v : {"had the same problem", "been there", "had shin splints"})
        f.push_back(signal(0, "experience", "same_problem", v, 0.12));
    auto w = fkb::credibility::post_weights(t, f);
    EXPECT_DOUBLE_EQ(w[0].weight, 0.1 + 0.5 + 0.2);
    // Four plain reports ("I had this problem", 0.12 each) outweigh the boaster together.
    EXPECT_LT(w[0].weight, 4 * (0.1 + 0.12));
    // One claim alone is outweighed by three plain reports.
    auto one = fkb::credibility::post_weights(t, {signal(0, "expertise", "profession", "doctor", 0.4)});
    EXPECT_LT(one[0].weight, 3 * (0.1 + 0.12));
}

TEST(CredWeights, TheSameSignalTwiceCountsOnceAndAuthorsSpanPosts) {
    auto t = make_thread({"ann", "bob", "ann"});
    auto w = fkb::credibility::post_weights(
        t, {signal(0, "platform", "level", "level 7", 0.2), signal(2, "platform", "level", "level 7", 0.2),
            signal(2, "expertise", "profession", "nurse", 0.35)});
    EXPECT_DOUBLE_EQ(w[0].weight, 0.1 + 0.2 + 0.35);
    EXPECT_DOUBLE_EQ(w[2].weight, w[0].weight);
    EXPECT_DOUBLE_EQ(w[1].weight, 0.1);
    EXPECT_EQ(w[0].reasons, "nurse; level 7");
}

TEST(CredWeights, AnonymousPostsAreEachTheirOwnAuthor) {
    auto t = make_thread({"Anonymous", "Anonymous", std::nullopt});
    auto w = fkb::credibility::post_weights(t, {signal(0, "expertise", "profession", "nurse", 0.35), endorsement(1, 0)});
    EXPECT_DOUBLE_EQ(w[0].weight, 0.1 + 0.35 + 0.04);
    EXPECT_DOUBLE_EQ(w[1].weight, 0.1);
    EXPECT_EQ(w[0].author, "");
}

TEST(CredWeights, EndorsementsFromOthersAddAndDisputesSubtract) {
    auto t = make_thread({"op", "x", "y", "z", "x"});
    auto w = fkb::credibility::post_weights(
        t, {endorsement(1, 0), endorsement(2, 0), endorsement(4, 0) /* x again */, endorsement(3, 1, "disagree")});
    EXPECT_DOUBLE_EQ(w[0].weight, 0.1 + 2 * 0.04);
    EXPECT_EQ(w[0].reasons, "agreed with by 2 other authors");
    EXPECT_DOUBLE_EQ(w[1].weight, 0.1 - 0.04);
    EXPECT_EQ(w[1].reasons, "disputed by 1 other author");
}

TEST(CredWeights, SelfEndorsementCountsNothing) {
    auto t = make_thread({"op", "op"});
    auto w = fkb::credibility::post_weights(t, {endorsement(1, 0)});
    EXPECT_DOUBLE_EQ(w[0].weight, 0.1);
}

TEST(CredWeights, ReasonsListStrongestFirstAndNewcomersAreNamed) {
    auto t = make_thread({"runner"});
    t.posts[0].post_count = 40;
    auto w = fkb::credibility::post_weights(
        t, {signal(0, "expertise", "competitive", "competitive runner in college", 0.25),
            signal(0, "expertise", "coaching", "coaches runners", 0.35),
            signal(0, "experience", "novice", "new runner", 0.0)});
    EXPECT_EQ(w[0].reasons, "coaches runners; competitive runner in college; new runner; newcomer (40 posts)");
    EXPECT_DOUBLE_EQ(w[0].weight, 0.6);
}

TEST(CredWeights, WeightsStayInUnitRangeAndIgnoreBadFacts) {
    auto t = make_thread({"a", "b"});
    std::vector<FactRecord> f;
    for (int i = 0; i < 20; ++i) f.push_back(signal(0, "platform", "likes", "likes " + std::to_string(i), 0.9));
    f.push_back(signal(7, "expertise", "profession", "nurse", 0.35));  // post out of range
    f.push_back(endorsement(1, 9));                                    // target out of range
    for (int i = 0; i < 5; ++i) f.push_back(endorsement(0, 1, "disagree"));
    auto w = fkb::credibility::post_weights(t, f);
    EXPECT_DOUBLE_EQ(w[0].weight, 0.2);
    EXPECT_DOUBLE_EQ(w[1].weight, 0.06);
    for (const auto& x : w) {
        EXPECT_GE(x.weight, 0.0);
        EXPECT_LE(x.weight, 1.0);
    }
}

}  // namespace
