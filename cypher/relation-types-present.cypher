// Relationship types that have (or once had) relationships: the token list, so a superset of the types in use,
// read without touching any data. The import looks relation ids up only in these types.
CALL db.relationshipTypes() YIELD relationshipType
RETURN relationshipType AS type
