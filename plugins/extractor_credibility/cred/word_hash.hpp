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
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::cred {

/// FNV-1a over the bytes; never 0 (0 marks an empty slot of HashTable).
inline uint64_t word_hash(std::string_view s) noexcept {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ? h : 1;
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
