// A per-thread memo of what the analysis derives from a token's norm alone:
// its lemma recipe and its keys in the trigger index. Forum text repeats a
// small vocabulary, so most tokens are answered by one hash probe instead
// of a lemma table lookup, the suffix rules and two index lookups. The
// cache is direct-mapped and bounded (short words only); a slot records
// which Analyzer filled it, so analyzers never see each other's entries
// (their tables may differ, and their pointers die with them).
#pragma once

#include <forumkb/text/context_scopes.hpp>
#include <forumkb/text/lemmatizer.hpp>

#include "flat_map.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace fkb::text::detail {

/// What a token's norm determines.
struct WordInfo {
    Lemma lemma;                  ///< for word tokens; else the norm itself
    ContextScopes::WordKeys keys; ///< index keys of norm and lemma
};

class WordCache {
public:
    static constexpr size_t kMaxLen = 22;  ///< longer norms are not cached

    /// The info of `norm` (a word token or not) for the analyzer `owner`
    /// (a unique id, never reused), computed by compute(WordInfo&) on a
    /// miss. Null when the norm is too long to cache.
    template <class F>
    const WordInfo* get(uint64_t owner, std::string_view norm, bool word, F&& compute) {
        if (norm.size() > kMaxLen) return nullptr;
        if (slots_.empty()) slots_.resize(kSlots);
        const uint64_t h = word_hash(norm) ^ static_cast<uint64_t>(word);
        Slot& s = slots_[h & (kSlots - 1)];
        if (s.owner == owner && s.hash == h && s.len == norm.size() && s.word == word && same(s.text, norm))
            return &s.info;
        s.owner = 0;  // not valid while being filled (compute may throw)
        compute(s.info);
        s.hash = h;
        s.len = static_cast<uint8_t>(norm.size());
        s.word = word;
        std::memcpy(s.text, norm.data(), norm.size());
        s.owner = owner;
        return &s.info;
    }

private:
    // Short words: a byte loop beats a call to memcmp.
    static bool same(const char* a, std::string_view b) noexcept {
        for (size_t i = 0; i < b.size(); ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    static constexpr size_t kSlots = 4096;
    struct Slot {
        uint64_t owner = 0;
        uint64_t hash = 0;
        uint8_t len = 0;
        bool word = false;
        char text[kMaxLen];
        WordInfo info;
    };
    std::vector<Slot> slots_;
};

}  // namespace fkb::text::detail
