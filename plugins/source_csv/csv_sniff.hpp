// Recognizing a delimited export (CSV / TSV with a header row).
#pragma once

#include <string_view>

namespace fkb::dumps {

/// 0.6 for a .csv/.tsv name whose first line looks like a header, 0.3 for
/// a header-like first line alone (another plugin that knows the columns,
/// e.g. source_reddit, should win), 0 otherwise.
double sniff_csv(std::string_view head, std::string_view file_name);

/// 0.9 for a mapping sidecar ("export.csv.map" beside "export.csv"): the
/// plugin claims it so that `forumkb ingest DIR` does not report it as an
/// unknown input, and reads no threads from it.

/// True for "X.map" when X exists: a mapping sidecar, read with X.
bool is_map_sidecar(std::string_view file_name);

}  // namespace fkb::dumps
