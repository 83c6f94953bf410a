// Helpers every subcommand uses: parsing its arguments with
// Boost.Program_options (with --help added and usage errors reported as one
// line, exit 1), and the one-line location format of diagnostics.
#pragma once

#include "command.hpp"

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cli {

namespace po = boost::program_options;

/// Parses args into vm. Adds -h/--help to opts. Returns nullopt to go on,
/// or the exit code to return at once: 0 after printing help (usage line,
/// description, options) to ctx.out(), 1 after printing a usage error
/// "forumkb: <command>: <problem>" to ctx.err().
std::optional<int> parse_args(const CliContext& ctx, std::string_view command, std::string_view usage,
                              std::string_view description, po::options_description& opts,
                              const po::positional_options_description& positional,
                              const std::vector<std::string>& args, po::variables_map& vm);

/// "<file>:<line>" when line > 0, "<file>:offset <n>" when offset >= 0,
/// else "<file>".
std::string location(std::string_view file, uint64_t line, int64_t offset);

}  // namespace fkb::cli
