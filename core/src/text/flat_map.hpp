// A small open-addressing hash map from string views to values, for the
// word tables the analysis looks every token up in (lemmas, trigger index).
// Built once, read by many threads; power-of-two capacity, FNV-1a hashes
// kept beside the keys so most misses cost no string compare and no
// division (std::unordered_map's prime modulo and bucket chains were a
// tenth of the analysis time).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::text::detail {

/// A hash for short words: 8 bytes at a time, one multiply each (a byte
/// at a time cost more than the rest of the lookup).
inline uint64_t word_hash(std::string_view s) noexcept {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 29;
    }
    if (i < s.size()) {
        // The last 1 to 7 bytes, little-endian like a memcpy on x86 but
        // without a call for a variable length.
        uint64_t w = 0;
        for (size_t k = 0; i + k < s.size(); ++k) w |= static_cast<uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 29;
    }
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 32);
}

template <class V>
class FlatStringMap {
public:
    /// Inserts key (whose bytes must outlive the map) if absent; returns the
    /// value and whether it was inserted. The pointer is valid until the
    /// next insertion.
    std::pair<V*, bool> emplace(std::string_view key, V value = V()) {
        if ((values_.size() + 1) * 2 > slots_.size()) grow();
        const uint64_t h = word_hash(key);
        size_t i = h & mask_;
        while (slots_[i].index) {
            if (slots_[i].hash == h && key_of(slots_[i]) == key) return {&values_[slots_[i].index - 1], false};
            i = (i + 1) & mask_;
        }
        values_.push_back(std::move(value));
        slots_[i] = Slot{h, key.data(), static_cast<uint32_t>(key.size()), static_cast<uint32_t>(values_.size())};
        return {&values_.back(), true};
    }
    V& operator[](std::string_view key) { return *emplace(key).first; }

    const V* find(std::string_view key) const noexcept {
        if (values_.empty()) return nullptr;
        const uint64_t h = word_hash(key);
        size_t i = h & mask_;
        while (slots_[i].index) {
            if (slots_[i].hash == h && key_of(slots_[i]) == key) return &values_[slots_[i].index - 1];
            i = (i + 1) & mask_;
        }
        return nullptr;
    }
    size_t size() const noexcept { return values_.size(); }

    template <class F>
    void for_each(F&& f) {
        for (auto& s : slots_)
            if (s.index) f(key_of(s), values_[s.index - 1]);
    }

private:
    // Slots stay small (24 bytes) so probing stays in cache; values live
    // apart, in insertion order.
    struct Slot {
        uint64_t hash = 0;
        const char* ptr = nullptr;
        uint32_t len = 0;
        uint32_t index = 0;  // 1 + index into values_; 0 = empty
    };
    static std::string_view key_of(const Slot& s) noexcept { return std::string_view(s.ptr, s.len); }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (const Slot& s : old) {
            if (!s.index) continue;
            size_t i = s.hash & mask_;
            while (slots_[i].index) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }
    std::vector<Slot> slots_;
    std::vector<V> values_;
    size_t mask_ = 0;
};

}  // namespace fkb::text::detail
