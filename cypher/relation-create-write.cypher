// One auto-commit statement with history-tail.cypher appended. $row as in relation-create.cypher. The endpoints are
// locked (creating a relationship locks them anyway), so a concurrent delete or change of kind of either cannot slip
// past the guard; no row when an endpoint is missing, has a kind outside $fromKinds / $toKinds (the catalogue's
// allowed kinds for the type; null: not checked) or the id is taken by a relation of another type (the
// relation_id_<TYPE> constraint covers the same type).
MATCH (a:Entity {id: $row[0]})
MATCH (b:Entity {id: $row[1]})
SET a.writeLock = true, b.writeLock = true
REMOVE a.writeLock, b.writeLock
WITH a, b
WHERE ($fromKinds IS NULL OR a.kind IN $fromKinds)
  AND ($toKinds IS NULL OR b.kind IN $toKinds)
  AND NOT EXISTS { MATCH ()-[x:$$ANY_TYPE$$ {id: $row[2]}]->() }
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
