// A thin RAII layer over the SQLite C API for the knowledge base: a
// connection (Db) and prepared statements (Stmt) with typed binds and column
// reads. Every SQLite error becomes a fkb::kb::KbError whose one-line message
// names the KB file, so the CLI can print it as it is.
#pragma once

#include <forumkb/kb/kb_writer.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace fkb::kb {

class Db;

/// A prepared statement. Binds are 1-based, columns 0-based (as in SQLite).
class Stmt {
public:
    Stmt() = default;
    Stmt(Db& db, std::string_view sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept;
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
    Stmt& bind(int i, uint32_t v) { return bind(i, static_cast<int64_t>(v)); }
    Stmt& bind(int i, double v);
    Stmt& bind(int i, std::string_view v);
    Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Stmt& bind(int i, const std::optional<std::string>& v);
    Stmt& bind(int i, const std::optional<int64_t>& v);
    Stmt& bind(int i, const std::optional<double>& v);
    Stmt& bind_null(int i);
    /// Binds bytes as a BLOB (copied).
    Stmt& bind_blob(int i, std::string_view v);
    /// Binds text without copying it: v must stay valid until the statement
    /// is reset (run() resets it).
    Stmt& bind_static(int i, std::string_view v);
    Stmt& bind_static(int i, const std::string& v) { return bind_static(i, std::string_view(v)); }
    Stmt& bind_static(int i, const char* v) { return bind_static(i, std::string_view(v)); }
    Stmt& bind_static(int i, const std::optional<std::string>& v) {
        return v ? bind_static(i, std::string_view(*v)) : bind_null(i);
    }

    /// Steps once: true when a row is available, false when done.
    bool step();
    /// Steps to completion (for statements without rows) and resets.
    void run();
    void reset();

    bool valid() const noexcept { return stmt_ != nullptr; }
    bool is_null(int col) const;
    int64_t int64(int col) const;
    double real(int col) const;
    std::string text(int col) const;
    std::string_view text_view(int col) const;
    /// The bytes of a BLOB (or text) column; valid until the next step or reset.
    std::string_view blob_view(int col) const;
    std::optional<std::string> opt_text(int col) const;
    std::optional<int64_t> opt_int64(int col) const;

private:
    Db* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

/// A connection to one KB file.
class Db {
public:
    /// Opens path; read_only opens an existing file without creating it.
    Db(const std::string& path, bool read_only);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    /// Runs one or more statements without results.
    void exec(std::string_view sql);
    /// The single integer a query returns (0 when no row).
    int64_t scalar(std::string_view sql);
    int64_t last_insert_id() const;
    int changes() const;

    const std::string& path() const { return path_; }
    sqlite3* raw() const { return db_; }

    /// Throws KbError "<path>: <what>: <sqlite message>".
    [[noreturn]] void fail(std::string_view what) const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace fkb::kb
