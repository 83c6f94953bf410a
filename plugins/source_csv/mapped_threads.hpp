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
    MappedThreads(std::string source, const FieldMap& map, StoreOptions store, RejectFn reject);

    /// Adds one record read at `line` (`offset`); rejects it if incomplete.
    void add(const MappedRecord& r, uint64_t line, int64_t offset, std::string_view raw);
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
