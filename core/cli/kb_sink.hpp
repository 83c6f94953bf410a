// The pipeline sink of `ingest`: writes threads, facts and rejects through
// the single KbWriter, marks each input file in progress / done / partial,
// and skips files finished before with the same size and content hash
// (resume). Diagnostics clear the progress bar before they print. The rows
// of each thread are prepared on the pipeline's workers, so the one writer
// only stores them.
#pragma once

#include "command.hpp"
#include "progress_display.hpp"

#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/pipeline/pipeline_sink.hpp>

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
    std::unique_ptr<Prepared> prepare(const Thread& thread, const std::vector<FactRecord>& facts) const override;
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
