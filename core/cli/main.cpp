// forumkb: the command line. A static table of subcommands (no
// self-registration); global options (--plugin-dir DIR, repeatable, and
// FORUMKB_PLUGIN_PATH; --version; --help) are taken out wherever they appear
// before "--", and the rest goes to the subcommand. Exit codes: 0 ok, 1 usage
// error, 2 input or I/O error, 3 records rejected under --strict, 4 plugin
// error (docs/cli.md).
#include "command.hpp"

#include <forumkb/plugin.h>
#include <forumkb/version.hpp>

#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using fkb::cli::CommandFn;

struct Command {
    const char* name;
    CommandFn run;
    const char* summary;
};

constexpr Command kCommands[] = {
    {"parse", &fkb::cli::run_parse, "read dumps, print thread JSON lines"},
    {"extract", &fkb::cli::run_extract, "read dumps or thread JSON lines, print fact JSON lines"},
    {"ingest", &fkb::cli::run_ingest, "read dumps into a knowledge base (SQLite)"},
    {"query", &fkb::cli::run_query, "ranked causes and remedies for a complaint"},
    {"search", &fkb::cli::run_search, "full-text search over posts"},
    {"show", &fkb::cli::run_show, "show a thread, post or fact of the knowledge base"},
    {"stats", &fkb::cli::run_stats, "counts of a knowledge base"},
    {"rejects", &fkb::cli::run_rejects, "records set aside during ingest, with reasons"},
    {"lexicon", &fkb::cli::run_lexicon, "unmapped cause/remedy phrases of a knowledge base, for lexicon curators"},
    {"plugins", &fkb::cli::run_plugins, "list, describe and check plugins"},
    {"kb", &fkb::cli::run_kb, "knowledge base maintenance: kb import FACTS.jsonl... (load extract's output)"},
};

void usage(std::ostream& os) {
    os << "usage: forumkb [--plugin-dir DIR]... COMMAND [ARGS]...\n"
          "       forumkb --version | --help | COMMAND --help\n\n"
          "Turns forum dumps into an advice knowledge base.\n\ncommands:\n";
    for (const auto& c : kCommands) {
        std::string name = c.name;
        name.resize(10, ' ');
        os << "  " << name << c.summary << "\n";
    }
    os << "\nglobal options:\n"
          "  --plugin-dir DIR  also load plugins from DIR (repeatable); FORUMKB_PLUGIN_PATH\n"
          "                    adds colon-separated directories; built-in plugins come from\n"
          "                    <binary dir>/../lib/forumkb/plugins\n"
          "  --version         print the version and the plugin ABI\n"
          "  -h, --help        this help\n\n"
          "exit codes: 0 ok, 1 usage error, 2 input or I/O error, 3 records rejected under\n"
          "--strict, 4 plugin error\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    fkb::cli::CliContext ctx;
    ctx.out_stream = &std::cout;
    ctx.err_stream = &std::cerr;

    std::vector<std::string> args;
    std::string command;
    bool want_version = false, want_help = false, after_dashes = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (!after_dashes) {
            if (a == "--") {
                after_dashes = true;
                args.emplace_back(a);
                continue;
            }
            if (a == "--plugin-dir") {
                if (i + 1 >= argc) {
                    ctx.error("", "--plugin-dir needs a directory");
                    return fkb::cli::kExitUsage;
                }
                ctx.plugin_dirs.emplace_back(argv[++i]);
                continue;
            }
            if (a.rfind("--plugin-dir=", 0) == 0) {
                ctx.plugin_dirs.emplace_back(a.substr(13));
                continue;
            }
            if (command.empty()) {
                if (a == "--version") {
                    want_version = true;
                    continue;
                }
                if (a == "--help" || a == "-h") {
                    want_help = true;
                    continue;
                }
                if (!a.empty() && a[0] != '-') {
                    command = a;
                    continue;
                }
                ctx.error("", "unknown option '" + std::string(a) + "' (see forumkb --help)");
                return fkb::cli::kExitUsage;
            }
        }
        args.emplace_back(a);
    }
    if (want_version) {
        std::cout << "forumkb " << fkb::version() << " (plugin ABI " << FKB_ABI_MAJOR << "." << FKB_ABI_MINOR << ")\n";
        return fkb::cli::kExitOk;
    }
    if (want_help) {
        usage(std::cout);
        return fkb::cli::kExitOk;
    }
    if (command.empty()) {
        usage(std::cerr);
        return fkb::cli::kExitUsage;
    }
    for (const auto& c : kCommands) {
        if (command != c.name) continue;
        try {
            int code = c.run(ctx, std::move(args));
            std::cout.flush();
            return code;
        } catch (const fkb::cli::CliError& e) {
            std::cout.flush();
            ctx.error("", e.what());
            return e.code;
        } catch (const std::exception& e) {
            std::cout.flush();
            ctx.error("", e.what());
            return fkb::cli::kExitInput;
        }
    }
    ctx.error("", "unknown command '" + command + "' (see forumkb --help)");
    return fkb::cli::kExitUsage;
}
