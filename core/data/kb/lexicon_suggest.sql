-- The unmapped cause and remedy phrases of a knowledge base, most frequent
-- first, for `forumkb lexicon suggest`. An extractor that finds a cause or a
-- remedy it cannot map to a lexicon concept stores the normalized phrase as
-- its own concept, with an id that starts with "cause:" or "remedy:"; those
-- are the phrases a curator may want to add to the lexicon.
--
-- Parameters: ?1 kind ('' for both, 'cause' or 'remedy'), ?2 the minimum
-- number of mentions, ?3 at most this many rows (-1: all).
-- Columns: kind, concept, label (the commonest spelling), mentions, threads,
-- authors (anonymous posts count as one author each). Text inside a quote of
-- another post is left out: it is that post's claim, already counted.
-- Only the facts table's documented columns are used, so the query does not
-- depend on how the KB writer lays out its other tables.
WITH unmapped AS (
    SELECT f.kind, f.concept, f.label, f.thread, coalesce(p.author_id, -p.id) AS author_key
    FROM facts f
    JOIN posts p ON p.id = f.post
    WHERE ((f.kind = 'cause' AND f.concept >= 'cause:' AND f.concept < 'cause;')
        OR (f.kind = 'remedy' AND f.concept >= 'remedy:' AND f.concept < 'remedy;'))
      AND (?1 = '' OR f.kind = ?1)
      AND NOT EXISTS (SELECT 1 FROM quotes q
                      WHERE q.post = f.post AND q.start <= f.ev_start AND f.ev_end <= q.end)
),
spellings AS (
    SELECT kind, concept, coalesce(label, '') AS label, count(*) AS n
    FROM unmapped GROUP BY kind, concept, coalesce(label, '')
)
SELECT u.kind, u.concept,
       (SELECT s.label FROM spellings s WHERE s.kind = u.kind AND s.concept = u.concept
        ORDER BY s.n DESC, s.label LIMIT 1) AS label,
       count(*) AS mentions,
       count(DISTINCT u.thread) AS threads,
       count(DISTINCT u.author_key) AS authors
FROM unmapped u
GROUP BY u.kind, u.concept
HAVING count(*) >= ?2
ORDER BY mentions DESC, threads DESC, authors DESC, u.kind, u.concept
LIMIT ?3;
