// The relations among $ids, found by one pass over every relationship: cheaper than one index seek per id and
// type (relationship indexes are per type) while the graph holds fewer relationships than ids × types.
// Cypher keeps a large IN list as a set. Catalogue types only. Rows as in relations-get.cypher.
MATCH (a:Entity)-[r:$$ANY_TYPE$$]->(b:Entity)
WHERE r.id IN $ids
RETURN [type(r), a.id, b.id, r.id, r.weight, r.props, r.sources, r.evidence, r.validFrom, r.validTo, r.note, r.version, r.createdAt, r.createdBy, r.updatedAt, r.updatedBy] AS rel
