// The inside of KbReader, shared by the read-side parts of the KB (query,
// search, show, rejects): the connection and a cache of prepared statements
// so that repeated queries do not prepare their SQL again.
#pragma once

#include <forumkb/kb/kb_reader.hpp>

#include "kb/search_ranker.hpp"
#include "kb/sqlite.hpp"

#include <map>
#include <memory>
#include <string>

namespace fkb::kb {

struct KbReader::Impl {
    explicit Impl(const std::string& path);

    /// The prepared statement for sql, reset and ready to bind.
    Stmt& stmt(const char* sql);
    /// The bm25 ranker of post search, made the first time it is needed.
    SearchRanker& ranker();

    Db db;
    std::map<const char*, Stmt> cache;
    std::unique_ptr<SearchRanker> ranker_;  // after db: destroyed before it
};

}  // namespace fkb::kb
