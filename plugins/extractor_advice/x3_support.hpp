// Shared Spirit X3 pieces for the cue grammar translation units only (never
// include it from a widely included header: X3 is costly to compile). Cue
// grammars parse keys, which are lower-case words separated by single
// spaces, so a word literal is the literal followed by a space or the end.
#pragma once

#include "cues.hpp"
#include "phrase_tables.hpp"

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace fkb::advice::x3s {

namespace x3 = boost::spirit::x3;

/// End of a word: a space or the end of the input.
inline const auto B = &(x3::lit(' ') | x3::eoi);
/// The space between two words.
inline const auto _ = x3::lit(' ');
/// A whole word (or phrase of whole words).
inline auto W(const char* s) { return x3::lit(s) >> B; }
/// Any one word.
inline const auto any_word = +(~x3::char_(' '));

/// A symbol table of whole words mapped to values; it keeps its keys so a
/// grammar can say which words its matches start with (FirstWords).
///
/// A match ends at the end of a word: x3::symbols takes the longest key
/// that is a prefix of the input, so "contribute to" would be found in
/// "contribute too" (and "help" in "helpful") and the rule would then fail
/// at its word boundary, never trying the shorter key "contribute". parse()
/// retries with the input cut before the partly matched word until a key
/// ends where a word does.
template <class T>
struct Words : x3::symbols<T> {
    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, const Iterator& last, const Context& context, const RContext& rcontext,
               Attribute& attr) const {
        Iterator limit = last;
        for (;;) {
            Iterator it = first;
            if (!x3::symbols<T>::parse(it, limit, context, rcontext, attr)) return false;
            if (it == last || *it == ' ') {
                first = it;
                return true;
            }
            while (it != first && *(it - 1) != ' ') --it;  // back to the start of the partly matched word
            if (it == first) return false;
            limit = it - 1;  // the space before it
        }
    }

    Words(std::initializer_list<std::pair<const char*, T>> entries) {
        for (const auto& [k, v] : entries) {
            this->add(k, v);
            keys.emplace_back(k);
        }
    }
    explicit Words(const std::vector<std::pair<std::string, T>>& entries) {
        for (const auto& [k, v] : entries) {
            this->add(k, v);
            keys.push_back(k);
        }
    }
    std::vector<std::string> keys;
};

inline void parse_phrase_value(std::string_view table, std::string_view v, int& out) {
    if (v.empty() || v.find_first_not_of("0123456789") != std::string_view::npos)
        throw std::logic_error("grammar/cue_phrases.tsv: table " + std::string(table) + ": value '" + std::string(v) +
                               "' is not a number");
    out = std::stoi(std::string(v));
}
inline void parse_phrase_value(std::string_view table, std::string_view v, Certainty& out) {
    static constexpr std::pair<std::string_view, Certainty> kNames[] = {
        {"unknown", Certainty::unknown},   {"asserted", Certainty::asserted}, {"probable", Certainty::probable},
        {"possible", Certainty::possible}, {"questioned", Certainty::questioned}};
    for (const auto& [n, c] : kNames)
        if (n == v) {
            out = c;
            return;
        }
    throw std::logic_error("grammar/cue_phrases.tsv: table " + std::string(table) + ": '" + std::string(v) +
                           "' is not a certainty");
}
inline void parse_phrase_value(std::string_view table, std::string_view v, Outcome& out) {
    static constexpr std::pair<std::string_view, Outcome> kNames[] = {
        {"none", Outcome::none}, {"resolved", Outcome::resolved}, {"improved", Outcome::improved},
        {"no_effect", Outcome::no_effect}, {"worse", Outcome::worse}};
    for (const auto& [n, o] : kNames)
        if (n == v) {
            out = o;
            return;
        }
    throw std::logic_error("grammar/cue_phrases.tsv: table " + std::string(table) + ": '" + std::string(v) +
                           "' is not an outcome");
}

/// A phrase table of grammar/cue_phrases.tsv as a symbol table.
template <class T>
Words<T> phrase_table(std::string_view table) {
    std::vector<std::pair<std::string, T>> entries;
    for (const auto& [phrase, value] : phrase_rows(table)) {
        T v{};
        parse_phrase_value(table, value, v);
        entries.emplace_back(phrase, v);
    }
    return Words<T>(entries);
}

/// The first words of a grammar's matches: every table and literal a match
/// can start with, optional prefixes included. scan_sentence tries the
/// grammar only at words in this set (CueStarts), so a table or literal
/// left out here silently loses matches; cue_starts_test.cpp checks, over
/// the corpora, that the filtered scan finds what the full scan finds.
struct FirstWords {
    std::vector<std::string> words;
    template <class T>
    FirstWords& add(const Words<T>& w) {
        for (const auto& k : w.keys) words.push_back(k.substr(0, k.find(' ')));
        return *this;
    }
    FirstWords& add(std::initializer_list<const char*> literals) {
        for (const char* l : literals) {
            std::string k(l);
            words.push_back(k.substr(0, k.find(' ')));
        }
        return *this;
    }
};

