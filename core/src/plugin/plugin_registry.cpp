// Plugin discovery and the unique-name check (see forumkb/plugin_registry.hpp).
#include <forumkb/plugin_registry.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace fkb::plugin {
namespace {

std::string canonical_or_same(const std::string& path) {
    std::error_code ec;
    auto c = fs::weakly_canonical(path, ec);
    return ec ? path : c.string();
}

}  // namespace

std::string PluginRegistry::builtin_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (exe.parent_path().parent_path() / "lib" / "forumkb" / "plugins").lexically_normal().string();
}

std::vector<std::string> PluginRegistry::search_path(const std::vector<std::string>& extra_dirs) {
    std::vector<std::string> dirs;
    if (auto b = builtin_dir(); !b.empty()) dirs.push_back(b);
    dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
    if (const char* env = std::getenv("FORUMKB_PLUGIN_PATH")) {
        std::string_view rest = env;
        while (!rest.empty()) {
            auto colon = rest.find(':');
            std::string_view entry = rest.substr(0, colon);
            if (!entry.empty()) dirs.emplace_back(entry);
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    return dirs;
}

std::vector<LoadError> PluginRegistry::load_dirs(const std::vector<std::string>& dirs) {
    std::vector<LoadError> errors;
    const std::string builtin = builtin_dir();
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            if (dir != builtin) errors.push_back(LoadError{dir, "not a directory"});
            continue;
        }
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (entry.path().extension() == ".so" && entry.is_regular_file(ec)) files.push_back(entry.path().string());
        }
        if (ec) {
            errors.push_back(LoadError{dir, "cannot list: " + ec.message()});
            continue;
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            LoadResult r = load_file(f);
            if (r.error) errors.push_back(std::move(*r.error));
        }
    }
    return errors;
}

LoadResult PluginRegistry::load_file(const std::string& path) {
    std::string canon = canonical_or_same(path);
    for (std::size_t i = 0; i < files_.size(); ++i) {
        if (files_[i] == canon) return LoadResult{plugins_[i], std::nullopt};
    }
    LoadResult r = load_plugin(path);
    if (!r.ok()) return r;
    if (auto err = add(r.plugin)) return LoadResult{nullptr, std::move(err)};
    files_.back() = canon;
    return r;
}

std::optional<LoadError> PluginRegistry::add(std::shared_ptr<const Plugin> plugin) {
    for (const auto& p : plugins_) {
        if (p->name() == plugin->name())
            return LoadError{plugin->path(), "plugin name '" + plugin->name() + "' is already taken by " + p->path()};
    }
    files_.push_back(canonical_or_same(plugin->path()));
    plugins_.push_back(std::move(plugin));
    return std::nullopt;
}

std::shared_ptr<const Plugin> PluginRegistry::find(std::string_view name) const {
    for (const auto& p : plugins_)
        if (p->name() == name) return p;
    return nullptr;
}

std::vector<std::shared_ptr<const Plugin>> PluginRegistry::all() const {
    auto out = plugins_;
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a->name() < b->name(); });
    return out;
}

std::vector<std::shared_ptr<const Plugin>> PluginRegistry::of_kind(fkb_plugin_kind kind) const {
    std::vector<std::shared_ptr<const Plugin>> out;
    for (const auto& p : all())
        if (p->kind() == kind) out.push_back(p);
    return out;
}

}  // namespace fkb::plugin
