// forumkb extract FILE...: reads dumps (or thread JSON lines on stdin),
// runs text analysis and every extractor plugin, and prints fact JSON lines
// (schemas/facts.schema.json): a thread record, its post records, then its
// facts. With no FILE it is a pure stdin -> stdout map step.
#include "command.hpp"

#include "cli_args.hpp"
#include "json_lines_sink.hpp"
#include "run_options.hpp"

#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/text/analyzer.hpp>

namespace fkb::cli {

int run_extract(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("input", po::value<std::vector<std::string>>()->value_name("FILE"), "input files");
    add_run_options(opts, true);
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "extract", "extract [OPTIONS] [FILE|DIR|-]...",
                               "Reads dumps or thread JSON lines (stdin when no FILE is given), runs text analysis\n"
                               "and every extractor plugin, and prints fact JSON lines: per thread, a thread record,\n"
                               "its post records, then its facts. Output order does not depend on -j.",
                               opts, pos, args, vm))
        return *code;

    pipeline::PipelineOptions options = run_options(vm);
    plugin::PluginRegistry registry;
    if (load_plugins(ctx, registry) && options.on_plugin_error == pipeline::OnPluginError::kStop)
        return kExitPluginError;

    std::vector<std::string> paths = vm.count("input") ? vm["input"].as<std::vector<std::string>>()
                                                       : std::vector<std::string>{"-"};
    std::vector<std::string> missing;
    auto inputs = pipeline::collect_inputs(paths, &missing, input_filter(vm));
    for (const auto& m : missing) ctx.error("", m);

    text::Analyzer analyzer;
    std::unique_ptr<pipeline::Pipeline> pipe;
    try {
        pipe = std::make_unique<pipeline::Pipeline>(registry, &analyzer, options);
    } catch (const pipeline::PipelineError& e) {
        throw CliError(kExitUsage, e.what());
    }
    JsonLinesSink sink(ctx, JsonLinesSink::Format::kFacts);
    auto report = pipe->run(inputs, sink);
    if (!sink.flush()) throw CliError(kExitInput, "cannot write the output");
    report_rejects(ctx, report);
    if (!missing.empty() && run_exit_code(report, strict(vm)) == kExitOk) return kExitInput;
    return run_exit_code(report, strict(vm));
}

}  // namespace fkb::cli
