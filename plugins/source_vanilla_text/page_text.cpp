// Byte clean-up of pages copied as text (see page_text.hpp): one pass over
// the input that validates UTF-8 by hand (RFC 3629: no overlongs, no
// surrogates, nothing past U+10FFFF) so a damaged file never reaches the
// grammars, and that keeps the input's line numbers and offsets.
#include "page_text.hpp"

#include <cstdio>

namespace fkb::seedsrc {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
size_t valid_sequence(std::string_view s, size_t i, uint32_t& cp) noexcept {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
    auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
    unsigned char c = b(0);
    if (c >= 0xC2 && c <= 0xDF) {
        if (!cont(1)) return 0;
        cp = ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
        if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
        if (cp < 0x10000 || cp > 0x10FFFF) return 0;
        return 4;
    }
    return 0;
}

/// Whether the bytes from i to the end could start a valid sequence that
/// was cut short (used for sniffed heads).
bool incomplete_tail(std::string_view s, size_t i) noexcept {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (need == 0 || i + need <= s.size()) return false;
    for (size_t k = i + 1; k < s.size(); ++k)
        if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) return false;
    return true;
}

bool is_space_code_point(uint32_t cp) noexcept {
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0x2028 || cp == 0x2029;
}

bool is_invisible_code_point(uint32_t cp) noexcept {
    return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

}  // namespace

PageText normalize_page(std::string_view bytes, bool cut_ok) {
    PageText page;
    page.text.reserve(bytes.size());
    struct Span {
        size_t start, len;
        uint64_t number;
        int64_t offset;
    };
    std::vector<Span> spans;
    size_t i = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        page.had_bom = true;
        i = 3;
    }
    size_t line_start = 0;
    int64_t line_offset = 0;
    uint64_t number = 1;
    auto end_line = [&] {
        size_t end = page.text.size();
        while (end > line_start && page.text[end - 1] == ' ') --end;
        page.text.resize(end);
        spans.push_back({line_start, end - line_start, number, line_offset});
    };
    while (i < bytes.size()) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n' || c == '\r') {
            if (c == '\r') page.had_cr = true;
            size_t step = c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n' ? 2 : 1;
            end_line();
            page.text.push_back('\n');
            i += step;
            line_start = page.text.size();
            line_offset = static_cast<int64_t>(i);
            ++number;
            continue;
        }
        if (c < 0x80) {
            if (c == '\t' || c == '\v' || c == '\f') {
                page.text.push_back(' ');
            } else if (c < 0x20 || c == 0x7F) {
                page.text.append(kReplacement);
                ++page.invalid_utf8;
            } else {
                page.text.push_back(static_cast<char>(c));
            }
            ++i;
            continue;
        }
        uint32_t cp = 0;
        size_t n = valid_sequence(bytes, i, cp);
        if (n == 0) {
            if (cut_ok && incomplete_tail(bytes, i)) break;
            page.text.append(kReplacement);
            ++page.invalid_utf8;
            ++i;
            continue;
        }
        if (is_space_code_point(cp)) {
            page.text.push_back(' ');
        } else if (!is_invisible_code_point(cp)) {
            page.text.append(bytes.substr(i, n));
        }
        i += n;
    }
    end_line();
    page.lines.reserve(spans.size());
    for (const Span& s : spans)
        page.lines.push_back(PageLine{std::string_view(page.text).substr(s.start, s.len), s.number, s.offset});
    return page;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

std::string thread_id_for(std::string_view file_name, std::string_view normalized_text) {
    std::string_view base = file_name;
    if (auto slash = base.find_last_of("/\\"); slash != std::string_view::npos) base = base.substr(slash + 1);
    if (auto dot = base.rfind('.'); dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
    if (!base.empty() && base != "-" && base != "<stdin>" && base != "stdin") return std::string(base);
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : normalized_text) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "fnv1a-%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::vector<std::string_view> data_entries(std::string_view file) {
    std::vector<std::string_view> out;
    size_t pos = 0;
    while (pos < file.size()) {
        size_t nl = file.find('\n', pos);
        if (nl == std::string_view::npos) nl = file.size();
        std::string_view line = file.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (!line.empty() && line.front() != '#') out.push_back(line);
        pos = nl + 1;
    }
    return out;
}

std::string join_paragraphs(const std::vector<std::string_view>& lines) {
    std::string out;
    bool blank = false;
    for (std::string_view l : lines) {
        if (l.empty()) {
            blank = true;
            continue;
        }
        if (!out.empty()) out += blank ? "\n\n" : "\n";
        out += l;
        blank = false;
    }
    return out;
}

bool read_page(sdk::Input& input, long long max_bytes, std::string& out) {
    out.clear();
    char buf[1 << 16];
    while (size_t n = input.read(buf, sizeof buf)) {
        out.append(buf, n);
        if (static_cast<long long>(out.size()) > max_bytes) return false;
    }
    return true;
}

std::string_view excerpt(std::string_view line, size_t max) noexcept {
    if (line.size() <= max) return line;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0) == 0x80) --n;
    return line.substr(0, n);
}

}  // namespace fkb::seedsrc
