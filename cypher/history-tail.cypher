// Appended to every single-record write (the *-write.cypher statements), which end in one row when they wrote and
// none when their guard failed. The counter is taken here, last, so its lock is held only while the server commits
// this one auto-commit statement, never across a round trip to the app. `SET c.seq = c.seq + …` reads the counter
// after taking its lock (a direct dependency), so seq numbers stay gap-free and follow commit order; every record
// lock was taken earlier in the statement, so writers on the same record get seq numbers in their commit order.
// Entries are lists in the order of historyRow() in server/store/neo4j/mapping.ts without the seq:
// [recordId, recordType, version, op, before, after].
MERGE (c:Counter {name: 'history'})
  ON CREATE SET c.seq = 0
SET c.seq = c.seq + size($entries), c.lastWriteAt = $at
WITH c.seq - size($entries) AS base
UNWIND range(0, size($entries) - 1) AS i
WITH base + i + 1 AS seq, $entries[i] AS e
CREATE (:HistoryEntry {
  seq: seq,
  recordId: e[0],
  recordType: e[1],
  version: e[2],
  op: e[3],
  before: e[4],
  after: e[5],
  actor: $actor,
  at: $at
})
RETURN count(*) AS written
