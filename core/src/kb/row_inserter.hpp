// Multi-row INSERTs: the rows of one table collected for a while (the facts,
// posts ... of the threads of a batch) and inserted with statements of 16,
// 8, ..., 1 rows, so that the per-statement cost of SQLite (step, reset,
// opening the table and its indexes, halting) is paid once per chunk instead
// of once per row. The writer calls flush_full() after each thread, which
// inserts only whole 16-row chunks and keeps the rest for the next thread:
// a thread has ~15 facts and ~5 posts, so flushing it alone took 2-4
// statements per table. Text is copied into the inserter (the thread it came
// from is gone by the time its last rows go in) and bound without a second
// copy. Unset (NULL) values cost nothing: a reset statement's parameters are
// NULL.
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

    /// Inserts every row added and not yet inserted.
    void flush();
    /// Inserts the rows that fill whole kMaxRows-row statements; keeps the rest.
    void flush_full();
    /// Discards the rows not yet inserted.
    void clear() {
        values_.clear();
        text_.clear();
    }
    std::size_t rows() const noexcept { return values_.size() / static_cast<std::size_t>(columns_); }

private:
    struct Value {
        enum Type : uint8_t { kNull, kInt, kReal, kText } type = kNull;
        int64_t i = 0;
        double d = 0;
        std::size_t at = 0, size = 0;  // kText: the bytes in text_
    };
    Stmt& statement(int rows);  // rows is a power of two
    /// Inserts the first `rows` rows (whole chunks, then smaller ones) and
    /// moves the others, with their text, to the front.
    void insert(std::size_t rows);

    Db& db_;
    std::string into_;
    int columns_;
    bool ignore_duplicates_;
    std::array<Stmt, 5> stmts_;  // 1, 2, 4, 8, 16 rows
    std::vector<Value> values_;
    std::string text_;  // the text of the rows in values_, one after the other
};

}  // namespace fkb::kb
