// Timestamps, integers and excerpts (see dump_common.hpp).
#include "dump_common.hpp"

#include <charconv>
#include <cstdio>

namespace fkb::dumps {

std::string iso_from_epoch(int64_t t) {
    std::string out;
    iso_from_epoch(t, out);
    return out;
}

void iso_from_epoch(int64_t t, std::string& out) {
    // Civil-from-days (H. Hinnant), valid for the whole int64 day range we use.
    int64_t days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    if (y < 0 || y > 9999) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
                      static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(secs / 3600),
                      static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
        out.assign(buf);
        return;
    }
    // The common case without printf: "YYYY-MM-DDTHH:MM:SSZ".
    out.assign("0000-00-00T00:00:00Z");
    auto two = [&](size_t at, int64_t v) {
        out[at] = static_cast<char>('0' + v / 10);
        out[at + 1] = static_cast<char>('0' + v % 10);
    };
    two(0, y / 100);
    two(2, y % 100);
    two(5, m);
    two(8, d);
    two(11, secs / 3600);
    two(14, secs / 60 % 60);
    two(17, secs % 60);
}

std::string normalize_iso(std::string_view s) {
    auto digits = [&](size_t from, size_t n) {
        for (size_t i = from; i < from + n; ++i)
            if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    bool shape = s.size() >= 19 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) &&
                 (s[10] == 'T' || s[10] == ' ') && digits(11, 2) && s[13] == ':' && digits(14, 2) && s[16] == ':' &&
                 digits(17, 2);
    if (!shape) return std::string(s);
    std::string_view rest = s.substr(19);
    if (!rest.empty() && rest[0] == '.') {
        size_t i = 1;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
        rest = rest.substr(i);
    }
    if (!rest.empty()) return std::string(s);  // has a zone or something else: leave it
    std::string out(s.substr(0, 19));
    out[10] = 'T';
    out.push_back('Z');
    return out;
}

std::optional<int64_t> parse_int(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p == s.data()) return std::nullopt;
    if (p != s.data() + s.size()) {
        if (*p != '.') return std::nullopt;
        for (const char* q = p + 1; q < s.data() + s.size(); ++q)
            if (*q < '0' || *q > '9') return std::nullopt;
    }
    return v;
}

std::string excerpt(std::string_view s, size_t max) {
    if (s.size() <= max) return std::string(s);
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n));
}

}  // namespace fkb::dumps
