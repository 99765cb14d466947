// Same type and endpoints: only the properties change (otherwise the store deletes and re-creates).
// Rows as in relation-create.cypher. Properties are listed and id is not rewritten, so no Eager is needed;
// a null removes the property.
UNWIND $rows AS row
MATCH ()-[r:$$TYPE$$ {id: row[2]}]->()
SET r.weight = row[3],
    r.props = row[4],
    r.sources = row[5],
    r.evidence = row[6],
    r.validFrom = row[7],
    r.validTo = row[8],
    r.note = row[9],
    r.version = row[10],
    r.createdAt = row[11],
    r.createdBy = row[12],
    r.updatedAt = row[13],
    r.updatedBy = row[14]
