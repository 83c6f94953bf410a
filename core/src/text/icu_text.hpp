// ICU helpers shared by the sentence splitter and the tokenizer: a UTF-16
// copy of a piece of UTF-8 text with the byte offset of every UTF-16 unit,
// and per-thread break iterators (creating one costs far more than using
// it, and an iterator may not be shared between threads).
#pragma once

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace fkb::text::detail {

/// UTF-16 text plus, for each UTF-16 index, the byte offset (base + i) of
/// the UTF-8 character it belongs to; byte_of[length] is the end.
struct Utf16Text {
    icu::UnicodeString u;
    std::vector<uint32_t> byte_of;
    void assign(std::string_view utf8, uint32_t base);
};

/// This thread's English sentence / word break iterator.
icu::BreakIterator& sentence_iterator();
icu::BreakIterator& word_iterator();

/// Decodes one code point at s[i] (advancing i); U+FFFD for bad bytes.
int32_t next_code_point(std::string_view s, size_t& i) noexcept;

/// True for pictographic symbols (emoji) and regional indicators.
bool is_emoji(int32_t c) noexcept;

}  // namespace fkb::text::detail
