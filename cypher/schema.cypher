// Schema of the Neo4j store. One statement per `;`; each runs as its own auto-commit call (schema commands cannot
// share a transaction with data). Community Edition allows only IS UNIQUE constraints.
// A statement containing $$REL_TYPE$$ is repeated for every relation type in the catalogue.

// Node ids are unique across all kinds; this is also the index every lookup, MERGE and MATCH by id uses.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);

// Search (node-search.cypher) is CONTAINS on searchText, folded like SQLite's (core/text/fold.ts), over a label scan:
// no index. Both Lucene-backed indexes Neo4j offers for CONTAINS (full-text, text) cost every write of an entity
// ~4.5 ms more server CPU than the scan costs a search at 2,850 entities (docs/decisions.md "Search without an index").
DROP INDEX entity_fulltext IF EXISTS;

DROP INDEX entity_search IF EXISTS;

// Relationship property indexes exist only per type, so there is one uniqueness constraint per catalogue type.
// Uniqueness across types is kept by the store, which looks ids up over all types inside the write transaction.
CREATE CONSTRAINT relation_id_$$REL_TYPE$$ IF NOT EXISTS FOR ()-[r:$$REL_TYPE$$]-() REQUIRE r.id IS UNIQUE;

CREATE INDEX history_record IF NOT EXISTS FOR (h:HistoryEntry) ON (h.recordId);

// seq numbers are handed out under the counter lock, so a plain index suffices (cheaper to maintain in bulk imports
// than a uniqueness constraint).
CREATE INDEX history_seq IF NOT EXISTS FOR (h:HistoryEntry) ON (h.seq);

CREATE CONSTRAINT counter_name IF NOT EXISTS FOR (c:Counter) REQUIRE c.name IS UNIQUE;

CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;

CREATE CONSTRAINT saved_view_name IF NOT EXISTS FOR (v:SavedView) REQUIRE v.name IS UNIQUE;
