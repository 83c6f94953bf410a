// SentenceSplitter: UAX #29 candidates (ICU, or the ASCII fast path) and the
// forum rules on top; see the header for the rules.
#include <forumkb/text/sentence_splitter.hpp>
#include <forumkb/text/text_data.hpp>

#include <forumkb/text/normalizer.hpp>

#include "byte_scan.hpp"
#include "flat_map.hpp"
#include "icu_text.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <string>

namespace fkb::text {

namespace {

// ---------------------------------------------------------------- UAX #29, ASCII

enum Sb : uint8_t { kOther, kCR, kLF, kSp, kLower, kUpper, kNumeric, kATerm, kSTerm, kSContinue, kClose };

struct SbTable {
    uint8_t c[128];
    constexpr SbTable() : c() {
        for (int i = 0; i < 128; ++i) c[i] = kOther;
        c['\r'] = kCR;
        c['\n'] = kLF;
        c[' '] = c['\t'] = c['\v'] = c['\f'] = kSp;
        for (int i = 'a'; i <= 'z'; ++i) c[i] = kLower;
        for (int i = 'A'; i <= 'Z'; ++i) c[i] = kUpper;
        for (int i = '0'; i <= '9'; ++i) c[i] = kNumeric;
        c['.'] = kATerm;
        c['!'] = c['?'] = kSTerm;
        c[','] = c['-'] = c[':'] = kSContinue;
        c['"'] = c['\''] = c['('] = c[')'] = c['['] = c[']'] = c['{'] = c['}'] = kClose;
    }
};
constexpr SbTable kSb;

inline uint8_t sb(char ch) { return kSb.c[static_cast<unsigned char>(ch)]; }

/// Whether UAX #29 puts a sentence break before s[i] (0 < i < s.size())
/// in an ASCII line.
bool uax29_break_at(std::string_view s, size_t i) {
    const size_t n = s.size();
    const uint8_t c0 = sb(s[i - 1]), c1 = sb(s[i]);
    if (c0 == kCR && c1 == kLF) return false;                                      // SB3
    if (c0 == kCR || c0 == kLF) return true;                                       // SB4
    if (c0 == kATerm && c1 == kNumeric) return false;                              // SB6
    if (c0 == kATerm && c1 == kUpper && i >= 2 && (sb(s[i - 2]) == kUpper || sb(s[i - 2]) == kLower))
        return false;  // SB7
    size_t j = i;  // one past the last character of "SATerm Close* Sp*"
    bool saw_sp = false;
    while (j > 0 && sb(s[j - 1]) == kSp) { --j; saw_sp = true; }
    while (j > 0 && sb(s[j - 1]) == kClose) --j;
    if (j == 0) return false;
    const uint8_t term = sb(s[j - 1]);
    if (term != kATerm && term != kSTerm) return false;  // SB998
    if (term == kATerm) {                                // SB8
        size_t m = i;
        while (m < n) {
            uint8_t k = sb(s[m]);
            if (k == kLower || k == kUpper || k == kCR || k == kLF || k == kATerm || k == kSTerm) break;
            ++m;
        }
        if (m < n && sb(s[m]) == kLower) return false;
    }
    if (c1 == kSContinue || c1 == kATerm || c1 == kSTerm) return false;              // SB8a
    if (!saw_sp && (c1 == kClose || c1 == kSp || c1 == kCR || c1 == kLF)) return false;  // SB9
    if (c1 == kSp || c1 == kCR || c1 == kLF) return false;                           // SB10
    return true;                                                                     // SB11
}

/// UAX #29 breaks inside one ASCII line (which ends with its line break, if
/// any); pushes base + offset for every break after position 0. A break can
/// only follow "SATerm Close* Sp*" (or a line break, which ends the line),
/// so only the positions after a . ! or ? and its closing marks and spaces
/// are tested.
void uax29_ascii_line(std::string_view s, uint32_t base, std::vector<uint32_t>& out) {
    const size_t n = s.size();
    size_t done = 0;  // positions <= done were tested
    auto after_term = [&](size_t t) {
        // The common case, a terminator, one space and a letter ("sore. Then",
        // "e.g. this", "what? then"): no break after the terminator (SB9,
        // or SB8 for a full stop before a lower-case word), and one before
        // the letter unless a full stop is followed by a lower-case word
        // (SB8); otherwise SB11.
        if (t + 2 < n && s[t + 1] == ' ') {
            const uint8_t next = sb(s[t + 2]);
            if (next == kUpper || next == kLower) {
                if (done < t + 2 && (next == kUpper || sb(s[t]) == kSTerm)) out.push_back(base + static_cast<uint32_t>(t + 2));
                done = std::max(done, t + 2);
                return;
            }
        }
        size_t j = t + 1;
        while (j < n && sb(s[j]) == kClose) ++j;
        while (j < n && sb(s[j]) == kSp) ++j;
        for (size_t i = std::max(t + 1, done + 1); i <= j && i < n; ++i)
            if (uax29_break_at(s, i)) out.push_back(base + static_cast<uint32_t>(i));
        done = std::max(done, std::min(j, n - 1));
    };
    // Every . ! or ? before the last byte, in order, eight bytes at a time.
    const size_t lim = n > 0 ? n - 1 : 0;
    size_t t = 0;
#if defined(__SSE2__)
    for (; t + 16 <= lim; t += 16)
        for (uint32_t m = detail::equal3_16(s.data() + t, '.', '!', '?'); m; m &= m - 1)
            after_term(t + static_cast<unsigned>(__builtin_ctz(m)));
#endif
    for (; t + 8 <= lim; t += 8) {
        const uint64_t w = detail::load8(s.data() + t);
        uint64_t m = detail::bytes_equal(w, '.') | detail::bytes_equal(w, '!') | detail::bytes_equal(w, '?');
        for (; m; m &= m - 1) after_term(t + detail::first_byte(m));
    }
    for (; t < lim; ++t)
        if (s[t] == '.' || s[t] == '!' || s[t] == '?') after_term(t);
    out.push_back(base + static_cast<uint32_t>(n));
}

/// UAX #29 breaks of a line that holds non-ASCII characters, through the
/// ASCII rules: the rules look at nothing but each character's
/// Sentence_Break class, so every code point stands in as an ASCII
/// character of its class ("é" as 'a', an emoji as '#', "¿" as '!'),
/// and Extend and Format characters, which the rules skip (SB5), are left
/// out of the stand-in. Returns false, pushing nothing, for a line with a
/// class no ASCII character has (OLetter, Sep) or that starts with an
/// Extend or Format character; ICU then reads it.
bool uax29_mapped_line(std::string_view s, uint32_t base, std::vector<uint32_t>& out) {
    thread_local std::string stand_in;
    thread_local std::vector<uint32_t> from;  // byte in s where each stand-in character's code point starts
    thread_local std::vector<uint32_t> got;
    stand_in.clear();
    from.clear();
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {  // an ASCII run stands for itself
            size_t j = i + 1;
            while (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) ++j;
            stand_in.append(s.data() + i, j - i);
            const size_t at = from.size();
            from.resize(at + (j - i));
            for (size_t k = i; k < j; ++k) from[at + (k - i)] = static_cast<uint32_t>(k);
            i = j;
            continue;
        }
        const size_t at = i;
        const int32_t cp = detail::next_code_point(s, i);
        char r;
        switch (u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK)) {
            case U_SB_EXTEND:
            case U_SB_FORMAT:
                if (stand_in.empty()) return false;
                continue;  // belongs to the character before it
            case U_SB_OTHER: r = '#'; break;
            case U_SB_LOWER: r = 'a'; break;
            case U_SB_UPPER: r = 'A'; break;
            case U_SB_NUMERIC: r = '0'; break;
            case U_SB_ATERM: r = '.'; break;
            case U_SB_STERM: r = '!'; break;
            case U_SB_CLOSE: r = ')'; break;
            case U_SB_SCONTINUE: r = ','; break;
            case U_SB_SP: r = ' '; break;
            default: return false;
        }
        stand_in.push_back(r);
        from.push_back(static_cast<uint32_t>(at));
    }
    from.push_back(static_cast<uint32_t>(s.size()));
    got.clear();
    uax29_ascii_line(stand_in, 0, got);
    for (uint32_t b : got) out.push_back(base + from[b]);
    return true;
}

