// The set of plugins a run uses, and where they are found.
//
// Search path, in order: the built-in directory
// `<directory of the running binary>/../lib/forumkb/plugins` (the same for
// build/bin/forumkb and an installed bin/forumkb), then each --plugin-dir,
// then each entry of FORUMKB_PLUGIN_PATH (colon-separated). The working
// directory is never searched. Every "*.so" of a directory is loaded, in
// file-name order; the first plugin with a name wins and a later one with the
// same name is refused ("plugin name 'x' is already taken by <file>").
// Built-in plugins go through exactly the same loader as third-party ones.
#pragma once

#include <forumkb/plugin_loader.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::plugin {

class PluginRegistry {
public:
    /// `<dir of /proc/self/exe>/../lib/forumkb/plugins`, normalized.
    static std::string builtin_dir();
    /// Built-in dir, then extra_dirs, then FORUMKB_PLUGIN_PATH's entries.
    static std::vector<std::string> search_path(const std::vector<std::string>& extra_dirs);

    /// Loads every "*.so" of each directory. A missing built-in directory is
    /// skipped silently; any other missing directory is reported. Returns
    /// the modules (or directories) that failed, in order.
    std::vector<LoadError> load_dirs(const std::vector<std::string>& dirs);

    /// Loads one module and adds it (unique-name check included). A module
    /// already loaded from the same file is not loaded twice.
    LoadResult load_file(const std::string& path);

    /// Adds a loaded plugin; the error when its name is taken.
    std::optional<LoadError> add(std::shared_ptr<const Plugin> plugin);

    /// The plugin with this name, or null.
    std::shared_ptr<const Plugin> find(std::string_view name) const;
    /// All plugins, by name.
    std::vector<std::shared_ptr<const Plugin>> all() const;
    /// Plugins of one kind, by name.
    std::vector<std::shared_ptr<const Plugin>> of_kind(fkb_plugin_kind kind) const;

private:
    std::vector<std::shared_ptr<const Plugin>> plugins_;
    std::vector<std::string> files_;  // canonical paths of loaded modules
};

}  // namespace fkb::plugin
