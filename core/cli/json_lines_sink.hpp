// The pipeline sink of `parse` and `extract`: prints thread JSON lines or
// fact JSON lines to the command's output, buffered, and reports each
// rejected record on stderr as "forumkb: <file>:<line>: <reason>".
#pragma once

#include "command.hpp"

#include <forumkb/pipeline/pipeline_sink.hpp>

#include <string>

namespace fkb::cli {

class JsonLinesSink final : public pipeline::PipelineSink {
public:
    enum class Format { kThreads, kFacts };
    JsonLinesSink(const CliContext& ctx, Format format) : ctx_(ctx), format_(format) {}
    ~JsonLinesSink() override { flush(); }

    bool thread(const pipeline::InputInfo& input, std::string_view source_file, const Thread& thread,
                const std::vector<FactRecord>& facts) override;
    /// The JSON lines of a thread, written by the worker that extracted it
    /// (so -j N formats in parallel); the ordered stage only appends them.
    std::unique_ptr<Prepared> prepare(const Thread& thread, const std::vector<FactRecord>& facts,
                                      std::string_view source_file) const override;
    bool thread_prepared(const pipeline::InputInfo& input, std::string_view source_file, const Thread& thread,
                         const std::vector<FactRecord>& facts, Prepared* prepared) override;
    void reject(const pipeline::InputInfo& input, const pipeline::Reject& reject) override;
    void diagnostic(std::string_view message) override;
    /// Writes what is buffered; false when the output failed.
    bool flush();

private:
    const CliContext& ctx_;
    Format format_;
    std::string buffer_;
};

}  // namespace fkb::cli
