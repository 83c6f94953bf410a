// Implementation of AdviceIndex (see advice_index.hpp). The three reads of
// add_thread_from_tables are the claim, endorsement and cause-link reads of
// the query before version 5, restricted to one thread: the index holds what
// they gave, and derive_claims (thread_rows.cpp) gives the same from the rows.
#include "kb/advice_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace fkb::kb {

AdviceIndex::AdviceIndex(Db& db)
    : db_(db),
      // Cause and remedy claims of the thread, one row per symptom they are
      // advice for; quoted text is left out (it is the quoted post's claim).
      sel_claims_(db,
                  "SELECT fs.symptom, f.kind, f.concept, f.id, f.label, f.certainty, f.polarity, f.outcome, f.post, "
                  "p.author_id, pw.weight, fs.link, (SELECT count(*) FROM fact_symptoms x WHERE x.fact = f.id) "
                  "FROM posts p CROSS JOIN facts f ON f.post = p.id CROSS JOIN fact_symptoms fs ON fs.fact = f.id "
                  "LEFT JOIN post_weights pw ON pw.post = f.post "
                  "WHERE p.thread = ?1 AND f.kind IN ('cause', 'remedy') AND f.concept IS NOT NULL "
                  "AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.post = f.post AND q.start <= f.ev_start "
                  "AND f.ev_end <= q.end) ORDER BY f.id, fs.symptom"),
      // Who endorsed or quoted each post of the thread.
      sel_endorsers_(db,
                     "SELECT tp.id, p.id, p.author_id, pw.weight FROM posts tp "
                     "JOIN endorsements e ON e.target_post = tp.id JOIN posts p ON p.id = e.post "
                     "LEFT JOIN post_weights pw ON pw.post = e.post WHERE tp.thread = ?1 "
                     "UNION "
                     "SELECT tp.id, p.id, p.author_id, pw.weight FROM posts p "
                     "JOIN quotes q ON q.post = p.id "
                     "JOIN posts tp ON tp.thread = p.thread AND tp.post_index = q.quoted_index "
                     "LEFT JOIN post_weights pw ON pw.post = p.id WHERE p.thread = ?1 "
                     "ORDER BY 1, 2"),
      sel_causes_(db,
                  "SELECT fc.fact, fc.cause FROM posts p JOIN facts f ON f.post = p.id "
                  "JOIN fact_causes fc ON fc.fact = f.id WHERE p.thread = ?1 AND f.kind = 'remedy' "
                  "ORDER BY fc.fact, fc.cause"),
      sel_keys_(db,
                "SELECT DISTINCT fs.symptom, f.kind FROM posts p JOIN facts f ON f.post = p.id "
                "JOIN fact_symptoms fs ON fs.fact = f.id WHERE p.thread = ?1 AND f.kind IN ('cause', 'remedy')"),
      sel_chunk_(db, "SELECT chunk FROM advice_index WHERE symptom = ?1 AND kind = ?2 AND block = ?3"),
      ins_chunk_(db, "INSERT INTO advice_index(symptom, kind, block, claims, chunk) VALUES (?1, ?2, ?3, ?4, ?5)"),
      upd_chunk_(db, "UPDATE advice_index SET claims = ?4, chunk = ?5 WHERE symptom = ?1 AND kind = ?2 AND block = ?3"),
      del_chunk_(db, "DELETE FROM advice_index WHERE symptom = ?1 AND kind = ?2 AND block = ?3") {}

void AdviceIndex::remove_thread(int64_t thread) {
    if (pending_threads_.erase(thread))  // written earlier in this batch: its claims are still pending
        for (auto& [key, p] : pending_)
            std::erase_if(p.added, [&](const EncodedClaim& c) { return c.thread == thread; });
    int64_t block = thread >> kAdviceBlockShift;
    sel_keys_.bind(1, thread);
    while (sel_keys_.step()) pending_[Key{sel_keys_.text(0), sel_keys_.text(1), block}].removed.insert(thread);
    sel_keys_.reset();
}

void AdviceIndex::add_thread(int64_t thread, const ThreadRows& rows, const std::vector<int64_t>& post_rows,
                             const std::vector<std::optional<int64_t>>& post_authors,
                             const std::vector<int64_t>& fact_rows) {
    auto author_key = [&](uint32_t post) { return post_authors[post] ? *post_authors[post] : -post_rows[post]; };
    const int64_t block = thread >> kAdviceBlockShift;
    pending_threads_.insert(thread);
    for (const ClaimRow& claim : rows.claims) {
        const LinkRow& link = rows.symptoms[claim.link];
        const FactRow& fact = rows.facts[link.fact];
        EncodedClaim c{fact.cid, fact_rows[link.fact], thread, claim.bytes};
        set_claim_id(c.bytes, kClaimFactAt, c.fact);
        set_claim_id(c.bytes, kClaimThreadAt, thread);
        set_claim_id(c.bytes, kClaimAuthorAt, author_key(fact.record->fact.evidence.post));
        for (size_t i = 0; i < claim.endorser_posts.size(); ++i)
            set_claim_id(c.bytes, claim_endorser_at(claim.endorsers_at, i), author_key(claim.endorser_posts[i]));
        pending_[Key{link.target, fact.record->fact.kind, block}].added.push_back(std::move(c));
    }
}