void uax29_icu_line(std::string_view s, uint32_t base, std::vector<uint32_t>& out) {
    thread_local detail::Utf16Text t;
    t.assign(s, base);
    icu::BreakIterator& it = detail::sentence_iterator();
    it.setText(t.u);
    it.first();
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) out.push_back(t.byte_of[static_cast<size_t>(b)]);
    // ICU's last break is the line's end, like the ASCII path's.
}

// ---------------------------------------------------------------- helpers

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline char lower(char c) { return is_upper(c) ? static_cast<char>(c + 32) : c; }

constexpr std::string_view kBullet = "\xE2\x80\xA2";        // •
constexpr std::string_view kWhiteBullet = "\xE2\x97\xA6";   // ◦
constexpr std::string_view kTriBullet = "\xE2\x80\xA3";     // ‣
constexpr std::string_view kBlackCircle = "\xE2\x97\x8F";   // ●
constexpr std::string_view kMiddleDot = "\xC2\xB7";         // ·

/// Length of a bullet marker at s[i] (0 if none); `line_start` allows the
/// markers that only count at the start of a line ("- ", "* ", "1. ").
size_t bullet_at(std::string_view s, size_t i, bool line_start) {
    std::string_view r = s.substr(i);
    for (auto b : {kBullet, kWhiteBullet, kTriBullet, kBlackCircle})
        if (r.substr(0, b.size()) == b) return b.size();
    if (r.substr(0, 2) == ">>") {
        size_t k = 2;
        while (k < r.size() && r[k] == '>') ++k;
        return k;
    }
    if (!line_start) return 0;
    if (r.substr(0, kMiddleDot.size()) == kMiddleDot) return kMiddleDot.size();
    if (r.empty()) return 0;
    if (r[0] == '>') return 1;
    if ((r[0] == '-' || r[0] == '*' || r[0] == '+') &&
        (r.size() == 1 || r[1] == ' ' || r[1] == '\t' || r[1] == '\n' || r[1] == '\r'))
        return 1;
    if (r.substr(0, 2) == "--" && (r.size() == 2 || r[2] == ' ')) return 2;
    size_t k = 0;
    while (k < r.size() && k < 2 && is_digit(r[k])) ++k;
    if (k > 0 && k + 1 < r.size() && (r[k] == '.' || r[k] == ')') && (r[k + 1] == ' ' || r[k + 1] == '\t')) return k + 1;
    return 0;
}

