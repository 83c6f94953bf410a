// Where the pipeline delivers its results: the parse and extract commands
// print them, ingest writes them to the KB. Every call but skip_input()
// comes from one thread at a time, in input order (the ordered writer stage),
// so a sink needs no locking for its own state, except prepare(), which the
// workers call concurrently so that a sink can do the part of its work that
// needs nothing but the thread in parallel (the KB writer's rows).
#pragma once

#include <forumkb/kb/kb_writer.hpp>
#include <forumkb/model.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::pipeline {

/// One input on disk as the sink sees it.
struct InputInfo {
    std::string path;  ///< as given or found; "-" for stdin
    int64_t size = -1;
    std::string hash;  ///< content hash (hex) when PipelineOptions::hash_inputs, else empty
};

using Reject = kb::Reject;

class PipelineSink {
public:
    virtual ~PipelineSink() = default;

    /// What prepare() made for one thread, handed to thread_prepared().
    struct Prepared {
        virtual ~Prepared() = default;
    };
    /// Called on a worker thread, concurrently with other calls of prepare()
    /// and with the ordered calls below, once a thread has its facts;
    /// source_file is the stream it came from. The result may point into
    /// thread and facts: they live, unchanged, until thread_prepared()
    /// returns. The default prepares nothing.
    virtual std::unique_ptr<Prepared> prepare(const Thread& /*thread*/, const std::vector<FactRecord>& /*facts*/,
                                              std::string_view /*source_file*/) const {
        return nullptr;
    }
    /// The ordered delivery of a thread with what prepare() made for it
    /// (null when it made nothing). The default calls thread().
    virtual bool thread_prepared(const InputInfo& input, std::string_view source_file, const Thread& thread,
                                 const std::vector<FactRecord>& facts, Prepared* /*prepared*/) {
        return this->thread(input, source_file, thread, facts);
    }

    /// Asked before an input is opened, from the reader thread (possibly
    /// while other calls are running): true skips it (resume).
    virtual bool skip_input(const InputInfo& /*input*/) { return false; }
    /// An input starts.
    virtual void begin_input(const InputInfo& /*input*/) {}
    /// One thread with its facts; source_file is the stream it came from.
    /// Return false to stop the run (e.g. the output was closed).
    virtual bool thread(const InputInfo& input, std::string_view source_file, const Thread& thread,
                        const std::vector<FactRecord>& facts) = 0;
    /// A record set aside.
    virtual void reject(const InputInfo& /*input*/, const Reject& /*reject*/) {}
    /// An input ends; complete is false when it was cut short (an I/O or
    /// plugin error, or the run stopped).
    virtual void end_input(const InputInfo& /*input*/, bool /*complete*/) {}
    /// A one-line message "<where>: <reason>" (an input or plugin error).
    /// The default prints "forumkb: <message>" to stderr.
    virtual void diagnostic(std::string_view message);
};

}  // namespace fkb::pipeline
