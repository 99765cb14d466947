// Ids were checked absent in this transaction; relation_id_<TYPE> is the backstop. A row whose endpoint is missing
// creates nothing: the caller compares `created` with the rows sent and reports the dangling endpoint.
// Rows are lists, not maps (about half the cost to encode and decode), in the order of relationRow() in
// server/store/neo4j/mapping.ts: [from, to, id, weight, props, sources, evidence, validFrom, validTo, note,
// version, createdAt, createdBy, updatedAt, updatedBy]. Properties are written inline (`SET r = map` would make the
// planner add an Eager over the whole batch); null values are not stored.
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[:$$TYPE$$ {
  id: row[2],
  weight: row[3],
  props: row[4],
  sources: row[5],
  evidence: row[6],
  validFrom: row[7],
  validTo: row[8],
  note: row[9],
  version: row[10],
  createdAt: row[11],
  createdBy: row[12],
  updatedAt: row[13],
  updatedBy: row[14]
}]->(b)
RETURN count(*) AS created
