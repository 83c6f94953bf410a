// Words as 64-bit hashes, and a small open-addressing table keyed by them.
//
// The matcher never compares word strings: every canonical word of a post
// is hashed once when the word stream is built (word_stream.hpp), every
// word of a pattern, class or contraction once when the data files load,
// and matching compares the numbers. With 64 bits and a vocabulary of a
// few thousand words, the chance that some post word takes the hash of a
// different vocabulary word is about 1e-16 per word read: not a concern.
//
// HashTable maps such a hash to a small value: lookups are one multiply and
// a short linear probe in a table that fits in the L1/L2 cache.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::cred {

namespace detail {

inline uint64_t mix(uint64_t v) noexcept {  // one multiply-xorshift round
    v *= 0xff51afd7ed558ccdull;
    return v ^ (v >> 32);
}

constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
/// Whether some byte of v is b (exact for existence).
inline uint64_t has_byte(uint64_t v, uint8_t b) noexcept {
    const uint64_t x = v ^ (kOnes * b);
    return (x - kOnes) & ~x & kHigh;
}
/// Whether some byte of v is an ASCII capital (bytes >= 0x80 never count).
inline uint64_t has_capital(uint64_t v) noexcept {
    const uint64_t low = v & (kOnes * 0x7F);
    return ((kOnes * (127 + 'Z' + 1)) - low) & ~v & (low + kOnes * (127 - ('A' - 1))) & kHigh;
}

/// The hash of s, 8 bytes at a time; with the flags of what the bytes hold
/// (kFlags: 0 none, 1 apostrophe, 2 apostrophe and folding).
template <int kFlags>
inline uint64_t hash_bytes(std::string_view s, uint64_t* fold, uint64_t* apostrophe) noexcept {
    uint64_t h = 0x9E3779B97F4A7C15ull * (s.size() + 1);
    uint64_t f = 0, a = 0;
    size_t i = 0;
    auto chunk = [&](uint64_t v) {
        if constexpr (kFlags >= 2) f |= has_capital(v) | has_byte(v, 0xE2);
        if constexpr (kFlags >= 1) a |= has_byte(v, '\'');
        h = mix(h ^ v);
    };
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t v;
        std::memcpy(&v, s.data() + i, 8);
        chunk(v);
    }
    // The last 1..7 bytes with two overlapping loads (every byte is read, some twice).
    if (const size_t rem = s.size() - i) {
        const char* p = s.data() + i;
        uint64_t v;
        if (rem >= 4) {
            uint32_t x, y;
            std::memcpy(&x, p, 4);
            std::memcpy(&y, p + rem - 4, 4);
            v = x | (uint64_t{y} << 32);
        } else if (rem >= 2) {
            uint16_t x, y;
            std::memcpy(&x, p, 2);
            std::memcpy(&y, p + rem - 2, 2);
            v = x | (uint64_t{y} << 16);
        } else {
            v = static_cast<unsigned char>(p[0]);
        }
        chunk(v);
    }
    if constexpr (kFlags >= 2) *fold = f;
    if constexpr (kFlags >= 1) *apostrophe = a;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
    return h ? h : 1;
}

}  // namespace detail

/// The hash of a word; never 0 (0 marks an empty slot of HashTable).
inline uint64_t word_hash(std::string_view s) noexcept { return detail::hash_bytes<0>(s, nullptr, nullptr); }

/// word_hash(s), and whether s holds an apostrophe.
inline uint64_t word_hash_apostrophe(std::string_view s, bool& apostrophe) noexcept {
    uint64_t a = 0;
    const uint64_t h = detail::hash_bytes<1>(s, nullptr, &a);
    apostrophe = a != 0;
    return h;
}

/// word_hash(s), and whether s holds an ASCII capital or the lead byte of a
/// curly quote (so it needs folding) and whether it holds an apostrophe.
inline uint64_t word_hash_checked(std::string_view s, bool& needs_fold, bool& apostrophe) noexcept {
    uint64_t f = 0, a = 0;
    const uint64_t h = detail::hash_bytes<2>(s, &f, &a);
    needs_fold = f != 0;
    apostrophe = a != 0;
    return h;
}

/// A 256-bit Bloom filter of word hashes: which words a sentence may hold.
/// A pattern that needs a word the filter has not seen cannot match there
/// (token_pattern.hpp), which rules out most patterns per sentence with a
/// few AND instructions.
struct WordBloom {
    uint64_t bits[4] = {0, 0, 0, 0};
    void add(uint64_t h) noexcept { bits[(h >> 62) & 3] |= uint64_t{1} << ((h >> 40) & 63); }
    void add(const WordBloom& o) noexcept {
        for (int i = 0; i < 4; ++i) bits[i] |= o.bits[i];
    }
    bool has(uint64_t h) const noexcept { return (bits[(h >> 62) & 3] >> ((h >> 40) & 63)) & 1; }
    bool intersects(const WordBloom& o) const noexcept {
        return ((bits[0] & o.bits[0]) | (bits[1] & o.bits[1]) | (bits[2] & o.bits[2]) | (bits[3] & o.bits[3])) != 0;
    }
};

/// A 4096-bit filter of word hashes in front of a HashTable: a word not in
/// it is certainly not in the table, tested with one load and a shift.
class WordFilter {
public:
    void add(uint64_t h) noexcept { bits_[(h >> 52) & 63] |= uint64_t{1} << ((h >> 46) & 63); }
    bool may_have(uint64_t h) const noexcept { return (bits_[(h >> 52) & 63] >> ((h >> 46) & 63)) & 1; }

private:
    uint64_t bits_[64] = {};
};

/// A hash -> V table, built once and read concurrently afterwards.
template <class V>
class HashTable {
public:
    /// The value for `key`, inserting a default one if absent.
    V& operator[](uint64_t key) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        size_t i = slot(key);
        if (slots_[i].first != key) {
            slots_[i].first = key;
            slots_[i].second = V{};
            ++size_;
        }
        return slots_[i].second;
    }
    /// The value for `key`, or nullptr.
    const V* find(uint64_t key) const noexcept {
        if (slots_.empty()) return nullptr;
        const size_t mask = slots_.size() - 1;
        for (size_t i = index(key, mask);; i = (i + 1) & mask) {
            if (slots_[i].first == key) return &slots_[i].second;
            if (slots_[i].first == 0) return nullptr;
        }
    }
    size_t size() const noexcept { return size_; }
    /// Every (key, value), in no particular order.
    template <class F>
    void each(F&& f) const {
        for (const auto& [k, v] : slots_)
            if (k) f(k, v);
    }

private:
    static size_t index(uint64_t key, size_t mask) noexcept {
        return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    }
    size_t slot(uint64_t key) const noexcept {
        const size_t mask = slots_.size() - 1;
        size_t i = index(key, mask);
        while (slots_[i].first != 0 && slots_[i].first != key) i = (i + 1) & mask;
        return i;
    }
    void grow() {
        std::vector<std::pair<uint64_t, V>> old = std::move(slots_);
        slots_.assign(old.empty() ? 16 : old.size() * 2, {0, V{}});
        for (auto& [k, v] : old)
            if (k) slots_[slot(k)] = {k, std::move(v)};
    }
    std::vector<std::pair<uint64_t, V>> slots_;
    size_t size_ = 0;
};

}  // namespace fkb::cred
