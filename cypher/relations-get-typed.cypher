// Bulk lookup of relation ids within one type: a plain seek in relation_id_<TYPE> per id. The import sends one
// statement per type present (ids are unique across types), so each plan is small and cached per type.
// Rows as in relations-get.cypher: [type, from, to, ...RELATION_COLUMNS].
UNWIND $ids AS id
MATCH (a:Entity)-[r:$$TYPE$$ {id: id}]->(b:Entity)
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy] AS rel
