// Spirit X3 grammars for the metadata lines of a Vanilla Forums page copied
// as text (see vanilla_lines.hpp). Grammars run over raw UTF-8 bytes without
// a skipper and use only x3::ascii character sets, so bytes above 0x7F never
// meet a locale-dependent classifier; non-ASCII marks (« » … ‹ ›) are byte
// literals. Matches are captured as views (x3::raw) and converted by hand.
#include "vanilla_lines.hpp"

#include <boost/spirit/home/x3.hpp>

#include <charconv>
#include <cmath>

namespace fkb::seedsrc::vanilla {
namespace {

namespace x3 = boost::spirit::x3;
namespace ascii = x3::ascii;
using It = const char*;

std::string_view as_view(const boost::iterator_range<It>& r) {
    return std::string_view(r.begin(), static_cast<size_t>(r.end() - r.begin()));
}

template <class Parser>
bool parse_all(std::string_view s, const Parser& p) {
    It first = s.data(), last = s.data() + s.size();
    return x3::parse(first, last, p >> x3::eoi) && first == last;
}

auto const sp = +x3::lit(' ');
auto const digit = ascii::digit;
// "1.2K", "3M" | "1,234" | "12"
auto const count_p = (+digit >> -('.' >> +digit) >> ascii::char_("KkMm")) |
                     (digit >> x3::repeat(0, 2)[digit] >> +(',' >> x3::repeat(3)[digit])) | +digit;

/// Value of a text count_p matched.
std::optional<int64_t> count_value(std::string_view s) {
    if (s.empty()) return std::nullopt;
    char last = s.back();
    if (last == 'K' || last == 'k' || last == 'M' || last == 'm') {
        double v = 0;
        std::string_view num = s.substr(0, s.size() - 1);
        size_t dot = num.find('.');
        int64_t whole = 0;
        if (std::from_chars(num.data(), num.data() + (dot == std::string_view::npos ? num.size() : dot), whole).ec !=
            std::errc())
            return std::nullopt;
        v = static_cast<double>(whole);
        if (dot != std::string_view::npos) {
            double scale = 0.1;
            for (char c : num.substr(dot + 1)) {
                v += (c - '0') * scale;
                scale /= 10;
            }
        }
        v *= (last == 'K' || last == 'k') ? 1e3 : 1e6;
        if (v > 9e18) return std::nullopt;
        return static_cast<int64_t>(std::llround(v));
    }
    int64_t v = 0;
    for (char c : s) {
        if (c == ',') continue;
        if (v > (INT64_MAX - 9) / 10) return std::nullopt;  // absurd: not a count
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

std::optional<int64_t> parse_count(std::string_view text) {
    if (!parse_all(text, count_p)) return std::nullopt;
    return count_value(text);
}

std::optional<PostsLine> parse_posts_line(std::string_view line) {
    PostsLine out;
    std::string_view rest = line;
    if (line.substr(0, 6) != "Posts:") {
        size_t at = line.find(" Posts:");
        if (at == std::string_view::npos) return std::nullopt;
        std::string_view name = line.substr(0, at);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        if (name.empty()) return std::nullopt;
        out.author = std::string(name);
        rest = line.substr(at + 1);
    }
    std::string_view count, role;
    auto on_count = [&](auto& ctx) { count = as_view(x3::_attr(ctx)); };
    auto on_role = [&](auto& ctx) { role = as_view(x3::_attr(ctx)); };
    auto const role_word = ascii::alpha >> *(ascii::alnum | ascii::char_("&'.-"));
    auto const grammar = x3::lit("Posts:") >> *x3::lit(' ') >> x3::raw[count_p][on_count] >>
                         -(sp >> x3::raw[role_word >> *(sp >> role_word)][on_role]);
    if (!parse_all(rest, grammar)) return std::nullopt;
    auto n = count_value(count);
    if (!n) return std::nullopt;
    out.post_count = *n;
    if (!role.empty()) out.role = std::string(role);
    return out;
}

LikeTail split_like_tail(std::string_view line) {
    std::string_view text, digits;
    bool separator = false;
    auto on_text = [&](auto& ctx) { text = as_view(x3::_attr(ctx)); };
    auto on_digits = [&](auto& ctx) { digits = as_view(x3::_attr(ctx)); };
    auto on_sep = [&](auto&) { separator = true; };
    auto const tail_probe = +digit >> -(sp >> '-') >> x3::eoi;
    auto const grammar = x3::raw[*(x3::char_ - tail_probe)][on_text] >> x3::raw[+digit][on_digits] >>
                         -((sp >> x3::lit('-'))[on_sep]);
    LikeTail out;
    if (!parse_all(line, grammar)) {
        out.text = line;
        while (!out.text.empty() && out.text.back() == ' ') out.text.remove_suffix(1);
        return out;
    }
    // "ran 2.50": the text's own decimal keeps all but the last digit.
    if (text.size() >= 2 && (text.back() == '.' || text.back() == ',') &&
        text[text.size() - 2] >= '0' && text[text.size() - 2] <= '9' && digits.size() >= 1) {
        text = std::string_view(text.data(), text.size() + digits.size() - 1);
        digits = digits.substr(digits.size() - 1);
    }
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    out.text = text;
    out.likes = count_value(digits);
    out.separator = separator;
    if (!out.likes) {  // too many digits to be a count: leave the line alone
        out.text = line;
        out.separator = false;
    }
    return out;
}

bool is_category_entry(std::string_view line) {
    auto const size_p = +digit >> -('.' >> +digit) >> -ascii::char_("KkMm");
    return parse_all(line, x3::lit('-') >> sp >> size_p >> sp >> (x3::char_ - ' ') >> *x3::char_);
}

bool is_pagination(std::string_view line) {
    int tokens = 0;
    bool word_seen = false;
    auto on_word = [&](auto&) {
        ++tokens;
        word_seen = true;
    };
    auto on_num = [&](auto&) { ++tokens; };
    auto const word = x3::lit("\xC2\xAB") | "\xC2\xBB" | "\xE2\x80\xB9" | "\xE2\x80\xBA" | "\xE2\x80\xA6" | "..." |
                      "Previous" | "Prev" | "Next" | "First" | "Last";
    auto const token = word[on_word] | (+digit)[on_num];
    auto const page_of = x3::lit("Page") >> sp >> +digit >> sp >> "of" >> sp >> +digit;
    if (parse_all(line, page_of)) return true;
    return parse_all(line, token >> *(sp >> token)) && (word_seen || tokens >= 2);
}

bool is_date_line(std::string_view line) {
    x3::symbols<int> months;
    for (const char* m : {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                          "Sept", "Oct", "Nov", "Dec"})
        months.add(m, 0);
    x3::symbols<int> units;
    for (const char* u : {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                          "month", "months", "year", "years"})
        units.add(u, 0);
    auto const year = x3::repeat(4)[digit];
    auto const time_p = x3::repeat(1, 2)[digit] >> ':' >> x3::repeat(2)[digit] >> *x3::lit(' ') >>
                        -(x3::lit("AM") | "PM" | "am" | "pm");
    auto const date_p = -(x3::lit("edited") >> sp) >> months >> -x3::lit('.') >> sp >>
                        (year | (x3::repeat(1, 2)[digit] >> -x3::lit(',') >> -(sp >> year))) >> -(sp >> time_p);
    auto const ago_p = -(x3::lit("edited") >> sp) >> (+digit | x3::lit("an") | x3::lit("a")) >> sp >> units >> sp >>
                       "ago";
    return parse_all(line, date_p) || parse_all(line, ago_p);
}

}  // namespace fkb::seedsrc::vanilla
