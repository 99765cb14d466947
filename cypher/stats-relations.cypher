MATCH ()-[r]->()
RETURN type(r) AS key, count(r) AS n
