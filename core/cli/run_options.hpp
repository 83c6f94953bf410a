// Options shared by the commands that run the pipeline (parse, extract,
// ingest): --source, -o plugin.key=value, -j, --on-plugin-error, --strict,
// --include/--exclude,
// and loading the plugins of the search path for them.
#pragma once

#include "cli_args.hpp"

#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/plugin_registry.hpp>

namespace fkb::cli {

/// Adds the pipeline options to desc. with_jobs: add -j/--jobs.
void add_run_options(po::options_description& desc, bool with_jobs);

/// Reads them back. Throws CliError(kExitUsage) for a malformed value.
pipeline::PipelineOptions run_options(const po::variables_map& vm);

/// The --include / --exclude globs.
pipeline::InputFilter input_filter(const po::variables_map& vm);

/// True when --strict was given.
bool strict(const po::variables_map& vm);

/// Loads the plugins of the search path (built-in, --plugin-dir,
/// FORUMKB_PLUGIN_PATH). Each module that fails to load is reported as
/// "forumkb: <file>: <reason>"; returns how many failed.
std::size_t load_plugins(const CliContext& ctx, plugin::PluginRegistry& registry);

/// The exit code of a finished run: 4 after a plugin error, 2 after an
/// input error, 3 when records were rejected under --strict, else 0.
int run_exit_code(const pipeline::PipelineReport& report, bool strict_mode);

/// Prints the summary of rejects ("forumkb: N records rejected") if any.
void report_rejects(const CliContext& ctx, const pipeline::PipelineReport& report);

}  // namespace fkb::cli
