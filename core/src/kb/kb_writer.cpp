// KbWriter: the one writer of a knowledge base file (contract in
// forumkb/kb/kb_writer.hpp).
//
// Everything that can be worked out from a thread and its facts alone (the
// content hash, the columns of each fact, the links of each cause and remedy
// to symptoms and causes, the author weights) is computed beforehand by
// prepare_thread_rows(), on the pipeline's worker threads; the writer binds
// and steps prepared statements, and keeps in memory what it looked up once
// (sources, authors, extractors, concepts, aliases; every author, while
// there are not too many). It gives authors, posts and facts their row ids
// itself (counting on from the largest when a batch begins), so the rows of
// a batch can go in with multi-row INSERTs (row_inserter.hpp), in whole
// 16-row statements across threads; what is left is inserted before the
// batch commits, and before the rows of a replaced thread are read or
// deleted.
//
// Threads are written in batches, one transaction each. A thread whose
// content hash (thread + facts) is unchanged is not rewritten at all, which
// makes a second ingest of the same dump a no-op; a changed thread has its
// old rows deleted and the new ones inserted in the same transaction. No
// statement of the write path uses a trigger or a foreign-key action, and
// only one per batch (and one per replaced thread) a statement journal: each
// of those makes FTS5 flush its pending terms, so the writer adds the
// batch's posts to posts_fts itself, with one INSERT ... SELECT just before
// the commit, and the full-text index is written once per batch. A thread
// that fails validation is refused before anything is written; an SQLite
// error rolls the whole open batch back (the in-memory caches with it) and
// is reported.
//
// The advice index (advice_index.hpp) follows the threads: a replaced
// thread's chunks are marked before its rows go, a written thread's claims
// (prepared with its rows) get their row ids, and the chunks touched are rewritten
// just before the batch commits, in the same transaction. So is
// post_lengths (post_lengths.hpp): the token counts FTS5 stored for the
// batch's new posts, and zeros for the posts of the replaced threads.
//
// The writer's connection makes no checkpoints of its own: a WalCheckpointer
// (wal_checkpointer.hpp) copies the WAL into the database file on its own
// thread and connection, so no commit waits on the disk.
#include <forumkb/kb/kb_writer.hpp>

#include "kb/advice_index.hpp"
#include "kb/fact_fields.hpp"
#include "kb/migrations.hpp"
#include "kb/post_lengths.hpp"
#include "kb/row_inserter.hpp"
#include "kb/sqlite.hpp"
#include "kb/thread_rows.hpp"
#include "kb/wal_checkpointer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace fkb::kb {

void ThreadRowsDeleter::operator()(ThreadRows* rows) const noexcept { delete rows; }

namespace {

bool is_advice_kind(std::string_view kind) { return kind == "symptom" || kind == "cause" || kind == "remedy"; }

std::string spaced(std::string_view cid) {
    std::string s(cid);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

}  // namespace

struct KbWriter::Impl {
    explicit Impl(const std::string& path) : db(path, false) {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("PRAGMA foreign_keys = OFF");   // the writer deletes dependent rows itself
        db.exec("PRAGMA cache_size = -65536");  // 64 MiB: index and FTS pages stay in memory
        db.exec("PRAGMA temp_store = MEMORY");
        migrate(db, builtin_migrations());
        prepare();
        checkpointer = std::make_unique<WalCheckpointer>(db.raw(), path);
    }

