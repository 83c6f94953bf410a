// How source_csv and source_json find their field mapping: the `map` and
// `map_file` options, else a sidecar file named like the input plus ".map"
// (export.csv -> export.csv.map), so that `forumkb ingest DIR` can read a
// folder of one-off exports without options.
#pragma once

#include <string>
#include <string_view>

namespace fkb::dumps {

/// Reads the mapping file `path` (or the sidecar of `input_name` when `path`
/// is empty and the sidecar exists); "" when there is none. Throws sdk::Error
/// naming the file when it cannot be read.
std::string read_map_text(const std::string& path, std::string_view input_name);

}  // namespace fkb::dumps
