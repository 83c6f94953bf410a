// The host's version and the plugin ABI it speaks.
#pragma once
#include <string_view>

namespace fkb {
/// The forumkb release, e.g. "0.1.0".
std::string_view version() noexcept;
}  // namespace fkb
