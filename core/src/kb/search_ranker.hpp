// SearchRanker: the best N posts for an FTS5 expression over posts_fts, by
// bm25, without FTS5's "ORDER BY rank" path. That path computes bm25 for
// every matching post (one posts_fts_docsize statement each, for the post's
// length) and sorts them all in a nested statement; for a frequent word that
// is 15,000-20,000 posts and ~10,000 instructions each. Here an auxiliary
// function of our own, fkb_bm25, reads what bm25 needs of each matching post
// as the matches stream by (its phrase counts from FTS5, its length from
// post_lengths, post_lengths.hpp, asking FTS5 only for posts it does not
// know), in the WHERE clause of a statement that returns no row to C++;
// the scores are then computed with the formula, operations and inputs of
// FTS5's bm25() (the same doubles, to the bit: tested against bm25()) and
// the best N kept. Ties keep the lower rowid, which is what FTS5's stable
// sort gave.
#pragma once

#include "kb/post_lengths.hpp"
#include "kb/sqlite.hpp"

#include <cstdint>
#include <string>
#include <vector>

struct Fts5ExtensionApi;
struct Fts5Context;

namespace fkb::kb {

struct RankedPost {
    int64_t post = 0;  ///< posts.id
    double score = 0;  ///< bm25 (lower is better, FTS5's convention)
};

class SearchRanker {
public:
    /// Registers fkb_bm25 on db (which must outlive the ranker).
    explicit SearchRanker(Db& db);

    /// The best `limit` posts matching fts_query (all when limit <= 0),
    /// ordered by score, then post id. single_phrase: the expression is one
    /// phrase and nothing else (no NOT, no column filter), so the posts it
    /// matches are the posts that have the phrase, and their number is the
    /// phrase's document frequency without a second scan. Throws KbError for
    /// a malformed expression.
    std::vector<RankedPost> top(const std::string& fts_query, int limit, bool single_phrase = false);

    /// fkb_bm25's work for one matching row.
    void add_row(const Fts5ExtensionApi* api, Fts5Context* fts, int* rc);

private:
    /// What one search gathers: per query, the totals; per matching row, its
    /// id, phrase counts and length.
    struct Scan {
        bool started = false;
        bool count_hits = false;  ///< single phrase: the document frequency is the rows seen
        int64_t n_row = 0;
        double avgdl = 0;
        std::vector<int64_t> hits;  ///< per phrase (from FTS5 unless count_hits)
        std::vector<int64_t> rows;
        std::vector<double> freq;    ///< phrases x rows
        std::vector<double> tokens;  ///< per row
    };
    void start(const Fts5ExtensionApi* api, Fts5Context* fts, int* rc);

    Db& db_;
    PostLengthReader lengths_;
    Stmt scan_;
    Scan s_;
};

}  // namespace fkb::kb
