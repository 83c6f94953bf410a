// Access to the compiled-in text data files and the shared line reader.
#include <forumkb/text/text_data.hpp>

#include <stdexcept>

namespace fkb::data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::text {

std::string data_error(std::string_view name, uint32_t line, std::string_view reason) {
    std::string m = "forumkb: ";
    m.append(name);
    m.push_back(':');
    m.append(std::to_string(line));
    m.append(": ");
    m.append(reason);
    return m;
}

std::string_view text_data(std::string_view name) {
    std::string path = "data/text/";
    path.append(name);
    std::string_view v = fkb::data::embedded_file(path);
    if (v.empty()) throw std::runtime_error("forumkb: " + path + ": no such compiled-in data file");
    return v;
}

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}
}  // namespace

std::vector<DataLine> parse_data(std::string_view name, std::string_view content, size_t min_fields,
                                 size_t max_fields) {
    std::vector<DataLine> out;
    uint32_t line_no = 0;
    while (!content.empty()) {
        size_t nl = content.find('\n');
        std::string_view line = content.substr(0, nl);
        content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
        ++line_no;
        std::string_view t = trim(line);
        if (t.empty() || t.front() == '#') continue;
        DataLine d;
        d.line = line_no;
        size_t pos = 0;
        for (;;) {
            size_t tab = t.find('\t', pos);
            d.fields.push_back(trim(t.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos)));
            if (tab == std::string_view::npos) break;
            pos = tab + 1;
        }
        if (d.fields.size() < min_fields || d.fields.size() > max_fields) {
            std::string why = "expected " + std::to_string(min_fields);
            if (max_fields != min_fields) why += " to " + std::to_string(max_fields);
            why += " tab-separated fields, got " + std::to_string(d.fields.size());
            throw std::runtime_error(data_error(name, line_no, why));
        }
        for (auto f : d.fields)
            if (f.empty()) throw std::runtime_error(data_error(name, line_no, "empty field"));
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace fkb::text
