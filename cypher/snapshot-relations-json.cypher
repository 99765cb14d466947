// GET /api/graph: only the fields of the graphology JSON, one list per relation: [type, from, to, id, weight, props,
// sources, evidence, validFrom, validTo, note, version]. Filters as snapshot-relations.cypher.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
  AND ($types IS NULL OR type(r) IN $types)
  AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)))
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version] AS rel
