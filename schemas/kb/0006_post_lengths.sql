-- Schema version 6: post lengths for ranking search hits (docs/schema.md,
-- docs/query.md "Search").
--
-- bm25 needs each matching post's length in tokens. FTS5 keeps it in
-- posts_fts_docsize, one row per post, which it reads with one statement per
-- matching row: for a frequent word (15,000-20,000 posts of 200,000) that
-- lookup was most of a search. post_lengths holds the same numbers packed,
-- 1,024 posts per row, so a search reads a few hundred small BLOBs instead.
-- Each BLOB is 1,024 little-endian 16-bit token counts for posts.id
-- block*1024 .. block*1024+1023; 0 means "not known here" (no such post, or
-- 65,535 tokens and more), and the search then asks FTS5, so a missing or
-- short row changes no score. The KB writer fills it for the posts of each
-- batch when the batch commits.
--
-- Upgrading a KB to version 6 fills the table from posts_fts_docsize (a step
-- the migration runner does after this file, in the same transaction).

CREATE TABLE post_lengths (
    block   INTEGER PRIMARY KEY,             -- posts.id >> 10
    lengths BLOB NOT NULL                    -- 1,024 x u16 token counts
);
