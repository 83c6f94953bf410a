// ICU helpers: UTF-16 with a byte map, per-thread break iterators.
#include "icu_text.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace fkb::text::detail {

void Utf16Text::assign(std::string_view s, uint32_t base) {
    // Converted by hand into ICU's buffer: appending code point by code
    // point cost more than the break iterator itself.
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    byte_of.resize(static_cast<size_t>(n) + 1);
    char16_t* out = u.getBuffer(n + 1);
    int32_t i = 0, k = 0;
    while (i < n) {
        const int32_t at = i;
        if (p[i] < 0x80) {
            out[k] = p[i];
            byte_of[static_cast<size_t>(k++)] = base + static_cast<uint32_t>(i++);
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) c = 0xFFFD;
        if (c > 0xFFFF) {
            out[k] = U16_LEAD(c);
            byte_of[static_cast<size_t>(k++)] = base + static_cast<uint32_t>(at);
            out[k] = U16_TRAIL(c);
        } else {
            out[k] = static_cast<char16_t>(c);
        }
        byte_of[static_cast<size_t>(k++)] = base + static_cast<uint32_t>(at);
    }
    u.releaseBuffer(k);
    byte_of.resize(static_cast<size_t>(k) + 1);
    byte_of[static_cast<size_t>(k)] = base + static_cast<uint32_t>(n);
}

namespace {
std::unique_ptr<icu::BreakIterator> make(bool sentence) {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        sentence ? icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), ec)
                 : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), ec));
    if (U_FAILURE(ec) || !it) throw std::runtime_error("forumkb: ICU break iterator data unavailable");
    return it;
}
}  // namespace

icu::BreakIterator& sentence_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> it = make(true);
    return *it;
}

icu::BreakIterator& word_iterator() {
    thread_local std::unique_ptr<icu::BreakIterator> it = make(false);
    return *it;
}

int32_t next_code_point(std::string_view s, size_t& i) noexcept {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t k = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(p, k, static_cast<int32_t>(s.size()), c);
    i = static_cast<size_t>(k);
    return c < 0 ? 0xFFFD : c;
}

bool is_emoji(int32_t c) noexcept {
    return c > 0x7F && (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || (c >= 0x1F1E6 && c <= 0x1F1FF));
}

}  // namespace fkb::text::detail
