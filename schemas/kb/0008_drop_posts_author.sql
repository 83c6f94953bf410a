-- Schema version 8: posts loses the index on author_id (docs/schema.md,
-- docs/performance.md).
--
-- No query of forumkb and no view reads posts by author (EXPLAIN QUERY PLAN
-- of every one: the authors of posts are looked up by authors.id), and the
-- index cost the writer ~2,300 instructions per post, 2 % of its work.
-- Whoever selects posts by author a lot can add it back:
--   CREATE INDEX posts_author ON posts(author_id);

DROP INDEX IF EXISTS posts_author;
