// StringPool: each distinct string of the advice chunks a query reads, kept
// once and numbered, so that claims carry their concept, label, certainty,
// outcome and causes as small integers: grouping and counting them compares
// and indexes integers. A chunk stores the hash of each of its strings
// (advice_claims.hpp), so numbering one is a probe of an open-addressing
// table and one comparison, not a hash of its bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

class StringPool {
public:
    StringPool() : slots_(1024, 0) {}

    /// The number of s (whose hash is h), given to it the first time it is seen.
    uint32_t id(std::string_view s, uint64_t h) {
        size_t mask = slots_.size() - 1;
        for (size_t at = h & mask;; at = (at + 1) & mask) {
            uint32_t slot = slots_[at];
            if (slot == 0) break;
            const std::string_view v = views_[slot - 1];
            if (hashes_[slot - 1] == h && v.size() == s.size() && std::memcmp(v.data(), s.data(), s.size()) == 0)
                return slot - 1;
        }
        auto id = static_cast<uint32_t>(views_.size());
        views_.push_back(store_.emplace_back(s));
        hashes_.push_back(h);
        if (2 * views_.size() > slots_.size()) grow();
        place(id);
        return id;
    }
    std::string_view str(uint32_t id) const { return views_[id]; }
    size_t size() const { return views_.size(); }

private:
    void place(uint32_t id) {
        size_t mask = slots_.size() - 1;
        size_t at = hashes_[id] & mask;
        while (slots_[at] != 0) at = (at + 1) & mask;
        slots_[at] = id + 1;
    }
    void grow() {
        slots_.assign(slots_.size() * 2, 0);
        for (uint32_t id = 0; id + 1 < views_.size(); ++id) place(id);  // the newest is placed by id()
    }

    std::deque<std::string> store_;  // a deque never moves its strings: the views stay valid
    std::vector<std::string_view> views_;
    std::vector<uint64_t> hashes_;
    std::vector<uint32_t> slots_;    // id + 1, 0 when empty; at most half full
};

}  // namespace fkb::kb