    void prepare() {
        sel_source = Stmt(db, "SELECT id FROM sources WHERE name = ?1");
        ins_source = Stmt(db, "INSERT INTO sources(name) VALUES (?1)");
        sel_extractor = Stmt(db, "SELECT id FROM extractors WHERE name = ?1");
        ins_extractor = Stmt(db, "INSERT INTO extractors(name) VALUES (?1)");
        sel_author = Stmt(db, "SELECT id FROM authors WHERE source_id = ?1 AND name = ?2");
        sel_file_done = Stmt(db, "SELECT 1 FROM files WHERE path = ?1 AND size = ?2 AND hash = ?3 AND status = 'done'");
        sel_file = Stmt(db, "SELECT id FROM files WHERE path = ?1");
        ins_file = Stmt(db,
                        "INSERT INTO files(path, size, hash, status, started_at) "
                        "VALUES (?1, ?2, ?3, 'in_progress', strftime('%Y-%m-%dT%H:%M:%SZ','now'))");
        upd_file_start = Stmt(db,
                              "UPDATE files SET size = ?2, hash = ?3, status = 'in_progress', "
                              "started_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'), finished_at = NULL WHERE id = ?1");
        del_file_rejects = Stmt(db, "DELETE FROM rejects WHERE file = ?1");
        upd_file_finish = Stmt(db,
                               "UPDATE files SET status = ?2, finished_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                               "WHERE id = ?1");
        sel_thread = Stmt(db, "SELECT id, content_hash FROM threads WHERE source_id = ?1 AND thread_id = ?2");
        upd_thread_file = Stmt(db, "UPDATE threads SET file = ?2 WHERE id = ?1");
        ins_thread = Stmt(db,
                          "INSERT INTO threads(source_id, thread_id, file, url, title, forum, category, n_posts, "
                          "content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        upd_thread = Stmt(db,
                          "UPDATE threads SET file = ?2, url = ?3, title = ?4, forum = ?5, category = ?6, "
                          "n_posts = ?7, content_hash = ?8 WHERE id = ?1");
        // A changed thread: its old rows, children first (no foreign-key actions).
        static const char* const kDeleteThread[] = {
            "INSERT INTO posts_fts(posts_fts, rowid, text) SELECT 'delete', id, text FROM posts WHERE thread = ?1",
            "DELETE FROM fact_symptoms WHERE fact IN (SELECT f.id FROM posts p JOIN facts f ON f.post = p.id "
            "WHERE p.thread = ?1)",
            "DELETE FROM fact_causes WHERE fact IN (SELECT f.id FROM posts p JOIN facts f ON f.post = p.id "
            "WHERE p.thread = ?1)",
            "DELETE FROM endorsements WHERE fact IN (SELECT f.id FROM posts p JOIN facts f ON f.post = p.id "
            "WHERE p.thread = ?1)",
            "DELETE FROM triples WHERE fact IN (SELECT f.id FROM posts p JOIN facts f ON f.post = p.id "
            "WHERE p.thread = ?1)",
            "DELETE FROM facts WHERE post IN (SELECT id FROM posts WHERE thread = ?1)",
            "DELETE FROM post_weights WHERE post IN (SELECT id FROM posts WHERE thread = ?1)",
            "DELETE FROM quotes WHERE post IN (SELECT id FROM posts WHERE thread = ?1)",
            "DELETE FROM posts WHERE thread = ?1",
        };
        for (const char* sql : kDeleteThread) del_thread.emplace_back(db, sql);
        sel_thread_posts = Stmt(db, "SELECT id FROM posts WHERE thread = ?1");
        // One statement for all the posts of a batch: its statement journal
        // makes FTS5 write out what it holds, once, as COMMIT would.
        ins_posts_fts = Stmt(db, "INSERT INTO posts_fts(rowid, text) SELECT id, text FROM posts WHERE id >= ?1");
        ins_concept = Stmt(db,
                           "INSERT OR IGNORE INTO concepts(kind, concept, label, parent, external_id, origin) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        upd_concept_lexicon = Stmt(db,
                                   "UPDATE OR IGNORE concepts SET label = ?2, parent = coalesce(?3, parent), "
                                   "external_id = coalesce(?4, external_id), origin = 'lexicon' WHERE id = ?1");
        upd_concept_parent = Stmt(db, "UPDATE OR IGNORE concepts SET parent = ?2 WHERE id = ?1 AND parent IS NULL");
        ins_alias = Stmt(db, "INSERT OR IGNORE INTO concept_aliases(concept_ref, alias) VALUES (?1, ?2)");
        ins_alias_fts = Stmt(db, "INSERT INTO concepts_fts(rowid, alias) VALUES (?1, ?2)");
        ins_reject = Stmt(db,
                          "INSERT INTO rejects(file, line, offset, plugin, reason, excerpt) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        advice = std::make_unique<AdviceIndex>(db);
    }

    void begin_batch() {
        if (in_tx) return;
        checkpointer->restart_point();
        db.exec("BEGIN IMMEDIATE");
        in_tx = true;
        next_post = db.scalar("SELECT coalesce(max(id), 0) + 1 FROM posts");
        batch_first_post = next_post;
        unindexed_post = next_post;
        next_fact = db.scalar("SELECT coalesce(max(id), 0) + 1 FROM facts");
        next_author = db.scalar("SELECT coalesce(max(id), 0) + 1 FROM authors");
    }

    /// Inserts the rows still held by the inserters, and adds the posts not
    /// yet in posts_fts to it: before the batch commits, and before anything
    /// reads or deletes the rows of a thread.
    void flush_rows() {
        for (RowInserter* ins : inserters()) ins->flush();
        if (next_post > unindexed_post) {
            ins_posts_fts.bind(1, unindexed_post).run();
            unindexed_post = next_post;
        }
    }

    void commit() {
        if (!in_tx) return;
        try {
            flush_rows();
            apply_concept_updates();
            advice->flush();
            if (next_post > batch_first_post || !deleted_posts.empty())
                copy_post_lengths(db, batch_first_post, deleted_posts);
        } catch (...) {
            rollback();
            throw;
        }
        deleted_posts.clear();
        db.exec("COMMIT");
        in_tx = false;
        pending = 0;
    }

    /// Undoes the open batch after an error, and forgets the ids it made.
    void rollback() noexcept {
        if (in_tx) {
            try {
                db.exec("ROLLBACK");
            } catch (...) {
            }
        }
        in_tx = false;
        pending = 0;
        concept_updates.clear();
        deleted_posts.clear();
        advice->clear();
        for (RowInserter* ins : inserters()) ins->clear();
        sources.clear();
        extractors.clear();
        authors.clear();
        authors_loaded = authors_complete = false;
        concepts.clear();
        orphans.clear();
        concepts_loaded = false;
        aliases.clear();
    }

    /// The id of a name in a (name -> id) table, through a cache.
    int64_t lookup(std::unordered_map<std::string, int64_t>& cache, Stmt& sel, Stmt& ins, const std::string& name) {
        auto it = cache.find(name);
        if (it != cache.end()) return it->second;
        int64_t id;
        sel.bind_static(1, name);
        if (sel.step()) {
            id = sel.int64(0);
            sel.reset();
        } else {
            sel.reset();
            ins.bind_static(1, name).run();
            id = db.last_insert_id();
        }
        cache.emplace(name, id);
        return id;
    }

    /// Reads every author of the KB into the cache when there are at most
    /// kAuthorCache of them: then an author not in the cache is a new one,
    /// and needs no SELECT (most authors of a dump are new when it is first
    /// ingested).
    void load_authors() {
        if (authors_loaded) return;
        authors_loaded = true;
        authors_complete = db.scalar("SELECT count(*) FROM authors") <= static_cast<int64_t>(kAuthorCache);
        if (!authors_complete) return;
        Stmt s(db, "SELECT source_id, name, id FROM authors");
        while (s.step()) {
            int64_t source = s.int64(0);
            key_buf.assign(reinterpret_cast<const char*>(&source), sizeof source);
            key_buf += s.text_view(1);
            authors.emplace(key_buf, s.int64(2));
        }
    }

    /// The author's row id; a new author gets the next id and goes into the
    /// KB with the batch's other rows.
    std::optional<int64_t> author_id(int64_t source, const std::optional<std::string>& name) {
        if (!name || name->empty()) return std::nullopt;
        load_authors();
        key_buf.assign(reinterpret_cast<const char*>(&source), sizeof source);
        key_buf += *name;
        auto it = authors.find(key_buf);
        if (it != authors.end()) return it->second;
        std::optional<int64_t> id;
        if (!authors_complete) {
            sel_author.bind(1, source).bind_static(2, *name);
            if (sel_author.step()) id = sel_author.int64(0);
            sel_author.reset();
        }
        if (!id) {
            id = next_author++;
            new_authors.add(*id).add(source).add(*name);
        }
        if (authors.size() >= kAuthorCache) {  // from now on a miss asks the KB, which must hold every author
            new_authors.flush();
            authors.clear();
            authors_complete = false;
        }
        authors.emplace(key_buf, *id);
        return id;
    }

    void add_alias(int64_t concept_row, const std::string& alias) {
        ins_alias.bind(1, concept_row).bind_static(2, alias).run();
        if (db.changes() == 1) ins_alias_fts.bind(1, db.last_insert_id()).bind_static(2, alias).run();
    }

    struct ConceptState {
        int64_t id;
        bool has_parent;
    };

    /// Every concept of the KB, read once (the first time one is needed),
    /// then kept up to date: with the suffix index below, finding the parent
    /// of a new concept and the concepts it becomes the parent of takes a
    /// few hash lookups instead of two scans of the concepts table.
    void load_concepts() {
        if (concepts_loaded) return;
        Stmt s(db, "SELECT id, kind, concept, parent IS NOT NULL FROM concepts");
        while (s.step()) {
            std::string kind = s.text(1), cid = s.text(2);
            bool has_parent = s.int64(3) != 0;
            concepts.emplace(kind + '\x1f' + cid, ConceptState{s.int64(0), has_parent});
            if (!has_parent) add_orphan(kind, cid);
        }
        concepts_loaded = true;
    }

    /// Files a concept without a parent under each of its '_' suffixes
    /// ("lower_back_pain" under "back_pain" and "pain").
    void add_orphan(const std::string& kind, const std::string& cid) {
        std::string self = kind + '\x1f' + cid;
        for (size_t at = cid.find('_'); at != std::string::npos; at = cid.find('_', at + 1))
            if (at + 1 < cid.size()) orphans[kind + '\x1f' + cid.substr(at + 1)].push_back(self);
    }

    /// A change to the concept hierarchy, applied just before the batch
    /// commits: an UPDATE opens a statement journal, and so makes FTS5 write
    /// out its pending terms, which at commit time it does anyway.
    struct ConceptUpdate {
        int64_t id;          ///< the concept row
        std::string parent;  ///< its parent, set if it has none
    };

    void apply_concept_updates() {
        for (const ConceptUpdate& u : concept_updates) upd_concept_parent.bind(1, u.id).bind_static(2, u.parent).run();
        concept_updates.clear();
    }

    /// Makes sure the concept exists; adds label as an alias. Returns its row
    /// id. A new concept without a given parent gets the longest concept of
    /// the same kind its id ends with (after a '_') as parent, and becomes
    /// the parent of the concepts without one whose ids end with its own.
    int64_t ensure_concept(const std::string& kind, const std::string& cid, const std::string& label,
                           const std::optional<std::string>& parent, const char* origin) {
        load_concepts();
        std::string key = kind + '\x1f' + cid;
        auto it = concepts.find(key);
        if (it == concepts.end()) {
            std::optional<std::string> p = parent;
            for (size_t at = cid.find('_'); !p && at != std::string::npos; at = cid.find('_', at + 1))
                if (at + 1 < cid.size() && concepts.count(kind + '\x1f' + cid.substr(at + 1))) p = cid.substr(at + 1);
            ins_concept.bind_static(1, kind).bind_static(2, cid).bind(3, label.empty() ? spaced(cid) : label);
            ins_concept.bind(4, p).bind_null(5).bind_static(6, origin).run();
            if (db.changes() != 1) throw KbError(fmt::format("{}: concept {} {}: not inserted", db.path(), kind, cid));
            ConceptState st{db.last_insert_id(), p.has_value()};
            it = concepts.emplace(key, st).first;
            if (!p) add_orphan(kind, cid);
            if (auto o = orphans.find(key); o != orphans.end()) {
                for (const std::string& child : o->second) {
                    auto c = concepts.find(child);
                    if (c == concepts.end() || c->second.has_parent) continue;
                    c->second.has_parent = true;
                    concept_updates.push_back(ConceptUpdate{c->second.id, cid});
                }
                orphans.erase(o);
            }
            add_alias(st.id, spaced(cid));
        }
        ConceptState& st = it->second;
        if (parent && !st.has_parent) {
            concept_updates.push_back(ConceptUpdate{st.id, *parent});
            st.has_parent = true;
        }
        if (!label.empty()) {
            key_buf.assign(reinterpret_cast<const char*>(&st.id), sizeof st.id);
            key_buf += label;
            if (aliases.insert(key_buf).second) add_alias(st.id, label);
        }
        return st.id;
    }

    void write_thread(int64_t file_id, const Thread& t, const std::vector<FactRecord>& facts, const ThreadRows& rows);
    void write_rows(int64_t thread_row, int64_t source, const Thread& t, const ThreadRows& rows);

    Db db;
    Stmt sel_source, ins_source, sel_extractor, ins_extractor, sel_author, sel_file_done, sel_file,
        ins_file, upd_file_start, del_file_rejects, upd_file_finish, sel_thread, upd_thread_file, ins_thread,
        upd_thread, sel_thread_posts, ins_posts_fts, ins_concept, upd_concept_lexicon, upd_concept_parent, ins_alias, ins_alias_fts, ins_reject;
    std::vector<Stmt> del_thread;
    std::unique_ptr<AdviceIndex> advice;  // the advice_index chunks of the threads written
    RowInserter new_authors{db, "authors(id, source_id, name)", 3};
    RowInserter posts{db,
                      "posts(id, thread, post_index, post_id, parent_id, author_id, post_count, role, level, "
                      "reputation, flair, created, created_text, text, likes, score, accepted, signature)",
                      18};
    RowInserter quotes{db, "quotes(post, start, end, quoted_post_id, quoted_index)", 5};
    RowInserter facts{db,
                      "facts(id, thread, post, post_index, seq, extractor, kind, concept, label, certainty, "
                      "polarity, experiencer, outcome, condition, dosage, symptom, cause, remedy, qualifiers, "
                      "signal, basis, value, weight, author_id, target_index, support, extra, ev_start, ev_end, "
                      "ev_sentence, ev_text)",
                      31};
    RowInserter endorsements{db, "endorsements(fact, thread, post, target_post, target_index)", 5};
    RowInserter triples{db, "triples(fact, thread, symptom, cause, remedy, support)", 6};
    RowInserter fact_symptoms{db, "fact_symptoms(fact, symptom, link)", 3, true};
    RowInserter fact_causes{db, "fact_causes(fact, cause, link)", 3, true};
    RowInserter weights{db, "post_weights(post, thread, author_id, weight, reasons)", 5};
    /// In the order they are flushed (a row's parents first).
    std::array<RowInserter*, 9> inserters() {
        return {&new_authors, &posts, &quotes, &facts, &endorsements, &triples, &fact_symptoms, &fact_causes, &weights};
    }
    int64_t next_post = 0, next_fact = 0, next_author = 0;  // explicit row ids, read when a batch begins
    int64_t batch_first_post = 0;          // the posts of the open batch have ids from here on
    int64_t unindexed_post = 0;            // the posts from here on are not in posts_fts yet
    std::vector<int64_t> deleted_posts;    // of the threads replaced in the open batch (post_lengths)
    std::unordered_map<std::string, int64_t> sources, extractors;
    static constexpr std::size_t kAuthorCache = 200000;
    std::unordered_map<std::string, int64_t> authors;  // source id bytes + name -> id
    bool authors_loaded = false;    // the cache was filled from the KB (in this batch or an earlier one)
    bool authors_complete = false;  // and holds every author of the KB
    std::unordered_map<std::string, ConceptState> concepts;  // kind + '\x1f' + id, all of them once loaded
    std::unordered_map<std::string, std::vector<std::string>> orphans;  // kind + '\x1f' + suffix -> concepts
    bool concepts_loaded = false;
    std::unordered_set<std::string> aliases;  // concept row id bytes + alias
    std::vector<ConceptUpdate> concept_updates;
    std::string key_buf;
    std::vector<int64_t> post_rows, fact_rows;
    std::vector<std::optional<int64_t>> post_authors;
    bool in_tx = false;
    int pending = 0;
    int batch_size = 1024;
    std::unique_ptr<WalCheckpointer> checkpointer;  // last: stops before the statements and db go
};

void KbWriter::Impl::write_thread(int64_t file_id, const Thread& t, const std::vector<FactRecord>& facts,
                                  const ThreadRows& rows) {
    if (!rows.error.empty()) throw KbError(fmt::format("{}: {}", db.path(), rows.error));
    if (rows.facts.size() != facts.size() || rows.quoted_index.size() != t.posts.size())
        throw KbError(fmt::format("{}: thread {}: prepared rows do not match the thread", db.path(), t.thread_id));
    begin_batch();
    try {
        int64_t source = lookup(sources, sel_source, ins_source, t.source);
        std::optional<int64_t> existing;
        sel_thread.bind(1, source).bind_static(2, t.thread_id);
        if (sel_thread.step()) {
            existing = sel_thread.int64(0);
            bool same = sel_thread.text_view(1) == rows.hash;
            sel_thread.reset();
            if (same) {
                upd_thread_file.bind(1, *existing).bind(2, file_id).run();
                return;
            }
        } else {
            sel_thread.reset();
        }
        int64_t thread_row;
        auto n_posts = static_cast<int64_t>(t.posts.size());
        if (existing) {
            thread_row = *existing;
            flush_rows();  // the thread may be one of the batch's, its rows still in the inserters
            advice->remove_thread(thread_row);
            sel_thread_posts.bind(1, thread_row);
            while (sel_thread_posts.step()) deleted_posts.push_back(sel_thread_posts.int64(0));
            sel_thread_posts.reset();
            for (Stmt& s : del_thread) s.bind(1, thread_row).run();
            upd_thread.bind(1, thread_row).bind(2, file_id).bind_static(3, t.url).bind_static(4, t.title);
            upd_thread.bind_static(5, t.forum).bind_static(6, t.category).bind(7, n_posts);
            upd_thread.bind_static(8, rows.hash).run();
        } else {
            ins_thread.bind(1, source).bind_static(2, t.thread_id).bind(3, file_id).bind_static(4, t.url);
            ins_thread.bind_static(5, t.title).bind_static(6, t.forum).bind_static(7, t.category).bind(8, n_posts);
            ins_thread.bind_static(9, rows.hash).run();
            thread_row = db.last_insert_id();
        }
        write_rows(thread_row, source, t, rows);
        advice->add_thread(thread_row, rows, post_rows, post_authors, fact_rows);
    } catch (...) {
        rollback();
        throw;
    }
    if (++pending >= batch_size) commit();
}

void KbWriter::Impl::write_rows(int64_t thread_row, int64_t source, const Thread& t, const ThreadRows& rows) {
    post_rows.clear();
    post_authors.clear();
    for (size_t i = 0; i < t.posts.size(); ++i) {
        const Post& p = t.posts[i];
        auto author = author_id(source, p.author);
        int64_t row = next_post++;
        posts.add(row).add(thread_row).add(static_cast<int64_t>(i)).add(p.post_id).add(p.parent_id).add(author);
        posts.add(p.post_count).add(p.role).add(p.level).add(p.reputation).add(p.flair).add(p.created);
        posts.add(p.created_text).add(p.text).add(p.likes).add(p.score).add(int64_t{p.accepted}).add(p.signature);
        post_rows.push_back(row);
        post_authors.push_back(author);
        for (size_t q = 0; q < p.quotes.size(); ++q) {
            const auto& quote = p.quotes[q];
            quotes.add(row).add(static_cast<int64_t>(quote.start)).add(static_cast<int64_t>(quote.end));
            quotes.add(quote.post_id).add(rows.quoted_index[i][q]);
        }
    }

    fact_rows.clear();
    int64_t seq = 0;
    for (const FactRow& r : rows.facts) {
        const Fact& f = r.record->fact;
        const FactFields& ff = r.fields;
        uint32_t pi = f.evidence.post;
        int64_t extractor = lookup(extractors, sel_extractor, ins_extractor, r.record->plugin);
        int64_t id = next_fact++;
        fact_rows.push_back(id);
        facts.add(id).add(thread_row).add(post_rows[pi]).add(pi).add(seq++).add(extractor).add(f.kind);
        if (r.cid.empty())
            facts.null();
        else
            facts.add(r.cid);
        facts.add(f.label).add(ff.certainty).add(ff.polarity).add(ff.experiencer).add(ff.outcome);
        facts.add(ff.condition).add(ff.dosage).add(ff.symptom).add(ff.cause).add(ff.remedy).add(ff.qualifiers);
        facts.add(ff.signal).add(ff.basis).add(ff.value).add(ff.weight);
        if (f.kind == "credibility")
            facts.add(ff.author ? author_id(source, ff.author) : post_authors[pi]);
        else
            facts.null();
        facts.add(r.target_index);
        if (ff.support.empty())
            facts.null();
        else
            facts.add(ff.support);
        facts.add(ff.extra).add(f.evidence.start).add(f.evidence.end).add(f.evidence.sentence).add(r.evidence);

        if (f.kind == "endorsement" && r.target_index) {
            endorsements.add(id).add(thread_row).add(post_rows[pi]);
            endorsements.add(post_rows[static_cast<size_t>(*r.target_index)]).add(*r.target_index);
        } else if (f.kind == "triple") {
            triples.add(id).add(thread_row).add(ff.symptom).add(ff.cause).add(ff.remedy);
            if (ff.support.empty())
                triples.null();
            else
                triples.add(ff.support);
        }
        if (is_advice_kind(f.kind) && !r.cid.empty()) ensure_concept(f.kind, r.cid, f.label, ff.parent, "fact");
    }
    for (const LinkRow& l : rows.symptoms) fact_symptoms.add(fact_rows[l.fact]).add(l.target).add(l.link);
    for (const LinkRow& l : rows.causes) fact_causes.add(fact_rows[l.fact]).add(l.target).add(l.link);
    for (const auto& w : rows.weights) {
        if (w.post >= post_rows.size()) continue;
        weights.add(post_rows[w.post]).add(thread_row).add(post_authors[w.post]).add(w.weight).add(w.reasons);
    }
    for (RowInserter* ins : inserters()) ins->flush_full();
}

KbWriter::KbWriter(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}

KbWriter::~KbWriter() {
    try {
        impl_->commit();
    } catch (...) {
        // A destructor cannot report; the open batch is rolled back by SQLite.
    }
}

ThreadRowsPtr KbWriter::prepare(const Thread& thread, const std::vector<FactRecord>& facts) {
    return ThreadRowsPtr(new ThreadRows(prepare_thread_rows(thread, facts)));
}

bool KbWriter::file_done(const std::string& path, int64_t size, const std::string& hash) {
    auto& s = impl_->sel_file_done;
    s.bind(1, path).bind(2, size).bind(3, hash);
    bool done = s.step();
    s.reset();
    return done;
}

int64_t KbWriter::begin_file(const std::string& path, int64_t size, const std::string& hash) {
    impl_->begin_batch();
    auto& s = impl_->sel_file;
    s.bind(1, path);
    int64_t id;
    if (s.step()) {
        id = s.int64(0);
        s.reset();
        impl_->upd_file_start.bind(1, id).bind(2, size).bind(3, hash).run();
        impl_->del_file_rejects.bind(1, id).run();
    } else {
        s.reset();
        impl_->ins_file.bind(1, path).bind(2, size).bind(3, hash).run();
        id = impl_->db.last_insert_id();
    }
    return id;
}

void KbWriter::finish_file(int64_t file_id, const std::string& status) {
    impl_->begin_batch();
    impl_->upd_file_finish.bind(1, file_id).bind(2, status).run();
    impl_->commit();
}

void KbWriter::write_thread(int64_t file_id, const Thread& thread, const std::vector<FactRecord>& facts) {
    ThreadRows rows = prepare_thread_rows(thread, facts);
    impl_->write_thread(file_id, thread, facts, rows);
}

void KbWriter::write_thread(int64_t file_id, const Thread& thread, const std::vector<FactRecord>& facts,
                            const ThreadRows& rows) {
    impl_->write_thread(file_id, thread, facts, rows);
}

void KbWriter::write_reject(int64_t file_id, const Reject& r) {
    impl_->begin_batch();
    auto& s = impl_->ins_reject;
    s.bind(1, file_id);
    if (r.line > 0)
        s.bind(2, static_cast<int64_t>(r.line));
    else
        s.bind_null(2);
    if (r.offset >= 0)
        s.bind(3, r.offset);
    else
        s.bind_null(3);
    s.bind(4, r.plugin).bind(5, r.reason);
    if (r.excerpt.empty())
        s.bind_null(6);
    else
        s.bind(6, r.excerpt);
    s.run();
}

void KbWriter::commit() { impl_->commit(); }

void KbWriter::add_concept(const ConceptEntry& e) {
    if (e.kind.empty() || e.id.empty())
        throw KbError(fmt::format("{}: a concept needs a kind and an id", impl_->db.path()));
    impl_->begin_batch();
    try {
        int64_t id = impl_->ensure_concept(e.kind, e.id, e.label, e.parent, "lexicon");
        impl_->apply_concept_updates();  // a lexicon import is rare: keep its order exact
        impl_->upd_concept_lexicon.bind(1, id).bind(2, e.label.empty() ? spaced(e.id) : e.label);
        impl_->upd_concept_lexicon.bind(3, e.parent).bind(4, e.external_id).run();
        for (const std::string& a : e.aliases)
            if (!a.empty()) impl_->add_alias(id, a);
    } catch (...) {
        impl_->rollback();
        throw;
    }
}

void KbWriter::set_batch_size(int threads) { impl_->batch_size = std::max(1, threads); }

int kb_schema_version() { return latest_schema_version(); }

}  // namespace fkb::kb
