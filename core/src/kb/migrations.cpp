// Finding and applying the embedded schemas/kb/*.sql migrations (see
// migrations.hpp).
#include "kb/migrations.hpp"

#include "kb/advice_index.hpp"
#include "kb/post_lengths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace fkb::data {
std::string_view embedded_file(std::string_view name);
const std::vector<std::string_view>& embedded_file_names();
}  // namespace fkb::data

namespace fkb::kb {

namespace {

/// What a migration needs done beyond its SQL, run right after it in the
/// same transaction: filling a table the SQL cannot compute.
void after_migration(Db& db, int version) {
    if (version == 5 || version == 7) AdviceIndex::rebuild(db);  // 7: the chunks in their fixed-width form
    if (version == 6) rebuild_post_lengths(db);
}

std::vector<Migration> load_builtin() {
    std::vector<Migration> out;
    for (std::string_view name : fkb::data::embedded_file_names()) {
        auto slash = name.rfind('/');
        std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
        std::string_view dir = slash == std::string_view::npos ? std::string_view() : name.substr(0, slash);
        if (!dir.ends_with("schemas/kb") || !base.ends_with(".sql") || base.size() < 6) continue;
        if (!std::all_of(base.begin(), base.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
            base[4] != '_')
            continue;
        Migration m;
        m.version = std::stoi(std::string(base.substr(0, 4)));
        m.name = std::string(base);
        m.sql = fkb::data::embedded_file(name);
        out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i].version != static_cast<int>(i) + 1)
            throw KbError(fmt::format("schemas/kb/{}: migration number {} out of sequence (expected {})", out[i].name,
                                      out[i].version, i + 1));
    }
    return out;
}

}  // namespace

const std::vector<Migration>& builtin_migrations() {
    static const std::vector<Migration> migrations = load_builtin();
    return migrations;
}

int latest_schema_version() {
    const auto& m = builtin_migrations();
    return m.empty() ? 0 : m.back().version;
}

int migrate(Db& db, const std::vector<Migration>& migrations, int up_to) {
    int current = static_cast<int>(db.scalar("PRAGMA user_version"));
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest)
        throw KbError(fmt::format("{}: the knowledge base has schema version {}, newer than this forumkb knows ({})",
                                  db.path(), current, latest));
    // A migration may rebuild a table (create, copy, drop, rename): with
    // foreign keys enforced, the drop would cascade into the tables that
    // refer to it. The pragma cannot change inside a transaction, so it is
    // switched off around all of them and restored after.
    const bool fk = current < latest && db.scalar("PRAGMA foreign_keys") != 0;
    if (fk) db.exec("PRAGMA foreign_keys = OFF");
    struct RestoreFk {
        Db& db;
        bool on;
        ~RestoreFk() {
            if (!on) return;
            try {
                db.exec("PRAGMA foreign_keys = ON");
            } catch (...) {
            }
        }
    } restore{db, fk};
    for (const Migration& m : migrations) {
        if (m.version <= current) continue;
        if (up_to > 0 && m.version > up_to) break;
        db.exec("BEGIN IMMEDIATE");
        try {
            db.exec(m.sql);
            after_migration(db, m.version);
            db.exec(fmt::format("PRAGMA user_version = {}", m.version));
            db.exec("COMMIT");
        } catch (const KbError& e) {
            db.exec("ROLLBACK");
            throw KbError(fmt::format("{} (migration {})", e.what(), m.name));
        }
        current = m.version;
    }
    return current;
}

}  // namespace fkb::kb
