// Each relation comes back as one list, [type, from, to, ...] in the order of RELATION_COLUMNS in
// server/store/neo4j/mapping.ts: about half the cost of a map to encode and decode.
// Relation ids are unique across types, so the lookup spans every catalogue type (one index per type).
UNWIND $ids AS id
MATCH (a:Entity)-[r:$$ANY_TYPE$$ {id: id}]->(b:Entity)
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy] AS rel
