// ThreadStore: threads in memory up to the budget, then in SQLite (see
// thread_store.hpp). The in-memory half charges every blob, key and entry
// with its bytes plus a fixed overhead for the allocations behind it, so
// that the budget is close to what the process really holds.
#include "thread_store.hpp"

#include "sqlite_thread_store.hpp"

#include <algorithm>
#include <cstring>

namespace fkb::dumps {

namespace {
// Rough heap cost of one allocation and one hash-map node beyond its bytes.
constexpr size_t kEntryOverhead = 64;
// Post blobs are kept in chunks of this size (a larger blob gets its own).
constexpr size_t kChunk = 1 << 20;
}  // namespace

ThreadStore::ThreadStore(StoreOptions options) : options_(std::move(options)) {}

ThreadStore::~ThreadStore() = default;

void ThreadStore::charge(size_t bytes) {
    bytes_ += static_cast<int64_t>(bytes);
    if (bytes_ > options_.cache_bytes && !disk_) spill();
}

std::string_view ThreadStore::keep(std::string_view blob) {
    if (chunks_.empty() || chunk_size_ - chunk_used_ < blob.size()) {
        chunk_size_ = std::max(kChunk, blob.size());
        chunks_.push_back(std::unique_ptr<char[]>(new char[chunk_size_]));  // not zeroed
        chunk_used_ = 0;
    }
    char* at = chunks_.back().get() + chunk_used_;
    std::memcpy(at, blob.data(), blob.size());
    chunk_used_ += blob.size();
    return std::string_view(at, blob.size());
}

std::unordered_map<int64_t, std::string>& ThreadStore::side(int table) {
    for (auto& [t, m] : sides_)
        if (t == table) return m;
    sides_.emplace_back(table, std::unordered_map<int64_t, std::string>{});
    return sides_.back().second;
}

void ThreadStore::spill() {
    // Hand everything over in sequence order: SQLite numbers the threads
    // 1, 2, ... as they come, the numbers already given out.
    disk_ = std::make_unique<SqliteThreadStore>(options_);
    for (size_t i = 0; i < threads_.size(); ++i) {
        MemThread& t = threads_[i];
        int64_t seq = disk_->thread(t.key);
        if (seq != static_cast<int64_t>(i) + 1) throw sdk::Error("spill store: thread numbers out of step");
        if (t.has_header) disk_->set_header_encoded(seq, t.header);
        for (const PostBlob& p : t.posts) disk_->add_encoded(seq, p.major, p.minor, p.blob);
        t = MemThread{};
    }
    for (auto& [table, m] : sides_)
        for (const auto& [k, v] : m) disk_->put(table, k, v);
    threads_ = {};
    keys_.clear();
    sides_ = {};
    chunks_.clear();
    bytes_ = 0;
}

int64_t ThreadStore::thread(std::string_view key, bool* created) {
    if (disk_) return disk_->thread(key, created);
    if (created) *created = false;
    const uint64_t h = KeyIndex::hash(key);
    auto key_of = [this](int64_t seq) -> std::string_view { return threads_[static_cast<size_t>(seq - 1)].key; };
    if (int64_t seq = keys_.find(key, h, key_of)) return seq;
    int64_t seq = static_cast<int64_t>(threads_.size()) + 1;
    threads_.push_back(MemThread{std::string(key), {}, false, {}});
    keys_.insert(h, seq);
    if (created) *created = true;
    charge(2 * key.size() + sizeof(MemThread) + kEntryOverhead);
    return seq;
}

void ThreadStore::set_header(int64_t thread, const ThreadHeader& header) {
    buf_.clear();
    encode_header(header, buf_);
    if (disk_) return disk_->set_header_encoded(thread, buf_);
    MemThread& t = threads_.at(static_cast<size_t>(thread - 1));
    size_t old = t.header.size();
    t.header = buf_;
    t.has_header = true;
    charge(t.header.size() > old ? t.header.size() - old : 0);
}

std::optional<ThreadHeader> ThreadStore::header(int64_t thread) {
    if (disk_) return disk_->header(thread);
    const MemThread& t = threads_.at(static_cast<size_t>(thread - 1));
    if (!t.has_header) return std::nullopt;
    return decode_header(t.header);
}

void ThreadStore::add_post(int64_t thread, int64_t major, int64_t minor, const sdk::Post& post) {
    if (finished_) throw sdk::Error("spill store: add_post after finish");
    ++posts_;
    buf_.clear();
    encode_post(post, buf_);
    if (disk_) return disk_->add_encoded(thread, major, minor, buf_);
    MemThread& t = threads_.at(static_cast<size_t>(thread - 1));
    t.posts.push_back(PostBlob{major, minor, keep(buf_)});
    charge(buf_.size() + sizeof(PostBlob) + kEntryOverhead / 2);
}

void ThreadStore::put(int table, int64_t key, std::string_view value) {
    if (disk_) return disk_->put(table, key, value);
    auto [it, fresh] = side(table).insert_or_assign(key, std::string(value));
    charge(fresh ? value.size() + kEntryOverhead : 0);
}

std::optional<std::string> ThreadStore::get(int table, int64_t key) {
    if (disk_) return disk_->get(table, key);
    auto& m = side(table);
    if (auto it = m.find(key); it != m.end()) return it->second;
    return std::nullopt;
}

void ThreadStore::finish() {
    if (finished_) return;
    finished_ = true;
    if (disk_) {
        disk_->finish();
        return;
    }
    keys_.clear();
    sides_ = {};
}

bool ThreadStore::next(StoredThread& out) {
    if (!finished_) finish();
    if (disk_) return disk_->next(out);
    while (emitted_ < threads_.size()) {
        MemThread t = std::move(threads_[emitted_++]);  // freed as it goes out
        if (t.posts.empty() && !t.has_header) continue;
        // Posts were added in input order; a stable sort keeps it for ties.
        // Dumps mostly list a thread's posts in order already: then there is
        // nothing to sort (and no buffer for it to allocate).
        auto before = [](const PostBlob& a, const PostBlob& b) {
            return a.major != b.major ? a.major < b.major : a.minor < b.minor;
        };
        if (!std::is_sorted(t.posts.begin(), t.posts.end(), before))
            std::stable_sort(t.posts.begin(), t.posts.end(), before);
        out.key = std::move(t.key);
        out.header.reset();
        if (t.has_header) out.header = decode_header(t.header);
        // Decoded into the posts out already holds: their strings are reused.
        out.posts.resize(t.posts.size());
        for (size_t i = 0; i < t.posts.size(); ++i) decode_post(t.posts[i].blob, out.posts[i]);
        return true;
    }
    chunks_.clear();
    return false;
}

}  // namespace fkb::dumps
