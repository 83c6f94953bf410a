// The subcommand contract of the forumkb command line.
//
// main.cpp owns a static table of subcommands (no self-registration); each
// entry points at one run_<name>() function defined in its own file
// (cmd_<name>.cpp). main() parses the global options (--plugin-dir,
// --version, --help) wherever they appear before "--", finds the
// subcommand and hands it the remaining arguments. A subcommand parses its
// own options (Boost.Program_options), answers --help itself, writes its
// results to ctx.out() and its diagnostics to ctx.err(), and returns one of
// the documented exit codes. A failure it cannot handle may be thrown as
// CliError; main() prints it as one line "forumkb: <what>" and exits with
// its code. Any other exception becomes exit 2 (input or I/O error).
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cli {

/// The documented exit codes (docs/cli.md).
enum ExitCode : int {
    kExitOk = 0,         ///< success
    kExitUsage = 1,      ///< bad command line
    kExitInput = 2,      ///< input, I/O or database error
    kExitRejected = 3,   ///< records were rejected and --strict was given
    kExitPluginError = 4, ///< a plugin failed to load or failed in a call
    kExitInterrupted = 130 ///< ingest stopped by Ctrl-C or SIGTERM (what was written stays)
};

/// What main() hands every subcommand: global options and the streams.
struct CliContext {
    std::string program = "forumkb";      ///< name used in messages
    std::vector<std::string> plugin_dirs; ///< --plugin-dir values, in order
    std::ostream* out_stream = nullptr;   ///< results (stdout)
    std::ostream* err_stream = nullptr;   ///< diagnostics (stderr)

    std::ostream& out() const { return *out_stream; }
    std::ostream& err() const { return *err_stream; }

    /// Prints the one-line diagnostic "forumkb: <where>: <reason>" (or
    /// "forumkb: <reason>" when where is empty) to err().
    void error(std::string_view where, std::string_view reason) const;
};

/// A failure a subcommand reports as one line and an exit code. what() is
/// the text after "forumkb: ", e.g. "kb.sqlite: no such table: facts".
struct CliError : std::runtime_error {
    CliError(int exit_code, const std::string& message) : std::runtime_error(message), code(exit_code) {}
    int code;
};

/// A subcommand: args are the arguments after its name, global options
/// removed. Returns an ExitCode.
using CommandFn = int (*)(const CliContext& ctx, std::vector<std::string> args);

// Subcommands of the foundation (cmd_parse.cpp, cmd_extract.cpp,
// cmd_ingest.cpp, cmd_plugins.cpp).
int run_parse(const CliContext& ctx, std::vector<std::string> args);
int run_extract(const CliContext& ctx, std::vector<std::string> args);
int run_ingest(const CliContext& ctx, std::vector<std::string> args);
int run_plugins(const CliContext& ctx, std::vector<std::string> args);

// Subcommands over a knowledge base (cmd_stats.cpp, cmd_query.cpp,
// cmd_search.cpp, cmd_show.cpp, cmd_rejects.cpp).
int run_stats(const CliContext& ctx, std::vector<std::string> args);
int run_query(const CliContext& ctx, std::vector<std::string> args);
int run_search(const CliContext& ctx, std::vector<std::string> args);
int run_show(const CliContext& ctx, std::vector<std::string> args);
int run_rejects(const CliContext& ctx, std::vector<std::string> args);
int run_kb(const CliContext& ctx, std::vector<std::string> args);       // cmd_kb.cpp: kb import
int run_lexicon(const CliContext& ctx, std::vector<std::string> args);  // cmd_lexicon.cpp: lexicon suggest

}  // namespace fkb::cli
