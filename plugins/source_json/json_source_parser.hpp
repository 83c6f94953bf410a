// MappedJsonParser: a JSON export (array or JSON lines) mapped to threads.
//
// Each top-level object is a post; a FieldMap names the key for each member
// (a dotted path reaches into nested objects: author=user.name). Nested
// replies (an array of objects under `replies`, any depth) are flattened:
// each reply gets its parent's post id as parent_id unless it names one,
// joins its parent's thread, and when it has no id of its own gets
// "<parent id>.<n>". Posts are grouped by thread_id like CSV rows (see
// MappedThreads). A mapped key that no record has is an error naming it,
// raised before any thread is emitted; a broken record is rejected with its
// line and reading goes on.
#pragma once

#include "json_record_reader.hpp"
#include "mapped_threads.hpp"

#include <memory>

namespace fkb::dumps {

struct JsonOptions {
    std::string map, map_text;
    /// The key holding nested replies.
    std::string replies = "replies";
    std::string source = "json";
    StoreOptions store;
};

class MappedJsonParser {
public:
    MappedJsonParser(sdk::Input& input, JsonOptions options, RejectFn reject);
    ~MappedJsonParser();
    bool next(sdk::Thread& out);

private:
    void load();
    sdk::Input& input_;
    JsonOptions options_;
    RejectFn reject_;
    std::unique_ptr<MappedThreads> threads_;
    bool loaded_ = false;
};

}  // namespace fkb::dumps
