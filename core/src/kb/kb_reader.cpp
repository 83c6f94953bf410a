// KbReader: opening a KB for reading, upgrading an older schema on the way
// (see kb_reader.hpp).
#include "kb/kb_reader_impl.hpp"

#include "kb/migrations.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace fkb::kb {

namespace {

std::string checked(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw KbError(fmt::format("{}: no such knowledge base", path));
    return path;
}

}  // namespace

KbReader::Impl::Impl(const std::string& path) : db(checked(path), false) {
    db.exec("PRAGMA foreign_keys = ON");
    int version = static_cast<int>(db.scalar("PRAGMA user_version"));
    if (version == 0) throw KbError(fmt::format("{}: not a forumkb knowledge base (schema version 0)", path));
    if (version < latest_schema_version()) {
        db.exec("PRAGMA journal_mode = WAL");
        migrate(db, builtin_migrations());
    } else if (version > latest_schema_version()) {
        migrate(db, builtin_migrations());  // throws: newer than this build
    }
    db.exec("PRAGMA query_only = ON");
    db.exec("PRAGMA cache_size = -65536");
    db.exec("PRAGMA mmap_size = 1073741824");
    db.exec("PRAGMA temp_store = MEMORY");
}

Stmt& KbReader::Impl::stmt(const char* sql) {
    auto it = cache.find(sql);
    if (it == cache.end()) it = cache.emplace(sql, Stmt(db, sql)).first;
    it->second.reset();
    return it->second;
}

SearchRanker& KbReader::Impl::ranker() {
    if (!ranker_) ranker_ = std::make_unique<SearchRanker>(db);
    return *ranker_;
}

KbReader::KbReader(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
KbReader::~KbReader() = default;
const std::string& KbReader::path() const { return impl_->db.path(); }

}  // namespace fkb::kb
