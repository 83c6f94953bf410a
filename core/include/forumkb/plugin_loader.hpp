// Loading one plugin module: dlopen, the entry symbol, and the descriptor
// checks of DESIGN.md, in this order: the symbol exists; the ABI major is the
// host's and the minor is not newer; struct_size covers ABI 1.0; name,
// version, the kind's api and its functions are set (and the options table
// is well formed); the kind is known. (The last check, a unique name, needs
// the other plugins and lives in PluginRegistry.) Each failure is a one-line
// reason; LoadError::message() prefixes the file.
#pragma once

#include <forumkb/plugin.h>
#include <forumkb/plugin_options.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::plugin {

/// Why a module could not be loaded.
struct LoadError {
    std::string file;   ///< the module's path as given
    std::string reason; ///< one line, e.g. "no entry symbol fkb_plugin_entry"
    /// "<file>: <reason>"
    std::string message() const { return file + ": " + reason; }
};

/// A loaded module whose descriptor passed the checks. Immutable and safe to
/// share between threads; the module stays loaded while a Plugin lives.
class Plugin {
public:
    Plugin(std::string path, void* handle, const fkb_plugin_descriptor* descriptor, std::vector<OptionSpec> options);
    ~Plugin();
    Plugin(const Plugin&) = delete;
    Plugin& operator=(const Plugin&) = delete;

    const std::string& path() const noexcept { return path_; }
    const std::string& name() const noexcept { return name_; }
    const std::string& version() const noexcept { return version_; }
    const std::string& description() const noexcept { return description_; }
    const std::string& license() const noexcept { return license_; }
    fkb_plugin_kind kind() const noexcept { return descriptor_->kind; }
    /// "source" or "extractor".
    std::string_view kind_name() const noexcept;
    uint16_t abi_major() const noexcept { return descriptor_->abi_major; }
    uint16_t abi_minor() const noexcept { return descriptor_->abi_minor; }
    const std::vector<OptionSpec>& options() const noexcept { return options_; }
    /// The source api; non-null iff kind() is FKB_KIND_SOURCE.
    const fkb_source_api* source() const noexcept { return kind() == FKB_KIND_SOURCE ? descriptor_->source : nullptr; }
    /// The extractor api; non-null iff kind() is FKB_KIND_EXTRACTOR.
    const fkb_extractor_api* extractor() const noexcept {
        return kind() == FKB_KIND_EXTRACTOR ? descriptor_->extractor : nullptr;
    }
    const fkb_plugin_descriptor& descriptor() const noexcept { return *descriptor_; }

private:
    std::string path_, name_, version_, description_, license_;
    void* handle_;
    const fkb_plugin_descriptor* descriptor_;
    std::vector<OptionSpec> options_;
};

/// The result of loading: a plugin or why not.
struct [[nodiscard]] LoadResult {
    std::shared_ptr<const Plugin> plugin;
    std::optional<LoadError> error;
    bool ok() const noexcept { return plugin != nullptr; }
};

/// Loads the module at path (dlopen RTLD_NOW | RTLD_LOCAL) and checks its
/// descriptor. Never throws for a bad module; the error says why.
LoadResult load_plugin(const std::string& path);

/// Checks a descriptor against this host's ABI (every check but the unique
/// name). Returns the reason of the first failure, or nullopt. On success,
/// *options receives the validated options table when options is non-null.
std::optional<std::string> check_descriptor(const fkb_plugin_descriptor* d, std::vector<OptionSpec>* options);

}  // namespace fkb::plugin
