// Repeated once per catalogue type and joined with UNION ALL. Counting before naming the type keeps each branch a
// count-store lookup (a constant grouping key would turn it into a scan).
MATCH ()-[r:$$TYPE$$]->()
WITH count(r) AS n
RETURN '$$TYPE$$' AS type, n
