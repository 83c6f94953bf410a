// forumkb parse FILE...: reads dumps through the source plugins and prints
// thread JSON lines (schemas/thread.schema.json), one thread per line.
#include "command.hpp"

#include "cli_args.hpp"
#include "json_lines_sink.hpp"
#include "run_options.hpp"

#include <forumkb/pipeline/pipeline.hpp>

namespace fkb::cli {

int run_parse(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("input", po::value<std::vector<std::string>>()->value_name("FILE"), "input files");
    add_run_options(opts, false);
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "parse", "parse [OPTIONS] [FILE|DIR|-]...",
                               "Reads dumps (files, directories walked recursively, archives, - for stdin; stdin\n"
                               "when none is given) through the source plugins and prints thread JSON lines.",
                               opts, pos, args, vm))
        return *code;

    pipeline::PipelineOptions options = run_options(vm);
    options.run_extractors = false;
    plugin::PluginRegistry registry;
    if (load_plugins(ctx, registry) && options.on_plugin_error == pipeline::OnPluginError::kStop)
        return kExitPluginError;

    std::vector<std::string> paths = vm.count("input") ? vm["input"].as<std::vector<std::string>>()
                                                       : std::vector<std::string>{"-"};
    std::vector<std::string> missing;
    auto inputs = pipeline::collect_inputs(paths, &missing, input_filter(vm));
    for (const auto& m : missing) ctx.error("", m);

    std::unique_ptr<pipeline::Pipeline> pipe;
    try {
        pipe = std::make_unique<pipeline::Pipeline>(registry, nullptr, options);
    } catch (const pipeline::PipelineError& e) {
        throw CliError(kExitUsage, e.what());
    }
    JsonLinesSink sink(ctx, JsonLinesSink::Format::kThreads);
    auto report = pipe->run(inputs, sink);
    if (!sink.flush()) throw CliError(kExitInput, "cannot write the output");
    report_rejects(ctx, report);
    if (!missing.empty() && run_exit_code(report, strict(vm)) == kExitOk) return kExitInput;
    return run_exit_code(report, strict(vm));
}

}  // namespace fkb::cli