/// Runs rule r (whose attribute is a CueHit) at every word start of
/// sentence s, left to right; a match is appended to out and the scan goes
/// on after it (matches of one rule never overlap).
template <class Rule>
void scan_sentence(const PostWords& pw, const Sentence& s, const Rule& r, std::vector<CueHit>& out,
                   uint8_t grammar = 0xFF) {
    if (s.first >= s.last) return;
    const std::string& kt = pw.key_text();
    const char* base = kt.data();
    const char* end = base + pw[s.last - 1].key_off + pw[s.last - 1].key_len;
    for (uint32_t i = s.first; i < s.last; ++i) {
        if (!(pw[i].cue_starts & grammar)) continue;
        const char* it = base + pw[i].key_off;
        CueHit hit;
        if (x3::parse(it, end, r, hit)) {
            size_t pos = static_cast<size_t>(it - base);
            // The word holding the last parsed character.
            uint32_t last = pos > pw[i].key_off ? static_cast<uint32_t>(pw.word_at_key(pos - 1) + 1) : i + 1;
            hit.first = i;
            hit.last = last;
            out.push_back(hit);
            i = last - 1;
        }
    }
}

/// One alternative of a cue grammar as a rule whose attribute is a CueHit.
template <class Parser>
auto cue_rule(Parser p) {
    return x3::rule<class cue_alternative, CueHit>{"cue"} = p;
}

/// Like scan_sentence for a grammar given as a tuple of alternatives (cue_rule),
/// tried in order at each word, only those whose bit is set in the word's
/// mask (CueStarts): the same hits as the whole alternative, without trying
/// the alternatives that cannot start at that word.
template <class Alternatives>
void scan_alternatives(const PostWords& pw, const Sentence& s, const Alternatives& alts, uint32_t Word::*mask,
                       std::vector<CueHit>& out) {
    if (s.first >= s.last) return;
    const std::string& kt = pw.key_text();
    const char* base = kt.data();
    const char* end = base + pw[s.last - 1].key_off + pw[s.last - 1].key_len;
    constexpr size_t n = std::tuple_size_v<Alternatives>;
    // One parse function per alternative, so a word tries only the
    // alternatives whose bits it has, lowest first, without a test per bit.
    using Parse = bool (*)(const Alternatives&, const char*&, const char*, CueHit&);
    static constexpr auto parsers = []<size_t... K>(std::index_sequence<K...>) {
        return std::array<Parse, n>{+[](const Alternatives& a, const char*& at, const char* e, CueHit& h) {
            return x3::parse(at, e, std::get<K>(a), h);
        }...};
    }(std::make_index_sequence<n>{});
    for (uint32_t i = s.first; i < s.last; ++i) {
        uint32_t m = pw[i].*mask;
        if (m == 0) continue;
        CueHit hit;
        const char* it = base + pw[i].key_off;
        bool matched = false;
        for (; m != 0 && !matched; m &= m - 1) {
            const unsigned k = static_cast<unsigned>(__builtin_ctz(m));
            if (k >= n) break;  // a word may carry bits of no alternative (numbers set them all)
            const char* at = base + pw[i].key_off;
            if (parsers[k](alts, at, end, hit)) {
                it = at;
                matched = true;
            }
        }
        if (!matched) continue;
        size_t pos = static_cast<size_t>(it - base);
        uint32_t last = pos > pw[i].key_off ? static_cast<uint32_t>(pw.word_at_key(pos - 1) + 1) : i + 1;
        hit.first = i;
        hit.last = last;
        out.push_back(hit);
        i = last - 1;
    }
}

/// Semantic actions shared by the grammars.
inline auto start(Cue c, Certainty cert = Certainty::unknown) {
    return [c, cert](auto& ctx) {
        CueHit& h = x3::_val(ctx);
        h = CueHit{};
        h.cue = c;
        h.certainty = cert;
    };
}
inline const auto set_cert = [](auto& ctx) {
    if (x3::_attr(ctx) != Certainty::unknown) x3::_val(ctx).certainty = x3::_attr(ctx);
};
inline auto cert(Certainty c) {
    return [c](auto& ctx) { x3::_val(ctx).certainty = c; };
}
inline const auto set_neg = [](auto& ctx) { x3::_val(ctx).negated = true; };
inline const auto set_author = [](auto& ctx) { x3::_val(ctx).author = true; };
inline const auto set_marked = [](auto& ctx) { x3::_val(ctx).marked = true; };
inline auto outcome(Outcome o) {
    return [o](auto& ctx) { x3::_val(ctx).outcome = o; };
}
inline const auto set_outcome = [](auto& ctx) { x3::_val(ctx).outcome = x3::_attr(ctx); };

}  // namespace fkb::advice::x3s
