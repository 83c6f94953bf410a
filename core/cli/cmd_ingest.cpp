// forumkb ingest PATH... --db FILE: reads dumps through the whole pipeline
// (source plugins, text analysis, extractor plugins) into a SQLite
// knowledge base. Streams any size of input with -j N workers; bad records
// are stored as rejects with their reason; Ctrl-C stops cleanly (what was
// written stays committed); a file finished before with the same size and
// content is skipped, so running the same command again resumes. On a
// terminal a progress bar runs on stderr (--progress plain for logs); a
// summary line ends the run.
#include "command.hpp"

#include "cli_args.hpp"
#include "kb_sink.hpp"
#include "progress_display.hpp"
#include "run_options.hpp"

#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/text/analyzer.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>

namespace fkb::cli {
namespace {

std::atomic<bool> g_interrupted{false};  // set by SIGINT/SIGTERM only

// The first Ctrl-C asks for a clean stop; a second one kills at once (the
// KB stays consistent either way: WAL, batched transactions).
extern "C" void on_signal(int sig) {
    g_interrupted = true;
    std::signal(sig, SIG_DFL);
}

ProgressDisplay::Mode progress_mode(const po::variables_map& vm) {
    if (vm.count("quiet") || vm.count("no-progress")) return ProgressDisplay::Mode::kNone;
    std::string m = vm.count("progress") ? vm["progress"].as<std::string>() : "auto";
    if (m == "auto") return ::isatty(STDERR_FILENO) ? ProgressDisplay::Mode::kBar : ProgressDisplay::Mode::kNone;
    if (m == "bar") return ProgressDisplay::Mode::kBar;
    if (m == "plain") return ProgressDisplay::Mode::kPlain;
    if (m == "none") return ProgressDisplay::Mode::kNone;
    throw CliError(kExitUsage, "--progress " + m + ": expected auto, bar, plain or none");
}

}  // namespace

int run_ingest(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("input", po::value<std::vector<std::string>>()->value_name("PATH"), "inputs")(
        "db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base (created if missing)")(
        "progress", po::value<std::string>()->value_name("auto|bar|plain|none")->default_value("auto"),
        "progress on stderr: bar (auto on a terminal), plain (a line every few seconds, for logs), none")(
        "no-progress", "same as --progress none")("quiet,q", "no progress and no summary line (errors still print)")(
        "batch-size", po::value<int>()->value_name("N")->default_value(256),
        "threads per transaction; a crash loses at most the open batch");
    add_run_options(opts, true);
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "ingest", "ingest PATH... --db FILE [-j N] [--source NAME] [--strict]",
                               "Reads dumps (files, directories walked recursively, archives, - for stdin) into a\n"
                               "SQLite knowledge base. Running it again skips files already ingested unchanged;\n"
                               "a thread ingested again replaces its old copy. Ctrl-C stops cleanly.",
                               opts, pos, args, vm))
        return *code;
    if (!vm.count("input")) {
        ctx.error("ingest", "no input given (see forumkb ingest --help)");
        return kExitUsage;
    }
    pipeline::PipelineOptions options = run_options(vm);
    options.hash_inputs = true;
    options.interrupt = &g_interrupted;
    pipeline::ProgressCounters counters;
    options.progress = &counters;
    const ProgressDisplay::Mode mode = progress_mode(vm);
    const bool quiet = vm.count("quiet") > 0;
    if (vm["batch-size"].as<int>() < 1) throw CliError(kExitUsage, "--batch-size must be at least 1");
    plugin::PluginRegistry registry;
    if (load_plugins(ctx, registry) && options.on_plugin_error == pipeline::OnPluginError::kStop)
        return kExitPluginError;

    std::vector<std::string> missing;
    auto inputs = pipeline::collect_inputs(vm["input"].as<std::vector<std::string>>(), &missing, input_filter(vm));
    uint64_t total_bytes = 0;
    for (const auto& in : inputs) total_bytes += in.size > 0 ? static_cast<uint64_t>(in.size) : 0;
    for (const auto& m : missing) ctx.error("", m);

    text::Analyzer analyzer;
    std::unique_ptr<pipeline::Pipeline> pipe;
    try {
        pipe = std::make_unique<pipeline::Pipeline>(registry, &analyzer, options);
    } catch (const pipeline::PipelineError& e) {
        throw CliError(kExitUsage, e.what());
    }
    const std::string db = vm["db"].as<std::string>();
    std::unique_ptr<kb::KbWriter> writer;
    try {
        writer = std::make_unique<kb::KbWriter>(db);
    } catch (const std::exception& e) {
        throw CliError(kExitInput, e.what());
    }
    writer->set_batch_size(vm["batch-size"].as<int>());
    ProgressDisplay display(mode, counters, total_bytes, inputs.size());
    KbSink sink(ctx, *writer, &display);

    auto old_int = std::signal(SIGINT, on_signal);
    auto old_term = std::signal(SIGTERM, on_signal);
    auto report = pipe->run(inputs, sink);
    display.stop();
    try {
        writer->commit();
        writer.reset();
    } catch (const std::exception& e) {
        if (sink.kb_error().empty()) throw CliError(kExitInput, e.what());
    }
    std::signal(SIGINT, old_int);
    std::signal(SIGTERM, old_term);
    if (!sink.kb_error().empty()) throw CliError(kExitInput, sink.kb_error());

    const double secs = display.elapsed();
    const double mb = static_cast<double>(counters.bytes_done.load()) / 1e6;
    if (!quiet)
        ctx.out() << fmt::format("ingested {} threads ({} posts, {} facts) from {} inputs into {}; {} rejected, {} "
                                 "skipped as already ingested; {}, {:.1f} s, {:.1f} MB/s{}\n",
                                 report.threads, report.posts, report.facts, report.inputs, db, report.rejects,
                                 report.skipped, human_bytes(mb * 1e6), secs, mb / std::max(secs, 1e-3),
                                 g_interrupted ? "; interrupted (run the same command again to resume)" : "")
                  << std::flush;
    if (g_interrupted) return kExitInterrupted;
    if (!missing.empty() && run_exit_code(report, strict(vm)) == kExitOk) return kExitInput;
    return run_exit_code(report, strict(vm));
}

}  // namespace fkb::cli
