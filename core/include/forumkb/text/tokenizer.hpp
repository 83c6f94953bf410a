// Word tokens of a sentence: the Unicode word break rules (UAX #29), through
// ICU's word iterator for non-ASCII text and an exact re-implementation for
// ASCII text (the fast path; a test holds the two equal). White space is not
// a token; every other segment is, with flags: word (letters or digits),
// number (starts with a digit), punctuation, emoji, upper (all letters upper
// case).
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace fkb::text {

/// A token as the tokenizer finds it: offsets into the text it was given.
struct RawToken {
    /// Leaves the fields unset: the tokenizer sizes its output for one
    /// token per byte before it writes them, and a resize that zeroed them
    /// cost more than the tokens.
    RawToken() noexcept {}
    RawToken(uint32_t s, uint32_t e, uint32_t f) noexcept : start(s), end(e), flags(f) {}
    uint32_t start;
    uint32_t end;
    uint32_t flags;  ///< FKB_TOKEN_* bits
};

class Tokenizer {
public:
    /// How the caller knows the text.
    enum class Path { detect, ascii, icu };

    /// Appends the tokens of text[start, end) to `out`. Path::ascii: the
    /// caller knows the range is ASCII; Path::icu: never the fast path
    /// (tests).
    static void tokenize(std::string_view text, uint32_t start, uint32_t end, std::vector<RawToken>& out,
                         Path path = Path::detect);

    /// The FKB_TOKEN_* flags of one token's text.
    static uint32_t flags_of(std::string_view token);
};

}  // namespace fkb::text
