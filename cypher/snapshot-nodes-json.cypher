// GET /api/graph: only the fields of the graphology JSON, as one list per node (cheaper than a map):
// [id, kind, name, nameEn, props, version, updatedAt]. props is the stored JSON text, spliced in unparsed.
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN [n.id, n.kind, n.name, n.nameEn, n.props, n.version, n.updatedAt] AS n