bool has_word_char(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c))) return true;
            ++i;
            continue;
        }
        int32_t cp = detail::next_code_point(s, i);
        if (u_isalnum(cp)) return true;
    }
    return false;
}

/// A word list looked up with the words of the text as they stand: the
/// lookup lower-cases into a stack buffer (no string per lookup), and words
/// longer than the longest listed word or starting with a byte no listed
/// word starts with are rejected before any hashing.
class WordSet {
public:
    WordSet(std::string_view name, std::string_view content) {
        for (const auto& d : parse_data(name, content, 1, 1)) {
            std::string& w = words_.emplace_back(d.fields[0]);
            for (char& c : w) c = lower(c);
        }
        for (const std::string& w : words_) {
            map_.emplace(w, 1);
            max_len_ = std::max(max_len_, w.size());
            first_ |= 1ull << (static_cast<unsigned char>(w[0]) & 63);
        }
    }
    /// Whether `w` (lower case) is listed.
    bool contains(std::string_view w) const { return !w.empty() && map_.find(w) != nullptr; }
    /// Whether text[a, b) lower-cased (ASCII) is listed.
    bool contains_lowered(std::string_view text, size_t a, size_t b) const {
        const size_t n = b - a;
        if (n == 0 || n > max_len_ || !((first_ >> (static_cast<unsigned char>(lower(text[a])) & 63)) & 1)) return false;
        char tmp[64];
        if (n > sizeof tmp) {
            std::string w(text.substr(a, n));
            for (char& c : w) c = lower(c);
            return map_.find(w) != nullptr;
        }
        for (size_t i = 0; i < n; ++i) tmp[i] = lower(text[a + i]);
        return map_.find(std::string_view(tmp, n)) != nullptr;
    }

private:
    std::deque<std::string> words_;  // the keys of map_ (a deque: they never move)
    detail::FlatStringMap<uint8_t> map_;
    size_t max_len_ = 0;
    uint64_t first_ = 0;  // bit (c & 63) for each first byte c of a listed word
};

/// The last code point before byte i (and where it starts).
int32_t code_point_before(std::string_view s, size_t i, size_t& start) {
    size_t k = i;
    while (k > 0) {
        --k;
        if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) break;
    }
    start = k;
    size_t j = k;
    return detail::next_code_point(s, j);
}

/// uax29_breaks, told whether the whole text is ASCII (then no line is
/// checked again).
void uax29_breaks_of(std::string_view text, bool force_icu, bool ascii, std::vector<uint32_t>& out) {
    out.clear();
    size_t pos = 0;
    const bool has_cr = std::memchr(text.data(), '\r', text.size()) != nullptr;
    while (pos < text.size()) {
        size_t end = pos;
        if (!has_cr) {
            const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
            end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        } else {
            while (end < text.size() && text[end] != '\n' &&
                   !(text[end] == '\r' && (end + 1 >= text.size() || text[end + 1] != '\n')))
                ++end;
        }
        if (end < text.size()) ++end;  // the line break belongs to its line
        std::string_view line = text.substr(pos, end - pos);
        if (!force_icu && (ascii || is_ascii(line))) uax29_ascii_line(line, static_cast<uint32_t>(pos), out);
        else if (force_icu || !uax29_mapped_line(line, static_cast<uint32_t>(pos), out))
            uax29_icu_line(line, static_cast<uint32_t>(pos), out);
        pos = end;
    }
}

}  // namespace

