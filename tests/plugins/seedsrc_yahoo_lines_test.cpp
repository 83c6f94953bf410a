// Unit tests of the Yahoo Answers line grammars (yahoo_lines.hpp) and of the
// category table (data/categories.tsv) that splits glued breadcrumbs.
#include "yahoo_categories.hpp"
#include "yahoo_lines.hpp"

#include <gtest/gtest.h>

using namespace fkb::seedsrc::yahoo;

TEST(SeedsrcYahooLines, AskedLine) {
    auto a = parse_asked_line("Anonymous asked in SportsRunning \xC2\xB7 1 month ago");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->author, "Anonymous");
    EXPECT_EQ(a->category, "SportsRunning");
    EXPECT_EQ(a->age, "1 month ago");
}

TEST(SeedsrcYahooLines, AskedLineNastyCases) {
    auto a = parse_asked_line("Dr Ana Lopez asked in HealthMen's Health \xC2\xB7 1 decade ago");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->author, "Dr Ana Lopez");
    EXPECT_EQ(a->category, "HealthMen's Health");
    EXPECT_EQ(a->age, "1 decade ago");
    a = parse_asked_line("Sam asked \xC2\xB7 4 hours ago");  // no breadcrumb
    ASSERT_TRUE(a);
    EXPECT_EQ(a->category, "");
    EXPECT_FALSE(parse_asked_line("Anonymous asked in SportsRunning"));       // no age
    EXPECT_FALSE(parse_asked_line(" asked in SportsRunning \xC2\xB7 1 month ago"));  // no asker
    EXPECT_FALSE(parse_asked_line("I asked in the shop \xE2\x80\xA2 yesterday"));  // not a middle dot
}

TEST(SeedsrcYahooLines, AnswerCountLevelAge) {
    EXPECT_EQ(parse_answer_count("3 Answers"), 3);
    EXPECT_EQ(parse_answer_count("1 Answer"), 1);
    EXPECT_EQ(parse_answer_count("12 Answers"), 12);
    EXPECT_FALSE(parse_answer_count("Answers"));
    EXPECT_FALSE(parse_answer_count("3 Answers please"));
    EXPECT_EQ(parse_level("Lv 7"), 7);
    EXPECT_EQ(parse_level("Lv 1"), 1);
    EXPECT_EQ(parse_level("Level 3"), 3);
    EXPECT_FALSE(parse_level("Lv"));
    EXPECT_FALSE(parse_level("Lvl 7"));
    EXPECT_FALSE(parse_level("Lv 700"));
    EXPECT_TRUE(is_age("1 month ago"));
    EXPECT_TRUE(is_age("2 weeks ago"));
    EXPECT_TRUE(is_age("an hour ago"));
    EXPECT_TRUE(is_age("1 decade ago"));
    EXPECT_TRUE(is_age("May 3, 2014"));
    EXPECT_FALSE(is_age("1 month"));
    EXPECT_FALSE(is_age("ago"));
    EXPECT_FALSE(is_age("My suggestions would be:"));
}

TEST(SeedsrcYahooLines, BulletsAndSources) {
    EXPECT_EQ(bullet_text("  \xE2\x80\xA2 Ashley"), "Ashley");
    EXPECT_EQ(bullet_text("\xE2\x80\xA2 ."), ".");
    EXPECT_EQ(bullet_text("\xE2\x80\xA2"), "");
    EXPECT_FALSE(bullet_text("Ashley"));
    EXPECT_FALSE(bullet_text("- Ashley"));
    EXPECT_EQ(parse_source_line("Source(s): running coach"), "running coach");
    EXPECT_EQ(parse_source_line("Source(s):"), "");
    EXPECT_FALSE(parse_source_line("Sources say so"));
}

TEST(SeedsrcYahooCategories, GluedBreadcrumbs) {
    const auto& table = CategoryTable::builtin();
    EXPECT_EQ(table.resolve("SportsRunning"), "Sports > Running");
    EXPECT_EQ(table.resolve("HealthDiet & Fitness"), "Health > Diet & Fitness");
    EXPECT_EQ(table.resolve("HealthMen's Health"), "Health > Men's Health");
    EXPECT_EQ(table.resolve("HealthGeneral Health CareInjuries"), "Health > General Health Care > Injuries");
    EXPECT_EQ(table.resolve("SportsOutdoor RecreationClimbing"), "Sports > Outdoor Recreation > Climbing");
    EXPECT_EQ(table.resolve("Sports"), "Sports");
    EXPECT_EQ(table.resolve("sportsrunning"), "Sports > Running");  // case and spaces folded
    EXPECT_EQ(table.resolve("Sports Running"), "Sports > Running");
    EXPECT_FALSE(table.resolve("SportsPickleball"));  // not in the table: no guess
    EXPECT_FALSE(table.resolve(""));
}

TEST(SeedsrcYahooCategories, DataFileIsSound) {
    const auto& table = CategoryTable::builtin();
    EXPECT_GT(table.size(), 250u);
    EXPECT_TRUE(table.ambiguous().empty()) << "two paths glue to " << table.ambiguous().front();
    CategoryTable custom("# comment\nA\tB\nAB\n");  // "A > B" and "AB" glue alike
    EXPECT_EQ(custom.ambiguous().size(), 1u);
}
