// Field names, map parsing and record-to-post conversion (see field_map.hpp).
#include "field_map.hpp"

#include "csv_reader.hpp"

namespace fkb::dumps {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Field::Count_)> kNames = {
    "thread_id", "post_id", "parent_id", "title",  "text",       "author",    "created",
    "created_text", "url",  "forum",     "category", "score",    "likes",     "accepted",
    "flair",     "role",    "reputation", "post_count", "level", "signature"};

std::optional<int64_t> number(const MappedRecord& r, Field f) {
    const auto& v = r.get(f);
    if (!v || v->empty()) return std::nullopt;
    auto n = parse_int(*v);
    if (!n) throw sdk::Error(std::string(field_name(f)) + " is not a number: '" + excerpt(*v, 40) + "'");
    return n;
}

}  // namespace

std::string_view field_name(Field f) { return kNames[static_cast<size_t>(f)]; }

std::optional<Field> field_by_name(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return static_cast<Field>(i);
    return std::nullopt;
}

FieldMap FieldMap::parse(std::string_view map, std::string_view file_text) {
    FieldMap m;
    std::vector<std::string> entries;
    // The file first, so that `map` given on the command line wins.
    for (const auto& line : split_list(file_text, '\n'))
        if (line[0] != '#') entries.push_back(line);
    for (auto& e : split_list(map)) entries.push_back(std::move(e));
    for (const auto& e : entries) {
        size_t eq = e.find('=');
        if (eq == std::string::npos) eq = e.find('\t');
        if (eq == std::string::npos || eq == 0 || eq + 1 == e.size())
            throw sdk::Error("map: '" + e + "' is not field=column");
        std::string name = e.substr(0, eq), column = e.substr(eq + 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        while (!column.empty() && column.front() == ' ') column.erase(0, 1);
        auto f = field_by_name(name);
        if (!f) {
            std::string known;
            for (auto n : kNames) known += (known.empty() ? "" : ", ") + std::string(n);
            throw sdk::Error("map: unknown field '" + name + "' (known: " + known + ")");
        }
        auto& slot = m.columns_[static_cast<size_t>(*f)];
        if (!slot) m.given_.push_back(*f);
        slot = column;
    }
    return m;
}

sdk::Post post_from_record(const MappedRecord& r) {
    sdk::Post p;
    if (const auto& v = r.get(Field::PostId)) p.post_id = *v;
    if (const auto& v = r.get(Field::ParentId); v && !v->empty()) p.parent_id = v;
    if (const auto& v = r.get(Field::Author); v && !v->empty()) p.author = v;
    if (const auto& v = r.get(Field::Created); v && !v->empty()) {
        auto secs = parse_int(*v);
        p.created = secs && v->find('-') == std::string::npos ? iso_from_epoch(*secs) : normalize_iso(*v);
    }
    if (const auto& v = r.get(Field::CreatedText); v && !v->empty()) p.created_text = v;
    if (const auto& v = r.get(Field::Text)) p.text = *v;
    p.score = number(r, Field::Score);
    p.likes = number(r, Field::Likes);
    p.reputation = number(r, Field::Reputation);
    p.post_count = number(r, Field::PostCount);
    p.level = number(r, Field::Level);
    if (const auto& v = r.get(Field::Accepted))
        p.accepted = *v == "1" || *v == "true" || *v == "True" || *v == "TRUE" || *v == "yes";
    if (const auto& v = r.get(Field::Flair); v && !v->empty()) p.flair = v;
    if (const auto& v = r.get(Field::Role); v && !v->empty()) p.role = v;
    if (const auto& v = r.get(Field::Signature); v && !v->empty()) p.signature = v;
    return p;
}

}  // namespace fkb::dumps
