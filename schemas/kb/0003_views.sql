-- Schema version 3: views for SQL users (sqlite3, Datasette, pandas).
--
-- advice_claims: one row per cause/remedy claim and symptom it is advice
-- for, with the author key and the claim's contribution (docs/query.md);
-- quoted text is left out (it is the quoted post's claim).
-- advice_causes / advice_remedies: per symptom concept and item, the
-- independent authors supporting it, those ruling it out, and the score
-- (claims, outcomes and negations; `forumkb query` also adds endorsements
-- and rolls narrower concepts up into broader ones).
-- evidence: every fact with its quote, thread, post, author and credibility.

CREATE VIEW advice_claims AS
SELECT fs.symptom, f.kind, f.concept AS item, f.label, f.id AS fact, f.thread, f.post, f.post_index,
       coalesce(p.author_id, -p.id) AS author_key,
       coalesce(pw.weight, 0.1) AS weight,
       (0.5 + 0.5 * min(max(coalesce(pw.weight, 0.1), 0.0), 1.0))
         * CASE coalesce(f.certainty, 'asserted') WHEN 'asserted' THEN 1.0 WHEN 'probable' THEN 0.8
                WHEN 'possible' THEN 0.6 WHEN 'questioned' THEN 0.3 ELSE 0.8 END
         * CASE fs.link WHEN 'thread' THEN 0.8 WHEN 'post' THEN 0.9 ELSE 1.0 END AS contribution,
       coalesce(f.polarity, 'affirmed') = 'negated' AS negated,
       f.outcome
FROM fact_symptoms fs
JOIN facts f ON f.id = fs.fact
JOIN posts p ON p.id = f.post
LEFT JOIN post_weights pw ON pw.post = f.post
WHERE f.kind IN ('cause', 'remedy') AND f.concept IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.post = f.post AND q.start <= f.ev_start AND f.ev_end <= q.end);

CREATE VIEW advice_items AS
WITH per_author AS (
    SELECT symptom, kind, item, author_key, negated,
           max(contribution) AS c, max(weight) AS w,
           max(coalesce(outcome = 'resolved', 0)) AS resolved,
           max(coalesce(outcome = 'improved', 0)) AS improved,
           max(coalesce(outcome = 'no_effect', 0)) AS no_effect,
           max(coalesce(outcome = 'worse', 0)) AS worse
    FROM advice_claims GROUP BY symptom, kind, item, author_key, negated)
SELECT symptom, kind, item,
       (SELECT c.label FROM concepts c WHERE c.kind = per_author.kind AND c.concept = per_author.item) AS label,
       sum(NOT negated) AS support,
       sum(negated) AS negations,
       round(sum(CASE WHEN negated THEN -c
                      ELSE c + (0.5 * resolved + 0.3 * improved - 0.25 * no_effect - 0.5 * worse)
                               * (0.5 + 0.5 * min(max(w, 0.0), 1.0)) END), 4) AS score
FROM per_author
GROUP BY symptom, kind, item;

CREATE VIEW advice_causes AS
SELECT symptom, item, label, support, negations, score FROM advice_items WHERE kind = 'cause';

CREATE VIEW advice_remedies AS
SELECT symptom, item, label, support, negations, score FROM advice_items WHERE kind = 'remedy';

CREATE VIEW evidence AS
SELECT f.id AS fact, f.kind, f.concept, f.label, f.ev_text AS quote,
       f.certainty, f.polarity, f.outcome,
       src.name AS source, t.thread_id, t.title AS thread, t.url,
       f.post_index AS post, a.name AS author, pw.weight AS credibility, pw.reasons
FROM facts f
JOIN threads t ON t.id = f.thread
JOIN sources src ON src.id = t.source_id
JOIN posts p ON p.id = f.post
LEFT JOIN authors a ON a.id = p.author_id
LEFT JOIN post_weights pw ON pw.post = f.post;

-- The weight of each author in each thread (one row per author and thread).
CREATE VIEW author_weights AS
SELECT src.name AS source, t.thread_id, a.name AS author, max(pw.weight) AS weight, pw.reasons
FROM post_weights pw
JOIN threads t ON t.id = pw.thread
JOIN sources src ON src.id = t.source_id
JOIN authors a ON a.id = pw.author_id
GROUP BY pw.thread, pw.author_id;
