// Key and stem of words: see word_key.hpp. Hot path: called once per token.
#include "word_key.hpp"

namespace fkb::advice {

namespace {

bool ends_with(std::string_view s, std::string_view suf) {
    return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

void append_key(std::string_view w, std::string& out) {
    for (size_t i = 0; i < w.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(w[i]);
        if (c < 0x80) {
            if (c == '\'' || c == '`') continue;
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
            continue;
        }
        // U+2018 / U+2019 (curly single quotes) and U+02BC are apostrophes: drop.
        if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(w[i + 2]) == 0x98 || static_cast<unsigned char>(w[i + 2]) == 0x99)) {
            i += 2;
            continue;
        }
        if (c == 0xCA && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0xBC) {
            ++i;
            continue;
        }
        out.push_back(static_cast<char>(c));
    }
}

std::string word_key(std::string_view word) {
    std::string out;
    append_key(word, out);
    return out;
}

void append_stem(std::string_view k, std::string& out) {
    std::string_view s = k;
    // Plurals and third person.
    if (s.size() > 4 && ends_with(s, "ies")) {
        out.append(s.substr(0, s.size() - 3));
        out.push_back('y');
        return;
    }
    if (s.size() > 3 && ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is"))
        s.remove_suffix(1);
    // Gerunds and past tenses, only when a real stem is left.
    bool stripped = false;
    if (s.size() > 5 && ends_with(s, "ing")) {
        s.remove_suffix(3);
        stripped = true;
    } else if (s.size() > 4 && ends_with(s, "ed") && !ends_with(s, "eed")) {
        s.remove_suffix(2);
        stripped = true;
    }
    // "running" -> "runn" -> "run"; "stopped" -> "stopp" -> "stop".
    if (stripped && s.size() >= 3 && s[s.size() - 1] == s[s.size() - 2] && !is_vowel(s.back()) &&
        s.back() != 'l' && s.back() != 's' && s.back() != 'z')
        s.remove_suffix(1);
    // "stretche"/"tense"/"knee": a final e goes so that both forms meet.
    if (s.size() > 3 && s.back() == 'e') s.remove_suffix(1);
    out.append(s);
}

std::string word_stem(std::string_view key) {
    std::string out;
    append_stem(key, out);
    return out;
}

std::string phrase_stem(std::string_view phrase) {
    std::string out, key;
    size_t i = 0;
    while (i < phrase.size()) {
        unsigned char c = static_cast<unsigned char>(phrase[i]);
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
                    c == '\'';
        if (!word) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < phrase.size()) {
            unsigned char d = static_cast<unsigned char>(phrase[j]);
            bool wd = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d >= 0x80 ||
                      d == '\'';
            if (!wd) break;
            ++j;
        }
        key.clear();
        append_key(phrase.substr(i, j - i), key);
        if (!key.empty()) {
            if (!out.empty()) out.push_back(' ');
            append_stem(key, out);
        }
        i = j;
    }
    return out;
}

}  // namespace fkb::advice
