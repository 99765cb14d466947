// The history counter's seq moves in every write of nodes or relations (history-lock.cypher, history-append.cypher),
// so a cached graph is still valid while it is unchanged. A read does not wait for the writers' lock.
OPTIONAL MATCH (c:Counter {name: 'history'})
RETURN coalesce(c.seq, 0) AS seq
