// One auto-commit statement with history-tail.cypher appended. Writing a dummy property takes the node's lock first
// (Neo4j's documented way to avoid lost updates), so the version read next is the committed one and holds until
// commit; no row when it moved since the caller read the record, and then nothing is written. The kind label is
// swapped (the same label when the kind is unchanged). Properties as in node-update.cypher.
MATCH (n:Entity {id: $row.id})
SET n.writeLock = true
REMOVE n.writeLock
WITH n
WHERE n.version = $version
REMOVE n:$$OLD_KIND$$
SET n:$$KIND$$
SET n.kind = $row.kind,
    n.name = $row.name,
    n.nameEn = $row.nameEn,
    n.props = $row.props,
    n.searchText = $row.searchText,
    n.version = $row.version,
    n.createdAt = $row.createdAt,
    n.createdBy = $row.createdBy,
    n.updatedAt = $row.updatedAt,
    n.updatedBy = $row.updatedBy
WITH DISTINCT 1 AS one
