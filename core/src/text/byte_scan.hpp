// Word-at-a-time byte searches for the scans that look for a few rare bytes
// in long text (the sentence splitter's full stops, capitals and bullets):
// eight bytes are tested with a handful of integer operations, and only
// the positions that match are visited. Masks are exact (no false
// positives): bit 7 of byte k is set when byte k matches.
#pragma once

#include <cstdint>
#include <cstring>

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

}  // namespace fkb::text::detail
