-- Schema version 5: the advice index (docs/schema.md, docs/query.md).
--
-- advice_index holds every cause and remedy claim linked to a symptom,
-- packed with what `forumkb query` ranks by: the author and their weight,
-- certainty, polarity, outcome, how the claim is linked to the symptom, its
-- label, who endorsed or quoted its post and, for a remedy, the causes it
-- addresses. One row (a chunk) per symptom concept, kind and block of 1,024
-- thread row ids (block = threads.id >> 10), so that a question reads a few
-- hundred rows instead of joining every linked fact with its post, weight
-- and quotes. The KB writer rewrites the chunks of a thread in the same
-- transaction as the thread's rows. The chunk format is internal
-- (core/src/kb/advice_claims.hpp); SQL users read advice_causes and
-- advice_remedies, which answer from the facts as before.
--
-- Upgrading a KB to version 5 fills the table from the facts (a step the
-- migration runner does after this file, in the same transaction).

CREATE TABLE advice_index (
    symptom TEXT NOT NULL,                   -- symptom concept id
    kind    TEXT NOT NULL,                   -- cause | remedy
    block   INTEGER NOT NULL,                -- threads.id >> 10
    claims  INTEGER NOT NULL,                -- claims in the chunk
    chunk   BLOB NOT NULL,
    PRIMARY KEY (symptom, kind, block)
);
