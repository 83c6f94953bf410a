// Reading the plugin's TSV data files (cue lists, word classes, scales).
//
// Every data file is tab-separated text: blank lines and lines starting with
// '#' are comments, every other line is one row. A malformed row stops the
// load with `forumkb: <file>:<line>: <reason>`, so a domain expert who edits
// a list learns exactly which line is wrong.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

/// A data file that does not parse; what() is the one-line message.
struct DataError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One row of a TSV file, with its 1-based line number for messages.
struct TsvRow {
    size_t line = 0;
    std::vector<std::string_view> cells;
};

/// Splits `text` (the contents of the file called `name`) into rows of at
/// least `min_cells` cells (trailing carriage returns trimmed). Views point
/// into `text`. Throws DataError naming the file and line.
std::vector<TsvRow> read_tsv(std::string_view name, std::string_view text, size_t min_cells);

/// The message of a DataError for `name`:`line`.
std::string data_error(std::string_view name, size_t line, std::string_view reason);

/// The embedded data file `name` ("data/x.tsv"); throws DataError if absent.
std::string_view data_file(std::string_view name);

/// Splits on `sep`, trimming spaces around each piece; empty pieces dropped.
std::vector<std::string_view> split_list(std::string_view s, char sep);

/// Parses a decimal number in [lo, hi]; throws DataError naming the row.
double parse_number(std::string_view name, size_t line, std::string_view cell, double lo, double hi);

}  // namespace fkb::cred
