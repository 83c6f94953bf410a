// The worker stage: text analysis of a thread, then every extractor plugin
// on its view. Each worker thread gets its own instance of each extractor
// (created on first use, destroyed at the end of the run), as plugin.h
// promises; a plugin that fails is reported and, under --on-plugin-error
// skip, disabled for the rest of the run.
#pragma once

#include "run_state.hpp"
#include "work_item.hpp"

#include <forumkb/plugin_loader.hpp>
#include <forumkb/text/analyzer.hpp>

#include <atomic>
#include <map>
#include <memory>

namespace fkb::pipeline::detail {

class ExtractorRunner {
public:
    ExtractorRunner(std::vector<std::shared_ptr<const plugin::Plugin>> extractors,
                    const std::map<std::string, plugin::OptionValues>& options, const text::Analyzer* analyzer,
                    fkb_log_level log_level, RunState& run);
    ~ExtractorRunner();

    /// Analyzes item.thread and fills item.facts (and item.worker_events).
    /// Thread-safe: called concurrently by the workers.
    void process(WorkItem& item);

private:
    struct Instances;
    struct Local;
    Instances& local();

    std::vector<std::shared_ptr<const plugin::Plugin>> extractors_;
    const std::map<std::string, plugin::OptionValues>& options_;
    const text::Analyzer* analyzer_;
    fkb_log_level log_level_;
    RunState& run_;
    std::unique_ptr<std::atomic<bool>[]> disabled_;
    std::unique_ptr<Local> local_;
};

}  // namespace fkb::pipeline::detail
