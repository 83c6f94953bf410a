// The ingest pipeline: inputs -> source plugins -> threads -> text analysis
// -> extractor plugins -> facts -> a PipelineSink.
//
// With jobs > 1 it is a oneTBB parallel_pipeline: one serial reader (opens
// inputs, picks a source plugin by sniffing the first 64 KiB, pulls threads),
// N parallel workers (analysis and extractors, one extractor instance per
// worker thread), one serial in-order writer (the sink). At most 32 x jobs
// threads are in flight, so memory does not grow with the dump. The output
// is the same whatever jobs is.
#pragma once

#include <forumkb/pipeline/input_set.hpp>
#include <forumkb/pipeline/pipeline_sink.hpp>
#include <forumkb/plugin_options.hpp>
#include <forumkb/plugin_registry.hpp>
#include <forumkb/text/analyzer.hpp>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace fkb::pipeline {

/// What to do when a plugin fails inside a call (returns FKB_ERROR, throws
/// through the SDK, emits an invalid fact).
enum class OnPluginError {
    kSkip, ///< report it, go on without that plugin (for the rest of the run)
    kStop  ///< report it and stop the run
};

/// Live counters of a run, for a progress display on another thread
/// (relaxed atomics: each value is exact, they are not a consistent
/// snapshot of one moment).
struct ProgressCounters {
    std::atomic<uint64_t> bytes_done{0};  ///< bytes of the inputs on disk consumed (compressed bytes for .gz/.zst)
    std::atomic<uint64_t> inputs_done{0}, threads{0}, posts{0}, facts{0}, rejects{0};
};

struct PipelineOptions {
    std::string forced_source;                         ///< --source NAME; empty = sniff
    std::vector<plugin::OptionSetting> plugin_options; ///< -o plugin.key=value
    bool run_extractors = true;                        ///< false: threads only (parse)
    unsigned jobs = 1;
    OnPluginError on_plugin_error = OnPluginError::kSkip;
    bool hash_inputs = false;                          ///< fill InputInfo::hash (ingest resume)
    fkb_log_level log_level = FKB_LOG_WARN;            ///< plugin log lines below are dropped
    const std::atomic<bool>* interrupt = nullptr;      ///< set (e.g. by SIGINT) to stop cleanly
    ProgressCounters* progress = nullptr;              ///< updated while the run goes, if given
};

/// Counts of one run.
struct PipelineReport {
    uint64_t inputs = 0, skipped = 0, streams = 0, threads = 0, posts = 0, facts = 0, rejects = 0;
    uint64_t input_errors = 0, plugin_errors = 0;
    bool stopped = false; ///< stopped early (plugin error under kStop, interrupt, sink)
};

/// A configuration error found before the run (unknown --source, unknown
/// option); what() is one line.
struct PipelineError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Pipeline {
public:
    /// analyzer may be null when options.run_extractors is false. Throws
    /// PipelineError for an unknown or non-source --source and for options
    /// that fail validation.
    Pipeline(const plugin::PluginRegistry& registry, const text::Analyzer* analyzer, PipelineOptions options);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    PipelineReport run(const std::vector<InputRef>& inputs, PipelineSink& sink);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Picks the source plugin for a stream's head: the highest confidence
/// above 0, ties broken by name; null when none claims it.
std::shared_ptr<const plugin::Plugin> select_source(const std::vector<std::shared_ptr<const plugin::Plugin>>& sources,
                                                    std::string_view head, std::string_view file_name);

}  // namespace fkb::pipeline
