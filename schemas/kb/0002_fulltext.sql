-- Schema version 2: full-text search.
--
-- posts_fts indexes post text (external content: the text lives once, in
-- posts; triggers keep the index in sync). concepts_fts indexes concept
-- aliases, including each concept's preferred label, for query resolution.
-- Both are rebuilt here so a KB made at version 1 gets its old rows indexed.

CREATE VIRTUAL TABLE posts_fts USING fts5(
    text, content='posts', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN
    INSERT INTO posts_fts(posts_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO posts_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE concepts_fts USING fts5(
    alias, content='concept_aliases', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');

CREATE TRIGGER concepts_fts_insert AFTER INSERT ON concept_aliases BEGIN
    INSERT INTO concepts_fts(rowid, alias) VALUES (new.id, new.alias);
END;
CREATE TRIGGER concepts_fts_delete AFTER DELETE ON concept_aliases BEGIN
    INSERT INTO concepts_fts(concepts_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
END;
CREATE TRIGGER concepts_fts_update AFTER UPDATE OF alias ON concept_aliases BEGIN
    INSERT INTO concepts_fts(concepts_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
    INSERT INTO concepts_fts(rowid, alias) VALUES (new.id, new.alias);
END;

INSERT INTO posts_fts(posts_fts) VALUES ('rebuild');
INSERT INTO concepts_fts(concepts_fts) VALUES ('rebuild');
