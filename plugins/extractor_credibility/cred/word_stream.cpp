// Canonical words over the host's tokens; see word_stream.hpp.
#include "cred/word_stream.hpp"

#include "cred/lexicon.hpp"

#include <cctype>

namespace fkb::cred {

std::string fold_word(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        // U+2018 / U+2019 (E2 80 98 / 99) -> ', U+201C / U+201D -> "
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            unsigned char d = static_cast<unsigned char>(s[i + 2]);
            if (d == 0x98 || d == 0x99) {
                out.push_back('\'');
                i += 2;
                continue;
            }
            if (d == 0x9C || d == 0x9D) {
                out.push_back('"');
                i += 2;
                continue;
            }
        }
        out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
    }
    return out;
}

namespace {

std::string_view sv(fkb_str s) { return s.ptr ? std::string_view(s.ptr, s.len) : std::string_view(); }

void push_words(WordStream& ws, const std::vector<std::string>& words, const fkb_token& t) {
    for (const auto& w : words) {
        Word x;
        x.text = x.lemma = w;
        x.start = t.start;
        x.end = t.end;
        x.sentence = t.sentence;
        ws.words.push_back(std::move(x));
    }
}

}  // namespace

WordStream WordStream::build(std::string_view text, const fkb_post_analysis& a, const Lexicon& lexicon) {
    WordStream ws;
    ws.words.reserve(a.n_tokens + 8);
    for (size_t i = 0; i < a.n_tokens; ++i) {
        const fkb_token& t = a.tokens[i];
        std::string norm = fold_word(sv(t.norm).empty() && t.end <= text.size() ? text.substr(t.start, t.end - t.start)
                                                                                 : sv(t.norm));
        // "+1" and "/s" arrive as two tokens.
        if ((norm == "+" || norm == "/") && i + 1 < a.n_tokens && a.tokens[i + 1].start == t.end &&
            a.tokens[i + 1].sentence == t.sentence) {
            std::string next = fold_word(sv(a.tokens[i + 1].norm));
            if ((norm == "+" && next == "1") || (norm == "/" && next == "s")) {
                Word x;
                x.text = x.lemma = norm + next;
                x.start = t.start;
                x.end = a.tokens[i + 1].end;
                x.sentence = t.sentence;
                ws.words.push_back(std::move(x));
                ++i;
                continue;
            }
        }
        if (t.flags & FKB_TOKEN_PUNCT) {
            Word x;
            x.text = x.lemma = norm;
            x.start = t.start;
            x.end = t.end;
            x.sentence = t.sentence;
            x.punct = true;
            ws.words.push_back(std::move(x));
            continue;
        }
        if (const auto* exp = lexicon.expansion(norm)) {
            push_words(ws, *exp, t);
            continue;
        }
        if (norm.size() > 3 && norm.compare(norm.size() - 3, 3, "n't") == 0) {
            // "wouldn't" -> would not; irregular forms ("can't", "won't") are in the table.
            push_words(ws, {norm.substr(0, norm.size() - 3), "not"}, t);
            continue;
        }
        Word x;
        x.text = norm;
        std::string lemma = fold_word(sv(t.lemma));
        x.lemma = lemma.empty() ? norm : lemma;
        x.start = t.start;
        x.end = t.end;
        x.sentence = t.sentence;
        x.number = (t.flags & FKB_TOKEN_NUMBER) != 0;
        ws.words.push_back(std::move(x));
    }
    ws.sentences.assign(a.n_sentences, {0, 0});
    size_t w = 0;
    for (size_t s = 0; s < a.n_sentences; ++s) {
        while (w < ws.words.size() && ws.words[w].sentence < s) ++w;
        size_t first = w;
        while (w < ws.words.size() && ws.words[w].sentence == s) ++w;
        ws.sentences[s] = {first, w};
    }
    return ws;
}

}  // namespace fkb::cred
