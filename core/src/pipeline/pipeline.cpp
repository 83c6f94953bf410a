// Pipeline orchestration (see forumkb/pipeline/pipeline.hpp): option
// validation before the run, then reader -> workers -> ordered writer,
// sequential for one job and a oneTBB parallel_pipeline otherwise.
#include <forumkb/pipeline/pipeline.hpp>

#include "extractor_runner.hpp"
#include "run_state.hpp"
#include "source_reader.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

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

namespace {

// The writer stage: replays events and threads into the sink, in order.
class Writer {
public:
    Writer(PipelineSink& sink, const std::vector<InputInfo>& infos, PipelineReport& report, detail::RunState& run)
        : sink_(sink), infos_(infos), report_(report), run_(run) {}

    void write(detail::WorkItem& item) {
        for (auto& e : item.events) event(e);
        for (auto& e : item.worker_events) event(e);
        if (!item.thread) return;
        ++report_.threads;
        report_.posts += item.thread->posts.size();
        report_.facts += item.facts.size();
        if (auto* p = run_.progress) {
            p->threads.fetch_add(1, std::memory_order_relaxed);
            p->posts.fetch_add(item.thread->posts.size(), std::memory_order_relaxed);
            p->facts.fetch_add(item.facts.size(), std::memory_order_relaxed);
        }
        if (!sink_.thread_prepared(infos_[item.input], item.source_file, *item.thread, item.facts, item.prepared.get()))
            run_.stop = true;
    }

private:
    void event(detail::Event& e) {
        const InputInfo& info = infos_[e.input];
        switch (e.kind) {
            case detail::Event::kBegin:
                ++report_.inputs;
                sink_.begin_input(info);
                break;
            case detail::Event::kEnd: sink_.end_input(info, e.complete); break;
            case detail::Event::kSkipped: ++report_.skipped; break;
            case detail::Event::kReject:
                ++report_.rejects;
                if (run_.progress) run_.progress->rejects.fetch_add(1, std::memory_order_relaxed);
                if (e.counts_as_input_error) ++report_.input_errors;
                sink_.reject(info, e.reject);
                break;
            case detail::Event::kInputError:
                ++report_.input_errors;
                sink_.diagnostic(e.message);
                break;
            case detail::Event::kPluginError:
                ++report_.plugin_errors;
                sink_.diagnostic(e.message);
                break;
        }
    }

    PipelineSink& sink_;
    const std::vector<InputInfo>& infos_;
    PipelineReport& report_;
    detail::RunState& run_;
};

}  // namespace

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
    Writer writer(sink, reader.infos(), report, run);
    // The sink's own share of the work, done by the workers (in parallel).
    auto prepare = [&sink](detail::WorkItem& item) {
        if (item.thread) item.prepared = sink.prepare(*item.thread, item.facts);
    };

    if (m.options.jobs <= 1) {
        while (auto item = reader.next()) {
            workers.process(*item);
            prepare(*item);
            writer.write(*item);
        }
    } else {
        // -j N means N workers even on fewer cores (TBB would cap it there).
        tbb::global_control allow(tbb::global_control::max_allowed_parallelism, m.options.jobs);
        tbb::task_arena arena(static_cast<int>(m.options.jobs));
        arena.execute([&] {
            tbb::parallel_pipeline(
                4 * m.options.jobs,
                tbb::make_filter<void, detail::WorkItem*>(tbb::filter_mode::serial_in_order,
                                                          [&](tbb::flow_control& fc) -> detail::WorkItem* {
                                                              auto item = reader.next();
                                                              if (!item) fc.stop();
                                                              return item.release();
                                                          }) &
                    tbb::make_filter<detail::WorkItem*, detail::WorkItem*>(tbb::filter_mode::parallel,
                                                                           [&](detail::WorkItem* item) {
                                                                               if (item) {
                                                                                   workers.process(*item);
                                                                                   prepare(*item);
                                                                               }
                                                                               return item;
                                                                           }) &
                    tbb::make_filter<detail::WorkItem*, void>(tbb::filter_mode::serial_in_order,
                                                              [&](detail::WorkItem* item) {
                                                                  std::unique_ptr<detail::WorkItem> own(item);
                                                                  if (own) writer.write(*own);
                                                              }));
        });
    }
    report.stopped = run.stopping();
    return report;
}

}  // namespace fkb::pipeline
