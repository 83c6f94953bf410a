// dlopen and descriptor checks (see forumkb/plugin_loader.hpp). The reasons
// here are part of the user interface: tests assert them word for word and
// docs/plugins.md lists them.
#include <forumkb/plugin_loader.hpp>

#include <dlfcn.h>

#include <cstddef>

namespace fkb::plugin {
namespace {

// Sizes of the ABI 1.0 structs: a plugin's struct must be at least this big.
// (The end of each struct's last 1.0 member: later minors append members.)
constexpr std::size_t kDescriptor10 = offsetof(fkb_plugin_descriptor, reserved) + sizeof(void* [8]);
constexpr std::size_t kSourceApi10 = offsetof(fkb_source_api, close) + sizeof(void*);
constexpr std::size_t kExtractorApi10 = offsetof(fkb_extractor_api, destroy) + sizeof(void*);

std::string abi_text(unsigned major, unsigned minor) {
    return std::to_string(major) + "." + std::to_string(minor);
}

bool valid_name(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::optional<std::string> check_api(const fkb_plugin_descriptor* d) {
    if (d->kind == FKB_KIND_SOURCE) {
        const fkb_source_api* a = d->source;
        if (!a) return "source plugin has no source api";
        if (a->struct_size < kSourceApi10)
            return "source api struct_size " + std::to_string(a->struct_size) + " is smaller than ABI 1.0's " +
                   std::to_string(kSourceApi10);
        if (!a->sniff) return "source api function sniff is NULL";
        if (!a->open) return "source api function open is NULL";
        if (!a->next_thread) return "source api function next_thread is NULL";
        if (!a->close) return "source api function close is NULL";
    } else if (d->kind == FKB_KIND_EXTRACTOR) {
        const fkb_extractor_api* a = d->extractor;
        if (!a) return "extractor plugin has no extractor api";
        if (a->struct_size < kExtractorApi10)
            return "extractor api struct_size " + std::to_string(a->struct_size) + " is smaller than ABI 1.0's " +
                   std::to_string(kExtractorApi10);
        if (!a->create) return "extractor api function create is NULL";
        if (!a->extract) return "extractor api function extract is NULL";
        if (!a->destroy) return "extractor api function destroy is NULL";
    }
    return std::nullopt;
}

std::optional<std::string> check_options(const fkb_plugin_descriptor* d, std::vector<OptionSpec>* out) {
    if (d->n_options > 0 && !d->options) return "options table is NULL but n_options is " + std::to_string(d->n_options);
    std::vector<OptionSpec> specs;
    for (std::size_t i = 0; i < d->n_options; ++i) {
        const fkb_option_spec& o = d->options[i];
        if (!o.name || !valid_name(o.name)) return "option " + std::to_string(i) + " has no valid name ([a-z0-9_]+)";
        OptionSpec s;
        s.name = o.name;
        if (o.type < FKB_OPT_STRING || o.type > FKB_OPT_BOOL)
            return "option '" + s.name + "' has unknown type " + std::to_string(static_cast<int>(o.type));
        s.type = o.type;
        if (o.default_value) {
            s.default_value = o.default_value;
            if (auto bad = check_option_value(s.type, *s.default_value))
                return "option '" + s.name + "' default '" + *s.default_value + "' " + *bad;
        }
        s.help = o.help ? o.help : "";
        for (const auto& prev : specs)
            if (prev.name == s.name) return "option '" + s.name + "' is declared twice";
        specs.push_back(std::move(s));
    }
    if (out) *out = std::move(specs);
    return std::nullopt;
}

}  // namespace

Plugin::Plugin(std::string path, void* handle, const fkb_plugin_descriptor* d, std::vector<OptionSpec> options)
    : path_(std::move(path)),
      name_(d->name),
      version_(d->version),
      description_(d->description ? d->description : ""),
      license_(d->license ? d->license : ""),
      handle_(handle),
      descriptor_(d),
      options_(std::move(options)) {}

Plugin::~Plugin() {
    if (handle_) dlclose(handle_);
}

std::string_view Plugin::kind_name() const noexcept {
    switch (kind()) {
        case FKB_KIND_SOURCE: return "source";
        case FKB_KIND_EXTRACTOR: return "extractor";
    }
    return "unknown";
}

std::optional<std::string> check_descriptor(const fkb_plugin_descriptor* d, std::vector<OptionSpec>* options) {
    if (!d) return "fkb_plugin_entry returned NULL";
    // The ABI version lives in the first 8 bytes, readable whatever the size.
    if (d->abi_major != FKB_ABI_MAJOR)
        return "built for ABI " + abi_text(d->abi_major, d->abi_minor) + ", host speaks ABI " +
               abi_text(FKB_ABI_MAJOR, FKB_ABI_MINOR) + " (major differs)";
    if (d->abi_minor > FKB_ABI_MINOR)
        return "built for ABI " + abi_text(d->abi_major, d->abi_minor) + ", host speaks ABI " +
               abi_text(FKB_ABI_MAJOR, FKB_ABI_MINOR) + " (minor is newer)";
    if (d->struct_size < kDescriptor10)
        return "descriptor struct_size " + std::to_string(d->struct_size) + " is smaller than ABI 1.0's " +
               std::to_string(kDescriptor10);
    if (!d->name || !*d->name) return "descriptor has no name";
    if (!valid_name(d->name)) return "plugin name '" + std::string(d->name) + "' is not [a-z0-9_]+";
    if (!d->version || !*d->version) return "descriptor has no version";
    if (auto bad = check_api(d)) return bad;
    if (auto bad = check_options(d, options)) return bad;
    if (d->kind != FKB_KIND_SOURCE && d->kind != FKB_KIND_EXTRACTOR)
        return "unknown plugin kind " + std::to_string(static_cast<int>(d->kind));
    return std::nullopt;
}

LoadResult load_plugin(const std::string& path) {
    LoadResult r;
    dlerror();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        r.error = LoadError{path, std::string("cannot load: ") + (why ? why : "unknown dlopen error")};
        return r;
    }
    auto entry = reinterpret_cast<fkb_plugin_entry_fn>(dlsym(handle, FKB_PLUGIN_ENTRY_SYMBOL));
    if (!entry) {
        dlclose(handle);
        r.error = LoadError{path, "no entry symbol " FKB_PLUGIN_ENTRY_SYMBOL};
        return r;
    }
    const fkb_plugin_descriptor* d = nullptr;
    try {
        d = entry();
    } catch (...) {
        dlclose(handle);
        r.error = LoadError{path, "fkb_plugin_entry threw an exception"};
        return r;
    }
    std::vector<OptionSpec> options;
    if (auto bad = check_descriptor(d, &options)) {
        dlclose(handle);
        r.error = LoadError{path, *bad};
        return r;
    }
    r.plugin = std::make_shared<const Plugin>(path, handle, d, std::move(options));
    return r;
}

}  // namespace fkb::plugin
