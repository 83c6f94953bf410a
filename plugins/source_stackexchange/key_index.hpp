// KeyIndex: thread key -> thread sequence number, for the in-memory half of
// the ThreadStore.
//
// Every post of a dump looks its thread up by key (a Stack Exchange question
// id, a Reddit submission id), and a month of Reddit has millions of keys, so
// this lookup is a hot spot once the table outgrows the caches. A node-based
// std::unordered_map costs a bucket, a node and the key's bytes per lookup
// (three cache misses) and hashes every key again when it grows. Here a slot
// is the key's hash and its sequence number, side by side in one array
// (open addressing, linear probing, at most half full): a lookup reads one
// slot, and the key itself (kept by the caller) only when the hashes match.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace fkb::dumps {

class KeyIndex {
public:
    static uint64_t hash(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }

    /// The sequence number stored for `key` (whose hash() is `h`), or 0;
    /// `key_of(seq)` gives the key of a stored sequence number.
    template <class KeyOf>
    int64_t find(std::string_view key, uint64_t h, const KeyOf& key_of) const {
        if (slots_.empty()) return 0;
        for (size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.seq == 0) return 0;
            if (s.hash == h && key_of(s.seq) == key) return s.seq;
        }
    }

    /// Adds a key that find() did not know, by its hash; seq must be > 0.
    void insert(uint64_t h, int64_t seq) {
        if (2 * (used_ + 1) > slots_.size()) grow();
        place(Slot{h, seq});
        ++used_;
    }

    /// Bytes the index holds, for the store's budget.
    size_t bytes() const noexcept { return slots_.size() * sizeof(Slot); }

    void clear() {
        slots_ = {};
        used_ = 0;
        mask_ = 0;
    }

private:
    struct Slot {
        uint64_t hash;
        int64_t seq;  // 0: empty
    };

    void place(Slot s) {
        size_t i = s.hash & mask_;
        while (slots_[i].seq != 0) i = (i + 1) & mask_;
        slots_[i] = s;
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{0, 0});
        mask_ = slots_.size() - 1;
        for (const Slot& s : old)
            if (s.seq != 0) place(s);
    }

    std::vector<Slot> slots_;
    size_t used_ = 0;
    size_t mask_ = 0;
};

}  // namespace fkb::dumps
