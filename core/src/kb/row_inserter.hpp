// Multi-row INSERTs: the rows of one table collected for a while (a thread's
// facts, its posts) and inserted with statements of 32, 16, ..., 1 rows, so
// that the per-statement cost of SQLite (step, reset, opening the table and
// its indexes, halting) is paid once per chunk instead of once per row.
// Values are bound without copying: text must stay valid until flush().
// Unset (NULL) values cost nothing: a reset statement's parameters are NULL.
//
// The statements are INSERT OR IGNORE, and flush() checks that every row
// went in: a multi-row INSERT that could abort on a constraint opens a
// statement journal, which makes FTS5 flush its pending terms (see
// kb_writer.cpp); OR IGNORE cannot abort, and a row a constraint refused is
// still reported, as a KbError naming the table.
#pragma once

#include "kb/sqlite.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

class RowInserter {
public:
    static constexpr int kMaxRows = 16;

    /// into: "table(col1, col2, ...)"; columns: how many. With
    /// ignore_duplicates, a row refused by a constraint is dropped silently
    /// (fact_symptoms: the first link of a fact to a symptom wins).
    RowInserter(Db& db, std::string into, int columns, bool ignore_duplicates = false);

    /// One value per column, row after row.
    RowInserter& null();
    RowInserter& add(int64_t v);
    RowInserter& add(int v) { return add(static_cast<int64_t>(v)); }
    RowInserter& add(uint32_t v) { return add(static_cast<int64_t>(v)); }
    RowInserter& add(double v);
    RowInserter& add(std::string_view v);
    RowInserter& add(const std::string& v) { return add(std::string_view(v)); }
    RowInserter& add(const char* v) { return add(std::string_view(v)); }
    RowInserter& add(const std::optional<std::string>& v) { return v ? add(std::string_view(*v)) : null(); }
    RowInserter& add(const std::optional<int64_t>& v) { return v ? add(*v) : null(); }
    RowInserter& add(const std::optional<double>& v) { return v ? add(*v) : null(); }

    /// Inserts the rows added since the last flush (or discards them).
    void flush();
    void clear() { values_.clear(); }
    std::size_t rows() const noexcept { return values_.size() / static_cast<std::size_t>(columns_); }

private:
    struct Value {
        enum Type : uint8_t { kNull, kInt, kReal, kText } type = kNull;
        int64_t i = 0;
        double d = 0;
        std::string_view s;
    };
    Stmt& statement(int rows);  // rows is a power of two

    Db& db_;
    std::string into_;
    int columns_;
    bool ignore_duplicates_;
    std::array<Stmt, 5> stmts_;  // 1, 2, 4, 8, 16 rows
    std::vector<Value> values_;
};

}  // namespace fkb::kb
