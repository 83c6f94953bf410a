// Recognizing a JSON export (an array of objects or JSON lines).
#pragma once

#include <string_view>

namespace fkb::dumps {

/// 0.6 for a .json/.jsonl/.ndjson name starting with '[' + '{' or '{'; 0.4
/// for that shape alone (source_reddit claims Reddit's NDJSON at 0.95); 0.
double sniff_json(std::string_view head, std::string_view file_name);

}  // namespace fkb::dumps
