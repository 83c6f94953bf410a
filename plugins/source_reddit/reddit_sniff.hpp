// Recognizing Reddit dumps: Pushshift NDJSON and CSV listing exports.
#pragma once

#include <string_view>

namespace fkb::dumps {

/// 0.95 for NDJSON whose first record has Reddit's fields (subreddit plus
/// link_id, selftext or title); 0.85 for a CSV header with Reddit's columns;
/// 0.5 for a Pushshift file name (RS_*, RC_*, *_submissions, *_comments)
/// alone; else 0.
double sniff_reddit(std::string_view head, std::string_view file_name);

}  // namespace fkb::dumps
