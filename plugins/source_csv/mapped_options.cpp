// Mapping file lookup (see mapped_options.hpp).
#include "mapped_options.hpp"

#include "dump_input.hpp"

#include <forumkb/sdk.hpp>

#include <fstream>
#include <sstream>

namespace fkb::dumps {

std::string read_map_text(const std::string& path, std::string_view input_name) {
    std::string p = path;
    if (p.empty()) {
        std::string sidecar = std::string(input_name) + ".map";
        if (!file_exists(sidecar)) return {};
        p = sidecar;
    }
    std::ifstream f(p, std::ios::binary);
    if (!f) throw sdk::Error(p + ": cannot read the mapping file");
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace fkb::dumps
