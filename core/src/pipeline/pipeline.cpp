// Pipeline orchestration (see forumkb/pipeline/pipeline.hpp): option
// validation before the run, then reader -> workers -> ordered writer,
// sequential for one job and a oneTBB parallel_pipeline otherwise
// (stages.hpp).
#include <forumkb/pipeline/pipeline.hpp>

#include "extractor_runner.hpp"
#include "ordered_writer.hpp"
#include "run_state.hpp"
#include "source_reader.hpp"
#include "stages.hpp"

#include <cstdio>
#include <map>

namespace fkb::pipeline {

void PipelineSink::diagnostic(std::string_view message) {
    std::string line = "forumkb: ";
    line.append(message);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
}

struct Pipeline::Impl {
    const plugin::PluginRegistry& registry;
    const text::Analyzer* analyzer;
    PipelineOptions options;
    std::vector<std::shared_ptr<const plugin::Plugin>> sources, extractors;
    std::shared_ptr<const plugin::Plugin> forced;
    std::map<std::string, plugin::OptionValues> values;
};

Pipeline::Pipeline(const plugin::PluginRegistry& registry, const text::Analyzer* analyzer, PipelineOptions options)
    : impl_(std::make_unique<Impl>(Impl{registry, analyzer, std::move(options), {}, {}, {}, {}})) {
    Impl& m = *impl_;
    m.sources = registry.of_kind(FKB_KIND_SOURCE);
    if (m.options.run_extractors) m.extractors = registry.of_kind(FKB_KIND_EXTRACTOR);
    if (!m.options.forced_source.empty()) {
        m.forced = registry.find(m.options.forced_source);
        if (!m.forced && registry.find("source_" + m.options.forced_source))
            m.forced = registry.find("source_" + m.options.forced_source);
        if (!m.forced) throw PipelineError("--source " + m.options.forced_source + ": no such source plugin");
        if (m.forced->kind() != FKB_KIND_SOURCE)
            throw PipelineError("--source " + m.options.forced_source + ": " + m.forced->name() + " is not a source plugin");
    }
    for (const auto& s : m.options.plugin_options)
        if (!registry.find(s.plugin))
            throw PipelineError("-o " + s.plugin + "." + s.name + "=" + s.value + ": no plugin named '" + s.plugin + "'");
    for (const auto& p : registry.all()) {
        std::string error;
        auto v = plugin::OptionValues::validate(*p, m.options.plugin_options, &error);
        if (!v) throw PipelineError(error);
        m.values.emplace(p->name(), std::move(*v));
    }
    if (m.options.jobs == 0) m.options.jobs = 1;
}

Pipeline::~Pipeline() = default;

PipelineReport Pipeline::run(const std::vector<InputRef>& inputs, PipelineSink& sink) {
    Impl& m = *impl_;
    PipelineReport report;
    detail::RunState run;
    run.on_plugin_error = m.options.on_plugin_error;
    run.interrupt = m.options.interrupt;
    run.progress = m.options.progress;
    detail::SourceReader reader(inputs, m.sources, m.forced, m.values, m.options.hash_inputs, m.options.log_level, sink,
                                run);
    detail::ExtractorRunner workers(m.extractors, m.values, m.analyzer, m.options.log_level, run);
    detail::OrderedWriter writer(sink, reader.infos(), report, run);
    // The sink's own share of the work, done by the workers (in parallel).
    auto prepare = [&sink](detail::WorkItem& item) {
        if (item.thread) item.prepared = sink.prepare(*item.thread, item.facts, item.source_file);
    };

    detail::run_stages(
        m.options.jobs, [&] { return reader.next(); },
        [&](detail::WorkItem& item) {
            workers.process(item);
            prepare(item);
        },
        [&](detail::WorkItem& item) { writer.write(item); });
    report.stopped = run.stopping();
    return report;
}

}  // namespace fkb::pipeline
