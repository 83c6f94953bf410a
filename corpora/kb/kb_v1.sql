-- A knowledge base made by forumkb at schema version 1 (schemas/kb/0001_initial.sql
-- only), frozen as it was: the fixture of the migration test (tests/unit/kb_migration_test.cpp).
-- Written for this project. Load with: sqlite3 old.sqlite < kb_v1.sql
PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                -- source plugin name: vanilla, yahoo, jsonl ...
);
INSERT INTO sources VALUES(1,'jsonl');
CREATE TABLE files (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    size        INTEGER NOT NULL,
    hash        TEXT NOT NULL,               -- content hash given by the pipeline
    status      TEXT NOT NULL,               -- in_progress | done | failed | ...
    started_at  TEXT NOT NULL,
    finished_at TEXT
);
INSERT INTO files VALUES(1,'old-dump.jsonl',2048,'5f2c0d1e','done','2026-01-10T09:00:00Z','2026-01-10T09:00:02Z');
CREATE TABLE threads (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id),
    thread_id    TEXT NOT NULL,              -- the source's id of the thread
    file         INTEGER REFERENCES files(id) ON DELETE SET NULL,
    url          TEXT,
    title        TEXT,
    forum        TEXT,
    category     TEXT,
    n_posts      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,              -- of the thread and its facts: unchanged => not rewritten
    UNIQUE (source_id, thread_id)
);
INSERT INTO threads VALUES(1,1,'knee-17',1,NULL,'knees ache on downhill runs','Running','Injuries',3,'0000000000000001');
CREATE TABLE authors (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    name      TEXT NOT NULL,
    UNIQUE (source_id, name)
);
INSERT INTO authors VALUES(1,1,'hillrunner');
INSERT INTO authors VALUES(2,1,'physio_dan');
INSERT INTO authors VALUES(3,1,'trail_meg');
CREATE TABLE posts (
    id           INTEGER PRIMARY KEY,
    thread       INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post_index   INTEGER NOT NULL,           -- 0 = opening post
    post_id      TEXT NOT NULL,
    parent_id    TEXT,
    author_id    INTEGER REFERENCES authors(id),  -- NULL: anonymous
    post_count   INTEGER,                    -- platform signals, as the source shows them
    role         TEXT,
    level        INTEGER,
    reputation   INTEGER,
    flair        TEXT,
    created      TEXT,
    created_text TEXT,
    text         TEXT NOT NULL,
    likes        INTEGER,
    score        INTEGER,
    accepted     INTEGER NOT NULL DEFAULT 0,
    signature    TEXT,
    UNIQUE (thread, post_index)
);
INSERT INTO posts VALUES(1,1,0,'p1',NULL,1,12,'Member',NULL,NULL,NULL,NULL,NULL,'Every downhill stretch leaves my knees aching for a day or two.',0,NULL,0,NULL);
INSERT INTO posts VALUES(2,1,1,'p2','p1',2,300,'Member',NULL,NULL,'Physio',NULL,NULL,'As a physiotherapist I see this a lot: weak quads let the kneecap track badly. Do step-downs and wall sits.',4,NULL,1,NULL);
INSERT INTO posts VALUES(3,1,2,'p3','p1',3,80,'Member',NULL,NULL,NULL,NULL,NULL,'Shorter steps on the descents helped my knees a lot.',1,NULL,0,NULL);
CREATE TABLE quotes (
    post          INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    quoted_post_id TEXT NOT NULL,
    quoted_index  INTEGER                    -- post_index of the quoted post, when in the thread
);
CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    thread      INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post        INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    post_index  INTEGER NOT NULL,
    seq         INTEGER NOT NULL,            -- order of the fact in its thread
    plugin      TEXT NOT NULL,               -- the extractor that found it
    kind        TEXT NOT NULL CHECK (kind IN ('symptom','cause','remedy','credibility','endorsement','triple')),
    concept     TEXT,                        -- concept id (lexicon or normalized phrase)
    label       TEXT,
    certainty   TEXT,                        -- asserted | probable | possible | questioned
    polarity    TEXT,                        -- affirmed | negated
    experiencer TEXT,                        -- author | addressee | other | generic
    outcome     TEXT,                        -- resolved | improved | no_effect | worse
    condition   TEXT,
    dosage      TEXT,
    symptom     TEXT,                        -- symptom concept named by a cause/remedy/triple
    cause       TEXT,                        -- cause concept named by a remedy/triple
    remedy      TEXT,                        -- remedy concept named by a triple
    qualifiers  TEXT,                        -- JSON object: location, onset, duration, activity
    attrs       TEXT NOT NULL,               -- JSON object: every attribute as emitted
    support     TEXT,                        -- JSON array of supporting post indexes
    ev_start    INTEGER NOT NULL,            -- evidence: byte range in the post's text
    ev_end      INTEGER NOT NULL,
    ev_sentence INTEGER NOT NULL,
    ev_text     TEXT NOT NULL
);
INSERT INTO facts VALUES(1,1,1,0,0,'extractor_advice','symptom','knee_pain','knee pain',NULL,NULL,'author',NULL,NULL,NULL,NULL,NULL,NULL,'{"activity":"running"}','{"experiencer":"author","qualifiers.activity":"running"}',NULL,30,45,0,'my knees aching');
INSERT INTO facts VALUES(2,1,2,1,1,'extractor_advice','cause','weak_quadriceps','weak quadriceps','probable','affirmed',NULL,NULL,NULL,NULL,'knee_pain',NULL,NULL,NULL,'{"certainty":"probable","symptom":"knee_pain"}',NULL,39,77,0,'weak quads let the kneecap track badly');
INSERT INTO facts VALUES(3,1,2,1,2,'extractor_advice','remedy','quadriceps_strengthening','quadriceps strengthening',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'{}',NULL,79,106,0,'Do step-downs and wall sits');
INSERT INTO facts VALUES(4,1,3,2,3,'extractor_advice','remedy','shorter_stride','shorter stride downhill',NULL,NULL,'author','improved',NULL,NULL,NULL,NULL,NULL,NULL,'{"experiencer":"author","outcome":"improved"}',NULL,0,45,0,'Shorter steps on the descents helped my knees');
CREATE TABLE credibility_signals (
    fact      INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    thread    INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post      INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id),
    signal    TEXT NOT NULL,                 -- expertise | experience | platform
    value     TEXT,
    weight    REAL
);
CREATE TABLE endorsements (
    fact        INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    thread      INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post        INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,  -- the endorsing post
    target_post INTEGER REFERENCES posts(id) ON DELETE CASCADE,           -- the endorsed post
    target_index INTEGER NOT NULL
);
CREATE TABLE triples (
    fact    INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    thread  INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    symptom TEXT,
    cause   TEXT,
    remedy  TEXT,
    support TEXT                             -- JSON array of post indexes
);
CREATE TABLE post_weights (
    post      INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    thread    INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id),
    weight    REAL NOT NULL,
    reasons   TEXT NOT NULL
);
INSERT INTO post_weights VALUES(1,1,1,0.10000000000000000555,'no signals');
INSERT INTO post_weights VALUES(2,1,2,0.61999999999999999555,'expertise: physiotherapist');
INSERT INTO post_weights VALUES(3,1,3,0.10000000000000000555,'no signals');
CREATE TABLE fact_symptoms (
    fact    INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    symptom TEXT NOT NULL,
    link    TEXT NOT NULL,
    PRIMARY KEY (fact, symptom)
) WITHOUT ROWID;
INSERT INTO fact_symptoms VALUES(2,'knee_pain','stated');
INSERT INTO fact_symptoms VALUES(3,'knee_pain','cause');
INSERT INTO fact_symptoms VALUES(4,'knee_pain','thread');
CREATE TABLE fact_causes (
    fact  INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    cause TEXT NOT NULL,
    link  TEXT NOT NULL,
    PRIMARY KEY (fact, cause)
) WITHOUT ROWID;
INSERT INTO fact_causes VALUES(3,'weak_quadriceps','post');
CREATE TABLE concepts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,               -- symptom | cause | remedy
    concept     TEXT NOT NULL,               -- concept id
    label       TEXT NOT NULL,               -- preferred label
    parent      TEXT,                        -- concept id of the broader concept, same kind
    external_id TEXT,                        -- HPO, SNOMED CT ... when known
    origin      TEXT NOT NULL,               -- fact | lexicon | vocabulary
    UNIQUE (kind, concept)
);
INSERT INTO concepts VALUES(1,'symptom','knee_pain','knee pain',NULL,NULL,'fact');
INSERT INTO concepts VALUES(2,'cause','weak_quadriceps','weak quadriceps',NULL,NULL,'fact');
INSERT INTO concepts VALUES(3,'remedy','quadriceps_strengthening','quadriceps strengthening',NULL,NULL,'fact');
INSERT INTO concepts VALUES(4,'remedy','shorter_stride','shorter stride downhill',NULL,NULL,'fact');
CREATE TABLE concept_aliases (
    id          INTEGER PRIMARY KEY,
    concept_ref INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    UNIQUE (concept_ref, alias)
);
INSERT INTO concept_aliases VALUES(1,1,'knee pain');
INSERT INTO concept_aliases VALUES(2,1,'runner''s knee');
INSERT INTO concept_aliases VALUES(3,2,'weak quadriceps');
INSERT INTO concept_aliases VALUES(4,3,'quadriceps strengthening');
INSERT INTO concept_aliases VALUES(5,4,'shorter stride downhill');
CREATE TABLE rejects (
    id      INTEGER PRIMARY KEY,
    file    INTEGER REFERENCES files(id) ON DELETE CASCADE,
    line    INTEGER,
    offset  INTEGER,
    plugin  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    excerpt TEXT
);
INSERT INTO rejects VALUES(1,1,7,212,'source_jsonl','line 7: unterminated string','{"thread_id": "knee-18", "title": "');
CREATE INDEX threads_file ON threads(file);
CREATE INDEX posts_author ON posts(author_id);
CREATE INDEX quotes_post ON quotes(post);
CREATE INDEX facts_thread ON facts(thread);
CREATE INDEX facts_post ON facts(post);
CREATE INDEX facts_kind_concept ON facts(kind, concept);
CREATE INDEX credibility_signals_post ON credibility_signals(post);
CREATE INDEX endorsements_target ON endorsements(target_post);
CREATE INDEX post_weights_thread ON post_weights(thread);
CREATE INDEX fact_symptoms_symptom ON fact_symptoms(symptom);
CREATE INDEX fact_causes_cause ON fact_causes(cause);
CREATE INDEX rejects_file ON rejects(file);
COMMIT;
