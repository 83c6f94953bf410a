// The text analysis's data files (core/data/text/: trigger lists, word
// lists, irregular lemmas), compiled into forumkb_core, and the one reader
// they share: UTF-8 lines, tab-separated fields, '#' comments and blank
// lines skipped, errors as "forumkb: <file>:<line>: <reason>".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::text {

/// The compiled-in file core/data/text/<name> (e.g. "triggers.tsv");
/// throws std::runtime_error if there is no such file.
std::string_view text_data(std::string_view name);

/// One data line: its 1-based line number and its fields (views into the
/// content, trimmed of surrounding spaces).
struct DataLine {
    uint32_t line = 0;
    std::vector<std::string_view> fields;
};

/// Splits `content` (the file `name`, for messages) into data lines with
/// between min_fields and max_fields fields; throws std::runtime_error
/// "forumkb: <name>:<line>: expected N to M tab-separated fields, got K".
std::vector<DataLine> parse_data(std::string_view name, std::string_view content, size_t min_fields,
                                 size_t max_fields);

/// The message of an error in a data file: "forumkb: <name>:<line>: <reason>".
std::string data_error(std::string_view name, uint32_t line, std::string_view reason);

}  // namespace fkb::text
