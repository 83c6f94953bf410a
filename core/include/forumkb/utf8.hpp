// UTF-8 checks the host applies where text crosses into the model.
//
// Offsets everywhere in forumkb are byte offsets into UTF-8 text, so the host
// makes sure text is valid UTF-8 once, when it enters the model (a source
// plugin may hand over broken bytes from a dump), and checks that offsets a
// plugin gives back fall on character boundaries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::utf8 {

/// True when s is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool valid(std::string_view s) noexcept;

/// Length of the well-formed sequence starting at s[i], or 0 if it is not one.
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept;

/// True when offset is 0, s.size(), or the start of a character.
inline bool is_boundary(std::string_view s, std::size_t offset) noexcept {
    if (offset == 0 || offset == s.size()) return true;
    if (offset > s.size()) return false;
    return (static_cast<unsigned char>(s[offset]) & 0xC0u) != 0x80u;
}

/// Replaces every ill-formed sequence of s with U+FFFD (one per maximal
/// ill-formed subpart, as Unicode recommends). Returns false when s was valid
/// and left unchanged. When offset_map is given it receives, for each byte
/// offset 0..size of the old text, the offset in the new text.
bool sanitize(std::string& s, std::vector<std::size_t>* offset_map = nullptr);

}  // namespace fkb::utf8
