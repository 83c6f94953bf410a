// CsvReader: RFC 4180 records from a byte stream, one record at a time.
//
// Fields are separated by a delimiter (',' or '\t'), records by LF or CRLF;
// a field in double quotes may hold delimiters, newlines and "" for a quote.
// The reader is lenient where spreadsheets are (a quote inside an unquoted
// field is text) and strict where data would be lost: a quote that is never
// closed, or a quoted field longer than max_record bytes, makes the record an
// error, and reading resumes on the line after the one where that record
// started, so one stray quote costs one record, not the rest of the file.
// Memory is bounded by max_record.
#pragma once

#include <forumkb/sdk.hpp>

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace fkb::dumps {

class CsvReader {
public:
    enum class Result { Record, Error, End };

    CsvReader(sdk::Input& input, char delimiter, size_t max_record = 8u << 20);

    /// Reads the next record into `fields`. Error: the record starting at
    /// line() is malformed (error_message() says why); call again to go on.
    Result next(std::vector<std::string>& fields);

    /// 1-based line where the last record (or error) started.
    uint64_t line() const noexcept { return line_; }
    /// Byte offset where the last record started.
    int64_t offset() const noexcept { return offset_; }
    const std::string& error_message() const noexcept { return error_; }
    /// The first bytes of the last erroneous record.
    const std::string& error_excerpt() const noexcept { return excerpt_; }

private:
    struct Line {
        std::string text;
        uint64_t number;
        int64_t offset;
    };
    bool get_line(Line& out);

    sdk::Input& input_;
    char delim_;
    size_t max_record_;
    std::deque<Line> pending_;  // lines to read again after an error
    std::vector<Line> record_lines_;
    uint64_t line_ = 0;
    int64_t offset_ = -1;
    std::string error_, excerpt_;
};

/// Splits a mapping or list option ("a=b,c=d") at commas, trimming blanks.
std::vector<std::string> split_list(std::string_view s, char sep = ',');

}  // namespace fkb::dumps
