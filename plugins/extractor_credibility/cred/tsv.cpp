// TSV reading for the plugin's data files; see tsv.hpp.
#include "cred/tsv.hpp"

#include <charconv>
#include <string>

namespace fkb::cred::data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::cred {

std::string data_error(std::string_view name, size_t line, std::string_view reason) {
    return "forumkb: " + std::string(name) + ":" + std::to_string(line) + ": " + std::string(reason);
}

std::string_view data_file(std::string_view name) {
    std::string_view text = data::embedded_file(name);
    if (text.empty()) throw DataError("forumkb: " + std::string(name) + ": data file missing from the plugin");
    return text;
}

std::vector<TsvRow> read_tsv(std::string_view name, std::string_view text, size_t min_cells) {
    std::vector<TsvRow> rows;
    size_t line = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view l = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line;
        while (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        if (l.find_first_not_of(" \t") == std::string_view::npos || l.front() == '#') continue;
        TsvRow row;
        row.line = line;
        size_t start = 0;
        for (;;) {
            size_t tab = l.find('\t', start);
            row.cells.push_back(l.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (row.cells.size() < min_cells)
            throw DataError(data_error(name, line, "expected " + std::to_string(min_cells) + " tab-separated cells, found " +
                                                       std::to_string(row.cells.size())));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::string_view> split_list(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t p = s.find(sep, start);
        if (p == std::string_view::npos) p = s.size();
        std::string_view piece = s.substr(start, p - start);
        while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
        while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
        if (!piece.empty()) out.push_back(piece);
        start = p + 1;
    }
    return out;
}

double parse_number(std::string_view name, size_t line, std::string_view cell, double lo, double hi) {
    double v = 0;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
    if (ec != std::errc() || end != cell.data() + cell.size())
        throw DataError(data_error(name, line, "not a number: '" + std::string(cell) + "'"));
    if (v < lo || v > hi)
        throw DataError(data_error(name, line, "number " + std::string(cell) + " outside [" + std::to_string(lo) + ", " +
                                                   std::to_string(hi) + "]"));
    return v;
}

}  // namespace fkb::cred
