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
    x.at = text_.size();
    x.size = v.size();
    text_.append(v);
    values_.push_back(x);
    return *this;
}

Stmt& RowInserter::statement(int rows) {
    int slot = std::countr_zero(static_cast<unsigned>(rows));
    Stmt& s = stmts_[static_cast<std::size_t>(slot)];
    if (!s.valid()) {
        std::string sql = "INSERT OR IGNORE INTO " + into_ + " VALUES ";
        // Plain '?' (numbered in order): SQLite checks each '?NNN' against
        // the ones before it, which made preparing a 16-row facts statement
        // quadratic in its 496 parameters.
        for (int r = 0; r < rows; ++r) {
            sql += r ? ",(" : "(";
            for (int c = 0; c < columns_; ++c) {
                if (c) sql += ',';
                sql += '?';
            }
            sql += ')';
        }
        s = Stmt(db_, sql);
    }
    return s;
}

void RowInserter::flush() { insert(rows()); }

void RowInserter::flush_full() { insert(rows() / kMaxRows * kMaxRows); }

void RowInserter::insert(std::size_t rows) {
    const std::size_t cols = static_cast<std::size_t>(columns_);
    std::size_t left = rows;
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
                case Value::kText: s.bind_static(param, std::string_view(text_.data() + x.at, x.size)); break;
            }
        }
        s.run();
        if (!ignore_duplicates_ && db_.changes() != n) {
            clear();
            throw KbError(fmt::format("{}: {}: {} of {} rows refused by a constraint", db_.path(),
                                      into_.substr(0, into_.find('(')), n - db_.changes(), n));
        }
        v += count;
        left -= static_cast<std::size_t>(n);
    }
    // The rows left over go to the front, their text with them.
    const std::size_t done = rows * cols;
    if (done == values_.size()) {
        clear();
        return;
    }
    std::size_t text_from = std::string::npos;
    for (std::size_t k = done; k < values_.size() && text_from == std::string::npos; ++k)
        if (values_[k].type == Value::kText) text_from = values_[k].at;
    if (text_from == std::string::npos) {
        text_.clear();
    } else {
        text_.erase(0, text_from);
        for (std::size_t k = done; k < values_.size(); ++k)
            if (values_[k].type == Value::kText) values_[k].at -= text_from;
    }
    values_.erase(values_.begin(), values_.begin() + static_cast<std::ptrdiff_t>(done));
}

}  // namespace fkb::kb
