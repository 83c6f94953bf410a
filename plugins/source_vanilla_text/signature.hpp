// Signed posts: a reply that ends with a valediction and a name
// ("Cheers,\nShaun.", "Thanks, Anna", "~Marco") is signed by that name. The
// valedictions are data (data/signoffs.txt).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::seedsrc::vanilla {

/// The name a post is signed with, from its lines (trimmed, blank lines
/// allowed), or nothing. The signature stays part of the post's text.
std::optional<std::string> find_signature(const std::vector<std::string_view>& lines);

/// Whether `line` is a valediction of data/signoffs.txt (case-insensitive,
/// with an optional trailing ",", "!" or ".").
bool is_signoff(std::string_view line);

}  // namespace fkb::seedsrc::vanilla
