// Lemmatizer: table first, then suffix rules close to Porter's step 1
// (plurals, -ed, -ing with undoubling and e-restoration).
#include <forumkb/text/lemmatizer.hpp>
#include <forumkb/text/text_data.hpp>

#include "flat_map.hpp"

#include <stdexcept>

namespace fkb::text {

struct Lemmatizer::Table {
    detail::FlatStringMap<std::string_view> map;
};

namespace {

inline bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
inline bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

bool has_vowel(std::string_view s) {
    for (char c : s)
        if (is_vowel(c) || c == 'y') return true;
    return false;
}

/// Suffix test with the length known at compile time (inlined compares).
template <size_t N>
inline bool ends_with(std::string_view s, const char (&e)[N]) {
    constexpr size_t n = N - 1;
    if (s.size() < n) return false;
    const char* p = s.data() + s.size() - n;
    for (size_t i = 0; i < n; ++i)
        if (p[i] != e[i]) return false;
    return true;
}

/// One syllable ending consonant-vowel-consonant ("tak", "hop", "us"):
/// such a stem lost an e ("taking" -> "take").
bool short_cvc(std::string_view s) {
    size_t n = s.size();
    if (n < 2 || n > 4) return false;
    char last = s[n - 1];
    if (is_vowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
    if (!is_vowel(s[n - 2])) return false;
    if (n >= 3 && is_vowel(s[n - 3])) return false;
    for (size_t i = 0; i + 2 < n; ++i)
        if (is_vowel(s[i])) return false;
    return true;
}

/// After removing -ed or -ing: undouble, or put back a lost e.
Lemma fix_stem(std::string_view word, std::string_view stem) {
    size_t n = stem.size();
    char last = stem[n - 1];
    if (n >= 3 && last == stem[n - 2] && !is_vowel(last) && last != 'l' && last != 's' && last != 'z')
        return Lemma{{}, static_cast<uint32_t>(n - 1), {}};
    // A lost e: "relat(ing)", "troubl(ed)", "caus(ed)", "mov(ing)",
    // "danc(ing)", "judg(ed)", "squeez(ing)", "tak(ing)".
    const char before = n >= 2 ? stem[n - 2] : 'a';
    const bool lost_e = (last == 't' && before == 'a' && n >= 3 && !is_vowel(stem[n - 3])) ||
                        (last == 'l' && before == 'b') || (last == 'z' && (before == 'i' || is_vowel(before))) ||
                        (last == 's' && is_vowel(before)) || last == 'v' || (last == 'c' && n >= 3) ||
                        (last == 'g' && before == 'd') || short_cvc(stem);
    if (lost_e) return Lemma{{}, static_cast<uint32_t>(n), "e"};
    (void)word;
    return Lemma{{}, static_cast<uint32_t>(n), {}};
}

}  // namespace

Lemmatizer::Lemmatizer() : Lemmatizer(text_data("lemmas.tsv")) {}

Lemmatizer::Lemmatizer(std::string_view tsv) {
    auto table = std::make_shared<Table>();
    for (const auto& d : parse_data("data/text/lemmas.tsv", tsv, 2, 2)) {
        for (auto f : d.fields)
            for (char c : f)
                if (c >= 'A' && c <= 'Z')
                    throw std::runtime_error(data_error("data/text/lemmas.tsv", d.line, "words must be lower case"));
        if (!table->map.emplace(d.fields[0], d.fields[1]).second)
            throw std::runtime_error(data_error("data/text/lemmas.tsv", d.line, "duplicate form '" + std::string(d.fields[0]) + "'"));
    }
    table_ = std::move(table);
}

std::string Lemmatizer::lemma_string(std::string_view word) const {
    Lemma l = lemma(word);
    if (!l.whole.empty()) return std::string(l.whole);
    std::string s(word.substr(0, l.keep));
    s.append(l.suffix);
    return s;
}

Lemma Lemmatizer::lemma(std::string_view w) const {
    const Lemma same{{}, static_cast<uint32_t>(w.size()), {}};
    if (const std::string_view* t = table_->map.find(w)) return Lemma{*t, 0, {}};
    if (w.size() <= 3) return same;
    // Possessive "runner's" -> "runner" (then the rules below).
    if (ends_with(w, "'s")) {
        std::string_view base = w.substr(0, w.size() - 2);
        if (const std::string_view* t = table_->map.find(base)) return Lemma{*t, 0, {}};
        return Lemma{{}, static_cast<uint32_t>(base.size()), {}};
    }
    for (char c : w)
        if (!is_letter(c)) return same;
    const size_t n = w.size();
    if (ends_with(w, "ies") && n > 4) return Lemma{{}, static_cast<uint32_t>(n - 3), "y"};
    if (ends_with(w, "ied") && n > 4) return Lemma{{}, static_cast<uint32_t>(n - 3), "y"};
    if (ends_with(w, "sses")) return Lemma{{}, static_cast<uint32_t>(n - 2), {}};
    if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is")) return same;
    if (ends_with(w, "ches") || ends_with(w, "shes") || ends_with(w, "xes") || ends_with(w, "zzes")) {
        if (ends_with(w, "aches")) return Lemma{{}, static_cast<uint32_t>(n - 1), {}};
        return Lemma{{}, static_cast<uint32_t>(n - 2), {}};
    }
    if (w.back() == 's' && w[n - 2] != 's' && w[n - 2] != 'u') return Lemma{{}, static_cast<uint32_t>(n - 1), {}};
    if (ends_with(w, "ing") && n >= 5) {
        std::string_view stem = w.substr(0, n - 3);
        if (has_vowel(stem)) return fix_stem(w, stem);
        return same;
    }
    if (ends_with(w, "ed") && n >= 4 && !ends_with(w, "eed")) {
        std::string_view stem = w.substr(0, n - 2);
        if (has_vowel(stem)) return fix_stem(w, stem);
        return same;
    }
    return same;
}

}  // namespace fkb::text
