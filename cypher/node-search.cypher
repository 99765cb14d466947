// node-list.cypher with a search term: $q is already folded (lower case, no diacritics), like searchText. A label
// scan: no index for CONTAINS is kept (schema.cypher says why).
MATCH (n:Entity)
WHERE n.searchText CONTAINS $q
WITH n
WHERE $kinds IS NULL OR n.kind IN $kinds
WITH n
ORDER BY toLower(n.name), n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [x IN matched[$skip..($skip + $limit)] | x {.*}] AS items
