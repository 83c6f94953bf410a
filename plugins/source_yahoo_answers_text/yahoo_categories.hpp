// Yahoo Answers categories. A page copied as text glues the breadcrumb's
// words together ("SportsRunning", "HealthDiet & Fitness"); the table of
// real category paths (data/categories.tsv) is what splits them back into
// "Sports > Running", rather than a guess at word boundaries.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fkb::seedsrc::yahoo {

/// The category paths of data/categories.tsv, by their glued spelling.
class CategoryTable {
public:
    /// Loads a table: one path per line, its levels separated by tabs
    /// ("Health<TAB>Diet & Fitness"); '#' lines are comments. Every prefix
    /// of a listed path is a category too.
    explicit CategoryTable(std::string_view tsv);

    /// The table compiled into the plugin.
    static const CategoryTable& builtin();

    /// "SportsRunning" -> "Sports > Running". Exact spelling first, then
    /// ignoring case and spaces; nothing if no path of the table fits.
    std::optional<std::string> resolve(std::string_view glued) const;

    /// Glued spellings that two different paths share (a table defect).
    std::vector<std::string> ambiguous() const { return ambiguous_; }

    size_t size() const noexcept { return exact_.size(); }

private:
    std::unordered_map<std::string, std::string> exact_, folded_;
    std::vector<std::string> ambiguous_;
};

}  // namespace fkb::seedsrc::yahoo