void AdviceIndex::add_thread_from_tables(int64_t thread) {
    std::unordered_map<int64_t, std::vector<std::pair<int64_t, double>>> endorsers;  // post -> author, weight
    sel_endorsers_.bind(1, thread);
    while (sel_endorsers_.step()) {
        int64_t target = sel_endorsers_.int64(0);
        int64_t author = sel_endorsers_.is_null(2) ? -sel_endorsers_.int64(1) : sel_endorsers_.int64(2);
        double weight = sel_endorsers_.is_null(3) ? kDefaultAuthorWeight : sel_endorsers_.real(3);
        auto& list = endorsers[target];
        if (std::none_of(list.begin(), list.end(), [&](const auto& e) { return e.first == author; }))
            list.emplace_back(author, weight);  // an author counts once, with their first post's weight
    }
    sel_endorsers_.reset();

    std::unordered_map<int64_t, std::vector<std::string>> causes;  // remedy fact -> cause concepts
    sel_causes_.bind(1, thread);
    while (sel_causes_.step()) causes[sel_causes_.int64(0)].push_back(sel_causes_.text(1));
    sel_causes_.reset();

    const int64_t block = thread >> kAdviceBlockShift;
    pending_threads_.insert(thread);
    sel_claims_.bind(1, thread);
    while (sel_claims_.step()) {
        Stmt& s = sel_claims_;
        AdviceClaim c;
        c.concept_id = s.text(2);
        c.fact = s.int64(3);
        c.thread = thread;
        c.label = s.text(4);
        c.certainty = s.opt_text(5);
        c.negated = s.text_view(6) == "negated";
        c.outcome = s.opt_text(7);
        int64_t post = s.int64(8);
        c.author = s.is_null(9) ? -post : s.int64(9);
        if (!s.is_null(10)) c.weight = s.real(10);
        c.link = advice_link_factor(s.text_view(11));
        c.links = static_cast<uint32_t>(s.int64(12));
        if (auto e = endorsers.find(post); e != endorsers.end()) c.endorsers = e->second;
        if (auto k = causes.find(c.fact); k != causes.end()) c.causes = k->second;
        Pending& p = pending_[Key{s.text(0), s.text(1), block}];
        p.added.push_back(EncodedClaim{c.concept_id, c.fact, thread, encode_claim(c)});
    }
    sel_claims_.reset();
}

void AdviceIndex::flush() {
    for (auto& [key, p] : pending_) {
        std::vector<EncodedClaim> claims;
        bool stored = false;
        sel_chunk_.bind_static(1, key.symptom).bind_static(2, key.kind).bind(3, key.block);
        if (sel_chunk_.step()) {
            stored = true;
            claims = chunk_claims(sel_chunk_.blob_view(0), db_.path());
            std::erase_if(claims, [&](const EncodedClaim& c) { return p.removed.count(c.thread) > 0; });
        }
        sel_chunk_.reset();
        for (EncodedClaim& c : p.added) claims.push_back(std::move(c));
        if (claims.empty()) {
            if (stored) del_chunk_.bind_static(1, key.symptom).bind_static(2, key.kind).bind(3, key.block).run();
            continue;
        }
        auto n = static_cast<int64_t>(claims.size());
        std::string chunk = encode_chunk(std::move(claims));
        Stmt& w = stored ? upd_chunk_ : ins_chunk_;
        w.bind_static(1, key.symptom).bind_static(2, key.kind).bind(3, key.block).bind(4, n).bind_blob(5, chunk);
        w.run();
    }
    pending_.clear();
    pending_threads_.clear();
}

void AdviceIndex::clear() noexcept {
    pending_.clear();
    pending_threads_.clear();
}

void AdviceIndex::rebuild(Db& db) {
    db.exec("DELETE FROM advice_index");
    AdviceIndex index(db);
    Stmt threads(db, "SELECT id FROM threads ORDER BY id");
    std::vector<int64_t> ids;
    while (threads.step()) ids.push_back(threads.int64(0));
    threads.reset();
    for (size_t i = 0; i < ids.size(); ++i) {
        index.add_thread_from_tables(ids[i]);
        if ((i + 1) % 1024 == 0) index.flush();
    }
    index.flush();
}

}  // namespace fkb::kb
