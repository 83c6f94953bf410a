// The pipeline sink of `ingest`: writes threads, facts and rejects through
// the single KbWriter, marks each input file in progress / done / partial,
// and skips files finished before with the same size and content hash
// (resume). Diagnostics clear the progress bar before they print. The rows
// of each thread are prepared on the pipeline's workers, so the one writer
// only stores them.
#pragma once

#include "cli_args.hpp"
#include "command.hpp"
#include "progress_display.hpp"

#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/pipeline/pipeline_sink.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace fkb::cli {

class KbSink final : public pipeline::PipelineSink {
public:
    KbSink(const CliContext& ctx, kb::KbWriter& writer, ProgressDisplay* display);

    bool skip_input(const pipeline::InputInfo& input) override;
    void begin_input(const pipeline::InputInfo& input) override;
    bool thread(const pipeline::InputInfo& input, std::string_view source_file, const Thread& thread,
                const std::vector<FactRecord>& facts) override;
    /// The KB rows of a thread (kb::KbWriter::prepare), made on the workers.
    std::unique_ptr<Prepared> prepare(const Thread& thread, const std::vector<FactRecord>& facts,
                                      std::string_view source_file) const override;
    bool thread_prepared(const pipeline::InputInfo& input, std::string_view source_file, const Thread& thread,
                         const std::vector<FactRecord>& facts, Prepared* prepared) override;
    void reject(const pipeline::InputInfo& input, const pipeline::Reject& reject) override;
    void end_input(const pipeline::InputInfo& input, bool complete) override;
    void diagnostic(std::string_view message) override;

    /// The first KB error (the run stops at it), or empty.
    const std::string& kb_error() const noexcept { return kb_error_; }

private:
    template <class Fn>
    bool guarded(Fn&& fn);

    const CliContext& ctx_;
    kb::KbWriter& writer_;
    std::mutex mutex_;  // skip_input() runs on the reader thread
    int64_t file_id_ = -1;
    std::string kb_error_;
    ProgressDisplay* display_;
};

}  // namespace fkb::cli

namespace fkb::cli {

/// What ingest and kb import share around the sink: the options --db,
/// --progress, --no-progress, --quiet, --batch-size; the KB writer; the
/// progress display; Ctrl-C / SIGTERM asking for a clean stop (a second one
/// kills at once; the KB stays consistent either way: WAL, batches); and the
/// summary line at the end.
class KbRun {
public:
    static void add_options(po::options_description& opts);

    /// Opens the KB (CliError kExitInput when it cannot) and installs the
    /// signal handlers (restored by the destructor); the run updates
    /// counters. Call start() next.
    KbRun(const CliContext& ctx, const po::variables_map& vm, pipeline::ProgressCounters& counters);
    ~KbRun();
    KbRun(const KbRun&) = delete;
    KbRun& operator=(const KbRun&) = delete;

    /// Starts the progress display over inputs of total_bytes.
    void start(uint64_t total_bytes, std::size_t n_inputs);
    KbSink& sink() { return *sink_; }
    /// Set by SIGINT/SIGTERM while a KbRun lives.
    static const std::atomic<bool>* interrupt();

    /// Stops the display, commits and closes the KB, prints the summary
    /// ("<verb> N threads ...") unless --quiet, and returns the exit code.
    int finish(const std::string& verb, const pipeline::PipelineReport& report, bool strict_mode, bool missing_inputs);

private:
    const CliContext& ctx_;
    std::string db_;
    bool quiet_;
    ProgressDisplay::Mode mode_;
    pipeline::ProgressCounters& counters_;
    std::unique_ptr<kb::KbWriter> writer_;
    std::unique_ptr<ProgressDisplay> display_;
    std::unique_ptr<KbSink> sink_;
    void (*old_int_)(int) = nullptr;
    void (*old_term_)(int) = nullptr;
};

}  // namespace fkb::cli
