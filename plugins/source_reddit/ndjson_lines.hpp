// NdjsonLines: the lines of an NDJSON stream, read in place.
//
// Lines are found (memchr) in a buffer of 256 kB, which the input is read
// into straight from the host's stream and which grows for a longer line,
// and handed out as pointers into it: a line is never copied before
// simdjson reads it. The buffer keeps simdjson's padding readable past
// every line. Like sdk::Input::read_line, a
// line loses its "\n" and a "\r" before it, a last line without "\n" counts,
// and line numbers and offsets describe the line returned. The byte after a
// line is set to '\0', as it is after a std::string's last character, so a
// line that breaks off (a number, "tru") reads the same as it did in one.
#pragma once

#include "dump_input.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace fkb::dumps {

class NdjsonLines {
public:
    /// Reads `input` after `head`, bytes already taken from it (they come first).
    NdjsonLines(GuardedInput& input, std::string_view head, size_t padding);

    /// The next line; false at the end of the input. `capacity` is the
    /// number of readable bytes from line.data() on (at least line.size()
    /// plus the padding).
    bool next(std::string_view& line, size_t& capacity);

    uint64_t line_number() const noexcept { return line_number_; }
    int64_t line_offset() const noexcept { return line_offset_; }

private:
    bool fill();

    GuardedInput& input_;
    size_t padding_;
    std::vector<char> buf_;  // data, then padding_ bytes
    size_t begin_ = 0, end_ = 0, scanned_ = 0;  // unread bytes [begin_, end_), no '\n' in [begin_, scanned_)
    int64_t base_ = 0;                           // stream offset of buf_[0]
    bool eof_ = false;
    uint64_t line_number_ = 0;
    int64_t line_offset_ = -1;
};

}  // namespace fkb::dumps
