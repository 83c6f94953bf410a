// Recognizing a delimited export (CSV / TSV with a header row).
#pragma once

#include <string_view>

namespace fkb::dumps {

/// 0.6 for a .csv/.tsv name whose first line looks like a header, 0.3 for
/// a header-like first line alone (another plugin that knows the columns,
/// e.g. source_reddit, should win), 0 otherwise.
double sniff_csv(std::string_view head, std::string_view file_name);

}  // namespace fkb::dumps
