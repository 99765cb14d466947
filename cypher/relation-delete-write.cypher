// One auto-commit statement with history-tail.cypher appended; lock, then guard on the version (no row: nothing).
MATCH ()-[r:$$TYPE$$ {id: $id}]->()
SET r.writeLock = true
REMOVE r.writeLock
WITH r
WHERE r.version = $version
DELETE r
WITH DISTINCT 1 AS one
