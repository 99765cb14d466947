// First statement of every write transaction: writing the counter takes its lock, which serialises writers, so
// version checks read later in the transaction stay true until commit and history numbers follow commit order.
MERGE (c:Counter {name: 'history'})
  ON CREATE SET c.seq = 0
SET c.lastWriteAt = $at
RETURN c.seq AS seq
