// The JSON string escaper behind fkb::json::Writer. A 256-entry table marks
// the bytes that need attention; everything else is copied in runs. Valid
// UTF-8 is checked once per string (SIMD), so the common case never looks at
// multi-byte sequences one by one.
#include <forumkb/json_writer.hpp>
#include <forumkb/utf8.hpp>

#include <array>

namespace fkb::json {
namespace {

// 0: copy; 1: escape as \u00XX; otherwise the character after the backslash.
constexpr std::array<char, 256> make_table() {
    std::array<char, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = 1;
    t['\b'] = 'b';
    t['\f'] = 'f';
    t['\n'] = 'n';
    t['\r'] = 'r';
    t['\t'] = 't';
    t['"'] = '"';
    t['\\'] = '\\';
    return t;
}
constexpr std::array<char, 256> kEscape = make_table();

void escape_valid(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char e = kEscape[static_cast<unsigned char>(s[i])];
        if (e == 0) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        if (e == 1) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
            out.append(buf, 6);
        } else {
            out += '\\';
            out += e;
        }
    }
    out.append(s.data() + run, s.size() - run);
}

}  // namespace

void append_string(std::string& out, std::string_view s) {
    out += '"';
    if (utf8::valid(s)) {
        escape_valid(out, s);
    } else {
        std::string fixed(s);
        utf8::sanitize(fixed);
        escape_valid(out, fixed);
    }
    out += '"';
}

}  // namespace fkb::json
