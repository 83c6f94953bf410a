// post_lengths (schema version 6): the token count of each post, as FTS5
// counted it for posts_fts, packed 1,024 posts per row, so that ranking
// search hits by bm25 does not cost one docsize statement per matching post
// (docs/schema.md). Written from posts_fts_docsize, which FTS5 fills as each
// post is indexed: the numbers are FTS5's own.
#pragma once

#include "kb/sqlite.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace fkb::kb {

/// Posts per post_lengths row: block = posts.id >> kPostLengthShift.
constexpr int kPostLengthShift = 10;

/// Copies the lengths of posts with id >= first_post from posts_fts_docsize
/// into post_lengths and clears those of the deleted posts (the writer, for
/// the posts of a batch, just before it commits; the posts of a batch have
/// the ids from its first on), so the table is what a rebuild would give.
void copy_post_lengths(Db& db, int64_t first_post, const std::vector<int64_t>& deleted);

/// Fills post_lengths from posts_fts_docsize for every post (the migration
/// to version 6).
void rebuild_post_lengths(Db& db);

/// Reads the lengths back, a row at a time, for one search.
class PostLengthReader {
public:
    explicit PostLengthReader(Db& db);
    /// The token count of a post, or 0 when post_lengths does not know it.
    uint32_t length(int64_t post);
    /// Forgets the rows read (a new search may see a newer KB).
    void clear() {
        blocks_.clear();
        last_block_ = -1;
        last_ = nullptr;
    }

private:
    Stmt sel_;
    std::unordered_map<int64_t, std::string> blocks_;  // a node map: last_ stays valid
    int64_t last_block_ = -1;
    const std::string* last_ = nullptr;
};

}  // namespace fkb::kb
