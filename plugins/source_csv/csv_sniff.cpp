// CSV sniffing (see csv_sniff.hpp): a header is a first line of at least two
// delimited, short, printable names, not a JSON or XML document.
#include "csv_sniff.hpp"

#include "csv_source_parser.hpp"

namespace fkb::dumps {

double sniff_csv(std::string_view head, std::string_view name) {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    size_t nl = head.find('\n');
    if (nl == std::string_view::npos && head.size() >= 64 * 1024) return 0.0;
    std::string_view first = head.substr(0, nl);
    if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
    if (first.empty() || first[0] == '{' || first[0] == '[' || first[0] == '<') return 0.0;
    char d = guess_delimiter(name, head);
    size_t fields = 1;
    bool quoted = false;
    for (char c : first) {
        if (c == '"') quoted = !quoted;
        else if (c == d && !quoted) ++fields;
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return 0.0;
    }
    if (fields < 2 || first.size() > 4096) return 0.0;
    auto ends = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    bool named = ends(".csv") || ends(".tsv") || ends(".tab") || ends(".CSV") || ends(".TSV");
    return named ? 0.6 : 0.3;
}

}  // namespace fkb::dumps
