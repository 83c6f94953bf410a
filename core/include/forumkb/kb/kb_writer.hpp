// Writing to the knowledge base: the one writer of a SQLite KB file.
//
// This header is the contract between the pipeline (ingest) and the KB
// (core/src/kb/). The writer applies the migrations in schemas/kb/ on open,
// runs in WAL mode and commits in batches; a thread written again (same
// source and thread_id) replaces its old posts and facts in one transaction.
// The rows of a thread can be prepared ahead, on any thread (prepare()), so
// that the one writer only stores them.
#pragma once

#include <forumkb/model.hpp>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <optional>
#include <string>
#include <vector>

namespace fkb::kb {

/// A malformed record set aside by a source plugin or the pipeline.
struct Reject {
    std::string file;
    uint64_t line = 0;     ///< 0 if unknown
    int64_t offset = -1;   ///< -1 if unknown
    std::string plugin;
    std::string reason;
    std::string excerpt;
};

/// Counts shown by `forumkb stats`.
struct KbStats {
    int64_t sources = 0, files = 0, threads = 0, posts = 0, authors = 0, facts = 0, rejects = 0;
    std::vector<std::pair<std::string, int64_t>> threads_per_source;
    std::vector<std::pair<std::string, int64_t>> facts_per_kind;
    int schema_version = 0;    ///< PRAGMA user_version of the file
    int64_t concepts = 0;      ///< concepts known (from facts and lexicons)
    int64_t bytes = 0;         ///< size of the KB on disk (page_count * page_size)
};

/// A concept of a lexicon, imported ahead of (or beside) the facts that use
/// it: gives query resolution the synonyms and the hierarchy
/// (lower_back_pain -> back_pain) that facts alone may not carry.
struct ConceptEntry {
    std::string kind;     ///< symptom | cause | remedy
    std::string id;       ///< concept id
    std::string label;    ///< preferred label
    std::optional<std::string> parent, external_id;
    std::vector<std::string> aliases;
};

/// The rows of one thread worked out ahead of the write (content hash, fact
/// columns, derived links, author weights): opaque, made by KbWriter::prepare.
struct ThreadRows;
struct ThreadRowsDeleter {
    void operator()(ThreadRows* rows) const noexcept;
};
using ThreadRowsPtr = std::unique_ptr<ThreadRows, ThreadRowsDeleter>;

/// The single writer of a KB file. Not thread-safe: one thread writes.
/// Errors throw fkb::kb::KbError with a one-line message naming the file.
class KbWriter {
public:
    /// Opens or creates the KB at path, applying pending migrations.
    explicit KbWriter(const std::string& path);
    ~KbWriter();  ///< commits the open batch
    KbWriter(const KbWriter&) = delete;
    KbWriter& operator=(const KbWriter&) = delete;

    /// True when a file with this path, size and content hash was ingested
    /// completely before (resume skips it).
    bool file_done(const std::string& path, int64_t size, const std::string& hash);
    /// Starts a file; returns its id. Marks it in progress until finish_file.
    int64_t begin_file(const std::string& path, int64_t size, const std::string& hash);
    void finish_file(int64_t file_id, const std::string& status = "done");

    /// Stores (or replaces) a thread with its posts and the facts found in it.
    void write_thread(int64_t file_id, const Thread& thread, const std::vector<FactRecord>& facts);
    /// The same with rows prepared from this thread and these facts (which
    /// the rows point into, so they must not have changed since).
    void write_thread(int64_t file_id, const Thread& thread, const std::vector<FactRecord>& facts,
                      const ThreadRows& rows);

    /// Prepares a thread's rows. Needs no writer and no database: safe to
    /// call from any number of threads at once (the pipeline's workers do).
    /// An invalid thread (evidence outside its post...) gives rows that
    /// write_thread() refuses with the reason.
    static ThreadRowsPtr prepare(const Thread& thread, const std::vector<FactRecord>& facts);
    void write_reject(int64_t file_id, const Reject& reject);

    /// Commits the open batch now (the writer also commits every N threads).
    void commit();

    /// Adds or updates a lexicon concept with its aliases (additive API).
    void add_concept(const ConceptEntry& entry);
    /// Threads per transaction (default 1,024, the threads of one advice_index
    /// block: each chunk is then written about once; 1 commits every thread).
    void set_batch_size(int threads);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads the counts of a KB (opens read-only).
KbStats read_stats(const std::string& path);

/// The schema version this build creates and upgrades to.
int kb_schema_version();

struct KbError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace fkb::kb
