// Markdown quote handling and entity decoding (see reddit_markdown.hpp).
#include "reddit_markdown.hpp"

#include <cstdint>
#include <cstring>

namespace fkb::dumps {
namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

std::string decode_entities(std::string_view s) {
    std::string out;
    decode_entities(s, out);
    return out;
}

void decode_entities(std::string_view s, std::string& out) {
    out.clear();
    if (s.find('&') == std::string_view::npos) {
        out.assign(s);
        return;
    }
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '&') {
            size_t amp = s.find('&', i);
            if (amp == std::string_view::npos) amp = s.size();
            out.append(s.substr(i, amp - i));
            i = amp;
            continue;
        }
        size_t semi = s.find(';', i);
        if (semi != std::string_view::npos && semi - i <= 10) {
            std::string_view name = s.substr(i + 1, semi - i - 1);
            const char* rep = nullptr;
            if (name == "amp") rep = "&";
            else if (name == "lt") rep = "<";
            else if (name == "gt") rep = ">";
            else if (name == "quot") rep = "\"";
            else if (name == "apos") rep = "'";
            else if (name == "nbsp") rep = " ";
            if (rep) {
                out.append(rep);
                i = semi + 1;
                continue;
            }
            if (name.size() >= 2 && name[0] == '#') {
                bool hex = name[1] == 'x' || name[1] == 'X';
                uint32_t cp = 0;
                bool ok = name.size() > (hex ? 2u : 1u);
                for (size_t k = hex ? 2 : 1; ok && k < name.size(); ++k) {
                    char c = name[k];
                    uint32_t d = c >= '0' && c <= '9'   ? static_cast<uint32_t>(c - '0')
                                 : hex && c >= 'a' && c <= 'f' ? static_cast<uint32_t>(c - 'a' + 10)
                                 : hex && c >= 'A' && c <= 'F' ? static_cast<uint32_t>(c - 'A' + 10)
                                                               : 99;
                    if (d == 99 || cp > 0x10FFFF) ok = false;
                    else cp = cp * (hex ? 16 : 10) + d;
                }
                if (ok) {
                    // Reddit writes &#x200B; (zero width space) to force blank lines: drop it.
                    if (cp != 0x200B) append_utf8(out, cp);
                    i = semi + 1;
                    continue;
                }
            }
        }
        out.push_back('&');
        ++i;
    }
}

RenderedText reddit_markdown_text(std::string_view body) {
    RenderedText r;
    std::string scratch;
    reddit_markdown_text(body, r, scratch);
    return r;
}

void reddit_markdown_text(std::string_view body, RenderedText& r, std::string& text) {
    decode_entities(body, text);
    r.text.clear();
    r.quotes.clear();
    r.text.reserve(text.size());
    bool in_quote = false;
    uint64_t quote_start = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) nl = text.size();
        std::string_view line(text.data() + pos, nl - pos);
        size_t k = 0;
        while (k < line.size() && k < 3 && line[k] == ' ') ++k;
        bool quoted = k < line.size() && line[k] == '>';
        if (quoted) {
            while (k < line.size() && (line[k] == '>' || line[k] == ' ')) ++k;  // nested ">>" and the space
            line.remove_prefix(k);
        }
        if (quoted && !in_quote) {
            in_quote = true;
            quote_start = r.text.size();
        } else if (!quoted && in_quote) {
            in_quote = false;
            uint64_t end = r.text.size();
            while (end > quote_start && r.text[end - 1] == '\n') --end;
            if (end > quote_start) r.quotes.emplace_back(quote_start, end);
        }
        r.text.append(line);
        if (nl == text.size()) break;
        r.text.push_back('\n');
        pos = nl + 1;
    }
    if (in_quote) {
        uint64_t end = r.text.size();
        while (end > quote_start && r.text[end - 1] == '\n') --end;
        if (end > quote_start) r.quotes.emplace_back(quote_start, end);
    }
    // Trailing white space is furniture.
    while (!r.text.empty() && (r.text.back() == '\n' || r.text.back() == ' ')) r.text.pop_back();
    for (auto& q : r.quotes) q.second = std::min<uint64_t>(q.second, r.text.size());
}

}  // namespace fkb::dumps
