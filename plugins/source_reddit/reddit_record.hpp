// RedditRecord: one submission or comment as the Reddit dumps describe it,
// whatever the file format (Pushshift NDJSON or a CSV listing export).
//
// The strings are views into what the record was read from (the decoder's
// buffers, a CSV row): valid until the next record is read, which is all
// the parser needs, and nothing is copied before the post is built.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fkb::dumps {

struct RedditRecord {
    enum class Kind { Submission, Comment };
    Kind kind = Kind::Submission;
    std::string_view id;                        ///< base36, without the t1_/t3_ prefix
    std::string_view link_id;                   ///< comments: the submission id, without t3_
    std::optional<std::string_view> parent_id;  ///< comments: the parent's id, without prefix
    std::optional<std::string_view> title, body;  ///< body: selftext or comment body (markdown)
    std::optional<std::string_view> subreddit, link_flair, author, author_flair, permalink, url;
    std::optional<int64_t> score, created_utc;
    std::optional<std::string> created_iso;  ///< a date written as text (CSV exports)

    void clear() { *this = RedditRecord{}; }
};

/// "t3_abc" -> "abc"; an id without a type prefix is returned as it is.
std::string_view strip_fullname(std::string_view id);

/// True for bodies Reddit shows in place of a deleted or removed text.
bool is_deleted_body(std::string_view body);

}  // namespace fkb::dumps
