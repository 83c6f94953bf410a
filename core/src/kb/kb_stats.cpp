// read_stats: the counts `forumkb stats` prints, read from a KB opened
// read-only (a KB at an older schema version is read as it is).
#include <forumkb/kb/kb_writer.hpp>

#include "kb/sqlite.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace fkb::kb {

KbStats read_stats(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw KbError(fmt::format("{}: no such knowledge base", path));
    Db db(path, true);
    KbStats s;
    s.schema_version = static_cast<int>(db.scalar("PRAGMA user_version"));
    if (s.schema_version == 0) throw KbError(fmt::format("{}: not a forumkb knowledge base (schema version 0)", path));
    s.sources = db.scalar("SELECT count(*) FROM sources");
    s.files = db.scalar("SELECT count(*) FROM files");
    s.threads = db.scalar("SELECT count(*) FROM threads");
    s.posts = db.scalar("SELECT count(*) FROM posts");
    s.authors = db.scalar("SELECT count(*) FROM authors");
    s.facts = db.scalar("SELECT count(*) FROM facts");
    s.rejects = db.scalar("SELECT count(*) FROM rejects");
    s.concepts = db.scalar("SELECT count(*) FROM concepts");
    s.bytes = db.scalar("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    {
        Stmt q(db,
               "SELECT s.name, count(t.id) FROM sources s LEFT JOIN threads t ON t.source_id = s.id "
               "GROUP BY s.id ORDER BY s.name");
        while (q.step()) s.threads_per_source.emplace_back(q.text(0), q.int64(1));
    }
    {
        Stmt q(db, "SELECT kind, count(*) FROM facts GROUP BY kind ORDER BY kind");
        while (q.step()) s.facts_per_kind.emplace_back(q.text(0), q.int64(1));
    }
    return s;
}

}  // namespace fkb::kb
