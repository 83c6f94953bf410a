// Thread JSON lines: the canonical input format and what `forumkb parse`
// prints (schemas/thread.schema.json, DESIGN.md "Formats").
//
// One thread per line, members in this order:
//   {"source","thread_id","url","title","forum","category","posts":[
//     {"post_id","parent_id","author","author_signals":{"post_count","role",
//      "level","reputation","flair"},"created","created_text","text","likes",
//      "score","accepted","quotes":[{"start","end","post_id"}],"signature"}]}
// Absent values are written as null, never left out, so every line has the
// same shape. The reader accepts members in any order, ignores members it
// does not know (newer writers), and treats a missing optional member as
// null; thread_id, source, posts, post_id and text are required.
#pragma once

#include <forumkb/model.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fkb {

/// A line that is not a valid thread record; what() is one line, without
/// the file and line number (the caller knows them).
struct ThreadJsonError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Parses thread JSON lines. Keeps its parser's buffers between calls, so
/// reuse one reader per stream; not thread-safe.
class ThreadJsonReader {
public:
    ThreadJsonReader();
    ~ThreadJsonReader();
    ThreadJsonReader(const ThreadJsonReader&) = delete;
    ThreadJsonReader& operator=(const ThreadJsonReader&) = delete;

    /// Parses one line (without its newline). Throws ThreadJsonError.
    Thread parse(std::string_view line);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Appends the thread as one JSON line (without the newline) to out.
void append_thread_json(std::string& out, const Thread& thread);

}  // namespace fkb
