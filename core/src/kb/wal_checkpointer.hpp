// WalCheckpointer: WAL checkpoints on a thread of their own, so that the KB
// writer never waits on the disk while it writes.
//
// With SQLite's automatic checkpoint, the connection that commits past 1,000
// WAL frames copies them into the database file itself, inside that commit:
// two fdatasync calls (the WAL, then the database) and a read and a write per
// page. For the writer of `forumkb ingest` that was about a quarter of its
// wall time (215 fdatasync calls, 2 s, for 50 MB of input;
// docs/performance.md). The checkpointer turns that off on the writer's
// connection and watches its commits through sqlite3_wal_hook; past
// kStartFrames frames it asks its own thread, with a second connection, for a
// PASSIVE checkpoint, which runs beside the writer's next transaction (it
// needs no lock the writer holds).
//
// A checkpoint copies frames but does not shorten the WAL: SQLite starts
// writing it from the beginning again only when a write transaction begins
// while every frame is already in the database. The writer's transactions
// follow one another at once, so that never happens by itself; before a
// batch begins with more than kRestartFrames frames in the WAL, the writer
// therefore waits for one checkpoint of what it last committed
// (restart_point()), and the WAL starts over. The WAL stays under about
// kRestartFrames pages plus one batch; the writer waits once every few
// batches, for the copy of one batch's frames.
//
// Crash safety is SQLite's: a checkpoint copies committed frames only, and a
// process killed in the middle of one leaves a database that the next open
// recovers from the WAL. If the checkpoint connection cannot be opened or
// fails, the writer's connection goes back to automatic checkpoints.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace fkb::kb {

class WalCheckpointer {
public:
    /// WAL frames after a commit that start a checkpoint (SQLite's default
    /// automatic checkpoint size).
    static constexpr int kStartFrames = 1000;
    /// WAL frames before a transaction over which the writer lets the
    /// checkpoint finish first, so that the WAL is written from its start
    /// again (4 KiB pages: 32 MiB).
    static constexpr int kRestartFrames = 8192;

    /// writer: the writer's open connection to path, in WAL mode. Takes over
    /// its checkpoints (sqlite3_wal_hook) until destroyed.
    WalCheckpointer(sqlite3* writer, const std::string& path);
    /// Stops the thread (after the checkpoint it may be running) and gives
    /// the writer's connection its automatic checkpoints back.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /// Call outside a transaction, before the writer begins one: when the WAL
    /// is long, waits until what was committed is in the database file, so
    /// that the next transaction writes the WAL from its start.
    void restart_point();

private:
    static int on_commit(void* self, sqlite3* db, const char* name, int frames);
    void run();
    void fall_back() noexcept;  // back to automatic checkpoints on the writer's connection

    sqlite3* writer_;
    sqlite3* own_ = nullptr;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    int frames_ = 0;          // WAL frames after the writer's last commit
    int64_t commits_ = 0;     // the writer's commits so far
    int64_t started_ = -1;    // the commits the running (or last) checkpoint covers
    int64_t covered_ = -1;    // the commits the last finished checkpoint covers
    bool want_ = false, stop_ = false, failed_ = false;
    std::thread thread_;
};

}  // namespace fkb::kb
