// What flows through the pipeline's stages: the events the reader met on
// the way to the next thread (an input began or ended, records rejected,
// errors), then the thread itself, which a worker fills with facts.
#pragma once

#include <forumkb/model.hpp>
#include <forumkb/pipeline/pipeline_sink.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fkb::pipeline::detail {

struct Event {
    enum Kind { kBegin, kEnd, kReject, kInputError, kPluginError, kSkipped } kind;
    std::size_t input = 0;  ///< index into the run's inputs
    Reject reject;          ///< kReject
    std::string message;    ///< kInputError, kPluginError: "<where>: <reason>"
    bool complete = true;   ///< kEnd
    bool counts_as_input_error = false;  ///< kReject: the whole input was refused
};

/// One line of a fact JSON-lines input (fact_import.cpp).
struct RawLine {
    uint64_t number = 0;  ///< 1-based
    int64_t offset = 0;   ///< byte offset of its start in the stream
    std::string text;
};

struct WorkItem {
    std::vector<Event> events;  ///< in the order met, before the thread
    std::optional<Thread> thread;
    std::size_t input = 0;
    std::string source_file;
    std::vector<FactRecord> facts;
    std::vector<Event> worker_events;  ///< plugin errors met by the worker
    std::unique_ptr<PipelineSink::Prepared> prepared;
    std::vector<RawLine> lines;  ///< import: the records of one thread, parsed by a worker into thread and facts  ///< the sink's prepare() of thread and facts
};

}  // namespace fkb::pipeline::detail
