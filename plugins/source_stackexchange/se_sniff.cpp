// Sniffing of Stack Exchange dump files (see se_sniff.hpp): the root element
// after the XML declaration, then a <row element with an Id attribute.
#include "se_sniff.hpp"

#include "dump_input.hpp"

#include <array>

namespace fkb::dumps {

double sniff_stackexchange(std::string_view head, std::string_view file_name) {
    static constexpr std::array<std::string_view, 8> tables = {"posts", "users",       "comments",  "votes",
                                                               "badges", "posthistory", "postlinks", "tags"};
    std::string_view base = base_name(file_name);
    bool name_match = false;
    for (auto t : tables) {
        if (base.size() == t.size() + 4 && base.substr(t.size()) == ".xml") {
            bool same = true;
            for (size_t i = 0; i < t.size(); ++i)
                if ((base[i] | 0x20) != t[i]) same = false;
            name_match = name_match || same;
        }
    }
    size_t pos = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    auto skip_ws = [&] {
        while (pos < head.size() && (head[pos] == ' ' || head[pos] == '\n' || head[pos] == '\r' || head[pos] == '\t'))
            ++pos;
    };
    skip_ws();
    if (head.substr(pos, 5) == "<?xml") {
        size_t end = head.find("?>", pos);
        if (end == std::string_view::npos) return name_match ? 0.5 : 0.0;
        pos = end + 2;
    }
    skip_ws();
    for (auto t : tables) {
        if (head.substr(pos, 1 + t.size()) == std::string("<") + std::string(t)) {
            char after = pos + 1 + t.size() < head.size() ? head[pos + 1 + t.size()] : '>';
            if (after != '>' && after != ' ' && after != '/' && after != '\n' && after != '\r') continue;
            bool rows = head.find("<row ", pos) != std::string_view::npos &&
                        head.find(" Id=\"", pos) != std::string_view::npos;
            if (!rows && head.size() < 64 * 1024) rows = name_match;  // an empty table
            if (!rows) return name_match ? 0.5 : 0.0;
            return t == "posts" ? 0.95 : 0.9;
        }
    }
    return name_match ? 0.5 : 0.0;
}

}  // namespace fkb::dumps
