// PostWords: see post_words.hpp.
#include "post_words.hpp"

#include "word_key.hpp"

#include <algorithm>
#include <array>

namespace fkb::advice {

namespace {

constexpr bool ascii_word_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Per byte: an ASCII letter, digit or apostrophe (the bytes a word is made of).
constexpr auto kWordByte = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = ascii_word_char(static_cast<unsigned char>(c)) || c == '\'';
    return t;
}();

/// Length of the UTF-8 sequence starting with byte c.
size_t utf8_len(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

/// For a non-ASCII character: the ASCII punctuation it stands for, or 0 if
/// it is a letter (part of a word). Apostrophes return '\''.
char unicode_punct(std::string_view s) {
    auto b = [&](size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
    if (b(0) == 0xE2 && b(1) == 0x80) {
        unsigned c = b(2);
        if (c == 0x98 || c == 0x99) return '\'';
        if (c == 0x9C || c == 0x9D) return '"';
        if (c >= 0x90 && c <= 0x95) return '-';
        if (c == 0xA6) return '.';
        if (c == 0xA2) return '*';
        return ' ';
    }
    if (b(0) == 0xC2 && (b(1) == 0xA0)) return ' ';
    if (b(0) == 0xC2 && (b(1) == 0xAB || b(1) == 0xBB)) return '"';
    if (b(0) >= 0xF0) return '*';                   // emoji and other symbols
    if (b(0) == 0xE2 && b(1) >= 0x86) return '*';   // arrows, dingbats, misc symbols
    return 0;
}

}  // namespace

std::string_view PostWords::keys(size_t first, size_t last) const noexcept {
    if (first >= last || last > words_.size()) return {};
    size_t b = words_[first].key_off, e = words_[last - 1].key_off + words_[last - 1].key_len;
    return std::string_view(keys_).substr(b, e - b);
}

size_t PostWords::word_at_key(size_t pos) const noexcept {
    auto it = std::upper_bound(words_.begin(), words_.end(), pos,
                               [](size_t p, const Word& w) { return p < w.key_off + w.key_len; });
    return static_cast<size_t>(it - words_.begin());
}

std::string_view PostWords::span_text(size_t first, size_t last) const noexcept {
    if (first >= last || last > words_.size()) return {};
    return text_.substr(words_[first].start, words_[last - 1].end - words_[first].start);
}

void PostWords::add_word(uint32_t start, uint32_t end, uint32_t sentence, bool punct, bool number,
                         std::string_view key_src) {
    if (cache_) {
        const WordForms& f = cache_->forms(key_src, punct);
        Word& w = words_.emplace_back(f.word);  // classes, punct, mark, key and stem lengths
        w.start = start;
        w.end = end;
        w.sentence = sentence;
        w.number = number;
        if (keys_.empty()) {
            w.key_off = 0;
            keys_.append(f.key);
        } else {
            w.key_off = static_cast<uint32_t>(keys_.size() + 1);
            keys_.append(f.spaced_key);
        }
        w.stem_off = static_cast<uint32_t>(stems_.size());
        stems_.append(f.stem);
        return;
    }
    Word w;
    w.start = start;
    w.end = end;
    w.sentence = sentence;
    w.punct = punct;
    w.number = number;
    if (!keys_.empty()) keys_.push_back(' ');
    w.key_off = static_cast<uint32_t>(keys_.size());
    if (punct) {
        keys_.append(key_src);
    } else {
        append_key(key_src, keys_);
    }
    w.key_len = static_cast<uint32_t>(keys_.size() - w.key_off);
    if (w.key_len == 0) {  // a word made only of apostrophes
        keys_.push_back('\'');
        w.key_len = 1;
        w.punct = true;
    }
    w.stem_off = static_cast<uint32_t>(stems_.size());
    if (w.punct) {
        stems_.append(keys_, w.key_off, w.key_len);
    } else {
        append_stem(std::string_view(keys_).substr(w.key_off, w.key_len), stems_);
    }
    w.stem_len = static_cast<uint32_t>(stems_.size() - w.stem_off);
    w.mark = w.punct && w.key_len == 1 ? keys_[w.key_off] : 0;
    words_.push_back(w);
}

PostWords PostWords::from_analysis(std::string_view text, const fkb_post_analysis& a, WordFormCache& cache) {
    PostWords pw = from_analysis_with(text, a, &cache);
    return pw;
}

PostWords PostWords::from_analysis(std::string_view text, const fkb_post_analysis& a) {
    return from_analysis_with(text, a, nullptr);
}

PostWords PostWords::from_analysis_with(std::string_view text, const fkb_post_analysis& a, WordFormCache* cache) {
    PostWords pw;
    pw.cache_ = cache;
    pw.text_ = text;
    pw.words_.reserve(a.n_tokens + 8);
    pw.keys_.reserve(text.size() + 16);
    pw.stems_.reserve(text.size() + 16);
    for (size_t ti = 0; ti < a.n_tokens; ++ti) {
        const fkb_token& t = a.tokens[ti];
        if (t.end > text.size() || t.start >= t.end) continue;
        // Re-cut the token: split off Unicode punctuation and symbols, keep
        // apostrophes inside words, and join a contraction piece ("'t",
        // "n't", "’s") to the word right before it.
        uint32_t i = t.start;
        while (i < t.end) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            if (c < 0x80 && !ascii_word_char(c) && c != '\'') {
                if (c > ' ') pw.add_word(i, i + 1, t.sentence, true, false, text.substr(i, 1));
                ++i;
                continue;
            }
            if (c >= 0x80) {
                char p = unicode_punct(text.substr(i));
                size_t n = utf8_len(c);
                if (p != 0 && p != '\'') {
                    if (p != ' ') pw.add_word(i, static_cast<uint32_t>(i + n), t.sentence, true, false, std::string_view(&p, 1));
                    i += static_cast<uint32_t>(n);
                    continue;
                }
            }
            uint32_t j = i;
            bool all_apos = true;  // every byte of the word an ASCII apostrophe
            while (j < t.end) {
                unsigned char d = static_cast<unsigned char>(text[j]);
                if (d < 0x80) {
                    if (kWordByte[d]) {
                        all_apos = all_apos && d == '\'';
                        ++j;
                        continue;
                    }
                    // "2.5 miles", "1,500 steps": a decimal point or thousands
                    // separator between digits is part of the number.
                    if ((d == '.' || d == ',') && j > i && j + 1 < t.end && text[j - 1] >= '0' && text[j - 1] <= '9' &&
                        text[j + 1] >= '0' && text[j + 1] <= '9') {
                        all_apos = false;
                        ++j;
                        continue;
                    }
                    break;
                }
                char p = unicode_punct(text.substr(j));
                if (p != 0 && p != '\'') break;
                all_apos = false;
                j += static_cast<uint32_t>(utf8_len(d));
            }
            if (j > t.end) j = t.end;
            bool joins = !pw.words_.empty() && !pw.words_.back().punct && pw.words_.back().end == i &&
                         pw.words_.back().sentence == t.sentence &&
                         (c == '\'' || unicode_punct(text.substr(i)) == '\'' ||
                          (j - i == 3 && (text.substr(i, 3) == "n't")));
            if (joins) {
                // Rebuild the previous word over the joined bytes.
                Word prev = pw.words_.back();
                pw.words_.pop_back();
                pw.keys_.resize(prev.key_off > 0 ? prev.key_off - 1 : 0);
                pw.stems_.resize(prev.stem_off);
                pw.add_word(prev.start, j, t.sentence, false, prev.number, text.substr(prev.start, j - prev.start));
            } else {
                bool number = c >= '0' && c <= '9';
                pw.add_word(i, j, t.sentence, all_apos, number, text.substr(i, j - i));
            }
            i = j;
        }
    }
    // Sentences: the host's, as word ranges.
    size_t w = 0;
    for (uint32_t si = 0; si < a.n_sentences; ++si) {
        Sentence s;
        s.index = si;
        s.start = a.sentences[si].start;
        s.end = a.sentences[si].end;
        while (w < pw.words_.size() && pw.words_[w].sentence < si) ++w;
        s.first = static_cast<uint32_t>(w);
        while (w < pw.words_.size() && pw.words_[w].sentence == si) ++w;
        s.last = static_cast<uint32_t>(w);
        pw.sentences_.push_back(s);
    }
    // Word.sentence becomes an index into sentences_ (same numbering here).
    for (size_t qi = 0; qi < a.n_quoted; ++qi) {
        const fkb_span sp = a.quoted[qi].span;
        for (auto& wd : pw.words_)
            if (wd.start >= sp.start && wd.end <= sp.end) wd.quoted = true;
    }
    for (auto& s : pw.sentences_) {
        size_t n = 0, q = 0;
        for (uint32_t k = s.first; k < s.last; ++k) {
            if (pw.words_[k].punct) continue;
            ++n;
            q += pw.words_[k].quoted ? 1 : 0;
        }
        s.quoted = n > 0 && q * 2 > n;
    }
    for (size_t k = 0; k < a.n_scopes; ++k) {
        const fkb_scope& sc = a.scopes[k];
        Scope scope{static_cast<fkb_scope_kind>(sc.kind), sc.sentence, sc.trigger.start, sc.trigger.end,
                    sc.scope.start, sc.scope.end,
                    std::string(sc.value.ptr ? std::string_view(sc.value.ptr, sc.value.len) : "")};
        // A full stop inside a host sentence ("...bother it. drop the curls",
        // a lower-case start the splitter kept together) ends the scope.
        if (sc.sentence < pw.sentences_.size()) {
            const Sentence& s = pw.sentences_[sc.sentence];
            for (uint32_t wi = s.first; wi + 1 < s.last; ++wi) {
                const Word& wd = pw.words_[wi];
                if (wd.start < scope.trigger_end || wd.start >= scope.end) continue;
                std::string_view key = pw.key(wi);
                if (wd.punct && (key == "." || key == "!" || key == "?")) {
                    scope.end = wd.start;
                    break;
                }
            }
        }
        pw.scopes_.push_back(std::move(scope));
    }
    pw.cache_ = nullptr;
    return pw;
}

PostWords PostWords::from_plain(std::string_view text) {
    PostWords pw;
    pw.text_ = text;
    uint32_t sentence = 0, line_start_word = 0, line_start = 0;
    auto close_sentence = [&](uint32_t end) {
        if (pw.words_.size() > line_start_word) {
            Sentence s;
            s.first = line_start_word;
            s.last = static_cast<uint32_t>(pw.words_.size());
            s.start = pw.words_[s.first].start;
            s.end = end;
            s.index = sentence;
            pw.sentences_.push_back(s);
            ++sentence;
        }
        line_start_word = static_cast<uint32_t>(pw.words_.size());
    };
    uint32_t i = 0;
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            close_sentence(i);
            line_start = i + 1;
            ++i;
            continue;
        }
        if (c <= ' ') {
            ++i;
            continue;
        }
        if (c < 0x80 && !ascii_word_char(c) && c != '\'') {
            pw.add_word(i, i + 1, sentence, true, false, text.substr(i, 1));
            ++i;
            if ((c == '.' || c == '?' || c == '!') && (i >= text.size() || text[i] == ' ' || text[i] == '\n'))
                close_sentence(i);
            continue;
        }
        uint32_t j = i;
        while (j < text.size()) {
            unsigned char d = static_cast<unsigned char>(text[j]);
            if (d < 0x80 && !ascii_word_char(d) && d != '\'') break;
            if (d >= 0x80) {
                char p = unicode_punct(text.substr(j));
                if (p != 0 && p != '\'') break;
            }
            j += static_cast<uint32_t>(utf8_len(d));
        }
        if (j == i) {  // a lone Unicode punctuation mark or symbol
            size_t n = utf8_len(c);
            char p = unicode_punct(text.substr(i));
            if (p != ' ') pw.add_word(i, static_cast<uint32_t>(i + n), sentence, true, false, std::string_view(&p, 1));
            i += static_cast<uint32_t>(n);
            continue;
        }
        if (j > text.size()) j = static_cast<uint32_t>(text.size());
        pw.add_word(i, j, sentence, false, c >= '0' && c <= '9', text.substr(i, j - i));
        i = j;
    }
    close_sentence(static_cast<uint32_t>(text.size()));
    (void)line_start;
    return pw;
}

}  // namespace fkb::advice
