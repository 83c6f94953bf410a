// Implementation of SearchRanker (see search_ranker.hpp). The score is the
// documented bm25() of FTS5: k1 = 1.2, b = 0.75, per phrase
// IDF = log((N - n + 0.5) / (n + 0.5)) with a floor of 1e-6, N the rows of
// the table and n those with the phrase, the average length from the
// table's totals, the phrase frequency from the row's instances, summed over
// the phrases in order and negated, so that lower is better. The arithmetic
// is written in the order FTS5 does it, so that the doubles are the same.
#include "kb/search_ranker.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fkb::kb {

namespace {

int count_rows(const Fts5ExtensionApi*, Fts5Context*, void* user) {
    ++*static_cast<sqlite3_int64*>(user);
    return SQLITE_OK;
}

void fkb_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
    int rc = SQLITE_OK;
    static_cast<SearchRanker*>(api->xUserData(fts))->add_row(api, fts, &rc);
    if (rc != SQLITE_OK)
        sqlite3_result_error_code(ctx, rc);
    else
        sqlite3_result_null(ctx);
}

fts5_api* fts5_of(Db& db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db.raw(), "SELECT fts5(?1)", -1, &s, nullptr) != SQLITE_OK) db.fail("no FTS5");
    sqlite3_bind_pointer(s, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(s);
    sqlite3_finalize(s);
    if (!api) db.fail("no FTS5 API");
    return api;
}

}  // namespace

SearchRanker::SearchRanker(Db& db) : db_(db), lengths_(db) {
    fts5_api* api = fts5_of(db);
    if (api->xCreateFunction(api, "fkb_bm25", this, fkb_bm25, nullptr) != SQLITE_OK)
        db.fail("cannot register fkb_bm25");
    // fkb_bm25 is NULL: called once per match in the WHERE clause, it lets
    // no row come back (FTS5 refuses an auxiliary function inside an aggregate).
    scan_ = Stmt(db, "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?1 AND fkb_bm25(posts_fts) IS NOT NULL");
}

void SearchRanker::start(const Fts5ExtensionApi* api, Fts5Context* fts, int* rc) {
    s_.started = true;
    auto n_phrase = static_cast<size_t>(api->xPhraseCount(fts));
    s_.hits.assign(n_phrase, 0);
    sqlite3_int64 n_row = 0, n_token = 0;
    *rc = api->xRowCount(fts, &n_row);
    if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &n_token);
    s_.n_row = n_row;
    s_.avgdl = static_cast<double>(n_token) / static_cast<double>(n_row);
    if (s_.count_hits && n_phrase == 1) return;
    s_.count_hits = false;
    for (size_t i = 0; *rc == SQLITE_OK && i < n_phrase; ++i) {
        sqlite3_int64 hits = 0;
        *rc = api->xQueryPhrase(fts, static_cast<int>(i), &hits, count_rows);
        s_.hits[i] = hits;
    }
}

void SearchRanker::add_row(const Fts5ExtensionApi* api, Fts5Context* fts, int* rc) {
    if (!s_.started) start(api, fts, rc);
    if (*rc != SQLITE_OK) return;
    const size_t n_phrase = s_.hits.size();
    // The instances of each phrase in the row: what bm25() counts through
    // xInst, read from the same position lists without building the merged
    // instance array.
    size_t at = s_.freq.size();
    s_.freq.resize(at + n_phrase, 0.0);
    for (size_t i = 0; *rc == SQLITE_OK && i < n_phrase; ++i) {
        Fts5PhraseIter it;
        int column = 0, offset = 0;
        *rc = api->xPhraseFirst(fts, static_cast<int>(i), &it, &column, &offset);
        double count = 0;
        for (; *rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &it, &column, &offset)) count += 1.0;
        s_.freq[at + i] = count;
    }
    if (*rc != SQLITE_OK) return;
    int64_t row = api->xRowid(fts);
    uint32_t known = lengths_.length(row);
    if (known == 0) {
        int n = 0;
        *rc = api->xColumnSize(fts, -1, &n);
        known = static_cast<uint32_t>(n);
    }
    s_.rows.push_back(row);
    s_.tokens.push_back(static_cast<double>(known));
}

std::vector<RankedPost> SearchRanker::top(const std::string& fts_query, int limit, bool single_phrase) {
    lengths_.clear();
    s_ = Scan{};
    s_.count_hits = single_phrase;
    scan_.bind(1, fts_query);
    try {
        scan_.run();
    } catch (...) {
        s_ = Scan{};
        throw;
    }
    const size_t n = s_.rows.size();
    if (n == 0) return {};
    const size_t n_phrase = s_.hits.size();
    if (s_.count_hits) s_.hits[0] = static_cast<int64_t>(n);
    std::vector<double> idf(n_phrase);
    for (size_t i = 0; i < n_phrase; ++i) {
        double v = std::log((static_cast<double>(s_.n_row - s_.hits[i]) + 0.5) / (static_cast<double>(s_.hits[i]) + 0.5));
        idf[i] = v <= 0.0 ? 1e-6 : v;
    }
    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    std::vector<RankedPost> all(n);
    for (size_t r = 0; r < n; ++r) {
        const double* freq = s_.freq.data() + r * n_phrase;
        const double tokens = s_.tokens[r];
        double score = 0.0;
        for (size_t i = 0; i < n_phrase; ++i)
            score += idf[i] * ((freq[i] * (k1 + 1.0)) / (freq[i] + k1 * (1 - b + b * tokens / s_.avgdl)));
        all[r] = RankedPost{s_.rows[r], -1.0 * score};
    }
    auto better = [](const RankedPost& x, const RankedPost& y) {
        return x.score != y.score ? x.score < y.score : x.post < y.post;
    };
    if (limit > 0 && static_cast<size_t>(limit) < n) {
        std::partial_sort(all.begin(), all.begin() + limit, all.end(), better);
        all.resize(static_cast<size_t>(limit));
    } else {
        std::sort(all.begin(), all.end(), better);
    }
    s_ = Scan{};
    return all;
}

}  // namespace fkb::kb
