// forumkb ingest PATH... --db FILE: reads dumps through the whole pipeline
// (source plugins, text analysis, extractor plugins) into a SQLite
// knowledge base. Streams any size of input with -j N workers; bad records
// are stored as rejects with their reason; Ctrl-C stops cleanly (what was
// written stays committed); a file finished before with the same size and
// content is skipped, so running the same command again resumes.
#include "command.hpp"

#include "cli_args.hpp"
#include "kb_sink.hpp"
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

extern "C" void on_signal(int) { g_interrupted = true; }

}  // namespace

int run_ingest(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("input", po::value<std::vector<std::string>>()->value_name("PATH"), "inputs")(
        "db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base (created if missing)")(
        "no-progress", "do not show the progress line");
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
    plugin::PluginRegistry registry;
    if (load_plugins(ctx, registry) && options.on_plugin_error == pipeline::OnPluginError::kStop)
        return kExitPluginError;

    std::vector<std::string> missing;
    auto inputs = pipeline::collect_inputs(vm["input"].as<std::vector<std::string>>(), &missing);
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
    KbSink sink(ctx, *writer, inputs.size(), !vm.count("no-progress") && ::isatty(STDERR_FILENO));

    auto old_int = std::signal(SIGINT, on_signal);
    auto old_term = std::signal(SIGTERM, on_signal);
    auto report = pipe->run(inputs, sink);
    std::signal(SIGINT, old_int);
    std::signal(SIGTERM, old_term);
    sink.finish_progress();
    try {
        writer->commit();
        writer.reset();
    } catch (const std::exception& e) {
        if (sink.kb_error().empty()) throw CliError(kExitInput, e.what());
    }
    if (!sink.kb_error().empty()) throw CliError(kExitInput, sink.kb_error());

    ctx.out() << fmt::format("ingested {} threads ({} posts, {} facts) from {} inputs into {}; {} rejected, {} skipped "
                             "as already ingested{}\n",
                             report.threads, report.posts, report.facts, report.inputs, db, report.rejects,
                             report.skipped, g_interrupted ? "; interrupted" : "")
              << std::flush;
    if (g_interrupted) return kExitInput;
    if (!missing.empty() && run_exit_code(report, strict(vm)) == kExitOk) return kExitInput;
    return run_exit_code(report, strict(vm));
}

}  // namespace fkb::cli
