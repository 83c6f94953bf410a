// The phrase tables of the cue grammars, read from grammar/cue_phrases.tsv
// (compiled in). X3-free, so reading the file does not pay for the grammar
// headers; x3_support.hpp turns the rows into symbol tables.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::advice::x3s {

/// The rows (phrase, value text) of one table of grammar/cue_phrases.tsv;
/// throws std::logic_error naming the table when the file has none of that
/// name or a row is malformed (a build with broken data fails at load, and
/// the data test catches it first).
const std::vector<std::pair<std::string, std::string>>& phrase_rows(std::string_view table);

/// The names of all tables in the file.
std::vector<std::string> phrase_table_names();

}  // namespace fkb::advice::x3s
