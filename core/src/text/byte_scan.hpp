// Word-at-a-time byte searches for the scans that look for a few rare bytes
// in long text (the sentence splitter's full stops, capitals and bullets),
// and the tokenizer's sixteen-byte test for where a word ends:
// eight bytes are tested with a handful of integer operations, and only
// the positions that match are visited. Masks are exact (no false
// positives): bit 7 of byte k is set when byte k matches.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fkb::text::detail {

constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
constexpr uint64_t kOnes = 0x0101010101010101ull;

/// Eight bytes of p (little-endian), as one word.
inline uint64_t load8(const char* p) noexcept {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

/// Bit 7 of each byte that is zero.
inline uint64_t zero_bytes(uint64_t y) noexcept { return ~(((y & kLow7) + kLow7) | y | kLow7); }

/// Bit 7 of each byte equal to v.
inline uint64_t bytes_equal(uint64_t w, uint8_t v) noexcept { return zero_bytes(w ^ (kOnes * v)); }

/// Bit 7 of each ASCII byte in [lo, hi] (lo <= hi < 0x80).
inline uint64_t bytes_in_range(uint64_t w, uint8_t lo, uint8_t hi) noexcept {
    const uint64_t x = w & kLow7;  // adding below cannot carry into the next byte
    const uint64_t ge_lo = x + kOnes * (0x80 - lo);
    const uint64_t gt_hi = x + kOnes * (0x80 - hi - 1);
    return ge_lo & ~gt_hi & ~w & ~kLow7;
}

/// Index (0..7) of the lowest matching byte of a non-zero mask.
inline unsigned first_byte(uint64_t mask) noexcept { return static_cast<unsigned>(__builtin_ctzll(mask)) >> 3; }

#if defined(__SSE2__)
// Sixteen bytes at a time where the machine has SSE2: bit k of the result
// is set when byte k of p[0, 16) matches (exact, like the masks above).

/// Bytes equal to a, b or c.
inline uint32_t equal3_16(const char* p, char a, char b, char c) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(a)), _mm_cmpeq_epi8(x, _mm_set1_epi8(b))),
                                   _mm_cmpeq_epi8(x, _mm_set1_epi8(c)));
    return static_cast<uint32_t>(_mm_movemask_epi8(m));
}

/// Bytes in [lo, hi] (ASCII, lo <= hi < 0x80), or equal to b or c.
inline uint32_t range_or2_16(const char* p, char lo, char hi, char b, char c) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // x - lo lands in [0, hi - lo] exactly for the bytes in range; biased
    // by 0x80, a signed compare tells them apart.
    const __m128i t = _mm_add_epi8(_mm_sub_epi8(x, _mm_set1_epi8(lo)), _mm_set1_epi8(static_cast<char>(0x80)));
    const __m128i in = _mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo) + 1)));
    const __m128i m = _mm_or_si128(in, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(b)), _mm_cmpeq_epi8(x, _mm_set1_epi8(c))));
    return static_cast<uint32_t>(_mm_movemask_epi8(m));
}

/// Bytes in [lo, hi] (ASCII, lo <= hi < 0x80) of x.
inline __m128i in_range_16(__m128i x, char lo, char hi) noexcept {
    const __m128i t = _mm_add_epi8(_mm_sub_epi8(x, _mm_set1_epi8(lo)), _mm_set1_epi8(static_cast<char>(0x80)));
    return _mm_cmplt_epi8(t, _mm_set1_epi8(static_cast<char>(0x80 + (hi - lo) + 1)));
}

/// Bytes that are ASCII letters, digits or '_' (what the tokenizer's words
/// are made of).
inline uint32_t word_bytes_16(const char* p) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i letter = in_range_16(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z');  // either case
    const __m128i m = _mm_or_si128(_mm_or_si128(letter, in_range_16(x, '0', '9')), _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
    return static_cast<uint32_t>(_mm_movemask_epi8(m));
}

/// The classes of p[0, 16) a word token needs: bit k of each mask tells
/// whether byte k is one (word: a letter, digit or '_').
struct WordBits16 {
    uint32_t word, lower, upper, digit;
};
inline WordBits16 word_bits_16(const char* p) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i lower = in_range_16(x, 'a', 'z'), upper = in_range_16(x, 'A', 'Z'), digit = in_range_16(x, '0', '9');
    const __m128i word = _mm_or_si128(_mm_or_si128(lower, upper), _mm_or_si128(digit, _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))));
    return WordBits16{static_cast<uint32_t>(_mm_movemask_epi8(word)), static_cast<uint32_t>(_mm_movemask_epi8(lower)),
                      static_cast<uint32_t>(_mm_movemask_epi8(upper)), static_cast<uint32_t>(_mm_movemask_epi8(digit))};
}
#endif

}  // namespace fkb::text::detail
