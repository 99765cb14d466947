// $q is already folded (lower case, no diacritics), like searchText.
MATCH (n:Entity)
WHERE ($kinds IS NULL OR n.kind IN $kinds)
  AND ($q IS NULL OR n.searchText CONTAINS $q)
WITH n
ORDER BY toLower(n.name), n.id
WITH collect(n) AS matched
RETURN size(matched) AS total, [x IN matched[$skip..($skip + $limit)] | x {.*}] AS items
