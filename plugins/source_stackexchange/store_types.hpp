// The options of a ThreadStore and the shape of a thread coming out of it,
// shared by its in-memory and SQLite halves (thread_store.hpp,
// sqlite_thread_store.hpp).
#pragma once

#include "post_codec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fkb::dumps {

struct StoreOptions {
    /// Memory budget: threads wait in memory up to this many bytes, then
    /// move to SQLite, whose page cache gets the same budget; past it, pages
    /// go to a temporary file.
    int64_t cache_bytes = 256ll << 20;
    /// Directory for the temporary file; empty = SQLite's default
    /// (SQLITE_TMPDIR, /var/tmp, /usr/tmp, /tmp).
    std::string temp_dir;
};

/// One thread as it comes out of the store.
struct StoredThread {
    std::string key;
    std::optional<ThreadHeader> header;  ///< absent when set_header() was never called
    std::vector<sdk::Post> posts;
};

/// Moves a thread out of the store into `out`, setting every member; the
/// posts swap with the store's, which decodes the next thread into the
/// buffers of this one.
inline void take_stored_thread(StoredThread& stored, std::string_view source, sdk::Thread& out) {
    out.source = source;
    out.thread_id = stored.key;
    ThreadHeader none;
    ThreadHeader& h = stored.header ? *stored.header : none;
    out.url = std::move(h.url);
    out.title = std::move(h.title);
    out.forum = std::move(h.forum);
    out.category = std::move(h.category);
    out.posts.swap(stored.posts);
}

}  // namespace fkb::dumps
