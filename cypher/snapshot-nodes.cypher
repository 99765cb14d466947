MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN n {.*} AS n
