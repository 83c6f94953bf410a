// forumkb plugins list | info NAME | check FILE.so: what plugins this run
// finds (built-in, --plugin-dir, FORUMKB_PLUGIN_PATH), what each declares
// (its options table drives the info page), and whether a module passes
// the loader's checks and a runtime smoke test.
#include "command.hpp"

#include "cli_args.hpp"
#include "run_options.hpp"

#include <forumkb/plugin_check.hpp>
#include <forumkb/plugin_registry.hpp>
#include <forumkb/text/analyzer.hpp>

#include <fmt/format.h>

#include <ostream>

namespace fkb::cli {
namespace {

int list(const CliContext& ctx) {
    plugin::PluginRegistry registry;
    std::size_t failed = load_plugins(ctx, registry);
    std::string out = fmt::format("{:<28} {:<10} {:<9} {}\n", "NAME", "KIND", "VERSION", "DESCRIPTION");
    for (const auto& p : registry.all())
        out += fmt::format("{:<28} {:<10} {:<9} {}\n", p->name(), p->kind_name(), p->version(), p->description());
    ctx.out() << out << std::flush;
    return failed ? kExitPluginError : kExitOk;
}

int info(const CliContext& ctx, const std::string& name) {
    plugin::PluginRegistry registry;
    load_plugins(ctx, registry);
    auto p = registry.find(name);
    if (!p) p = registry.find("source_" + name);
    if (!p) {
        ctx.error("plugins info", "no plugin named '" + name + "' (see forumkb plugins list)");
        return kExitUsage;
    }
    std::string out;
    out += fmt::format("name:        {}\n", p->name());
    out += fmt::format("kind:        {}\n", p->kind_name());
    out += fmt::format("version:     {}\n", p->version());
    out += fmt::format("description: {}\n", p->description());
    out += fmt::format("license:     {}\n", p->license().empty() ? "-" : p->license());
    out += fmt::format("ABI:         {}.{}\n", p->abi_major(), p->abi_minor());
    out += fmt::format("file:        {}\n", p->path());
    if (p->options().empty()) {
        out += "options:     none\n";
    } else {
        out += "options (set with -o " + p->name() + ".NAME=VALUE):\n";
        for (const auto& o : p->options())
            out += fmt::format("  {:<20} {:<7} default {:<12} {}\n", o.name, plugin::option_type_name(o.type),
                               o.default_value ? *o.default_value : "-", o.help);
    }
    ctx.out() << out << std::flush;
    return kExitOk;
}

int check(const CliContext& ctx, const std::string& file) {
    // The other plugins of the search path, for the unique-name check.
    plugin::PluginRegistry registry;
    registry.load_dirs(plugin::PluginRegistry::search_path(ctx.plugin_dirs));
    auto loaded = registry.load_file(file);
    if (!loaded.ok()) {
        ctx.error(loaded.error->file, loaded.error->reason);
        return kExitPluginError;
    }
    text::Analyzer analyzer;
    if (auto bad = plugin::check_plugin_runtime(*loaded.plugin, analyzer)) {
        ctx.error(file, loaded.plugin->name() + ": " + *bad);
        return kExitPluginError;
    }
    const auto& p = *loaded.plugin;
    ctx.out() << fmt::format("ok: {}: {} {} ({} plugin, ABI {}.{})\n", file, p.name(), p.version(), p.kind_name(),
                             p.abi_major(), p.abi_minor())
              << std::flush;
    return kExitOk;
}

}  // namespace

int run_plugins(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("action", po::value<std::string>()->value_name("ACTION"), "list, info or check")(
        "target", po::value<std::string>()->value_name("NAME|FILE"), "plugin name (info) or module file (check)");
    po::positional_options_description pos;
    pos.add("action", 1).add("target", 1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "plugins", "plugins list | info NAME | check FILE.so",
                               "list:  every plugin found (built-in, --plugin-dir, FORUMKB_PLUGIN_PATH), with kind\n"
                               "       and version; modules that fail to load are reported (exit 4)\n"
                               "info:  one plugin's descriptor and options table\n"
                               "check: load FILE.so through the loader's checks (ABI, struct sizes, required\n"
                               "       functions, kind, unique name) and a runtime smoke test; exit 4 with the\n"
                               "       reason when it fails",
                               opts, pos, args, vm))
        return *code;
    std::string action = vm.count("action") ? vm["action"].as<std::string>() : "list";
    std::string target = vm.count("target") ? vm["target"].as<std::string>() : "";
    if (action == "list" && target.empty()) return list(ctx);
    if (action == "info" && !target.empty()) return info(ctx, target);
    if (action == "check" && !target.empty()) return check(ctx, target);
    ctx.error("plugins", "expected list, info NAME or check FILE.so (see forumkb plugins --help)");
    return kExitUsage;
}

}  // namespace fkb::cli
