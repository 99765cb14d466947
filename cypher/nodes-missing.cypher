// The ids in $ids that are not nodes (dangling relation endpoints).
UNWIND $ids AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH id, n
WHERE n IS NULL
RETURN id
