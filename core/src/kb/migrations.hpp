// Schema migrations of the knowledge base: the numbered SQL files of
// schemas/kb/ (NNNN_name.sql), compiled into the library, applied in order on
// open. PRAGMA user_version records the last one applied; each migration runs
// in its own transaction together with the version bump, so a crash leaves
// the KB at a whole version.
#pragma once

#include "kb/sqlite.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

/// One migration: version N and the SQL that takes a KB from N-1 to N.
struct Migration {
    int version = 0;
    std::string name;  ///< file name, e.g. "0002_fulltext.sql"
    std::string_view sql;
};

/// The migrations compiled into this build, sorted by version. Throws
/// KbError when two files share a number or the numbers have a gap.
const std::vector<Migration>& builtin_migrations();

/// The schema version this build writes (the last migration's number).
int latest_schema_version();

/// Applies the migrations newer than the KB's user_version, up to and
/// including `up_to` (all when 0). Throws KbError when the KB is newer than
/// the migrations known. Returns the version the KB is at afterwards.
int migrate(Db& db, const std::vector<Migration>& migrations, int up_to = 0);

}  // namespace fkb::kb
