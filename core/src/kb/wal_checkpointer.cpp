// WAL checkpoints beside the writer (see wal_checkpointer.hpp).
#include "kb/wal_checkpointer.hpp"

#include <sqlite3.h>

namespace fkb::kb {

namespace {

bool in_wal_mode(sqlite3* db) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA main.journal_mode", -1, &s, nullptr) != SQLITE_OK) return false;
    bool wal = false;
    if (sqlite3_step(s) == SQLITE_ROW) {
        const auto* mode = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        wal = mode && sqlite3_stricmp(mode, "wal") == 0;
    }
    sqlite3_finalize(s);
    return wal;
}

}  // namespace

WalCheckpointer::WalCheckpointer(sqlite3* writer, const std::string& path) : writer_(writer) {
    if (!in_wal_mode(writer_)) return;  // an in-memory KB: nothing to checkpoint
    if (sqlite3_open_v2(path.c_str(), &own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK ||
        sqlite3_exec(own_, "PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(own_);
        own_ = nullptr;
        return;  // the writer keeps SQLite's automatic checkpoints
    }
    sqlite3_wal_hook(writer_, &WalCheckpointer::on_commit, this);
    thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    if (!own_) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    sqlite3_close_v2(own_);
    fall_back();
}

int WalCheckpointer::on_commit(void* self, sqlite3* /*db*/, const char* /*name*/, int frames) {
    auto* c = static_cast<WalCheckpointer*>(self);
    bool wake = false;
    {
        std::lock_guard<std::mutex> lock(c->mutex_);
        c->frames_ = frames;
        ++c->commits_;
        if (frames >= kStartFrames && !c->failed_) wake = c->want_ = true;
    }
    if (wake) c->wake_.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || want_; });
        if (stop_) break;  // the writer's connection checkpoints what is left when it closes
        want_ = false;
        const int64_t covers = commits_;
        started_ = covers;
        lock.unlock();
        int log = 0, copied = 0;
        int rc = sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        lock.lock();
        if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
            failed_ = true;
            done_.notify_all();
            break;
        }
        covered_ = covers;
        done_.notify_all();
    }
}

void WalCheckpointer::restart_point() {
    if (!own_) return;
    std::unique_lock<std::mutex> lock(mutex_);
    if (failed_) {
        lock.unlock();
        fall_back();
        return;
    }
    if (frames_ < kRestartFrames) return;
    const int64_t target = commits_;
    if (covered_ >= target) return;
    if (started_ < target) {
        want_ = true;
        wake_.notify_one();
    }
    done_.wait(lock, [&] { return covered_ >= target || failed_; });
    frames_ = 0;  // the next commit says how long the WAL is again
}

void WalCheckpointer::fall_back() noexcept {
    sqlite3_wal_autocheckpoint(writer_, kStartFrames);  // SQLite's default
}

}  // namespace fkb::kb
