// The pipeline sink of `ingest`: writes threads, facts and rejects through
// the single KbWriter, marks each input file in progress / done / partial,
// skips files finished before with the same size and content hash (resume),
// and shows a progress line on a terminal.
#pragma once

#include "command.hpp"

#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/pipeline/pipeline_sink.hpp>

#include <chrono>
#include <mutex>
#include <string>

namespace fkb::cli {

class KbSink final : public pipeline::PipelineSink {
public:
    KbSink(const CliContext& ctx, kb::KbWriter& writer, std::size_t n_inputs, bool progress);

    bool skip_input(const pipeline::InputInfo& input) override;
    void begin_input(const pipeline::InputInfo& input) override;
    bool thread(const pipeline::InputInfo& input, std::string_view source_file, const Thread& thread,
                const std::vector<FactRecord>& facts) override;
    void reject(const pipeline::InputInfo& input, const pipeline::Reject& reject) override;
    void end_input(const pipeline::InputInfo& input, bool complete) override;
    void diagnostic(std::string_view message) override;

    /// The first KB error (the run stops at it), or empty.
    const std::string& kb_error() const noexcept { return kb_error_; }
    /// Clears the progress line.
    void finish_progress();

private:
    template <class Fn>
    bool guarded(Fn&& fn);
    void progress(bool force);

    const CliContext& ctx_;
    kb::KbWriter& writer_;
    std::mutex mutex_;  // skip_input() runs on the reader thread
    int64_t file_id_ = -1;
    std::string kb_error_;
    std::size_t n_inputs_, done_inputs_ = 0;
    uint64_t threads_ = 0, rejects_ = 0;
    bool progress_;
    bool progress_shown_ = false;
    std::chrono::steady_clock::time_point last_progress_{};
};

}  // namespace fkb::cli
