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
        // forumkb's own thread JSON lines belong to source_jsonl.
        std::string_view first = head.substr(i, head.find('\n', i) - i);
        if (first.find("\"thread_id\"") != std::string_view::npos && first.find("\"posts\"") != std::string_view::npos)
            return 0.1;
        // JSON lines: the first line is a whole object. A pretty-printed
        // document ("{" alone on its line: a config, a gold file) is not.
        while (!first.empty() && (first.back() == '\r' || first.back() == ' ' || first.back() == '\t'))
            first.remove_suffix(1);
        if (head.find('\n', i) != std::string_view::npos && (first.size() < 2 || first.back() != '}')) return 0.0;
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
