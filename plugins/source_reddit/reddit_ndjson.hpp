// Decoding one line of a Pushshift-style NDJSON dump with simdjson On-Demand.
//
// A line is a submission (it has "title", or a "name" starting with t3_) or
// a comment (it has "link_id" / "body"). Fields may be missing or null;
// created_utc is a number in recent dumps and a string in old ones; score
// likewise. Unknown fields are skipped without being parsed.
#pragma once

#include "reddit_record.hpp"

#include <memory>
#include <string>

namespace fkb::dumps {

class RedditJsonDecoder {
public:
    RedditJsonDecoder();
    ~RedditJsonDecoder();
    /// Decodes `line`; its buffer must have at least `capacity` bytes
    /// allocated (simdjson reads up to 64 bytes past the end). Returns
    /// false with `error` set on a malformed line or one that is neither a
    /// submission nor a comment.
    bool decode(const char* line, size_t len, size_t capacity, RedditRecord& out, std::string& error);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fkb::dumps
