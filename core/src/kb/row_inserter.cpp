// Multi-row INSERTs (see row_inserter.hpp).
#include "kb/row_inserter.hpp"

#include <fmt/format.h>

#include <bit>

namespace fkb::kb {

RowInserter::RowInserter(Db& db, std::string into, int columns, bool ignore_duplicates)
    : db_(db), into_(std::move(into)), columns_(columns), ignore_duplicates_(ignore_duplicates) {}

RowInserter& RowInserter::null() {
    values_.push_back(Value{});
    return *this;
}

RowInserter& RowInserter::add(int64_t v) {
    Value x;
    x.type = Value::kInt;
    x.i = v;
    values_.push_back(x);
    return *this;
}

RowInserter& RowInserter::add(double v) {
    Value x;
    x.type = Value::kReal;
    x.d = v;
    values_.push_back(x);
    return *this;
}

RowInserter& RowInserter::add(std::string_view v) {
    Value x;
    x.type = Value::kText;
    x.s = v;
    values_.push_back(x);
    return *this;
}

Stmt& RowInserter::statement(int rows) {
    int slot = std::countr_zero(static_cast<unsigned>(rows));
    Stmt& s = stmts_[static_cast<std::size_t>(slot)];
    if (!s.valid()) {
        std::string sql = "INSERT OR IGNORE INTO " + into_ + " VALUES ";
        int p = 1;
        for (int r = 0; r < rows; ++r) {
            sql += r ? ",(" : "(";
            for (int c = 0; c < columns_; ++c) {
                if (c) sql += ',';
                sql += '?';
                sql += std::to_string(p++);
            }
            sql += ')';
        }
        s = Stmt(db_, sql);
    }
    return s;
}

void RowInserter::flush() {
    const std::size_t cols = static_cast<std::size_t>(columns_);
    std::size_t left = values_.size() / cols;
    const Value* v = values_.data();
    while (left > 0) {
        int n = static_cast<int>(std::bit_floor(std::min<std::size_t>(left, kMaxRows)));
        Stmt& s = statement(n);
        const std::size_t count = static_cast<std::size_t>(n) * cols;
        for (std::size_t k = 0; k < count; ++k) {
            const Value& x = v[k];
            const int param = static_cast<int>(k) + 1;
            switch (x.type) {
                case Value::kNull: break;  // a reset statement's parameters are NULL
                case Value::kInt: s.bind(param, x.i); break;
                case Value::kReal: s.bind(param, x.d); break;
                case Value::kText: s.bind_static(param, x.s); break;
            }
        }
        s.run();
        if (!ignore_duplicates_ && db_.changes() != n) {
            values_.clear();
            throw KbError(fmt::format("{}: {}: {} of {} rows refused by a constraint", db_.path(),
                                      into_.substr(0, into_.find('(')), n - db_.changes(), n));
        }
        v += count;
        left -= static_cast<std::size_t>(n);
    }
    values_.clear();
}

}  // namespace fkb::kb
