// Normalizer: NFKC (or NFKC_Casefold) with a byte offset map. ASCII input is
// returned as it is (an identity map); otherwise the text is walked one
// normalization segment at a time (a character with a boundary before it
// plus the combining marks that follow), ASCII characters are copied, the
// punctuation forums type in many shapes is folded to ASCII first, and
// everything else goes through ICU. Each output byte maps to the original
// bytes of its segment.
#include <forumkb/text/normalizer.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstring>
#include <stdexcept>

namespace fkb::text {

namespace {

const icu::Normalizer2* instance(bool fold) {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* n =
        fold ? icu::Normalizer2::getNFKCCasefoldInstance(ec) : icu::Normalizer2::getNFKCInstance(ec);
    if (U_FAILURE(ec) || !n) throw std::runtime_error("forumkb: ICU normalization data unavailable");
    return n;
}

inline char lower_ascii(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

/// What a character becomes before NFKC: an ASCII replacement, nothing
/// (dropped), or itself (nullptr).
const char* premap(UChar32 c, UChar32 prev, bool& drop) noexcept {
    drop = false;
    switch (c) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x00B4:
        case 0xFF07:
            return "'";
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
            return "\"";
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63: case 0xFF0D:
            return "-";
        case 0x2014: case 0x2015: case 0x2E3A:
            return "--";
        case 0x2026:
            return "...";
        case 0x2022: case 0x2023: case 0x25CF: case 0x25E6: case 0x2043: case 0x2219:
            return nullptr;  // bullets stay (the sentence splitter strips them)
        case 0x0085: case 0x2028: case 0x2029:
            return "\n";
        case 0x200B: case 0x200C: case 0x2060: case 0xFEFF: case 0x00AD: case 0x180E:
            drop = true;
            return nullptr;
        case 0x200D:  // zero-width joiner: kept inside emoji sequences only
            if (!(u_hasBinaryProperty(prev, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(prev, UCHAR_EMOJI_MODIFIER) ||
                  prev == 0xFE0F))
                drop = true;
            return nullptr;
        default:
            return nullptr;
    }
}

/// The NFKC of short segments already seen (or the case folding of short
/// tokens), per thread: a post repeats its few accented letters and emoji,
/// and ICU costs about a thousand instructions a segment. Direct-mapped; a
/// segment is its UTF-8 bytes.
class SegmentMemo {
public:
    const std::string_view* find(std::string_view seg, bool fold) noexcept {
        if (seg.size() > kMaxKey) return nullptr;
        Slot& s = slots_[slot_of(seg, fold)];
        if (s.key_len != seg.size() || s.fold != fold || std::memcmp(s.key, seg.data(), seg.size()) != 0) return nullptr;
        s.view = std::string_view(s.value, s.value_len);
        return &s.view;
    }
    void put(std::string_view seg, bool fold, std::string_view nfkc) noexcept {
        if (seg.size() > kMaxKey || nfkc.size() > kMaxValue) return;
        Slot& s = slots_[slot_of(seg, fold)];
        s.key_len = static_cast<uint8_t>(seg.size());
        s.value_len = static_cast<uint8_t>(nfkc.size());
        s.fold = fold;
        std::memcpy(s.key, seg.data(), seg.size());
        std::memcpy(s.value, nfkc.data(), nfkc.size());
    }

private:
    static constexpr size_t kMaxKey = 16, kMaxValue = 32, kSlots = 256;
    struct Slot {
        uint8_t key_len = 0, value_len = 0;  // key_len 0: empty (a segment has a byte at least)
        bool fold = false;
        char key[kMaxKey];
        char value[kMaxValue];
        std::string_view view;
    };
    static size_t slot_of(std::string_view seg, bool fold) noexcept {
        uint32_t h = 2166136261u ^ static_cast<uint32_t>(fold);
        for (char c : seg) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return h % kSlots;
    }
    Slot slots_[kSlots];
};

}  // namespace

bool is_ascii(std::string_view s) noexcept {
    const char* p = s.data();
    size_t n = s.size(), i = 0;
    uint64_t acc = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        acc |= w;
    }
    for (; i < n; ++i) acc |= static_cast<unsigned char>(p[i]);
    return (acc & 0x8080808080808080ull) == 0;
}

Normalizer::Normalizer() : nfkc_(instance(false)) { instance(true); }

NormalizedText Normalizer::normalize(std::string_view text, bool fold_case) const {
    NormalizedText out;
    normalize(text, fold_case, out);
    return out;
}

void Normalizer::fold(std::string_view s, std::string& out) const {
    if (is_ascii(s)) {
        size_t at = out.size();
        out.append(s);
        for (size_t i = at; i < out.size(); ++i) out[i] = lower_ascii(out[i]);
        return;
    }
    thread_local SegmentMemo memo;
    if (const std::string_view* known = memo.find(s, true)) {
        out.append(*known);
        return;
    }
    const size_t at = out.size();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.foldCase();
    u.toUTF8String(out);
    memo.put(s, true, std::string_view(out).substr(at));
}

void Normalizer::normalize(std::string_view text, bool fold_case, NormalizedText& out) const {
    out.text.clear();
    out.orig_start.clear();
    out.orig_end.clear();
    if (is_ascii(text)) {
        out.text.assign(text);
        if (fold_case)
            for (char& c : out.text) c = lower_ascii(c);
        return;
    }
    const auto* nfkc = fold_case ? instance(true) : static_cast<const icu::Normalizer2*>(nfkc_);
    const auto* boundary = static_cast<const icu::Normalizer2*>(nfkc_);
    out.text.reserve(text.size() + text.size() / 8);
    out.orig_start.reserve(text.size() + 1);
    out.orig_end.reserve(text.size() + 1);
    auto emit = [&](std::string_view bytes, uint32_t os, uint32_t oe) {
        out.text.append(bytes);
        out.orig_start.insert(out.orig_start.end(), bytes.size(), os);
        out.orig_end.insert(out.orig_end.end(), bytes.size(), oe);
    };
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    UChar32 prev = 0;
    icu::UnicodeString seg, res;
    std::string utf8;
    thread_local SegmentMemo memo;
    while (i < n) {
        // ASCII run: copied as it is, except the last character when a
        // combining mark follows it (it then starts a segment).
        if (s[i] < 0x80) {
            int32_t j = i;
            for (; j + 8 <= n; j += 8) {  // eight bytes at a time to the first byte >= 0x80
                uint64_t w;
                std::memcpy(&w, s + j, 8);
                if (const uint64_t high = w & 0x8080808080808080ull) {
                    j += static_cast<int32_t>(__builtin_ctzll(high) >> 3);
                    break;
                }
            }
            while (j < n && s[j] < 0x80) ++j;
            int32_t copy_end = j;
            if (j < n) {
                UChar32 c;
                int32_t k = j;
                U8_NEXT(s, k, n, c);
                if (c >= 0 && !boundary->hasBoundaryBefore(c)) --copy_end;
            }
            if (copy_end > i) {
                const size_t at = out.text.size(), len = static_cast<size_t>(copy_end - i);
                out.text.append(text.data() + i, len);
                if (fold_case)
                    for (size_t k = at; k < at + len; ++k) out.text[k] = lower_ascii(out.text[k]);
                out.orig_start.resize(at + len);
                out.orig_end.resize(at + len);
                for (size_t k = 0; k < len; ++k) {
                    out.orig_start[at + k] = static_cast<uint32_t>(i) + static_cast<uint32_t>(k);
                    out.orig_end[at + k] = static_cast<uint32_t>(i) + static_cast<uint32_t>(k) + 1;
                }
            }
            if (copy_end > i) prev = s[copy_end - 1];
            i = copy_end;
            if (i >= n) break;
        }
        const int32_t seg_start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) c = 0xFFFD;
        bool drop = false;
        if (const char* rep = premap(c, prev, drop)) {
            emit(rep, static_cast<uint32_t>(seg_start), static_cast<uint32_t>(i));
            prev = c;
            continue;
        }
        if (drop) continue;
        const int32_t first_end = i;
        prev = c;
        // Combining marks that follow belong to the same segment.
        while (i < n && s[i] >= 0x80) {
            int32_t k = i;
            UChar32 d;
            U8_NEXT(s, k, n, d);
            if (d < 0 || boundary->hasBoundaryBefore(d)) break;
            prev = d;
            i = k;
        }
        const std::string_view seg_bytes(text.data() + seg_start, static_cast<size_t>(i - seg_start));
        if (const std::string_view* known = memo.find(seg_bytes, fold_case)) {
            emit(*known, static_cast<uint32_t>(seg_start), static_cast<uint32_t>(i));
            continue;
        }
        seg.remove();
        seg.append(c);
        for (int32_t k = first_end; k < i;) {
            UChar32 d;
            U8_NEXT(s, k, n, d);
            seg.append(d);
        }
        UErrorCode ec = U_ZERO_ERROR;
        res.remove();
        nfkc->normalize(seg, res, ec);
        if (U_FAILURE(ec)) res = seg;
        utf8.clear();
        res.toUTF8String(utf8);
        memo.put(seg_bytes, fold_case, utf8);
        emit(utf8, static_cast<uint32_t>(seg_start), static_cast<uint32_t>(i));
    }
    out.orig_start.push_back(static_cast<uint32_t>(text.size()));
    out.orig_end.push_back(static_cast<uint32_t>(text.size()));
}

}  // namespace fkb::text
