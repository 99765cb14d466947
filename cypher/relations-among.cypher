// Each relation comes back as one list, [type, from, to, ...] in the order of RELATION_COLUMNS in
// server/store/neo4j/mapping.ts: about half the cost of a map to encode and decode.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE b.id IN $ids
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy] AS rel
