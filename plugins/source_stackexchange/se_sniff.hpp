// Recognizing a Stack Exchange dump file from its first bytes and name.
#pragma once

#include <string_view>

namespace fkb::dumps {

/// Confidence in [0, 1] that `head` / `file_name` is a Stack Exchange dump
/// file: 0.95 for a <posts> root with rows, 0.9 for another dump table
/// (<users>, <comments>, ...), 0.5 for the file name alone.
double sniff_stackexchange(std::string_view head, std::string_view file_name);

}  // namespace fkb::dumps
