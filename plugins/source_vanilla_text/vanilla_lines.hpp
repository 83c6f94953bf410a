// The metadata lines of a Vanilla Forums (MyFitnessPal community) page
// copied as text, each recognized by a Spirit X3 grammar in
// vanilla_lines.cpp: author lines ("Posts: 1,234 Member"), like counts alone
// or glued to a post's last line ("Upper or lower?0", "...work.0 -"),
// counts ("1,234", "1.2K"), the sidebar's category entries
// ("- 1.4M Health, Wellness and Goals"), pagination ("« 1 2 3 »") and the
// dates some copies show under an author.
//
// Every function takes one line (trailing blanks already removed) and
// matches the whole line or nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fkb::seedsrc::vanilla {

/// An author's statistics line: "Posts: 40 Member", "Posts: 1,234 Community
/// Manager", or glued after the name as "name Posts: 40 Member".
struct PostsLine {
    std::optional<std::string> author;  ///< set when the name shares the line
    int64_t post_count = 0;
    std::optional<std::string> role;    ///< "Member", "Moderator", "Staff", ...
};

/// Parses an author statistics line.
std::optional<PostsLine> parse_posts_line(std::string_view line);

/// A count as the page prints it: "12", "1,234", "1.2K", "3M".
std::optional<int64_t> parse_count(std::string_view text);

/// The end of a post's last line: a like count glued to the text and, when
/// the next list item's "-" was copied onto the same line, a separator.
struct LikeTail {
    std::string_view text;        ///< the line without the count, trimmed
    std::optional<int64_t> likes; ///< the count, when the line ends with one
    bool separator = false;       ///< the line ended with "<count> -"
};

/// Splits a like count off the end of a line. The count is the run of
/// digits the line ends with, except that when the run follows a decimal
/// point or comma that follows a digit ("ran 2.50"), only the last digit is
/// the count: the text's own number stays ("ran 2.5", likes 0).
LikeTail split_like_tail(std::string_view line);

/// A sidebar category entry with its size: "- 1.4M Health, Wellness and
/// Goals", "- 430 Sleep, Mindfulness and Overall Wellness".
bool is_category_entry(std::string_view line);

/// A pagination line: "« 1 2 3 »", "Previous 1 2 Next", "1 2 … 9 Next »",
/// "Page 2 of 5". A lone number is not pagination (it is a like count).
bool is_pagination(std::string_view line);

/// A date or age line under an author: "March 2019", "March 12, 2019",
/// "March 12, 2019 4:15PM", "edited May 3", "3 days ago".
bool is_date_line(std::string_view line);

}  // namespace fkb::seedsrc::vanilla
