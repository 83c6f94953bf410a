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


namespace fkb::cli {

int run_ingest(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("input", po::value<std::vector<std::string>>()->value_name("PATH"), "inputs");
    KbRun::add_options(opts);
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
    plugin::PluginRegistry registry;
    if (load_plugins(ctx, registry) && options.on_plugin_error == pipeline::OnPluginError::kStop)
        return kExitPluginError;

    std::vector<std::string> missing;
    auto inputs = pipeline::collect_inputs(vm["input"].as<std::vector<std::string>>(), &missing, input_filter(vm));
    uint64_t total_bytes = 0;
    for (const auto& in : inputs) total_bytes += in.size > 0 ? static_cast<uint64_t>(in.size) : 0;
    for (const auto& m : missing) ctx.error("", m);

    text::Analyzer analyzer;
    pipeline::ProgressCounters counters;
    options.interrupt = KbRun::interrupt();
    options.progress = &counters;
    std::unique_ptr<pipeline::Pipeline> pipe;
    try {
        pipe = std::make_unique<pipeline::Pipeline>(registry, &analyzer, options);
    } catch (const pipeline::PipelineError& e) {
        throw CliError(kExitUsage, e.what());
    }
    KbRun run(ctx, vm, counters);
    run.start(total_bytes, inputs.size());
    auto report = pipe->run(inputs, run.sink());
    return run.finish("ingested", report, strict(vm), !missing.empty());
}

}  // namespace fkb::cli
