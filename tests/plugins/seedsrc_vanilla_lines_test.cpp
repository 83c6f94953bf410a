// Unit tests of the Vanilla page line grammars (vanilla_lines.hpp): author
// statistics lines, counts, like counts alone or glued, sidebar category
// entries, pagination and dates, with the nasty cases a copied page has.
#include "vanilla_lines.hpp"

#include <gtest/gtest.h>

using namespace fkb::seedsrc::vanilla;

TEST(SeedsrcVanillaLines, PostsLineMember) {
    auto p = parse_posts_line("Posts: 40 Member");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->post_count, 40);
    EXPECT_EQ(p->role, "Member");
    EXPECT_FALSE(p->author);
}

TEST(SeedsrcVanillaLines, PostsLineThousandsAndMultiWordRoles) {
    auto p = parse_posts_line("Posts: 1,234 Member");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->post_count, 1234);
    p = parse_posts_line("Posts: 12,345,678 Community Manager");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->post_count, 12345678);
    EXPECT_EQ(p->role, "Community Manager");
    EXPECT_EQ(parse_posts_line("Posts: 8,451 Moderator")->role, "Moderator");
    EXPECT_EQ(parse_posts_line("Posts: 15,002 MFP Staff")->role, "MFP Staff");
    EXPECT_EQ(parse_posts_line("Posts: 3 Staff")->role, "Staff");
    EXPECT_EQ(parse_posts_line("Posts:7 Member")->post_count, 7);
    EXPECT_EQ(parse_posts_line("Posts: 1.2K Member")->post_count, 1200);
}

TEST(SeedsrcVanillaLines, PostsLineWithoutRoleOrWithGluedAuthor) {
    auto p = parse_posts_line("Posts: 12");
    ASSERT_TRUE(p);
    EXPECT_FALSE(p->role);
    p = parse_posts_line("coach_dale Posts: 8,451 Moderator");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->author, "coach_dale");
    EXPECT_EQ(p->post_count, 8451);
}

TEST(SeedsrcVanillaLines, PostsLineRejectsNearMisses) {
    EXPECT_FALSE(parse_posts_line("Posts: 1,23 Member"));     // bad thousands group
    EXPECT_FALSE(parse_posts_line("Posts: many Member"));     // no count
    EXPECT_FALSE(parse_posts_line("Posts: 40 Member!"));      // not a role
    EXPECT_FALSE(parse_posts_line("posts: 40 Member"));       // case matters
    EXPECT_FALSE(parse_posts_line("Posts: 40 \xC3\xA9lite")); // role words are ASCII
    EXPECT_FALSE(parse_posts_line(" Posts: 40 Member"));      // no name before the label
    EXPECT_FALSE(parse_posts_line("I read 40 Posts: great"));
    EXPECT_FALSE(parse_posts_line(""));
}

TEST(SeedsrcVanillaLines, Counts) {
    EXPECT_EQ(parse_count("0"), 0);
    EXPECT_EQ(parse_count("12"), 12);
    EXPECT_EQ(parse_count("1,234"), 1234);
    EXPECT_EQ(parse_count("1.4M"), 1400000);
    EXPECT_EQ(parse_count("393.8K"), 393800);
    EXPECT_FALSE(parse_count("12a"));
    EXPECT_FALSE(parse_count("1,2"));
    EXPECT_FALSE(parse_count(""));
    EXPECT_FALSE(parse_count("99999999999999999999999"));  // overflow is not a count
}

TEST(SeedsrcVanillaLines, LikeCountGlued) {
    auto t = split_like_tail("Upper or lower?0");
    EXPECT_EQ(t.text, "Upper or lower?");
    EXPECT_EQ(t.likes, 0);
    EXPECT_FALSE(t.separator);
    t = split_like_tail("some leg accessory work.0 -");
    EXPECT_EQ(t.text, "some leg accessory work.");
    EXPECT_EQ(t.likes, 0);
    EXPECT_TRUE(t.separator);
    t = split_like_tail("too many miles12");
    EXPECT_EQ(t.text, "too many miles");
    EXPECT_EQ(t.likes, 12);
}

TEST(SeedsrcVanillaLines, LikeCountAloneAndWithSeparator) {
    auto t = split_like_tail("0");
    EXPECT_EQ(t.text, "");
    EXPECT_EQ(t.likes, 0);
    t = split_like_tail("25 -");
    EXPECT_EQ(t.text, "");
    EXPECT_EQ(t.likes, 25);
    EXPECT_TRUE(t.separator);
}

TEST(SeedsrcVanillaLines, LikeCountNastyCases) {
    // The text's own decimal keeps its digits; only the last one is the count.
    auto t = split_like_tail("about 2.50");
    EXPECT_EQ(t.text, "about 2.5");
    EXPECT_EQ(t.likes, 0);
    // No digits at the end: nothing to take.
    t = split_like_tail("running long - and not injured!!");
    EXPECT_EQ(t.text, "running long - and not injured!!");
    EXPECT_FALSE(t.likes);
    EXPECT_FALSE(t.separator);
    // A dash without a count before it is text, not a separator.
    t = split_like_tail("see you there -");
    EXPECT_FALSE(t.likes);
    EXPECT_FALSE(t.separator);
    // Emoji before the count.
    t = split_like_tail("great run \xF0\x9F\x91\x8B" "3");
    EXPECT_EQ(t.text, "great run \xF0\x9F\x91\x8B");
    EXPECT_EQ(t.likes, 3);
    // Absurdly long digit runs are not a count.
    t = split_like_tail("id 123456789012345678901234567890");
    EXPECT_FALSE(t.likes);
}

TEST(SeedsrcVanillaLines, CategoryEntries) {
    EXPECT_TRUE(is_category_entry("- 1.4M Health, Wellness and Goals"));
    EXPECT_TRUE(is_category_entry("- 430 Sleep, Mindfulness and Overall Wellness"));
    EXPECT_TRUE(is_category_entry("- 2.6K MyFitnessPal Tech Support Questions"));
    EXPECT_FALSE(is_category_entry("- All Categories"));  // no size: the list's head
    EXPECT_FALSE(is_category_entry("-"));
    EXPECT_FALSE(is_category_entry("1.4M Health"));
    EXPECT_FALSE(is_category_entry("- squats and lunges"));
}

TEST(SeedsrcVanillaLines, Pagination) {
    EXPECT_TRUE(is_pagination("\xC2\xAB 1 2 \xC2\xBB"));
    EXPECT_TRUE(is_pagination("Previous 1 2 3 Next"));
    EXPECT_TRUE(is_pagination("1 2 \xE2\x80\xA6 9 Next \xC2\xBB"));
    EXPECT_TRUE(is_pagination("Page 2 of 5"));
    EXPECT_TRUE(is_pagination("Next"));
    EXPECT_FALSE(is_pagination("0"));  // a like count
    EXPECT_FALSE(is_pagination("12"));
    EXPECT_FALSE(is_pagination("Next time try hills"));
}

TEST(SeedsrcVanillaLines, Dates) {
    EXPECT_TRUE(is_date_line("March 2019"));
    EXPECT_TRUE(is_date_line("March 4, 2021 7:02AM"));
    EXPECT_TRUE(is_date_line("Sept 12, 2019"));
    EXPECT_TRUE(is_date_line("edited May 3"));
    EXPECT_TRUE(is_date_line("3 days ago"));
    EXPECT_TRUE(is_date_line("an hour ago"));
    EXPECT_FALSE(is_date_line("May I ask something"));
    EXPECT_FALSE(is_date_line("March"));
    EXPECT_FALSE(is_date_line("3 miles ago"));
}
