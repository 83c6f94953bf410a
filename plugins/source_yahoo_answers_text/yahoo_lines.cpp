// Spirit X3 grammars for the metadata lines of a Yahoo Answers page copied
// as text (see yahoo_lines.hpp). No skipper, ASCII character sets only; the
// middle dot (U+00B7) and bullet (U+2022) are byte literals, so the
// grammars are safe on any UTF-8 input.
#include "yahoo_lines.hpp"

#include <boost/spirit/home/x3.hpp>

namespace fkb::seedsrc::yahoo {
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
auto const middle_dot = *x3::lit(' ') >> x3::lit("\xC2\xB7") >> *x3::lit(' ');
auto const bullet = x3::lit("\xE2\x80\xA2");

struct Units : x3::symbols<int> {
    Units() {
        for (const char* u : {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                              "month", "months", "year", "years", "decade", "decades"})
            add(u, 0);
    }
};

struct Months : x3::symbols<int> {
    Months() {
        for (const char* m : {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                              "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                              "Sep", "Sept", "Oct", "Nov", "Dec"})
            add(m, 0);
    }
};

template <class UnitsT, class MonthsT>
auto age_grammar(const UnitsT& units, const MonthsT& months) {
    auto const relative = (+digit | x3::lit("an") | x3::lit("a")) >> sp >> units >> sp >> "ago";
    auto const now = x3::lit("just now") | x3::lit("Just now");
    auto const date = months >> -x3::lit('.') >> sp >> x3::repeat(1, 2)[digit] >> -x3::lit(',') >> sp >>
                      x3::repeat(4)[digit];
    return relative | now | date;
}

}  // namespace

std::optional<AskedLine> parse_asked_line(std::string_view line) {
    AskedLine out;
    auto on_author = [&](auto& ctx) { out.author = as_view(x3::_attr(ctx)); };
    auto on_category = [&](auto& ctx) { out.category = as_view(x3::_attr(ctx)); };
    auto on_age = [&](auto& ctx) { out.age = as_view(x3::_attr(ctx)); };
    auto const grammar = x3::raw[+(x3::char_ - " asked")][on_author] >> " asked" >>
                         -(sp >> "in" >> sp >> x3::raw[+(x3::char_ - middle_dot)][on_category]) >> middle_dot >>
                         x3::raw[(x3::char_ - ' ') >> *x3::char_][on_age];
    if (!parse_all(line, grammar)) return std::nullopt;
    while (!out.category.empty() && out.category.back() == ' ') out.category.remove_suffix(1);
    if (out.author.empty()) return std::nullopt;
    return out;
}

std::optional<int64_t> parse_answer_count(std::string_view line) {
    int64_t n = 0;
    auto on_n = [&](auto& ctx) { n = x3::_attr(ctx); };
    if (!parse_all(line, x3::ulong_long[on_n] >> sp >> (x3::lit("Answers") | x3::lit("Answer")))) return std::nullopt;
    return n;
}

std::optional<int64_t> parse_level(std::string_view line) {
    int64_t n = 0;
    auto on_n = [&](auto& ctx) { n = x3::_attr(ctx); };
    if (!parse_all(line, (x3::lit("Level") | x3::lit("Lv")) >> -x3::lit('.') >> *x3::lit(' ') >>
                             x3::uint_parser<unsigned, 10, 1, 2>()[on_n]))
        return std::nullopt;
    return n;
}

bool is_age(std::string_view line) {
    static const Units units;
    static const Months months;
    return parse_all(line, age_grammar(units, months));
}

std::optional<std::string_view> bullet_text(std::string_view line) {
    std::string_view text;
    bool matched = false;
    auto on_text = [&](auto& ctx) {
        text = as_view(x3::_attr(ctx));
        matched = true;
    };
    if (!parse_all(line, *x3::lit(' ') >> bullet >> *x3::lit(' ') >> x3::raw[*x3::char_][on_text])) return std::nullopt;
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return matched ? std::optional<std::string_view>(text) : std::nullopt;
}

std::optional<std::string_view> parse_source_line(std::string_view line) {
    std::string_view text;
    auto on_text = [&](auto& ctx) { text = as_view(x3::_attr(ctx)); };
    if (!parse_all(line, (x3::lit("Source(s):") | x3::lit("Sources:") | x3::lit("Source:")) >> *x3::lit(' ') >>
                             x3::raw[*x3::char_][on_text]))
        return std::nullopt;
    return text;
}

}  // namespace fkb::seedsrc::yahoo
