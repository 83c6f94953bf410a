// JsonRecordReader: the records of a JSON export, one at a time.
//
// Two layouts are read as a stream: JSON lines (one value per line; a
// broken line costs that line only) and one top-level array (elements are
// cut out by a scanner that follows strings and nesting, so the array is
// never held whole; a broken element costs that element only). Each record
// comes with the line where it starts.
#pragma once

#include <forumkb/sdk.hpp>

#include <cstdint>
#include <string>

namespace fkb::dumps {

class JsonRecordReader {
public:
    enum class Result { Record, Error, End };

    explicit JsonRecordReader(sdk::Input& input, size_t max_record = 64u << 20);

    /// The next record's JSON text (padded for simdjson: capacity() exceeds
    /// size() by at least 64 bytes). Error: a record that could not be cut
    /// out (message in error_message()); call again to go on.
    Result next(std::string& text);
    uint64_t line() const noexcept { return line_; }
    int64_t offset() const noexcept { return offset_; }
    const std::string& error_message() const noexcept { return error_; }
    /// True when the input is one JSON array.
    bool array_layout() const noexcept { return array_; }

private:
    int get();   // next byte or -1, counting lines
    int peek();
    Result next_line(std::string& text);
    Result next_element(std::string& text);

    sdk::Input& input_;
    size_t max_record_;
    bool started_ = false, array_ = false, done_ = false;
    char buf_[1 << 16];
    size_t pos_ = 0, len_ = 0;
    uint64_t cur_line_ = 1;
    int64_t cur_offset_ = 0;
    uint64_t line_ = 0;
    int64_t offset_ = -1;
    std::string error_;
};

}  // namespace fkb::dumps
