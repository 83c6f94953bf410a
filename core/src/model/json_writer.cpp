// The JSON string escaper behind fkb::json::Writer. Strings are scanned 16
// bytes at a time (SSE2) for the bytes that need attention: controls, '"',
// '\\', and, until the string is known to be valid UTF-8, bytes >= 0x80.
// Plain runs are copied at once. The first byte >= 0x80 validates the rest
// of the string once (the part before it is ASCII); from then on only the
// bytes to escape stop the scan, so a pure-ASCII string (keys, ids, most
// English text) is never handed to the UTF-8 validator. A string that is
// not valid UTF-8 is repaired (U+FFFD) and escaped by the plain loop: the
// rare slow path, with the same output as before.
#include <forumkb/json_writer.hpp>
#include <forumkb/utf8.hpp>

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

void escape_byte(std::string& out, unsigned char c) {
    static constexpr char kHex[] = "0123456789abcdef";
    char e = kEscape[c];
    if (e == 1) {
        char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(buf, 6);
    } else {
        out += '\\';
        out += e;
    }
}

void escape_valid(std::string& out, std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (kEscape[static_cast<unsigned char>(s[i])] == 0) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        escape_byte(out, static_cast<unsigned char>(s[i]));
    }
    out.append(s.data() + run, s.size() - run);
}

#if defined(__SSE2__)
/// Bit i set when byte i of the 16 at p needs attention: a control, '"',
/// '\\', and also any byte >= 0x80 while `check_high` (a signed compare
/// with 0x20 catches both the controls and the high bytes).
inline unsigned attention_mask(const char* p, bool check_high) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i low = check_high ? _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))
                             : _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(low, special)));
}
#endif

/// Escapes s after out's opening quote; false (with out as it was) when s
/// is not valid UTF-8.
bool escape_checked(std::string& out, std::string_view s) {
    const std::size_t start = out.size();
    const char* p = s.data();
    const std::size_t n = s.size();
    bool check_high = true;  // not yet known to be valid UTF-8
    std::size_t run = 0, i = 0;
    for (;;) {
        // Find the next byte needing attention at or after i.
#if defined(__SSE2__)
        while (i + 16 <= n) {
            unsigned m = attention_mask(p + i, check_high);
            if (m) {
                i += static_cast<std::size_t>(__builtin_ctz(m));
                break;
            }
            i += 16;
        }
#endif
        while (i < n) {
            unsigned char c = static_cast<unsigned char>(p[i]);
            if (kEscape[c] != 0 || (check_high && c >= 0x80)) break;
            ++i;
        }
        if (i >= n) break;
        unsigned char c = static_cast<unsigned char>(p[i]);
        if (c >= 0x80) {
            // Everything before i is ASCII: the string is valid iff the rest is.
            if (!utf8::valid(s.substr(i))) {
                out.resize(start);
                return false;
            }
            check_high = false;
            ++i;
            continue;
        }
        out.append(p + run, i - run);
        escape_byte(out, c);
        run = ++i;
    }
    out.append(p + run, n - run);
    return true;
}

}  // namespace

void append_string(std::string& out, std::string_view s) {
    out += '"';
    if (!escape_checked(out, s)) {
        std::string fixed(s);
        utf8::sanitize(fixed);
        escape_valid(out, fixed);
    }
    out += '"';
}

}  // namespace fkb::json
