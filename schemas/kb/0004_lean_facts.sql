-- Schema version 4: a leaner write path (docs/schema.md, docs/performance.md).
--
-- facts: each credibility attribute gets a column (signal, basis, value,
-- weight, author_id) and so does an endorsement's target (target_index);
-- the extractor is a small integer into `extractors` instead of its name on
-- every row; `attrs` (every attribute, most of them also in columns) gives
-- way to `extra`, the attributes that have no column of their own (NULL when
-- there are none). credibility_signals becomes a view over facts. facts keeps
-- one index on post (a thread's facts are found through its posts) and a
-- partial one on concept. The writer checks a fact's kind before it writes
-- it (the CHECK of version 1, an IN list, made SQLite build a temporary
-- index at every insert).
--
-- The full-text indexes are kept in sync by the writer instead of triggers:
-- a trigger makes every insert open a statement journal, and FTS5 flushes
-- its pending terms to a new segment at each one. Whoever changes posts or
-- concept_aliases by hand rebuilds them:
--   INSERT INTO posts_fts(posts_fts) VALUES ('rebuild');

DROP VIEW advice_causes;
DROP VIEW advice_remedies;
DROP VIEW advice_items;
DROP VIEW advice_claims;
DROP VIEW evidence;
DROP VIEW author_weights;

DROP TRIGGER posts_fts_insert;
DROP TRIGGER posts_fts_delete;
DROP TRIGGER posts_fts_update;
DROP TRIGGER concepts_fts_insert;
DROP TRIGGER concepts_fts_delete;
DROP TRIGGER concepts_fts_update;

CREATE TABLE extractors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                -- extractor plugin name: extractor_advice ...
);
INSERT INTO extractors(name) SELECT DISTINCT plugin FROM facts ORDER BY plugin;

CREATE TABLE facts_v4 (
    id           INTEGER PRIMARY KEY,
    thread       INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post         INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    post_index   INTEGER NOT NULL,
    seq          INTEGER NOT NULL,           -- order of the fact in its thread
    extractor    INTEGER NOT NULL REFERENCES extractors(id),
    kind         TEXT NOT NULL,              -- symptom | cause | remedy | credibility | endorsement | triple
    concept      TEXT,                       -- concept id (lexicon or normalized phrase)
    label        TEXT,
    certainty    TEXT,                       -- asserted | probable | possible | questioned
    polarity     TEXT,                       -- affirmed | negated
    experiencer  TEXT,                       -- author | addressee | other | generic
    outcome      TEXT,                       -- resolved | improved | no_effect | worse
    condition    TEXT,
    dosage       TEXT,
    symptom      TEXT,                       -- symptom concept named by a cause/remedy/triple
    cause        TEXT,                       -- cause concept named by a remedy/triple
    remedy       TEXT,                       -- remedy concept named by a triple
    qualifiers   TEXT,                       -- JSON object: location, onset, duration, activity
    signal       TEXT,                       -- credibility: expertise | experience | platform
    basis        TEXT,                       -- credibility: profession, level, post_count, likes ...
    value        TEXT,                       -- credibility: what was said or shown
    weight       REAL,                       -- credibility: the signal's contribution
    author_id    INTEGER REFERENCES authors(id),  -- credibility: whose signal it is
    target_index INTEGER,                    -- endorsement: post_index of the endorsed post
    support      TEXT,                       -- JSON array of supporting post indexes
    extra        TEXT,                       -- JSON object: the attributes without a column, NULL if none
    ev_start     INTEGER NOT NULL,           -- evidence: byte range in the post's text
    ev_end       INTEGER NOT NULL,
    ev_sentence  INTEGER NOT NULL,
    ev_text      TEXT NOT NULL
);

INSERT INTO facts_v4
SELECT f.id, f.thread, f.post, f.post_index, f.seq, x.id, f.kind, f.concept, f.label, f.certainty, f.polarity,
       f.experiencer, f.outcome, f.condition, f.dosage, f.symptom, f.cause, f.remedy, f.qualifiers,
       cs.signal, json_extract(f.attrs, '$.basis'), cs.value, cs.weight, cs.author_id,
       (SELECT e.target_index FROM endorsements e WHERE e.fact = f.id),
       f.support,
       (SELECT json_group_object(j.key, CASE j.type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false')
                                                    ELSE j.value END)
          FROM json_each(f.attrs) j
         WHERE j.key NOT IN ('certainty', 'polarity', 'experiencer', 'outcome', 'condition', 'dosage', 'symptom',
                             'cause', 'remedy', 'signal', 'basis', 'value', 'author', 'weight', 'target_post')
           AND j.key NOT LIKE 'qualifiers.%'
        HAVING count(*) > 0),
       f.ev_start, f.ev_end, f.ev_sentence, f.ev_text
FROM facts f
JOIN extractors x ON x.name = f.plugin
LEFT JOIN credibility_signals cs ON cs.fact = f.id;

DROP TABLE credibility_signals;
DROP TABLE facts;
ALTER TABLE facts_v4 RENAME TO facts;
CREATE INDEX facts_post ON facts(post);
CREATE INDEX facts_concept ON facts(concept) WHERE concept IS NOT NULL;

CREATE VIEW credibility_signals AS
SELECT id AS fact, thread, post, author_id, signal, basis, value, weight
FROM facts WHERE kind = 'credibility';

-- The views of version 3, unchanged (they were dropped to rebuild facts).

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

CREATE VIEW author_weights AS
SELECT src.name AS source, t.thread_id, a.name AS author, max(pw.weight) AS weight, pw.reasons
FROM post_weights pw
JOIN threads t ON t.id = pw.thread
JOIN sources src ON src.id = t.source_id
JOIN authors a ON a.id = pw.author_id
GROUP BY pw.thread, pw.author_id;
