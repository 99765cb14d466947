MATCH (n:Entity)
RETURN n.kind AS key, count(n) AS n
