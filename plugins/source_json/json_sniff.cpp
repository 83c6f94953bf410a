// JSON sniffing (see json_sniff.hpp).
#include "json_sniff.hpp"

namespace fkb::dumps {

double sniff_json(std::string_view head, std::string_view name) {
    size_t i = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    auto skip = [&] {
        while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    };
    skip();
    if (i >= head.size()) return 0.0;
    bool shape = false;
    if (head[i] == '{') {
        shape = head.find('"', i) != std::string_view::npos;
    } else if (head[i] == '[') {
        ++i;
        skip();
        shape = i >= head.size() || head[i] == '{' || head[i] == ']';
    }
    if (!shape) return 0.0;
    auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return ends(".json") || ends(".jsonl") || ends(".ndjson") ? 0.6 : 0.4;
}

}  // namespace fkb::dumps
