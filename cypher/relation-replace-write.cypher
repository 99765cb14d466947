// One auto-commit statement with history-tail.cypher appended: a relation whose type or endpoints change is deleted
// and created again under the same id (a relationship cannot change either). Locks and guard as in
// relation-update-write.cypher and relation-create-write.cypher.
MATCH ()-[old:$$OLD_TYPE$$ {id: $row[2]}]->()
SET old.writeLock = true
REMOVE old.writeLock
WITH old
WHERE old.version = $version
MATCH (a:Entity {id: $row[0]})
MATCH (b:Entity {id: $row[1]})
SET a.writeLock = true, b.writeLock = true
REMOVE a.writeLock, b.writeLock
DELETE old
CREATE (a)-[:$$TYPE$$ {
  id: $row[2],
  weight: $row[3],
  props: $row[4],
  sources: $row[5],
  evidence: $row[6],
  validFrom: $row[7],
  validTo: $row[8],
  note: $row[9],
  version: $row[10],
  createdAt: $row[11],
  createdBy: $row[12],
  updatedAt: $row[13],
  updatedBy: $row[14]
}]->(b)
WITH DISTINCT 1 AS one
