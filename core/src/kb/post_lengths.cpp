// Keeping and reading post_lengths (see post_lengths.hpp).
#include "kb/post_lengths.hpp"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace fkb::kb {

namespace {

constexpr size_t kBlockPosts = size_t{1} << kPostLengthShift;
constexpr size_t kBlockBytes = kBlockPosts * 2;

/// The token count in a posts_fts_docsize row: one varint per column (SQLite's
/// big-endian 7-bit groups); posts_fts has one column. 0 when unreadable.
uint64_t docsize_tokens(std::string_view sz) {
    uint64_t v = 0;
    for (size_t i = 0; i < sz.size() && i < 9; ++i) {
        auto c = static_cast<unsigned char>(sz[i]);
        if (i == 8) return (v << 8) | c;
        v = (v << 7) | (c & 0x7f);
        if (!(c & 0x80)) return v;
    }
    return 0;
}

void put_length(std::string& block, int64_t post, uint64_t tokens) {
    auto slot = static_cast<size_t>(post) & (kBlockPosts - 1);
    // 0 and anything a u16 cannot hold are "ask FTS5".
    uint16_t v = tokens < 0xFFFF ? static_cast<uint16_t>(tokens) : 0;
    block[slot * 2] = static_cast<char>(v & 0xff);
    block[slot * 2 + 1] = static_cast<char>(v >> 8);
}

/// Writes the (post, tokens) pairs into post_lengths, each block they touch
/// once, starting from what the table holds for it (or zeros); of two pairs
/// for one post the later wins.
void patch(Db& db, std::vector<std::pair<int64_t, uint64_t>> lengths) {
    std::stable_sort(lengths.begin(), lengths.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Stmt sel(db, "SELECT lengths FROM post_lengths WHERE block = ?1");
    Stmt put(db, "INSERT OR REPLACE INTO post_lengths(block, lengths) VALUES (?1, ?2)");
    int64_t current = -1;
    std::string block;
    auto write = [&] {
        if (current >= 0) put.bind(1, current).bind_blob(2, block).run();
    };
    for (const auto& [post, tokens] : lengths) {
        if (post < 0) continue;
        int64_t b = post >> kPostLengthShift;
        if (b != current) {
            write();
            current = b;
            block.assign(kBlockBytes, '\0');
            sel.bind(1, b);
            if (sel.step()) {
                std::string_view old = sel.blob_view(0);
                std::memcpy(block.data(), old.data(), std::min(old.size(), kBlockBytes));
            }
            sel.reset();
        }
        put_length(block, post, tokens);
    }
    write();
}

void read_docsize(Stmt& rows, std::vector<std::pair<int64_t, uint64_t>>& out) {
    while (rows.step()) out.emplace_back(rows.int64(0), docsize_tokens(rows.blob_view(1)));
    rows.reset();
}

}  // namespace

void copy_post_lengths(Db& db, int64_t first_post, const std::vector<int64_t>& deleted) {
    std::vector<std::pair<int64_t, uint64_t>> lengths;
    for (int64_t post : deleted) lengths.emplace_back(post, 0);
    Stmt rows(db, "SELECT id, sz FROM posts_fts_docsize WHERE id >= ?1 ORDER BY id");
    rows.bind(1, first_post);
    read_docsize(rows, lengths);
    patch(db, std::move(lengths));
}

void rebuild_post_lengths(Db& db) {
    db.exec("DELETE FROM post_lengths");
    std::vector<std::pair<int64_t, uint64_t>> lengths;
    Stmt rows(db, "SELECT id, sz FROM posts_fts_docsize ORDER BY id");
    read_docsize(rows, lengths);
    patch(db, std::move(lengths));
}

PostLengthReader::PostLengthReader(Db& db) : sel_(db, "SELECT lengths FROM post_lengths WHERE block = ?1") {}

uint32_t PostLengthReader::length(int64_t post) {
    if (post < 0) return 0;
    int64_t b = post >> kPostLengthShift;
    if (b != last_block_) {  // matches come in rowid order: mostly the same block as the last
        auto it = blocks_.find(b);
        if (it == blocks_.end()) {
            std::string bytes;
            sel_.bind(1, b);
            if (sel_.step()) bytes = std::string(sel_.blob_view(0));
            sel_.reset();
            it = blocks_.emplace(b, std::move(bytes)).first;
        }
        last_block_ = b;
        last_ = &it->second;
    }
    auto slot = static_cast<size_t>(post) & (kBlockPosts - 1);
    if (last_->size() < (slot + 1) * 2) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(last_->data()) + slot * 2;
    return p[0] | (static_cast<uint32_t>(p[1]) << 8);
}

}  // namespace fkb::kb
