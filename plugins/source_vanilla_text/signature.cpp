// Signature detection for copied forum posts (see signature.hpp). The
// valedictions and the words that are not names are data files compiled
// into the parser (data/signoffs.txt, data/not_names.txt).
#include "signature.hpp"

#include "page_text.hpp"

#include <algorithm>
#include <unordered_set>

namespace fkb::seedsrc::vanilla_data {
std::string_view embedded_file(std::string_view name);
}

namespace fkb::seedsrc::vanilla {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::unordered_set<std::string> lowered_entries(std::string_view file) {
    std::unordered_set<std::string> out;
    for (auto e : data_entries(file)) out.insert(lower(e));
    return out;
}

const std::unordered_set<std::string>& signoffs() {
    static const auto set = lowered_entries(vanilla_data::embedded_file("data/signoffs.txt"));
    return set;
}

const std::unordered_set<std::string>& not_names() {
    static const auto set = lowered_entries(vanilla_data::embedded_file("data/not_names.txt"));
    return set;
}

std::string_view strip_end_punct(std::string_view s) {
    while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == ',' || s.back() == ' ')) s.remove_suffix(1);
    return s;
}

bool upper_start(std::string_view w) {
    unsigned char c = static_cast<unsigned char>(w.front());
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/// A signed name: one handle-like word ("Shaun", "runner_22"), or two or
/// three capitalized words ("Mary Ann", "J. R. Smith"), at most 40 bytes.
std::optional<std::string> as_name(std::string_view s) {
    s = strip_end_punct(trim(s));
    if (s.empty() || s.size() > 40 || not_names().count(lower(s))) return std::nullopt;
    std::vector<std::string_view> words;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t sp = s.find(' ', pos);
        if (sp == std::string_view::npos) sp = s.size();
        if (sp > pos) words.push_back(s.substr(pos, sp - pos));
        pos = sp + 1;
    }
    if (words.empty() || words.size() > 3) return std::nullopt;
    bool letter = false;
    for (auto w : words) {
        for (unsigned char c : w) {
            bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '.' || c == '\'' || c == '-' || c >= 0x80;
            if (!ok) return std::nullopt;
            letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
        }
        if (words.size() > 1 && !upper_start(w)) return std::nullopt;
    }
    if (!letter) return std::nullopt;
    return std::string(s);
}

}  // namespace

bool is_signoff(std::string_view line) {
    line = strip_end_punct(trim(line));
    return !line.empty() && signoffs().count(lower(line)) > 0;
}

std::optional<std::string> find_signature(const std::vector<std::string_view>& lines) {
    std::vector<std::string_view> text;
    for (auto l : lines)
        if (!trim(l).empty()) text.push_back(trim(l));
    if (text.empty()) return std::nullopt;
    std::string_view last = text.back();
    // "Cheers,\nShaun."
    if (text.size() >= 2 && is_signoff(text[text.size() - 2]))
        if (auto name = as_name(last)) return name;
    // "Thanks, Anna" on one line
    if (auto comma = last.find(','); comma != std::string_view::npos && is_signoff(last.substr(0, comma)))
        if (auto name = as_name(last.substr(comma + 1))) return name;
    // "~Marco", "-- Marco"
    for (std::string_view mark : {"~", "--", "\xE2\x80\x94"})
        if (last.substr(0, mark.size()) == mark && last.size() > mark.size())
            if (auto name = as_name(last.substr(mark.size()))) return name;
    return std::nullopt;
}

}  // namespace fkb::seedsrc::vanilla
