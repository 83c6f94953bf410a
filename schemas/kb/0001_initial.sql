-- forumkb knowledge base, schema version 1: the core tables.
--
-- Provenance goes down to the byte: a fact names its thread, its post and the
-- byte range of its evidence in that post's text. Offsets are UTF-8 byte
-- offsets. Columns that name a row of another table are INTEGER foreign keys
-- (thread, post, file, author_id); columns named after the forum's own ids
-- (thread_id, post_id) keep the source's text ids. See docs/schema.md.

CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE                -- source plugin name: vanilla, yahoo, jsonl ...
);

CREATE TABLE files (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    size        INTEGER NOT NULL,
    hash        TEXT NOT NULL,               -- content hash given by the pipeline
    status      TEXT NOT NULL,               -- in_progress | done | failed | ...
    started_at  TEXT NOT NULL,
    finished_at TEXT
);

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
CREATE INDEX threads_file ON threads(file);

CREATE TABLE authors (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    name      TEXT NOT NULL,
    UNIQUE (source_id, name)
);

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
CREATE INDEX posts_author ON posts(author_id);

-- Text of a post that repeats an earlier post (a quote).
CREATE TABLE quotes (
    post          INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    quoted_post_id TEXT NOT NULL,
    quoted_index  INTEGER                    -- post_index of the quoted post, when in the thread
);
CREATE INDEX quotes_post ON quotes(post);

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
CREATE INDEX facts_thread ON facts(thread);
CREATE INDEX facts_post ON facts(post);
CREATE INDEX facts_kind_concept ON facts(kind, concept);

CREATE TABLE credibility_signals (
    fact      INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    thread    INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post      INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id),
    signal    TEXT NOT NULL,                 -- expertise | experience | platform
    value     TEXT,
    weight    REAL
);
CREATE INDEX credibility_signals_post ON credibility_signals(post);

CREATE TABLE endorsements (
    fact        INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    thread      INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    post        INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,  -- the endorsing post
    target_post INTEGER REFERENCES posts(id) ON DELETE CASCADE,           -- the endorsed post
    target_index INTEGER NOT NULL
);
CREATE INDEX endorsements_target ON endorsements(target_post);

CREATE TABLE triples (
    fact    INTEGER PRIMARY KEY REFERENCES facts(id) ON DELETE CASCADE,
    thread  INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    symptom TEXT,
    cause   TEXT,
    remedy  TEXT,
    support TEXT                             -- JSON array of post indexes
);

-- The credibility weight of each post's author within its thread
-- (fkb::credibility::post_weights, docs/credibility.md).
CREATE TABLE post_weights (
    post      INTEGER PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
    thread    INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES authors(id),
    weight    REAL NOT NULL,
    reasons   TEXT NOT NULL
);
CREATE INDEX post_weights_thread ON post_weights(thread);

-- Which symptom concept a cause or remedy is advice for, and how the writer
-- knows: 'stated' (the fact names it), 'cause' (through the cause it
-- remedies), 'post' (a symptom mentioned earlier in the same post), 'thread'
-- (the symptoms of the opening post).
CREATE TABLE fact_symptoms (
    fact    INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    symptom TEXT NOT NULL,
    link    TEXT NOT NULL,
    PRIMARY KEY (fact, symptom)
) WITHOUT ROWID;
CREATE INDEX fact_symptoms_symptom ON fact_symptoms(symptom);

-- Which cause concept a remedy addresses: 'stated', 'triple' or 'post' (the
-- nearest cause before it in the same post).
CREATE TABLE fact_causes (
    fact  INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    cause TEXT NOT NULL,
    link  TEXT NOT NULL,
    PRIMARY KEY (fact, cause)
) WITHOUT ROWID;
CREATE INDEX fact_causes_cause ON fact_causes(cause);

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

CREATE TABLE concept_aliases (
    id          INTEGER PRIMARY KEY,
    concept_ref INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    UNIQUE (concept_ref, alias)
);

CREATE TABLE rejects (
    id      INTEGER PRIMARY KEY,
    file    INTEGER REFERENCES files(id) ON DELETE CASCADE,
    line    INTEGER,
    offset  INTEGER,
    plugin  TEXT NOT NULL,
    reason  TEXT NOT NULL,
    excerpt TEXT
);
CREATE INDEX rejects_file ON rejects(file);
