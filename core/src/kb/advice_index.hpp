// AdviceIndex: keeps the advice_index table (schema version 5) in step with
// the facts, thread by thread. The KB writer tells it when a thread's old
// rows are about to be deleted (remove_thread) and when a thread's rows have
// been written (add_thread), with the claims prepared on the workers from
// the rows (thread_rows.hpp) and the row ids the writer gave. A rebuild (the
// upgrade to version 5) reads each thread's cause and remedy claims from the
// tables instead, with the same joins the query used to make over the whole
// KB (author, weight, quoted or not, endorsers, linked causes); both give the
// same bytes (advice_claims.hpp). When the writer's batch commits (flush), it rewrites
// each chunk touched: one per symptom, kind and block of 1,024 thread row ids,
// so a replaced thread costs a rewrite of a few chunks of its own block, never
// a scan of the KB. Everything is written in the writer's open transaction:
// the index changes with the facts or not at all.
#pragma once

#include "kb/advice_claims.hpp"
#include "kb/sqlite.hpp"
#include "kb/thread_rows.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_set>
#include <vector>

namespace fkb::kb {

class AdviceIndex {
public:
    /// db must be at schema version 5 or later and outlive the index.
    explicit AdviceIndex(Db& db);

    /// The thread's claims leave the index at the next flush (call before its
    /// rows are deleted).
    void remove_thread(int64_t thread);
    /// The thread's claims, as prepared with its rows, join the index at the
    /// next flush. post_rows and post_authors (author id, none when
    /// anonymous) are per post of the thread, fact_rows per fact: the ids
    /// its rows were written with.
    void add_thread(int64_t thread, const ThreadRows& rows, const std::vector<int64_t>& post_rows,
                    const std::vector<std::optional<int64_t>>& post_authors, const std::vector<int64_t>& fact_rows);
    /// Writes the pending changes (inside the caller's transaction).
    void flush();
    /// Forgets the pending changes (the caller rolled back).
    void clear() noexcept;

    /// Builds the whole index from the tables (the migrations to versions 5 and 7).
    static void rebuild(Db& db);

private:
    /// add_thread, with the claims read from the thread's rows in the tables.
    void add_thread_from_tables(int64_t thread);

    struct Key {
        std::string symptom, kind;
        int64_t block = 0;
        bool operator<(const Key& o) const {
            return std::tie(symptom, kind, block) < std::tie(o.symptom, o.kind, o.block);
        }
    };
    struct Pending {
        std::set<int64_t> removed;  ///< threads whose stored claims go
        std::vector<EncodedClaim> added;
    };

    Db& db_;
    Stmt sel_claims_, sel_endorsers_, sel_causes_, sel_keys_, sel_chunk_, ins_chunk_, upd_chunk_, del_chunk_;
    std::map<Key, Pending> pending_;
    std::unordered_set<int64_t> pending_threads_;  ///< threads with claims in pending_
};

}  // namespace fkb::kb
