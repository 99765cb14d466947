// Each relation comes back as one list, [type, from, to, ...] in the order of RELATION_COLUMNS in
// server/store/neo4j/mapping.ts: about half the cost of a map to encode and decode.
// Every relation touching the node, in either direction (DISTINCT: a self-loop matches twice).
MATCH (:Entity {id: $id})-[r]-()
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy] AS rel
