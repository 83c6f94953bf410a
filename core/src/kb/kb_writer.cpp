// KbWriter: the one writer of a knowledge base file (contract in
// forumkb/kb/kb_writer.hpp).
//
// Each thread is written inside a savepoint of the open batch transaction:
// its old posts (and, through foreign keys, their facts, links and weights)
// are deleted and the new ones inserted, so a reader never sees half a
// thread and a failed thread leaves the batch intact. A thread whose content
// hash (thread + facts) is unchanged is not rewritten at all, which makes a
// second ingest of the same dump a no-op. Besides the rows of the facts
// themselves the writer derives, at write time, what queries need: which
// symptom each cause and remedy is advice for, which cause each remedy
// addresses, the concepts and their aliases, and each post's author weight.
#include <forumkb/credibility.hpp>
#include <forumkb/kb/kb_writer.hpp>

#include "kb/fact_fields.hpp"
#include "kb/migrations.hpp"
#include "kb/sqlite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace fkb::kb {

namespace {

/// FNV-1a 64 over a canonical serialization: stable across runs and builds.
class Hasher {
public:
    void add(std::string_view s) {
        for (char c : s) mix(static_cast<unsigned char>(c));
        mix(0x1f);
    }
    void add(const std::string& s) { add(std::string_view(s)); }
    void add(const std::optional<std::string>& s) { s ? add(*s) : add(std::string_view("\x1e")); }
    void add(int64_t v) { add(std::to_string(v)); }
    void add(const std::optional<int64_t>& v) { v ? add(*v) : add(std::string_view("\x1e")); }
    std::string hex() const { return fmt::format("{:016x}", h_); }

private:
    void mix(unsigned char c) {
        h_ ^= c;
        h_ *= 0x100000001b3ULL;
    }
    uint64_t h_ = 0xcbf29ce484222325ULL;
};

std::string thread_hash(const Thread& t, const std::vector<FactRecord>& facts) {
    Hasher h;
    h.add(t.source);
    h.add(t.thread_id);
    h.add(t.url);
    h.add(t.title);
    h.add(t.forum);
    h.add(t.category);
    for (const Post& p : t.posts) {
        h.add(p.post_id);
        h.add(p.parent_id);
        h.add(p.author);
        h.add(p.post_count);
        h.add(p.level);
        h.add(p.reputation);
        h.add(p.role);
        h.add(p.flair);
        h.add(p.created);
        h.add(p.created_text);
        h.add(p.text);
        h.add(p.likes);
        h.add(p.score);
        h.add(int64_t{p.accepted});
        h.add(p.signature);
        for (const auto& q : p.quotes) {
            h.add(static_cast<int64_t>(q.start));
            h.add(static_cast<int64_t>(q.end));
            h.add(q.post_id);
        }
        h.add(std::string_view("\x1d"));
    }
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        h.add(r.plugin);
        h.add(f.kind);
        h.add(f.concept_id);
        h.add(f.label);
        h.add(int64_t{f.evidence.post});
        h.add(int64_t{f.evidence.start});
        h.add(int64_t{f.evidence.end});
        h.add(int64_t{f.evidence.sentence});
        for (const auto& [k, v] : f.attrs) {
            h.add(k);
            h.add(int64_t{v.first});
            h.add(v.second);
        }
        for (uint32_t s : f.support) h.add(int64_t{s});
        h.add(f.evidence_text);
        h.add(std::string_view("\x1d"));
    }
    return h.hex();
}

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
        db.exec("PRAGMA foreign_keys = ON");
        migrate(db, builtin_migrations());
        prepare();
    }

    void prepare() {
        sel_source = Stmt(db, "SELECT id FROM sources WHERE name = ?1");
        ins_source = Stmt(db, "INSERT INTO sources(name) VALUES (?1)");
        sel_author = Stmt(db, "SELECT id FROM authors WHERE source_id = ?1 AND name = ?2");
        ins_author = Stmt(db, "INSERT INTO authors(source_id, name) VALUES (?1, ?2)");
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
        del_facts = Stmt(db, "DELETE FROM facts WHERE thread = ?1");
        del_posts = Stmt(db, "DELETE FROM posts WHERE thread = ?1");
        ins_post = Stmt(db,
                        "INSERT INTO posts(thread, post_index, post_id, parent_id, author_id, post_count, role, "
                        "level, reputation, flair, created, created_text, text, likes, score, accepted, signature) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
        ins_quote = Stmt(db,
                         "INSERT INTO quotes(post, start, end, quoted_post_id, quoted_index) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
        ins_fact = Stmt(db,
                        "INSERT INTO facts(thread, post, post_index, seq, plugin, kind, concept, label, certainty, "
                        "polarity, experiencer, outcome, condition, dosage, symptom, cause, remedy, qualifiers, "
                        "attrs, support, ev_start, ev_end, ev_sentence, ev_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                        "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)");
        ins_cred = Stmt(db,
                        "INSERT INTO credibility_signals(fact, thread, post, author_id, signal, value, weight) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        ins_endorse = Stmt(db,
                           "INSERT INTO endorsements(fact, thread, post, target_post, target_index) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)");
        ins_triple = Stmt(db,
                          "INSERT INTO triples(fact, thread, symptom, cause, remedy, support) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        ins_weight = Stmt(db,
                          "INSERT INTO post_weights(post, thread, author_id, weight, reasons) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)");
        ins_fact_symptom = Stmt(db, "INSERT OR IGNORE INTO fact_symptoms(fact, symptom, link) VALUES (?1, ?2, ?3)");
        ins_fact_cause = Stmt(db, "INSERT OR IGNORE INTO fact_causes(fact, cause, link) VALUES (?1, ?2, ?3)");
        sel_concept = Stmt(db, "SELECT id, parent FROM concepts WHERE kind = ?1 AND concept = ?2");
        ins_concept = Stmt(db,
                           "INSERT INTO concepts(kind, concept, label, parent, external_id, origin) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        upd_concept_lexicon = Stmt(db,
                                   "UPDATE concepts SET label = ?2, parent = coalesce(?3, parent), "
                                   "external_id = coalesce(?4, external_id), origin = 'lexicon' WHERE id = ?1");
        upd_concept_parent = Stmt(db, "UPDATE concepts SET parent = ?2 WHERE id = ?1 AND parent IS NULL");
        sel_parent_candidate = Stmt(db,
                                    "SELECT concept FROM concepts WHERE kind = ?1 AND length(concept) < length(?2) "
                                    "AND substr(?2, length(?2) - length(concept)) = '_' || concept "
                                    "ORDER BY length(concept) DESC, concept LIMIT 1");
        upd_children = Stmt(db,
                            "UPDATE concepts SET parent = ?2 WHERE kind = ?1 AND parent IS NULL "
                            "AND length(concept) > length(?2) "
                            "AND substr(concept, length(concept) - length(?2)) = '_' || ?2");
        ins_alias = Stmt(db, "INSERT OR IGNORE INTO concept_aliases(concept_ref, alias) VALUES (?1, ?2)");
        ins_reject = Stmt(db,
                          "INSERT INTO rejects(file, line, offset, plugin, reason, excerpt) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    }

    void begin_batch() {
        if (in_tx) return;
        db.exec("BEGIN IMMEDIATE");
        in_tx = true;
    }

    void commit() {
        if (!in_tx) return;
        db.exec("COMMIT");
        in_tx = false;
        pending = 0;
    }

    int64_t source_id(const std::string& name) {
        auto it = sources.find(name);
        if (it != sources.end()) return it->second;
        int64_t id;
        sel_source.bind(1, name);
        if (sel_source.step()) {
            id = sel_source.int64(0);
            sel_source.reset();
        } else {
            sel_source.reset();
            ins_source.bind(1, name).run();
            id = db.last_insert_id();
        }
        sources.emplace(name, id);
        return id;
    }

    std::optional<int64_t> author_id(int64_t source, const std::optional<std::string>& name) {
        if (!name || name->empty()) return std::nullopt;
        auto key = std::make_pair(source, *name);
        auto it = authors.find(key);
        if (it != authors.end()) return it->second;
        int64_t id;
        sel_author.bind(1, source).bind(2, *name);
        if (sel_author.step()) {
            id = sel_author.int64(0);
            sel_author.reset();
        } else {
            sel_author.reset();
            ins_author.bind(1, source).bind(2, *name).run();
            id = db.last_insert_id();
        }
        if (authors.size() > 200000) authors.clear();
        authors.emplace(std::move(key), id);
        return id;
    }

    /// Makes sure the concept exists; adds label as an alias. Returns its row id.
    int64_t ensure_concept(const std::string& kind, const std::string& cid, const std::string& label,
                           const std::optional<std::string>& parent, const char* origin) {
        std::string key = kind + '\x1f' + cid;
        auto it = concepts.find(key);
        int64_t id;
        if (it != concepts.end()) {
            id = it->second;
        } else {
            sel_concept.bind(1, kind).bind(2, cid);
            if (sel_concept.step()) {
                id = sel_concept.int64(0);
                sel_concept.reset();
            } else {
                sel_concept.reset();
                std::optional<std::string> p = parent;
                if (!p) {
                    sel_parent_candidate.bind(1, kind).bind(2, cid);
                    if (sel_parent_candidate.step()) p = sel_parent_candidate.text(0);
                    sel_parent_candidate.reset();
                }
                ins_concept.bind(1, kind).bind(2, cid).bind(3, label.empty() ? spaced(cid) : label);
                ins_concept.bind(4, p).bind_null(5).bind(6, origin).run();
                id = db.last_insert_id();
                upd_children.bind(1, kind).bind(2, cid).run();
                ins_alias.bind(1, id).bind(2, spaced(cid)).run();
            }
            concepts.emplace(std::move(key), id);
        }
        if (parent) upd_concept_parent.bind(1, id).bind(2, *parent).run();
        if (!label.empty() && aliases.insert(std::to_string(id) + '\x1f' + label).second)
            ins_alias.bind(1, id).bind(2, label).run();
        return id;
    }

    void write_thread(int64_t file_id, const Thread& t, const std::vector<FactRecord>& facts);
    void write_facts(int64_t thread_row, int64_t source, const Thread& t, const std::vector<int64_t>& post_rows,
                     const std::vector<std::optional<int64_t>>& post_authors, const std::vector<FactRecord>& facts);

    Db db;
    Stmt sel_source, ins_source, sel_author, ins_author, sel_file_done, sel_file, ins_file, upd_file_start,
        del_file_rejects, upd_file_finish, sel_thread, upd_thread_file, ins_thread, upd_thread, del_facts, del_posts,
        ins_post, ins_quote, ins_fact, ins_cred, ins_endorse, ins_triple, ins_weight, ins_fact_symptom,
        ins_fact_cause, sel_concept, ins_concept, upd_concept_lexicon, upd_concept_parent, sel_parent_candidate,
        upd_children, ins_alias, ins_reject;
    std::unordered_map<std::string, int64_t> sources;
    std::map<std::pair<int64_t, std::string>, int64_t> authors;
    std::unordered_map<std::string, int64_t> concepts;
    std::set<std::string> aliases;
    bool in_tx = false;
    int pending = 0;
    int batch_size = 256;
};

void KbWriter::Impl::write_thread(int64_t file_id, const Thread& t, const std::vector<FactRecord>& facts) {
    if (t.source.empty() || t.thread_id.empty())
        throw KbError(fmt::format("{}: a thread needs a source and a thread_id", db.path()));
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        if (f.evidence.post >= t.posts.size())
            throw KbError(fmt::format("{}: thread {}: a {} fact names post {} of {}", db.path(), t.thread_id, f.kind,
                                      f.evidence.post, t.posts.size()));
        const std::string& text = t.posts[f.evidence.post].text;
        if (f.evidence.start > f.evidence.end || f.evidence.end > text.size())
            throw KbError(fmt::format("{}: thread {}: a {} fact's evidence [{}, {}) is outside post {} ({} bytes)",
                                      db.path(), t.thread_id, f.kind, f.evidence.start, f.evidence.end,
                                      f.evidence.post, text.size()));
    }
    begin_batch();
    std::string hash = thread_hash(t, facts);
    int64_t source = source_id(t.source);
    std::optional<int64_t> existing;
    sel_thread.bind(1, source).bind(2, t.thread_id);
    if (sel_thread.step()) {
        existing = sel_thread.int64(0);
        bool same = sel_thread.text_view(1) == hash;
        sel_thread.reset();
        if (same) {
            upd_thread_file.bind(1, *existing).bind(2, file_id).run();
            return;
        }
    } else {
        sel_thread.reset();
    }

    db.exec("SAVEPOINT thread");
    try {
        int64_t thread_row;
        auto n_posts = static_cast<int64_t>(t.posts.size());
        if (existing) {
            thread_row = *existing;
            del_facts.bind(1, thread_row).run();
            del_posts.bind(1, thread_row).run();
            upd_thread.bind(1, thread_row).bind(2, file_id).bind(3, t.url).bind(4, t.title).bind(5, t.forum);
            upd_thread.bind(6, t.category).bind(7, n_posts).bind(8, hash).run();
        } else {
            ins_thread.bind(1, source).bind(2, t.thread_id).bind(3, file_id).bind(4, t.url).bind(5, t.title);
            ins_thread.bind(6, t.forum).bind(7, t.category).bind(8, n_posts).bind(9, hash).run();
            thread_row = db.last_insert_id();
        }
        std::vector<int64_t> post_rows;
        std::vector<std::optional<int64_t>> post_authors;
        std::unordered_map<std::string, int64_t> index_of;
        for (size_t i = 0; i < t.posts.size(); ++i) index_of.emplace(t.posts[i].post_id, static_cast<int64_t>(i));
        for (size_t i = 0; i < t.posts.size(); ++i) {
            const Post& p = t.posts[i];
            auto author = author_id(source, p.author);
            ins_post.bind(1, thread_row).bind(2, static_cast<int64_t>(i)).bind(3, p.post_id).bind(4, p.parent_id);
            ins_post.bind(5, author).bind(6, p.post_count).bind(7, p.role).bind(8, p.level).bind(9, p.reputation);
            ins_post.bind(10, p.flair).bind(11, p.created).bind(12, p.created_text).bind(13, p.text);
            ins_post.bind(14, p.likes).bind(15, p.score).bind(16, int64_t{p.accepted}).bind(17, p.signature).run();
            int64_t row = db.last_insert_id();
            post_rows.push_back(row);
            post_authors.push_back(author);
            for (const auto& q : p.quotes) {
                auto qi = index_of.find(q.post_id);
                ins_quote.bind(1, row).bind(2, static_cast<int64_t>(q.start)).bind(3, static_cast<int64_t>(q.end));
                ins_quote.bind(4, q.post_id);
                if (qi != index_of.end())
                    ins_quote.bind(5, qi->second);
                else
                    ins_quote.bind_null(5);
                ins_quote.run();
            }
        }
        write_facts(thread_row, source, t, post_rows, post_authors, facts);
        db.exec("RELEASE thread");
    } catch (...) {
        db.exec("ROLLBACK TO thread; RELEASE thread");
        throw;
    }
    if (++pending >= batch_size) commit();
}

void KbWriter::Impl::write_facts(int64_t thread_row, int64_t source, const Thread& t,
                                 const std::vector<int64_t>& post_rows,
                                 const std::vector<std::optional<int64_t>>& post_authors,
                                 const std::vector<FactRecord>& facts) {
    struct Row {
        int64_t id;
        const Fact* fact;
        FactFields fields;
        std::string cid;
    };
    std::vector<Row> rows;
    rows.reserve(facts.size());
    int64_t seq = 0;
    for (const FactRecord& r : facts) {
        const Fact& f = r.fact;
        FactFields ff = FactFields::from(f);
        std::string cid = f.kind == "symptom" || f.kind == "cause" || f.kind == "remedy" ? fact_concept(f) : f.concept_id;
        uint32_t pi = f.evidence.post;
        // Evidence beside the post ("Lv 7") comes as evidence_text; the rest is a slice of the text.
        std::string_view ev = !f.evidence_text.empty()
                                  ? std::string_view(f.evidence_text)
                                  : std::string_view(t.posts[pi].text).substr(f.evidence.start, f.evidence.end - f.evidence.start);
        ins_fact.bind(1, thread_row).bind(2, post_rows[pi]).bind(3, pi).bind(4, seq++).bind(5, r.plugin);
        ins_fact.bind(6, f.kind);
        if (cid.empty())
            ins_fact.bind_null(7);
        else
            ins_fact.bind(7, cid);
        ins_fact.bind(8, f.label).bind(9, ff.certainty).bind(10, ff.polarity).bind(11, ff.experiencer);
        ins_fact.bind(12, ff.outcome).bind(13, ff.condition).bind(14, ff.dosage).bind(15, ff.symptom);
        ins_fact.bind(16, ff.cause).bind(17, ff.remedy).bind(18, ff.qualifiers).bind(19, ff.attrs);
        if (ff.support.empty())
            ins_fact.bind_null(20);
        else
            ins_fact.bind(20, ff.support);
        ins_fact.bind(21, f.evidence.start).bind(22, f.evidence.end).bind(23, f.evidence.sentence).bind(24, ev);
        ins_fact.run();
        int64_t id = db.last_insert_id();

        if (f.kind == "credibility") {
            std::optional<int64_t> author = ff.author ? author_id(source, ff.author) : post_authors[pi];
            ins_cred.bind(1, id).bind(2, thread_row).bind(3, post_rows[pi]).bind(4, author);
            ins_cred.bind(5, ff.signal.value_or("unknown")).bind(6, ff.value);
            if (ff.weight)
                ins_cred.bind(7, *ff.weight);
            else
                ins_cred.bind_null(7);
            ins_cred.run();
        } else if (f.kind == "endorsement") {
            std::optional<int64_t> target = ff.target_post;
            if (!target && !f.support.empty()) target = f.support.front();
            if (target && *target >= 0 && static_cast<size_t>(*target) < post_rows.size()) {
                ins_endorse.bind(1, id).bind(2, thread_row).bind(3, post_rows[pi]);
                ins_endorse.bind(4, post_rows[static_cast<size_t>(*target)]).bind(5, *target).run();
            }
        } else if (f.kind == "triple") {
            ins_triple.bind(1, id).bind(2, thread_row).bind(3, ff.symptom).bind(4, ff.cause).bind(5, ff.remedy);
            if (ff.support.empty())
                ins_triple.bind_null(6);
            else
                ins_triple.bind(6, ff.support);
            ins_triple.run();
        }
        if (is_advice_kind(f.kind) && !cid.empty()) ensure_concept(f.kind, cid, f.label, ff.parent, "fact");
        rows.push_back(Row{id, &f, std::move(ff), std::move(cid)});
    }

    // Which symptom each cause/remedy is advice for, which cause a remedy
    // addresses (docs/schema.md, fact_symptoms and fact_causes).
    auto affirmed = [](const Row& r) { return r.fields.polarity.value_or("affirmed") != "negated"; };
    std::map<std::string, std::string> symptom_by_label;  // label or id -> id
    std::vector<std::string> op_symptoms, all_symptoms;
    for (const Row& r : rows) {
        if (r.fact->kind != "symptom" || r.cid.empty()) continue;
        symptom_by_label.emplace(r.cid, r.cid);
        symptom_by_label.emplace(concept_slug(r.fact->label), r.cid);
        if (std::find(all_symptoms.begin(), all_symptoms.end(), r.cid) == all_symptoms.end())
            all_symptoms.push_back(r.cid);
        if (r.fact->evidence.post == 0 && affirmed(r) &&
            std::find(op_symptoms.begin(), op_symptoms.end(), r.cid) == op_symptoms.end())
            op_symptoms.push_back(r.cid);
    }
    if (op_symptoms.empty()) op_symptoms = all_symptoms;
    auto resolve_symptom = [&](const std::string& named) {
        auto it = symptom_by_label.find(named);
        if (it != symptom_by_label.end()) return it->second;
        std::string slug = concept_slug(named);
        it = symptom_by_label.find(slug);
        return it != symptom_by_label.end() ? it->second : slug;
    };
    // The nearest fact of a kind before (or else after) a position in a post.
    auto nearest = [&](const Row& at, std::string_view kind) -> const Row* {
        const Row* before = nullptr;
        const Row* after = nullptr;
        for (const Row& r : rows) {
            if (r.fact->kind != kind || r.cid.empty() || !affirmed(r)) continue;
            if (r.fact->evidence.post != at.fact->evidence.post) continue;
            if (r.fact->evidence.start <= at.fact->evidence.start) {
                if (!before || r.fact->evidence.start >= before->fact->evidence.start) before = &r;
            } else if (!after || r.fact->evidence.start < after->fact->evidence.start) {
                after = &r;
            }
        }
        return before ? before : after;
    };
    std::map<std::string, std::set<std::string>> cause_symptoms;  // cause concept -> symptoms, this thread
    auto link_symptoms = [&](const Row& r, const std::vector<std::string>& cause_links) {
        std::vector<std::pair<std::string, const char*>> out;
        if (r.fields.symptom) {
            out.emplace_back(resolve_symptom(*r.fields.symptom), "stated");
        } else {
            for (const std::string& c : cause_links) {
                auto it = cause_symptoms.find(c);
                if (it == cause_symptoms.end()) continue;
                for (const std::string& s : it->second) out.emplace_back(s, "cause");
            }
            if (out.empty()) {
                if (const Row* s = nearest(r, "symptom")) out.emplace_back(s->cid, "post");
            }
            if (out.empty())
                for (const std::string& s : op_symptoms) out.emplace_back(s, "thread");
        }
        for (const auto& [s, how] : out) {
            if (s.empty()) continue;
            ins_fact_symptom.bind(1, r.id).bind(2, s).bind(3, how).run();
            if (r.fact->kind == "cause") cause_symptoms[r.cid].insert(s);
        }
    };
    for (const Row& r : rows)
        if (r.fact->kind == "cause" && !r.cid.empty()) link_symptoms(r, {});
    for (const Row& r : rows) {
        if (r.fact->kind != "remedy" || r.cid.empty()) continue;
        std::vector<std::pair<std::string, const char*>> causes;
        if (r.fields.cause) {
            std::string c = r.fields.cause->find(' ') == std::string::npos ? *r.fields.cause : concept_slug(*r.fields.cause);
            causes.emplace_back(c, "stated");
        }
        for (const Row& tr : rows) {
            if (tr.fact->kind == "triple" && tr.fields.remedy && tr.fields.cause &&
                (*tr.fields.remedy == r.cid || concept_slug(*tr.fields.remedy) == r.cid))
                causes.emplace_back(*tr.fields.cause, "triple");
        }
        if (causes.empty())
            if (const Row* c = nearest(r, "cause"); c && c->fact->evidence.start <= r.fact->evidence.start)
                causes.emplace_back(c->cid, "post");
        std::vector<std::string> cause_ids;
        for (const auto& [c, how] : causes) {
            ins_fact_cause.bind(1, r.id).bind(2, c).bind(3, how).run();
            cause_ids.push_back(c);
        }
        link_symptoms(r, cause_ids);
    }

    // The credibility weight of each post's author.
    auto weights = fkb::credibility::post_weights(t, facts);
    for (const auto& w : weights) {
        if (w.post >= post_rows.size()) continue;
        ins_weight.bind(1, post_rows[w.post]).bind(2, thread_row).bind(3, post_authors[w.post]);
        ins_weight.bind(4, w.weight).bind(5, w.reasons).run();
    }
}

KbWriter::KbWriter(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}

KbWriter::~KbWriter() {
    try {
        impl_->commit();
    } catch (...) {
        // A destructor cannot report; the open batch is rolled back by SQLite.
    }
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
    impl_->write_thread(file_id, thread, facts);
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
    int64_t id = impl_->ensure_concept(e.kind, e.id, e.label, e.parent, "lexicon");
    impl_->upd_concept_lexicon.bind(1, id).bind(2, e.label.empty() ? spaced(e.id) : e.label);
    impl_->upd_concept_lexicon.bind(3, e.parent).bind(4, e.external_id).run();
    for (const std::string& a : e.aliases)
        if (!a.empty()) impl_->ins_alias.bind(1, id).bind(2, a).run();
}

void KbWriter::set_batch_size(int threads) { impl_->batch_size = std::max(1, threads); }

int kb_schema_version() { return latest_schema_version(); }

}  // namespace fkb::kb
