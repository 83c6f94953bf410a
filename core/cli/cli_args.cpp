// Argument parsing shared by the subcommands (see cli_args.hpp), and
// CliContext::error.
#include "cli_args.hpp"

#include <iostream>
#include <sstream>

namespace fkb::cli {

void CliContext::error(std::string_view where, std::string_view reason) const {
    std::string line = program + ": ";
    if (!where.empty()) {
        line.append(where);
        line += ": ";
    }
    line.append(reason);
    line += '\n';
    err() << line << std::flush;
}

std::optional<int> parse_args(const CliContext& ctx, std::string_view command, std::string_view usage,
                              std::string_view description, po::options_description& opts,
                              const po::positional_options_description& positional,
                              const std::vector<std::string>& args, po::variables_map& vm) {
    opts.add_options()("help,h", "show this help");
    try {
        po::store(po::command_line_parser(args).options(opts).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::ostringstream help;
            help << "usage: " << ctx.program << " " << usage << "\n\n" << description << "\n\n" << opts;
            ctx.out() << help.str() << std::flush;
            return kExitOk;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        ctx.error(command, std::string(e.what()) + " (see " + ctx.program + " " + std::string(command) + " --help)");
        return kExitUsage;
    }
    return std::nullopt;
}

std::string location(std::string_view file, uint64_t line, int64_t offset) {
    std::string out(file);
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    } else if (offset >= 0) {
        out += ":offset ";
        out += std::to_string(offset);
    }
    return out;
}

}  // namespace fkb::cli
