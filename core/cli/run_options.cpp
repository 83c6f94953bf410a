// Shared pipeline options of parse, extract and ingest (see run_options.hpp).
#include "run_options.hpp"

#include <algorithm>
#include <thread>

namespace fkb::cli {

void add_run_options(po::options_description& desc, bool with_jobs) {
    auto add = desc.add_options();
    add("source", po::value<std::string>()->value_name("NAME"),
        "read every input with this source plugin instead of sniffing (\"jsonl\" = \"source_jsonl\")");
    add("option,o", po::value<std::vector<std::string>>()->value_name("PLUGIN.KEY=VALUE")->composing(),
        "set a plugin option (repeatable); see forumkb plugins info NAME");
    if (with_jobs)
        add("jobs,j", po::value<unsigned>()->value_name("N")->default_value(std::max(1u, std::thread::hardware_concurrency())),
            "worker threads for analysis and extraction");
    add("on-plugin-error", po::value<std::string>()->value_name("skip|stop")->default_value("skip"),
        "when a plugin fails: go on without it (exit 4 at the end) or stop at once (exit 4)");
    add("strict", "exit 3 when any record was rejected");
    add("include", po::value<std::vector<std::string>>()->value_name("GLOB")->composing(),
        "in walked directories, read only files matching GLOB (repeatable; name, or relative path if it has '/')");
    add("exclude", po::value<std::vector<std::string>>()->value_name("GLOB")->composing(),
        "in walked directories, skip files and directories matching GLOB (repeatable), e.g. --exclude expected");
}

pipeline::PipelineOptions run_options(const po::variables_map& vm) {
    pipeline::PipelineOptions o;
    if (vm.count("source")) o.forced_source = vm["source"].as<std::string>();
    if (vm.count("option")) {
        for (const auto& text : vm["option"].as<std::vector<std::string>>()) {
            auto s = plugin::parse_option_setting(text);
            if (!s) throw CliError(kExitUsage, "-o " + text + ": expected PLUGIN.KEY=VALUE");
            o.plugin_options.push_back(std::move(*s));
        }
    }
    o.jobs = 1;
    if (vm.count("jobs")) {
        o.jobs = vm["jobs"].as<unsigned>();
        if (o.jobs == 0) throw CliError(kExitUsage, "-j 0: need at least one job");
    }
    const std::string mode = vm["on-plugin-error"].as<std::string>();
    if (mode == "skip")
        o.on_plugin_error = pipeline::OnPluginError::kSkip;
    else if (mode == "stop")
        o.on_plugin_error = pipeline::OnPluginError::kStop;
    else
        throw CliError(kExitUsage, "--on-plugin-error " + mode + ": expected skip or stop");
    return o;
}

pipeline::InputFilter input_filter(const po::variables_map& vm) {
    pipeline::InputFilter f;
    if (vm.count("include")) f.include = vm["include"].as<std::vector<std::string>>();
    if (vm.count("exclude")) f.exclude = vm["exclude"].as<std::vector<std::string>>();
    return f;
}

bool strict(const po::variables_map& vm) { return vm.count("strict") > 0; }

std::size_t load_plugins(const CliContext& ctx, plugin::PluginRegistry& registry) {
    auto errors = registry.load_dirs(plugin::PluginRegistry::search_path(ctx.plugin_dirs));
    for (const auto& e : errors) ctx.error(e.file, e.reason);
    return errors.size();
}

int run_exit_code(const pipeline::PipelineReport& report, bool strict_mode) {
    if (report.plugin_errors) return kExitPluginError;
    if (report.input_errors) return kExitInput;
    if (strict_mode && report.rejects) return kExitRejected;
    return kExitOk;
}

void report_rejects(const CliContext& ctx, const pipeline::PipelineReport& report) {
    if (report.rejects)
        ctx.error("", std::to_string(report.rejects) + (report.rejects == 1 ? " record" : " records") + " rejected");
}

}  // namespace fkb::cli
