// The writer stage of a run: replays the events met on the way (an input
// began or ended, records rejected, errors) and then the thread into the
// sink, in input order, counting them in the run's report and progress.
// Shared by the ingest pipeline and the fact-lines import.
#pragma once

#include "run_state.hpp"
#include "work_item.hpp"

#include <forumkb/pipeline/pipeline.hpp>

#include <vector>

namespace fkb::pipeline::detail {

class OrderedWriter {
public:
    OrderedWriter(PipelineSink& sink, const std::vector<InputInfo>& infos, PipelineReport& report, RunState& run)
        : sink_(sink), infos_(infos), report_(report), run_(run) {}

    void write(WorkItem& item) {
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
    void event(Event& e) {
        const InputInfo& info = infos_[e.input];
        switch (e.kind) {
            case Event::kBegin:
                ++report_.inputs;
                sink_.begin_input(info);
                break;
            case Event::kEnd: sink_.end_input(info, e.complete); break;
            case Event::kSkipped: ++report_.skipped; break;
            case Event::kReject:
                ++report_.rejects;
                if (run_.progress) run_.progress->rejects.fetch_add(1, std::memory_order_relaxed);
                if (e.counts_as_input_error) ++report_.input_errors;
                sink_.reject(info, e.reject);
                break;
            case Event::kInputError:
                ++report_.input_errors;
                sink_.diagnostic(e.message);
                break;
            case Event::kPluginError:
                ++report_.plugin_errors;
                sink_.diagnostic(e.message);
                break;
        }
    }

    PipelineSink& sink_;
    const std::vector<InputInfo>& infos_;
    PipelineReport& report_;
    RunState& run_;
};


}  // namespace fkb::pipeline::detail
