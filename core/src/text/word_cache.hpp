// A per-thread memo of what the analysis derives from a token's norm alone:
// its lemma recipe and its keys in the trigger index. Forum text repeats a
// small vocabulary, so most tokens are answered by one hash probe instead
// of a lemma table lookup, the suffix rules and two index lookups. The
// cache is direct-mapped and bounded (short words only); a slot records
// which Analyzer filled it, so analyzers never see each other's entries
// (their tables may differ, and their pointers die with them). Keys are
// compared and hashed as three zero-padded 8-byte words (a byte loop over
// each norm cost more than the rest of the lookup).
#pragma once

#include <forumkb/text/context_scopes.hpp>
#include <forumkb/text/lemmatizer.hpp>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace fkb::text::detail {

/// What a token's norm determines.
struct WordInfo {
    Lemma lemma;      ///< for word tokens; else the norm itself
    ScopeKeys keys;   ///< trigger index keys of norm and lemma
    /// How the lemma is made: the first lemma.keep bytes of the norm, the
    /// static lemma.whole, or those bytes plus lemma.suffix (appended).
    enum Form : uint8_t { kPrefix, kStatic, kSuffixed } form = kPrefix;
    bool dash = false;  ///< the norm starts with '-' (it may be a spaced dash)
};

class WordCache {
public:
    static constexpr size_t kMaxLen = 22;  ///< longer norms are not cached
    /// Bytes that must be readable after a norm passed as `padded`.
    static constexpr size_t kPad = 8;

    /// The info of `norm` (a word token or not) for the analyzer `owner`
    /// (a unique id, never reused), computed by compute(WordInfo&) on a
    /// miss. Null when the norm is too long to cache. With `padded`, the
    /// kPad bytes after the norm may be read (they are ignored): the key is
    /// then taken eight bytes at a time without a copy.
    template <class F>
    const WordInfo* get(uint64_t owner, std::string_view norm, bool word, bool padded, F&& compute) {
        const size_t len = norm.size();
        if (len > kMaxLen) return nullptr;
        uint64_t w[3] = {0, 0, 0};
        if (padded) {
            const char* p = norm.data();
            w[0] = load(p) & mask(len);
            if (len > 8) {
                w[1] = load(p + 8) & mask(len - 8);
                if (len > 16) w[2] = load(p + 16) & mask(len - 16);
            }
        } else {
            char tmp[24] = {};
            std::memcpy(tmp, norm.data(), len);
            w[0] = load(tmp), w[1] = load(tmp + 8), w[2] = load(tmp + 16);
        }
        // The analyzer, the length and the word bit in one tag word.
        const uint64_t tag = owner << 8 | len << 1 | static_cast<uint64_t>(word);
        uint64_t h = w[0] * 0x9E3779B97F4A7C15ull ^ tag;
        if (len > 8) h ^= (w[1] * 0xBF58476D1CE4E5B9ull) ^ (w[2] * 0x94D049BB133111EBull);
        Slot& s = slots_[(h * 0xD6E8FEB86659FD93ull) >> (64 - kSlotBits)];
        if (s.tag == tag && s.w[0] == w[0] && (len <= 8 || (s.w[1] == w[1] && s.w[2] == w[2]))) return &s.info;
        s.tag = 0;  // not valid while being filled (compute may throw)
        compute(s.info);
        s.w[0] = w[0], s.w[1] = w[1], s.w[2] = w[2];
        s.tag = tag;
        return &s.info;
    }

private:
    static uint64_t load(const char* p) noexcept {
        uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    }
    /// The low n bytes (n >= 1) of a little-endian word.
    static uint64_t mask(size_t n) noexcept { return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1; }
    static constexpr unsigned kSlotBits = 12;
    static constexpr size_t kSlots = size_t{1} << kSlotBits;
    struct Slot {
        uint64_t tag = 0;           // owner, length and word bit; 0: empty
        uint64_t w[3] = {0, 0, 0};  // the norm's bytes, zero-padded
        WordInfo info;
    };
    // Allocated with the cache (a vector checked for emptiness on every
    // lookup cost two instructions a token).
    std::unique_ptr<Slot[]> slots_{new Slot[kSlots]};
};

}  // namespace fkb::text::detail
