// run_search: bm25-ranked full-text search over posts_fts with snippets
// (see forumkb/kb/search.hpp). The question's words are quoted one by one so
// FTS5 operators in user text are plain words, unless raw is asked for.
#include <forumkb/kb/search.hpp>

#include "kb/concept_resolver.hpp"
#include "kb/json_writer.hpp"
#include "kb/kb_reader_impl.hpp"
#include "kb/search_ranker.hpp"
#include "kb/term_normalizer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace fkb::kb {

namespace {

std::string and_query(const std::vector<std::string>& words) {
    std::string q;
    for (const auto& w : words) {
        if (!q.empty()) q += ' ';
        q += fts_or_query({w});
    }
    return q;
}

/// The best hits by bm25 (SearchRanker), then the thread, author and snippet
/// of only those.
void collect(KbReader::Impl& kb, const std::string& q, const SearchOptions& o, SearchResult& r,
             bool single_phrase = false) {
    std::vector<RankedPost> best = kb.ranker().top(q, o.limit, single_phrase);
    if (best.empty()) return;
    Stmt& s = kb.stmt(
        "SELECT src.name, t.thread_id, coalesce(t.title, ''), p.post_index, coalesce(a.name, ''), "
        "(SELECT snippet(posts_fts, 0, ?2, ?3, '…', ?4) FROM posts_fts WHERE posts_fts MATCH ?1 AND rowid = ?5) "
        "FROM posts p JOIN threads t ON t.id = p.thread JOIN sources src ON src.id = t.source_id "
        "LEFT JOIN authors a ON a.id = p.author_id WHERE p.id = ?5");
    for (const RankedPost& hit : best) {
        s.bind(1, q).bind(2, o.open).bind(3, o.close).bind(4, std::clamp(o.snippet_tokens, 1, 64)).bind(5, hit.post);
        if (s.step()) {
            SearchHit h;
            h.source = s.text(0);
            h.thread_id = s.text(1);
            h.thread_title = s.text(2);
            h.post = static_cast<uint32_t>(s.int64(3));
            h.author = s.text(4);
            h.snippet = s.text(5);
            h.score = hit.score;
            r.hits.push_back(std::move(h));
        }
        s.reset();
    }
}

std::string one_line(std::string_view s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

}  // namespace

SearchResult run_search(KbReader& reader, std::string_view text, const SearchOptions& o) {
    KbReader::Impl& kb = reader.impl();
    SearchResult r;
    r.text = std::string(text);
    if (o.raw) {
        r.mode = "raw";
        r.fts_query = r.text;
        collect(kb, r.fts_query, o, r);
        return r;
    }
    auto words = TermNormalizer::words(text);
    if (words.empty()) return r;
    r.mode = "all words";
    r.fts_query = and_query(words);
    // One word is one phrase: the posts it matches are its document frequency.
    collect(kb, r.fts_query, o, r, words.size() == 1);
    if (r.hits.empty() && words.size() > 1) {
        r.mode = "any word";
        r.fts_query = fts_or_query(words);
        collect(kb, r.fts_query, o, r);
    }
    return r;
}

std::string render_search_text(const SearchResult& r) {
    std::string out;
    if (r.hits.empty()) return fmt::format("No post matches \"{}\".\n", r.text);
    out += fmt::format("{} for \"{}\" ({})\n", r.hits.size() == 1 ? "1 post" : fmt::format("{} posts", r.hits.size()),
                       r.text, r.mode);
    int i = 0;
    for (const auto& h : r.hits) {
        out += fmt::format("\n{:3}. \"{}\" post {} ({}:{}), {}  bm25 {:.2f}\n", ++i, one_line(h.thread_title), h.post,
                           h.source, h.thread_id, h.author.empty() ? "anonymous" : h.author, h.score);
        out += fmt::format("     {}\n", one_line(h.snippet));
    }
    return out;
}

std::string render_search_json(const SearchResult& r) {
    JsonWriter w(2);
    w.begin_object();
    w.field("query", r.text);
    w.field("fts_query", r.fts_query);
    w.field("mode", r.mode);
    w.key("hits").begin_array();
    for (const auto& h : r.hits) {
        w.begin_object();
        w.field("source", h.source);
        w.field("thread_id", h.thread_id);
        w.field("thread_title", h.thread_title);
        w.field("post", h.post);
        w.field("author", h.author);
        w.field("snippet", h.snippet);
        w.field("bm25", h.score);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take() + "\n";
}

}  // namespace fkb::kb
