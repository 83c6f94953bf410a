// SqliteThreadStore: the on-disk half of ThreadStore, for dumps whose
// waiting posts outgrow the memory budget.
//
// Posts live in a private SQLite database opened with an empty file name:
// SQLite keeps it in its page cache, capped at `cache_bytes`, and writes
// pages to a temporary file (in SQLITE_TMPDIR, or the `temp_dir` given)
// only when the cache is full. Memory is therefore bounded whatever the dump
// size, and the final grouping is one `ORDER BY thread, major, minor` run
// through SQLite's external merge sort, which reads and writes sequentially.
// ThreadStore moves its in-memory threads here when they pass the budget;
// the interface is ThreadStore's (see thread_store.hpp), with the posts and
// headers handed over already encoded (post_codec.hpp).
#pragma once

#include "post_codec.hpp"
#include "store_types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fkb::dumps {

class SqliteThreadStore {
public:
    explicit SqliteThreadStore(const StoreOptions& options);
    ~SqliteThreadStore();
    SqliteThreadStore(const SqliteThreadStore&) = delete;
    SqliteThreadStore& operator=(const SqliteThreadStore&) = delete;

    /// The sequence number of the thread with this key (1, 2, ... in the
    /// order keys are first given), made at first sight.
    int64_t thread(std::string_view key, bool* created = nullptr);
    /// Sets (or replaces) the header of a thread, encoded by encode_header.
    void set_header_encoded(int64_t thread, std::string_view blob);
    /// The header of a thread, if one was set.
    std::optional<ThreadHeader> header(int64_t thread);
    /// Adds a post encoded by encode_post; posts are ordered by (major,
    /// minor, the order they were added in).
    void add_encoded(int64_t thread, int64_t major, int64_t minor, std::string_view blob);

    /// Side table: stores `value` under (table, key), replacing an older value.
    void put(int table, int64_t key, std::string_view value);
    /// Side table lookup.
    std::optional<std::string> get(int table, int64_t key);

    /// Ends the reading phase; call once before next().
    void finish();
    /// The next thread in sequence order; false when there are no more.
    bool next(StoredThread& out);

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
    bool finished_ = false;
    bool sorted_row_ = false;  // sorted_ holds an unconsumed row
};

}  // namespace fkb::dumps
