// Each relation comes back as one list, [type, from, to, ...] in the order of RELATION_COLUMNS in
// server/store/neo4j/mapping.ts: about half the cost of a map to encode and decode.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
WITH r
ORDER BY r.id
WITH collect(r) AS matched
RETURN size(matched) AS total,
  [x IN matched[$skip..($skip + $limit)] | [type(x), startNode(x).id, endNode(x).id, x.id, x.weight, x.props, x.sources, x.evidence, x.validFrom, x.validTo, x.note, x.version, x.createdAt, x.createdBy, x.updatedAt, x.updatedBy]] AS items
