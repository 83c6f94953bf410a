// The version of the host library, for --version and the KB's metadata.
#include <forumkb/version.hpp>

namespace fkb {
std::string_view version() noexcept { return FORUMKB_CORE_VERSION; }
}  // namespace fkb
