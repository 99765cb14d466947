// Properties are listed (not `SET n = row`) so the planner needs no Eager between the id lookup and the writes;
// a null (nameEn) removes the property. Keep in step with nodeToProps in server/store/neo4j/mapping.ts.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.kind = row.kind,
    n.name = row.name,
    n.nameEn = row.nameEn,
    n.props = row.props,
    n.searchText = row.searchText,
    n.version = row.version,
    n.createdAt = row.createdAt,
    n.createdBy = row.createdBy,
    n.updatedAt = row.updatedAt,
    n.updatedBy = row.updatedBy
