// Category table loading and glued-breadcrumb resolution (see
// yahoo_categories.hpp).
#include "yahoo_categories.hpp"

#include "page_text.hpp"

namespace fkb::seedsrc::yahoo_data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::seedsrc::yahoo {
namespace {

std::string fold(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ') continue;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

}  // namespace

CategoryTable::CategoryTable(std::string_view tsv) {
    for (std::string_view line : data_entries(tsv)) {
        std::string glued, path;
        size_t pos = 0;
        while (pos <= line.size()) {
            size_t tab = line.find('\t', pos);
            if (tab == std::string_view::npos) tab = line.size();
            std::string_view level = trim(line.substr(pos, tab - pos));
            pos = tab + 1;
            if (level.empty()) continue;
            glued += level;
            if (!path.empty()) path += " > ";
            path += level;
            auto [it, fresh] = exact_.emplace(glued, path);
            if (!fresh && it->second != path) ambiguous_.push_back(glued);
            folded_.emplace(fold(glued), path);
        }
    }
}

const CategoryTable& CategoryTable::builtin() {
    static const CategoryTable table(yahoo_data::embedded_file("data/categories.tsv"));
    return table;
}

std::optional<std::string> CategoryTable::resolve(std::string_view glued) const {
    if (auto it = exact_.find(std::string(glued)); it != exact_.end()) return it->second;
    if (auto it = folded_.find(fold(glued)); it != folded_.end()) return it->second;
    return std::nullopt;
}

}  // namespace fkb::seedsrc::yahoo
