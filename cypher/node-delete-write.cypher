// One auto-commit statement with history-tail.cypher appended. The node and its relationships are locked first, so
// the guard reads committed values: the node's version and the relations ("id@version") the caller read and wrote
// into the history entries are still exactly these; otherwise no row and nothing is deleted.
MATCH (n:Entity {id: $id})
SET n.writeLock = true
REMOVE n.writeLock
WITH n
OPTIONAL MATCH (n)-[r]-()
SET r.writeLock = true
REMOVE r.writeLock
WITH n, collect(DISTINCT r.id + '@' + toString(r.version)) AS rels
WHERE n.version = $version AND size(rels) = size($rels) AND all(x IN rels WHERE x IN $rels)
DETACH DELETE n
WITH DISTINCT 1 AS one
