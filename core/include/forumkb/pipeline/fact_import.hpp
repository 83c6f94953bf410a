// Loading fact JSON lines back (`forumkb kb import`): the shards that
// `forumkb extract` prints (schemas/facts.schema.json; thread, post and fact
// records, in that order per thread), made on one machine or many (DESIGN.md,
// "Scale"), go into a PipelineSink exactly as ingest's threads do: the same
// sink, and so the same KB guarantees (batches, resume by size and hash,
// replacement of a changed thread, rejects).
//
// Three stages, like the ingest pipeline: a serial reader opens each input
// (files, directories, stdin, .gz/.zst/archives: open_streams) and cuts it
// into the records of one thread (a "thread" record starts the next); the
// workers parse them into a Thread with its facts and call the sink's
// prepare(); the writer delivers them in input order. A record that cannot
// be read is a reject (file, line, byte offset, reason, excerpt; plugin
// "import"): a bad thread or post record sets aside its whole thread, a bad
// fact record only itself.
#pragma once

#include <forumkb/pipeline/input_set.hpp>
#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/pipeline/pipeline_sink.hpp>

#include <atomic>
#include <vector>

namespace fkb::pipeline {

struct ImportOptions {
    unsigned jobs = 1;
    bool hash_inputs = false;                      ///< fill InputInfo::hash (resume)
    const std::atomic<bool>* interrupt = nullptr;  ///< set (e.g. by SIGINT) to stop cleanly
    ProgressCounters* progress = nullptr;
};

/// The plugin name the import's rejects carry.
inline constexpr const char* kImportPlugin = "import";

PipelineReport import_fact_lines(const std::vector<InputRef>& inputs, PipelineSink& sink,
                                 const ImportOptions& options);

}  // namespace fkb::pipeline
