// UTF-8 validation and repair (see forumkb/utf8.hpp). Validation of long
// texts goes through simdjson's SIMD validator; repair is the rare slow path.
#include <forumkb/utf8.hpp>

#include <simdjson.h>

namespace fkb::utf8 {

bool valid(std::string_view s) noexcept { return simdjson::validate_utf8(s.data(), s.size()); }

std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    if (i >= n) return 0;
    unsigned char c = p[i];
    if (c < 0x80) return 1;
    auto cont = [&](std::size_t k) { return i + k < n && (p[i + k] & 0xC0u) == 0x80u; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2)) return 0;
        unsigned char c1 = p[i + 1];
        if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
        if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3)) return 0;
        unsigned char c1 = p[i + 1];
        if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
        if (c == 0xF4 && c1 > 0x8F) return 0;  // > U+10FFFF
        return 4;
    }
    return 0;
}

namespace {
// Length of the maximal ill-formed subpart at i (at least 1): the lead byte
// plus the continuation bytes that could still have belonged to it.
std::size_t bad_run(std::string_view s, std::size_t i) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    unsigned char c = p[i];
    std::size_t want = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
    std::size_t k = 1;
    while (k < want && i + k < s.size() && (p[i + k] & 0xC0u) == 0x80u) {
        if (k == 1 && ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] > 0x9F) ||
                       (c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] > 0x8F)))
            break;
        ++k;
    }
    return k;
}
}  // namespace

bool sanitize(std::string& s, std::vector<std::size_t>* offset_map) {
    if (valid(s)) {
        if (offset_map) {
            offset_map->resize(s.size() + 1);
            for (std::size_t i = 0; i <= s.size(); ++i) (*offset_map)[i] = i;
        }
        return false;
    }
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(s.size() + 16);
    if (offset_map) offset_map->assign(s.size() + 1, 0);
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = sequence_length(s, i);
        if (len) {
            for (std::size_t k = 0; k < len; ++k)
                if (offset_map) (*offset_map)[i + k] = out.size() + k;
            out.append(s, i, len);
            i += len;
        } else {
            std::size_t bad = bad_run(s, i);
            for (std::size_t k = 0; k < bad; ++k)
                if (offset_map) (*offset_map)[i + k] = out.size();
            out.append(kReplacement);
            i += bad;
        }
    }
    if (offset_map) (*offset_map)[s.size()] = out.size();
    s = std::move(out);
    return true;
}

}  // namespace fkb::utf8
