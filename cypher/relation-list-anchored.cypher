// Each relation comes back as one list, [type, from, to, ...] in the order of RELATION_COLUMNS in
// server/store/neo4j/mapping.ts: about half the cost of a map to encode and decode.
// Starts from one node ($anchor: the from, to or nodeId filter) instead of scanning every relation.
MATCH (:Entity {id: $anchor})-[r]-()
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($nodeId IS NULL OR a.id = $nodeId OR b.id = $nodeId)
  AND ($from IS NULL OR a.id = $from)
  AND ($to IS NULL OR b.id = $to)
WITH r
ORDER BY r.id
WITH collect(r) AS matched
RETURN size(matched) AS total,
  [x IN matched[$skip..($skip + $limit)] | [type(x), startNode(x).id, endNode(x).id, x.id, x.weight, x.props, x.sources, x.evidence, x.validFrom, x.validTo, x.note, x.version, x.createdAt, x.createdBy, x.updatedAt, x.updatedBy]] AS items
