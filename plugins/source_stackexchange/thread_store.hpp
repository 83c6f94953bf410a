// ThreadStore: groups posts into threads when a dump gives them in any order.
//
// A Stack Exchange Posts.xml or a Pushshift comments file lists posts in
// creation order, so a thread's posts are spread over the whole file and a
// thread is complete only at its end. The store keeps what was read in
// memory, as compact blobs (post_codec.hpp), up to a byte budget
// (`cache_bytes`); past it, everything moves once into a private SQLite
// database (SqliteThreadStore) whose page cache gets the same budget and
// which writes to a temporary file beyond it. Memory is therefore bounded
// whatever the dump size, dumps that fit never pay for SQLite, and the
// others get SQLite's external merge sort. See docs/sources.md.
//
// Use: thread() / set_header() / add_post() (and put()/get() for side tables
// such as users and post anchors) while reading, then finish(), then next()
// until it returns false. Threads come out in the order they were first seen,
// their posts ordered by (major, minor, insertion order), the same whether
// the store spilled or not.
#pragma once

#include "key_index.hpp"
#include "post_codec.hpp"
#include "store_types.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fkb::dumps {

class SqliteThreadStore;

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
    /// True once the budget was passed and the store moved to SQLite.
    bool spilled() const noexcept { return disk_ != nullptr; }

private:
    /// A post's blob lives in the arena (chunks_), which hands out stable
    /// memory: one allocation per chunk rather than one per post.
    struct PostBlob {
        int64_t major, minor;
        std::string_view blob;
    };
    struct MemThread {
        std::string key;
        std::string header;  // encode_header, when has_header
        bool has_header = false;
        std::vector<PostBlob> posts;
    };
    void charge(size_t bytes);
    std::string_view keep(std::string_view blob);
    void spill();
    std::unordered_map<int64_t, std::string>& side(int table);

    StoreOptions options_;
    std::vector<MemThread> threads_;  // thread seq - 1
    KeyIndex keys_;  // key -> seq; the keys are threads_[seq - 1].key
    std::vector<std::pair<int, std::unordered_map<int64_t, std::string>>> sides_;
    int64_t bytes_ = 0;
    std::unique_ptr<SqliteThreadStore> disk_;
    std::string buf_;
    std::vector<std::unique_ptr<char[]>> chunks_;  // the arena of post blobs
    size_t chunk_used_ = 0, chunk_size_ = 0;       // of chunks_.back()
    int64_t posts_ = 0;
    size_t emitted_ = 0;  // threads_ handed out by next()
    bool finished_ = false;
};

}  // namespace fkb::dumps
