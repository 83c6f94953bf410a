// Normalization of post text for matching, with a map back to the original
// bytes: NFKC, curly quotes and apostrophes folded to ASCII (’ = '), dashes
// unified (– to -, — to --), zero-width characters and soft hyphens dropped,
// emoji kept. Optionally case-folded. Every byte of the normalized text knows
// the range of original bytes it came from, so a span found in the normalized
// text maps back exactly onto the original post text.
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::text {

/// A normalized text and its offset map to the original bytes.
struct NormalizedText {
    /// The normalized UTF-8 text.
    std::string text;
    /// Empty when the text is byte-for-byte the original (pure ASCII input);
    /// otherwise, for each normalized byte, where the original characters it
    /// came from start and end (one more entry at the end for the text end).
    std::vector<uint32_t> orig_start, orig_end;

    /// True when normalized offsets equal original offsets.
    bool identity() const noexcept { return orig_start.empty(); }

    /// The original span of the normalized range [start, end).
    fkb_span to_original(uint32_t start, uint32_t end) const noexcept {
        if (identity()) return fkb_span{start, end};
        if (end <= start) return fkb_span{orig_start[start], orig_start[start]};
        return fkb_span{orig_start[start], orig_end[end - 1]};
    }
};

/// Normalizes post text. Stateless and thread-safe.
class Normalizer {
public:
    /// Gets ICU's NFKC and case-folding services (throws std::runtime_error
    /// if ICU's data is missing).
    Normalizer();

    /// Normalizes `text` (valid or invalid UTF-8: invalid bytes become
    /// U+FFFD, mapped to the bytes they replace). With `fold_case`, the
    /// result is also case-folded (lower-cased for ASCII).
    NormalizedText normalize(std::string_view text, bool fold_case = false) const;

    /// Same, reusing `out`'s buffers.
    void normalize(std::string_view text, bool fold_case, NormalizedText& out) const;

    /// Case-folds one piece of normalized text (ASCII fast path), appending
    /// it to `out`.
    void fold(std::string_view normalized, std::string& out) const;

private:
    const void* nfkc_;  // const icu::Normalizer2*
};

/// True when every byte of `s` is ASCII (word-at-a-time scan).
bool is_ascii(std::string_view s) noexcept;

}  // namespace fkb::text
