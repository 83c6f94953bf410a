// MappedThreads: threads from the mapped records of a one-off export.
//
// Rows of a CSV file or objects of a JSON file, once mapped (FieldMap), are
// posts; posts with the same thread_id form a thread, in the order of the
// file, the first one being the opening post. Rows of a thread need not be
// next to each other: they wait in a ThreadStore until the end of the input.
// Without a thread_id mapping every record is a thread of its own.
//
// Required: a non-empty text; thread_id and post_id when they are mapped.
// A record that lacks one is rejected with its line and the field's name.
#pragma once

#include "dump_common.hpp"
#include "field_map.hpp"
#include "thread_store.hpp"

#include <memory>

namespace fkb::dumps {

class MappedThreads {
public:
    /// thread_id / post_id are required when `required_ids` says so (CSV:
    /// when they have a column; JSON: when the map names them).
    MappedThreads(std::string source, bool require_thread_id, bool require_post_id, StoreOptions store,
                  RejectFn reject);

    /// Values used when a record lacks them (nested replies inherit their
    /// thread and get a derived post id).
    /// thread_key and post_id stand in for missing values (a nested reply
    /// may lack both); fallback_id is the post id when post_id is not
    /// mapped at all (default: the line number).
    struct Defaults {
        std::string thread_key, post_id, fallback_id;
    };
    /// Adds one record read at `line` (`offset`); rejects it if incomplete.
    /// Returns the post id given to the record, or "" when it was rejected.
    std::string add(const MappedRecord& r, uint64_t line, int64_t offset, std::string_view raw,
                    const Defaults& defaults = {});
    /// The next thread, once every record was added; false when done.
    bool next(sdk::Thread& out);
    int64_t records() const noexcept { return records_; }

private:
    std::string source_;
    bool has_thread_id_, has_post_id_;
    RejectFn reject_;
    ThreadStore store_;
    int64_t records_ = 0;
    StoredThread stored_;
};

}  // namespace fkb::dumps
