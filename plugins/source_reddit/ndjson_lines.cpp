// NDJSON lines read in place (see ndjson_lines.hpp).
#include "ndjson_lines.hpp"

#include <algorithm>
#include <cstring>

namespace fkb::dumps {

namespace {
constexpr size_t kBuffer = 256 << 10;  // bytes of data; grows for a longer line
}

NdjsonLines::NdjsonLines(GuardedInput& input, std::string_view head, size_t padding)
    : input_(input), padding_(padding), buf_(std::max(kBuffer, head.size()) + padding, ' ') {
    std::memcpy(buf_.data(), head.data(), head.size());
    end_ = head.size();
}

bool NdjsonLines::fill() {
    if (eof_) return false;
    if (begin_ > 0) {  // keep the unread part at the front
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        base_ += static_cast<int64_t>(begin_);
        end_ -= begin_;
        scanned_ -= begin_;
        begin_ = 0;
    }
    size_t data = buf_.size() - padding_;
    if (end_ == data) {  // one line fills the buffer: make room
        buf_.resize(2 * data + padding_, ' ');
        data = buf_.size() - padding_;
    }
    size_t got = 0;
    while (end_ < data) {
        size_t n = input_.read(buf_.data() + end_, data - end_);
        if (n == 0) {
            eof_ = true;
            break;
        }
        end_ += n;
        got += n;
    }
    return got > 0;
}

bool NdjsonLines::next(std::string_view& line, size_t& capacity) {
    for (;;) {
        if (scanned_ < begin_) scanned_ = begin_;
        const void* nl = std::memchr(buf_.data() + scanned_, '\n', end_ - scanned_);
        size_t stop;  // end of the line's bytes; the next line starts after it
        size_t next;
        if (nl) {
            stop = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data());
            next = stop + 1;
        } else {
            scanned_ = end_;
            if (fill()) continue;
            if (begin_ == end_) return false;
            stop = next = end_;  // the last line, without "\n"
        }
        size_t start = begin_;
        begin_ = scanned_ = next;
        ++line_number_;
        line_offset_ = base_ + static_cast<int64_t>(start);
        if (stop > start && buf_[stop - 1] == '\r') --stop;
        buf_[stop] = '\0';  // within the data or the padding
        line = std::string_view(buf_.data() + start, stop - start);
        capacity = buf_.size() - start;
        return true;
    }
}

}  // namespace fkb::dumps
