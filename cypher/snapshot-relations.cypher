// Each relation comes back as one list, [type, from, to, ...] in the order of RELATION_COLUMNS in
// server/store/neo4j/mapping.ts: about half the cost of a map to encode and decode.
// Valid time as in server/store/as-of.ts: started on or before $asOf and ended on or after it (null = open).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy] AS rel
