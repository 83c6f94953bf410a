// Full-text search over post text (FTS5, bm25 ranking, highlighted snippets).
#pragma once

#include <forumkb/kb/kb_reader.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

struct SearchOptions {
    int limit = 20;
    bool raw = false;                 ///< text is an FTS5 query expression as is
    std::string open = "[", close = "]";  ///< snippet highlight markers
    int snippet_tokens = 16;          ///< tokens per snippet (at most 64)
};

struct SearchHit {
    std::string source, thread_id, thread_title;
    uint32_t post = 0;
    std::string author;   ///< "" when anonymous
    std::string snippet;  ///< with the matched words between the markers
    double score = 0;     ///< bm25: lower is better (FTS5 convention)
};

struct SearchResult {
    std::string text;
    std::string fts_query;  ///< the FTS5 expression that ran
    std::string mode;       ///< "all words" | "any word" | "raw"
    std::vector<SearchHit> hits;
};

/// Searches posts: all the words first; when nothing has them all, any of them.
/// Throws KbError for a malformed raw expression.
SearchResult run_search(KbReader& kb, std::string_view text, const SearchOptions& options = {});

std::string render_search_text(const SearchResult& result);
std::string render_search_json(const SearchResult& result);

}  // namespace fkb::kb