// ---------------------------------------------------------------- splitter

SentenceSplitter::SentenceSplitter()
    : SentenceSplitter(text_data("abbreviations.txt"), text_data("sentence_enders.txt")) {}

struct SentenceSplitter::Words {
    Words(std::string_view abbreviations_txt, std::string_view enders_txt)
        : abbreviations("data/text/abbreviations.txt", abbreviations_txt), enders("data/text/sentence_enders.txt", enders_txt) {}
    WordSet abbreviations, enders;  // built in place: their maps point into their own strings
};

SentenceSplitter::SentenceSplitter(std::string_view abbreviations_txt, std::string_view enders_txt)
    : words_(std::make_shared<const Words>(abbreviations_txt, enders_txt)) {}

bool SentenceSplitter::is_abbreviation(std::string_view word) const { return words_->abbreviations.contains(word); }

void SentenceSplitter::uax29_breaks(std::string_view text, bool force_icu, std::vector<uint32_t>& out) {
    uax29_breaks_of(text, force_icu, !force_icu && is_ascii(text), out);
}


std::vector<fkb_span> SentenceSplitter::split(std::string_view text) const {
    std::vector<fkb_span> out;
    split(text, out);
    return out;
}

void SentenceSplitter::split(std::string_view text, std::vector<fkb_span>& out) const { split(text, is_ascii(text), out); }

void SentenceSplitter::split(std::string_view text, bool ascii, std::vector<fkb_span>& out) const {
    out.clear();
    if (text.empty()) return;
    thread_local std::vector<uint32_t> breaks;
    uax29_breaks_of(text, false, ascii, breaks);

    // 1. Breaks to add: no space after a full stop, "lol"/emoji before a
    //    capitalized word, a bullet in the middle of a line. Each rule
    //    looks back from a capital letter or a bullet's first byte, so only
    //    those bytes are visited.
    thread_local std::vector<uint32_t> extra;
    extra.clear();
    const size_t n = text.size();
    const WordSet& abbreviations = words_->abbreviations;
    const WordSet& enders = words_->enders;
    auto visit = [&](size_t p) {
        const char c = text[p];
        if (c == '>' || static_cast<unsigned char>(c) == 0xE2) {
            // A bullet in the middle of a line, after a space.
            if (p > 0 && text[p - 1] == ' ' && bullet_at(text, p, false) > 0) extra.push_back(static_cast<uint32_t>(p));
            return;
        }
        // c is a capital letter. Both rules below want a full stop, a space
        // or a tab just before it: the capitals inside words stop here.
        const char before = p > 0 ? text[p - 1] : '\0';
        if (before != '.' && before != ' ' && before != '\t') return;
        // "sore.Then": a full stop with no space,
        // after a word of two letters or more that is no abbreviation.
        if (p >= 3 && p + 1 < n && text[p - 1] == '.' && is_lower(text[p - 2]) && is_alpha(text[p - 3]) &&
            (is_lower(text[p + 1]) || text[p + 1] == ' ' || text[p + 1] == '\'')) {
            const size_t k = p - 1;
            size_t w = k;
            while (w > 0 && is_alpha(text[w - 1])) --w;
            const bool dotted = w > 0 && (text[w - 1] == '.' || text[w - 1] == '@' || text[w - 1] == '/');
            if (!dotted && k - w >= 2 && !abbreviations.contains_lowered(text, w, k)) extra.push_back(static_cast<uint32_t>(p));
        }
        // Something that ends a sentence without punctuation ("lol", an
        // emoji), then spaces starting with ' ', then this capital.
        size_t k = p;
        while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
        if (k == p || k == 0 || text[k] != ' ') return;
        bool ends = false;
        size_t w = k;
        while (w > 0 && is_alpha(text[w - 1])) --w;
        if (w < k && (w == 0 || is_space(text[w - 1]))) ends = enders.contains_lowered(text, w, k);
        if (!ends && !ascii && static_cast<unsigned char>(text[k - 1]) >= 0x80) {
            // Skip emoji modifiers, variation selectors and joiners back
            // to the pictograph itself.
            size_t at = k;
            for (int guard = 0; guard < 8 && at > 0; ++guard) {
                size_t st;
                int32_t cp = code_point_before(text, at, st);
                if (detail::is_emoji(cp)) { ends = true; break; }
                if (cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)) {
                    at = st;
                    continue;
                }
                break;
            }
        }
        if (ends) extra.push_back(static_cast<uint32_t>(p));
    };
    size_t p = 0;
