// The metadata lines of a Yahoo Answers question page copied as text, each
// recognized by a Spirit X3 grammar in yahoo_lines.cpp: the asker's line
// ("Anonymous asked in SportsRunning · 1 month ago"), the answer count
// ("3 Answers"), an answerer's level ("Lv 7"), ages ("1 month ago",
// "1 decade ago"), answer bullets ("• Ashley") and "Source(s):" lines.
//
// Every function takes one line with its blanks trimmed and matches the
// whole line or nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace fkb::seedsrc::yahoo {

/// The asker's line. The breadcrumb's words come glued ("SportsRunning"):
/// resolve them with CategoryTable.
struct AskedLine {
    std::string_view author;    ///< "Anonymous"
    std::string_view category;  ///< "SportsRunning"; empty when the line has none
    std::string_view age;       ///< "1 month ago", as shown
};

/// Parses "NAME asked in CATEGORY · AGE" (or "NAME asked · AGE").
std::optional<AskedLine> parse_asked_line(std::string_view line);

/// "3 Answers", "1 Answer" -> the count.
std::optional<int64_t> parse_answer_count(std::string_view line);

/// "Lv 7", "Level 3" -> the level.
std::optional<int64_t> parse_level(std::string_view line);

/// An age as Yahoo shows it: "1 month ago", "an hour ago", "1 decade ago",
/// "just now", or a date "May 3, 2014".
bool is_age(std::string_view line);

/// "• Ashley" -> "Ashley" (the text after a bullet, trimmed; empty if none).
std::optional<std::string_view> bullet_text(std::string_view line);

/// "Source(s): my coach" -> "my coach" (may be empty when the source
/// follows on the next line).
std::optional<std::string_view> parse_source_line(std::string_view line);

}  // namespace fkb::seedsrc::yahoo
