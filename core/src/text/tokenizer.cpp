// Tokenizer: UAX #29 word segments, ASCII fast path and ICU path.
#include <forumkb/text/normalizer.hpp>
#include <forumkb/text/tokenizer.hpp>

#include "byte_scan.hpp"
#include "icu_text.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>

namespace fkb::text {

namespace {

enum Wb : uint8_t { kOther, kCR, kLF, kNewline, kSpace, kLetter, kNumeric, kMidLetter, kMidNum, kMidNumLet, kSingleQuote, kExtendNumLet };

struct WbTable {
    uint8_t c[128];
    constexpr WbTable() : c() {
        for (int i = 0; i < 128; ++i) c[i] = kOther;
        c['\r'] = kCR;
        c['\n'] = kLF;
        c['\v'] = c['\f'] = kNewline;
        c[' '] = kSpace;
        for (int i = 'a'; i <= 'z'; ++i) c[i] = kLetter;
        for (int i = 'A'; i <= 'Z'; ++i) c[i] = kLetter;
        for (int i = '0'; i <= '9'; ++i) c[i] = kNumeric;
        // ':' is MidLetter in UAX #29, but ICU's rules leave it out.
        c[','] = c[';'] = kMidNum;
        c['.'] = kMidNumLet;
        c['\''] = kSingleQuote;
        c['_'] = kExtendNumLet;
    }
};
constexpr WbTable kWb;
inline uint8_t wb(char ch) { return kWb.c[static_cast<unsigned char>(ch)]; }

constexpr bool is_word_class(uint8_t k) { return k == kLetter || k == kNumeric || k == kExtendNumLet; }

// Per-byte bits for the flags: 1 lower, 2 upper, 4 digit.
struct CharBits {
    uint8_t c[256];
    constexpr CharBits() : c() {
        for (int i = 'a'; i <= 'z'; ++i) c[i] = 1;
        for (int i = 'A'; i <= 'Z'; ++i) c[i] = 2;
        for (int i = '0'; i <= '9'; ++i) c[i] = 4;
    }
};
constexpr CharBits kBits;

uint32_t ascii_flags(std::string_view t) {
    uint8_t bits = 0;
    for (char c : t) bits |= kBits.c[static_cast<unsigned char>(c)];
    uint32_t f = bits ? FKB_TOKEN_WORD : FKB_TOKEN_PUNCT;
    if (kBits.c[static_cast<unsigned char>(t[0])] == 4) f |= FKB_TOKEN_NUMBER;
    if ((bits & 3) == 2) f |= FKB_TOKEN_UPPER;
    return f;
}

/// Per ASCII byte: its word break class (low 4 bits), kWordBit for the
/// classes that make words, and its case/digit bits (kBits << 4), so one
/// table serves the segmentation and the flags.
constexpr uint8_t kWordBit = 0x80;
struct AsciiTable {
    uint8_t c[256];
    constexpr AsciiTable() : c() {
        for (int i = 0; i < 128; ++i) {
            const uint8_t k = kWb.c[i];
            c[i] = static_cast<uint8_t>(k | (is_word_class(k) ? kWordBit : 0) | (kBits.c[i] << 4));
        }
    }
};
constexpr AsciiTable kAscii;
inline uint8_t at(char ch) { return kAscii.c[static_cast<unsigned char>(ch)]; }

/// FKB_TOKEN_* of a word-class run from its case/digit bits (1 lower,
/// 2 upper, 4 digit): what ascii_flags() gives.
struct RunFlags {
    uint32_t f[8];
    constexpr RunFlags() : f() {
        for (int b = 0; b < 8; ++b) f[b] = (b ? FKB_TOKEN_WORD : FKB_TOKEN_PUNCT) | ((b & 3) == 2 ? FKB_TOKEN_UPPER : 0);
    }
};
constexpr RunFlags kRunFlags;

/// The classes that may join two letters or two digits (WB6/7, WB11/12),
/// one bit each.
constexpr uint32_t kMidClasses = 1u << kMidLetter | 1u << kMidNumLet | 1u << kSingleQuote | 1u << kMidNum;

/// Whether the byte at j (0 < j, with a byte after it) joins the word
/// characters on its two sides into one word: WB6/7 (letters around a
/// MidLetter, MidNumLet or single quote) or WB11/12 (digits around a
/// MidNum, MidNumLet or single quote).
inline bool joins(const char* p, uint32_t j) {
    const uint8_t c = at(p[j]) & 15;
    if (!((1u << c) & kMidClasses)) return false;
    const uint8_t pc = at(p[j - 1]) & 15, q = at(p[j + 1]) & 15;
    return (pc == kLetter && q == kLetter && c != kMidNum) || (pc == kNumeric && q == kNumeric && c != kMidLetter);
}

void tokenize_ascii(std::string_view s, uint32_t start, uint32_t end, std::vector<RawToken>& out) {
    // At most one token per byte: the tokens are written through a pointer
    // and the vector cut to size at the end (no capacity check per token;
    // RawToken is trivial, so the resize is a memset).
    const size_t base = out.size();
    out.resize(base + (end - start));
    RawToken* const first = out.data() + base;
    RawToken* o = first;
    const char* const p = s.data();
    // Sixteen bytes are read at once where s has them (past `end` too: the
    // bytes after it are ignored).
    [[maybe_unused]] const size_t readable = s.size();
    uint32_t i = start;
    while (i < end) {
        const uint8_t e = at(p[i]);
        uint32_t j = i + 1;
        if (e & kWordBit) {
#if defined(__SSE2__)
            // The common word: it ends inside the sixteen bytes from its
            // start, and not at a mid character that may join it to more.
            if (i + 16 <= readable) {
                const detail::WordBits16 wb16 = detail::word_bits_16(p + i);
                const uint32_t other = ~wb16.word & 0xFFFFu;
                if (other) {
                    uint32_t jj = i + static_cast<uint32_t>(__builtin_ctz(other));
                    if (jj > end) jj = end;
                    if (jj + 1 >= end || !joins(p, jj)) {
                        const uint32_t keep = (1u << (jj - i)) - 1;
                        const uint32_t bits = ((wb16.lower & keep) ? 1u : 0u) | ((wb16.upper & keep) ? 2u : 0u) |
                                              ((wb16.digit & keep) ? 4u : 0u);
                        *o++ = RawToken{i, jj, kRunFlags.f[bits] | ((wb16.digit & 1u) ? FKB_TOKEN_NUMBER : 0u)};
                        i = jj;
                        // The spaces after it, as the loop would skip them.
                        while (i < end && p[i] == ' ') ++i;
                        continue;
                    }
                }
            }
#endif
            for (;;) {
                uint8_t ec = 0;
#if defined(__SSE2__)
                while (j + 16 <= readable) {
                    const uint32_t other = ~detail::word_bytes_16(p + j) & 0xFFFFu;
                    if (other) {
                        j += static_cast<uint32_t>(__builtin_ctz(other));
                        break;
                    }
                    j += 16;
                }
                if (j > end) j = end;
#endif
                while (j < end && ((ec = at(p[j])) & kWordBit)) ++j;
                if (j + 1 >= end) break;
                // WB6/7 and WB11/12: a mid character between two letters
                // or two digits joins them.
                const uint8_t c = ec & 15;
                if (c != kMidLetter && c != kMidNumLet && c != kSingleQuote && c != kMidNum) break;
                const uint8_t pc = at(p[j - 1]) & 15, q = at(p[j + 1]) & 15;
                if (pc == kLetter && q == kLetter && c != kMidNum) { j += 2; continue; }
                if (pc == kNumeric && q == kNumeric && c != kMidLetter) { j += 2; continue; }
                break;
            }
            // ascii_flags() of the token: the case and digit bits of its
            // bytes (its mid characters have none).
            uint32_t bits = 0;
            for (uint32_t k = i; k < j; ++k) bits |= at(p[k]);
            bits = bits >> 4 & 7;
            *o++ = RawToken{i, j, kRunFlags.f[bits] | ((e >> 4 & 7) == 4 ? FKB_TOKEN_NUMBER : 0u)};
            i = j;
            continue;
        }
        const uint8_t k = e & 15;
        if (k == kSpace) {
            while (j < end && p[j] == ' ') ++j;
        } else if (k == kCR || k == kLF || k == kNewline || p[i] == '\t') {
            if (k == kCR && j < end && p[j] == '\n') ++j;
        } else {
            *o++ = RawToken{i, j, FKB_TOKEN_PUNCT};  // a single non-word character
        }
        i = j;
    }
    out.resize(base + static_cast<size_t>(o - first));
}

/// What a non-ASCII code point is to the ASCII word rules: the ASCII
/// character of its Word_Break class ('a' letter, '0' digit, '.' MidNumLet,
/// ',' MidNum, '_' ExtendNumLet, ' ' WSegSpace, '\v' Newline, '#' any
/// other, '\t' other white space, which no token keeps), kAbsorbed for
/// Extend and Format (WB4: part of the character before), kZwj, or
/// kNeedsIcu for what the ASCII rules cannot stand for: MidLetter,
/// Regional_Indicator, Katakana, Hebrew_Letter, and the scripts ICU breaks
/// with a dictionary (Han, Hiragana, Katakana, Hangul, Thai and the other
/// Complex_Context ones).
constexpr char kAbsorbed = 1, kZwj = 2, kNeedsIcu = 0;

char stand_in_of(int32_t cp) {
    const auto wb = static_cast<UWordBreakValues>(u_getIntPropertyValue(cp, UCHAR_WORD_BREAK));
    auto dictionary = [&] {
        if (u_getIntPropertyValue(cp, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return true;
        UErrorCode ec = U_ZERO_ERROR;
        const UScriptCode sc = uscript_getScript(cp, &ec);
        return U_FAILURE(ec) || sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
               sc == USCRIPT_HANGUL;
    };
    switch (wb) {
        case U_WB_ALETTER: return dictionary() ? kNeedsIcu : 'a';
        case U_WB_NUMERIC: return '0';
        case U_WB_MIDNUMLET: return '.';
        case U_WB_MIDNUM: return ',';
        case U_WB_EXTENDNUMLET: return '_';
        case U_WB_WSEGSPACE: return ' ';
        case U_WB_NEWLINE: return '\v';
        case U_WB_EXTEND:
        case U_WB_FORMAT: return dictionary() ? kNeedsIcu : kAbsorbed;
        case U_WB_ZWJ: return kZwj;
        case U_WB_OTHER:
            if (dictionary()) return kNeedsIcu;
            return (u_isUWhiteSpace(cp) || cp == 0x200B || cp == 0xFEFF) ? '\t' : '#';
        default: return kNeedsIcu;
    }
}

/// stand_in_of() through a small per-thread memo (a post repeats its few
/// accented letters and emoji).
char stand_in(int32_t cp) {
    struct Memo {
        int32_t cp = -1;
        char c = 0;
    };
    thread_local Memo memo[256];
    Memo& m = memo[(static_cast<uint32_t>(cp) * 2654435761u) >> 24];
    if (m.cp != cp) {
        m.c = stand_in_of(cp);
        m.cp = cp;
    }
    return m.c;
}

/// Tokens of text[start, end), which holds non-ASCII characters, through
/// the ASCII rules: the word rules look at nothing but each character's
/// Word_Break class (with Extend, Format and ZWJ skipped, WB4), so every
/// code point stands in as an ASCII character of its class and the
/// segments of the stand-in are those of the text. Returns false, with
/// nothing appended, when a character needs ICU (see stand_in_of) or an
/// Extend/Format/ZWJ character cannot simply join the one before it (at
/// the start, after a line break or white space, or a ZWJ before a
/// pictograph after anything but a symbol: WB3c).
bool tokenize_mapped(std::string_view text, uint32_t start, uint32_t end, std::vector<RawToken>& out) {
    thread_local std::string s_in;       // the stand-in
    thread_local std::vector<uint32_t> from;  // byte of text where each stand-in character's code point starts
    thread_local std::vector<RawToken> got;
    s_in.clear();
    from.clear();
    const std::string_view s = text.substr(0, end);
    for (size_t i = start; i < end;) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {  // an ASCII run stands for itself
            size_t j = i + 1;
            while (j < end && static_cast<unsigned char>(s[j]) < 0x80) ++j;
            s_in.append(s.data() + i, j - i);
            const size_t at = from.size();
            from.resize(at + (j - i));
            for (size_t k = i; k < j; ++k) from[at + (k - i)] = static_cast<uint32_t>(k);
            i = j;
            continue;
        }
        const size_t at = i;
        const int32_t cp = detail::next_code_point(s, i);
        const char r = stand_in(cp);
        if (r == kNeedsIcu) return false;
        if (r == kAbsorbed || r == kZwj) {
            const char before = s_in.empty() ? '\n' : s_in.back();
            if (before == '\n' || before == '\r' || before == '\v' || before == '\f' || before == ' ' || before == '\t') return false;
            if (r == kZwj && i < end && static_cast<unsigned char>(s[i]) >= 0x80) {
                size_t k = i;
                const int32_t next = detail::next_code_point(s, k);
                if (u_hasBinaryProperty(next, UCHAR_EXTENDED_PICTOGRAPHIC)) {
                    // WB3c: the pictograph joins the ZWJ; the same as
                    // joining the symbol before it when that is one too.
                    if (before != '#' || stand_in(next) != '#') return false;
                    i = k;
                }
            }
            continue;
        }
        s_in.push_back(r);
        from.push_back(static_cast<uint32_t>(at));
    }
    from.push_back(end);
    got.clear();
    tokenize_ascii(s_in, 0, static_cast<uint32_t>(s_in.size()), got);
    for (const RawToken& g : got) {
        const uint32_t a = from[g.start], b = from[g.end];
        // A token of as many bytes as stand-in characters is ASCII (every
        // other character takes two bytes or more): its stand-in is itself,
        // and so are its flags.
        const uint32_t f = b - a == g.end - g.start ? g.flags : Tokenizer::flags_of(s.substr(a, b - a));
        out.push_back(RawToken{a, b, f});
    }
    return true;
}

bool all_space(std::string_view t) {
    for (size_t i = 0; i < t.size();) {
        int32_t c = detail::next_code_point(t, i);
        if (!u_isUWhiteSpace(c) && c != 0x200B && c != 0xFEFF) return false;
    }
    return true;
}

void tokenize_icu(std::string_view s, uint32_t start, uint32_t end, std::vector<RawToken>& out) {
    thread_local detail::Utf16Text t;
    t.assign(s.substr(start, end - start), start);
    icu::BreakIterator& it = detail::word_iterator();
    it.setText(t.u);
    int32_t prev = it.first();
    for (int32_t b = it.next(); b != icu::BreakIterator::DONE; prev = b, b = it.next()) {
        uint32_t a = t.byte_of[static_cast<size_t>(prev)], e = t.byte_of[static_cast<size_t>(b)];
        std::string_view tok = s.substr(a, e - a);
        if (all_space(tok)) continue;
        out.push_back(RawToken{a, e, Tokenizer::flags_of(tok)});
    }
}

}  // namespace

uint32_t Tokenizer::flags_of(std::string_view t) {
    if (t.empty()) return FKB_TOKEN_PUNCT;
    if (is_ascii(t)) return ascii_flags(t);
    bool alpha = false, alnum = false, lower = false;
    size_t i = 0;
    const int32_t first = detail::next_code_point(t, i);
    i = 0;
    while (i < t.size()) {
        int32_t c = detail::next_code_point(t, i);
        if (u_isalpha(c)) {
            alpha = alnum = true;
            if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) lower = true;
        } else if (u_isdigit(c)) {
            alnum = true;
        }
    }
    uint32_t f = 0;
    if (detail::is_emoji(first)) f |= FKB_TOKEN_EMOJI;
    else if (alnum) f |= FKB_TOKEN_WORD;
    else f |= FKB_TOKEN_PUNCT;
    if (u_isdigit(first)) f |= FKB_TOKEN_NUMBER;
    if (alpha && !lower) f |= FKB_TOKEN_UPPER;
    return f;
}

void Tokenizer::tokenize(std::string_view text, uint32_t start, uint32_t end, std::vector<RawToken>& out, Path path) {
    if (start >= end) return;
    if (path == Path::ascii || (path == Path::detect && is_ascii(text.substr(start, end - start))))
        tokenize_ascii(text, start, end, out);
    else if (path == Path::icu || !tokenize_mapped(text, start, end, out))
        tokenize_icu(text, start, end, out);
}

}  // namespace fkb::text