#if defined(__SSE2__)
    for (; p + 16 <= n; p += 16)
        for (uint32_t m = detail::range_or2_16(text.data() + p, 'A', 'Z', '>', static_cast<char>(0xE2)); m; m &= m - 1)
            visit(p + static_cast<unsigned>(__builtin_ctz(m)));
#endif
    for (; p + 8 <= n; p += 8) {
        const uint64_t w = detail::load8(text.data() + p);
        uint64_t m = detail::bytes_in_range(w, 'A', 'Z') | detail::bytes_equal(w, '>') | detail::bytes_equal(w, 0xE2);
        for (; m; m &= m - 1) visit(p + detail::first_byte(m));
    }
    for (; p < n; ++p)
        if (is_upper(text[p]) || text[p] == '>' || static_cast<unsigned char>(text[p]) == 0xE2) visit(p);
    if (!extra.empty()) {  // both in order: merged, not sorted
        thread_local std::vector<uint32_t> all;
        all.resize(breaks.size() + extra.size());
        std::merge(breaks.begin(), breaks.end(), extra.begin(), extra.end(), all.begin());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        breaks.swap(all);
    }

    // 2. Segments, dropping breaks after abbreviations and merging soft
    //    wraps and content-free pieces.
    struct Seg {
        uint32_t a, b;
    };
    thread_local std::vector<Seg> segs;
    segs.clear();
    uint32_t prev = 0;
    for (uint32_t b : breaks) {
        if (b <= prev) continue;
        bool keep = true;
        if (b < n && text[b - 1] != '\n' && text[b - 1] != '\r') {
            size_t q = b;
            while (q > prev && is_space(text[q - 1])) --q;
            if (q > prev && text[q - 1] == '.') {
                size_t w = q - 1;
                while (w > prev && (is_alpha(text[w - 1]) || text[w - 1] == '.')) --w;
                if (abbreviations.contains_lowered(text, w, q - 1)) keep = false;
            }
        }
        if (keep) {
            segs.push_back(Seg{prev, b});
            prev = b;
        }
    }
    if (prev < n) segs.push_back(Seg{prev, static_cast<uint32_t>(n)});

    thread_local std::vector<Seg> merged;
    merged.clear();
    for (const Seg& s : segs) {
        if (!merged.empty()) {
            Seg& last = merged.back();
            const bool after_newline = text[s.a - 1] == '\n' || text[s.a - 1] == '\r';
            std::string_view body = text.substr(s.a, s.b - s.a);
            // Content-free piece (emoji, "!!", ":)") on the same line.
            if (!after_newline && !has_word_char(body)) {
                last.b = s.b;
                continue;
            }
            // Soft wrap: a long line cut mid-sentence, continued in lower case.
            if (after_newline) {
                size_t le = s.a;
                while (le > last.a && is_space(text[le - 1])) --le;
                // Where the line before starts, looked for only as far back
                // as the rule needs (60 bytes).
                const size_t stop = le - std::min<size_t>(le - last.a, 60);
                const void* nl = memrchr(text.data() + stop, '\n', le - stop);
                const size_t ls = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1 : stop;
                size_t f = s.a;
                while (f < s.b && (text[f] == ' ' || text[f] == '\t')) ++f;
                const bool blank_between = std::count(text.begin() + le, text.begin() + s.a, '\n') > 1;
                if (!blank_between && le > ls && le - ls >= 60 && (is_lower(text[le - 1]) || text[le - 1] == ',') &&
                    f < s.b && is_lower(text[f]) && bullet_at(text, f, true) == 0) {
                    last.b = s.b;
                    continue;
                }
            }
        }
        merged.push_back(s);
    }

    // 3. Trim white space and bullet markers.
    for (const Seg& s : merged) {
        size_t a = s.a, b = s.b;
        for (;;) {
            while (a < b && is_space(text[a])) ++a;
            bool line_start = a == 0 || text[a - 1] == '\n' || text[a - 1] == '\r' || a == s.a ||
                              [&] {
                                  size_t k = a;
                                  while (k > s.a && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
                                  return k == s.a || text[k - 1] == '\n';
                              }();
            size_t m = a < b ? bullet_at(text.substr(0, b), a, line_start) : 0;
            if (m == 0) break;
            a += m;
        }
        while (b > a && is_space(text[b - 1])) --b;
        if (a < b) out.push_back(fkb_span{static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
    }
}

}  // namespace fkb::text
