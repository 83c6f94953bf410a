-- Schema version 7: advice_index chunks in the fixed-width form (docs/schema.md,
-- core/src/kb/advice_claims.hpp).
--
-- The table keeps its columns; only the chunk bytes change: every claim is a
-- record of fixed width whose strings (concept, label, certainty, outcome,
-- the causes a remedy addresses) are numbers into a string table of the
-- chunk, so that `forumkb query` reads a field with one load and groups
-- claims by comparing integers. The chunks of version 5 are dropped here and
-- the migration runner rebuilds them from the facts after this file, in the
-- same transaction (as the upgrade to version 5 does).

DELETE FROM advice_index;
