// Small pieces every dump parser needs: how a parser reports a bad record,
// timestamps to ISO-8601, and integers parsed from text without exceptions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace fkb::dumps {

/// A record set aside: where (1-based line, 0 unknown; byte offset, -1
/// unknown), why (one line, without the file name: the host adds it) and a
/// short excerpt of the record.
struct Reject {
    uint64_t line = 0;
    int64_t offset = -1;
    std::string reason;
    std::string excerpt;
};

/// Where a parser sends its rejects.
using RejectFn = std::function<void(const Reject&)>;

/// Seconds since the Unix epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string iso_from_epoch(int64_t seconds);
/// The same into `out` (replaced, its buffer reused).
void iso_from_epoch(int64_t seconds, std::string& out);
/// "2019-03-04T10:15:22.123" (Stack Exchange, no zone: UTC) or
/// "2019-03-04 10:15:22" as "2019-03-04T10:15:22Z"; a value that already has
/// a zone, or is not a date-time, is returned unchanged.
std::string normalize_iso(std::string_view s);
/// A decimal integer (optional sign, surrounding blanks allowed); a decimal
/// fraction is truncated ("1672531200.0" -> 1672531200). nullopt otherwise.
std::optional<int64_t> parse_int(std::string_view s);
/// The first `max` bytes of s, cut at a UTF-8 character boundary, for excerpts.
std::string excerpt(std::string_view s, size_t max = 120);

}  // namespace fkb::dumps
