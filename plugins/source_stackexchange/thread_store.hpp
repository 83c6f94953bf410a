// ThreadStore: groups posts into threads when a dump gives them in any order.
//
// A Stack Exchange Posts.xml or a Pushshift comments file lists posts in
// creation order, so a thread's posts are spread over the whole file and a
// thread is complete only at its end. The store keeps what was read in a
// private SQLite database opened with an empty file name: SQLite keeps such a
// database in its page cache and writes pages to a temporary file (in
// SQLITE_TMPDIR, or the `temp_dir` given) only when the cache, capped at
// `cache_bytes`, is full. Memory is therefore bounded whatever the dump size,
// small dumps never touch the disk, and the final grouping is one
// `ORDER BY thread, major, minor` run through SQLite's external merge sort,
// which reads and writes sequentially. See docs/sources.md.
//
// Use: thread() / set_header() / add_post() (and put()/get() for side tables
// such as users and post anchors) while reading, then finish(), then next()
// until it returns false. Threads come out in the order they were first seen,
// their posts ordered by (major, minor, insertion order).
#pragma once

#include "post_codec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fkb::dumps {

struct StoreOptions {
    /// Page cache budget; past it, pages go to a temporary file.
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

class ThreadStore {
public:
    explicit ThreadStore(StoreOptions options = {});
    ~ThreadStore();
    ThreadStore(const ThreadStore&) = delete;
    ThreadStore& operator=(const ThreadStore&) = delete;

    /// The sequence number of the thread with this key, made at first sight.
    int64_t thread(std::string_view key, bool* created = nullptr);
    /// Sets (or replaces) the header of a thread.
    void set_header(int64_t thread, const ThreadHeader& header);
    /// The header of a thread, if one was set.
    std::optional<ThreadHeader> header(int64_t thread);
    /// Adds a post to a thread; posts are ordered by (major, minor).
    void add_post(int64_t thread, int64_t major, int64_t minor, const sdk::Post& post);

    /// Side table: stores `value` under (table, key), replacing an older value.
    void put(int table, int64_t key, std::string_view value);
    /// Side table lookup.
    std::optional<std::string> get(int table, int64_t key);

    /// Ends the reading phase and sorts; call once before next().
    void finish();
    /// The next thread in first-seen order; false when there are no more.
    bool next(StoredThread& out);

    /// Number of posts added so far.
    int64_t post_count() const noexcept { return posts_; }

private:
    void exec(const char* sql);
    sqlite3_stmt* prepare(const char* sql);
    [[noreturn]] void fail(const char* what);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* find_thread_ = nullptr;
    sqlite3_stmt* insert_thread_ = nullptr;
    sqlite3_stmt* set_header_ = nullptr;
    sqlite3_stmt* get_header_ = nullptr;
    sqlite3_stmt* insert_post_ = nullptr;
    sqlite3_stmt* put_ = nullptr;
    sqlite3_stmt* get_ = nullptr;
    sqlite3_stmt* threads_ = nullptr;  // iteration over thread rows
    sqlite3_stmt* sorted_ = nullptr;   // posts in thread order (SQLite's external sort)
    // Recently used thread keys (bounded: cleared when full). Posts of a
    // thread come close together in dumps, so most lookups stop here.
    std::unordered_map<std::string, int64_t> recent_;
    std::string key_buf_;
    int64_t posts_ = 0;
    bool finished_ = false;
    bool sorted_row_ = false;  // sorted_ holds an unconsumed row
    std::string buf_;
};

}  // namespace fkb::dumps
