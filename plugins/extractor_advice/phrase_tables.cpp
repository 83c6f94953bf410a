// The phrase tables of the cue grammars: grammar/cue_phrases.tsv (compiled
// into the plugin) read once, on first use, into table name -> rows. The
// grammars build their symbol tables from it when the plugin loads.
#include "phrase_tables.hpp"

#include <map>
#include <stdexcept>

namespace fkb::advice {
namespace data {
std::string_view embedded_file(std::string_view name);
}  // namespace data

namespace x3s {

namespace {

using Rows = std::vector<std::pair<std::string, std::string>>;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::map<std::string, Rows, std::less<>> load() {
    constexpr std::string_view kFile = "grammar/cue_phrases.tsv";
    std::string_view content = data::embedded_file(kFile);
    if (content.empty()) throw std::logic_error(std::string(kFile) + ": not compiled in");
    std::map<std::string, Rows, std::less<>> tables;
    bool header = true;
    size_t line_no = 0;
    for (size_t b = 0; b < content.size();) {
        size_t e = content.find('\n', b);
        if (e == std::string_view::npos) e = content.size();
        std::string_view line = trim(content.substr(b, e - b));
        b = e + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        size_t t1 = line.find('\t'), t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        auto where = std::string(kFile) + ":" + std::to_string(line_no) + ": ";
        if (t2 == std::string_view::npos || line.find('\t', t2 + 1) != std::string_view::npos)
            throw std::logic_error(where + "expected: table<TAB>phrase<TAB>value");
        std::string_view table = trim(line.substr(0, t1)), phrase = trim(line.substr(t1 + 1, t2 - t1 - 1)),
                         value = trim(line.substr(t2 + 1));
        if (header) {
            if (table != "table" || phrase != "phrase" || value != "value")
                throw std::logic_error(where + "header must be: table phrase value");
            header = false;
            continue;
        }
        if (table.empty() || phrase.empty() || value.empty()) throw std::logic_error(where + "empty column");
        tables[std::string(table)].emplace_back(std::string(phrase), std::string(value));
    }
    return tables;
}

const std::map<std::string, Rows, std::less<>>& tables() {
    static const std::map<std::string, Rows, std::less<>> all = load();
    return all;
}

}  // namespace

std::vector<std::string> phrase_table_names() {
    std::vector<std::string> out;
    for (const auto& [name, rows] : tables()) out.push_back(name);
    return out;
}

const Rows& phrase_rows(std::string_view table) {
    auto it = tables().find(table);
    if (it == tables().end())
        throw std::logic_error("grammar/cue_phrases.tsv: no table '" + std::string(table) + "'");
    return it->second;
}

}  // namespace x3s
}  // namespace fkb::advice
