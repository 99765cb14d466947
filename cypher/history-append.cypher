// $entries carry their seq numbers (taken under the counter lock); $seq is the last of them. Entries are lists in
// the order of historyRow() in server/store/neo4j/mapping.ts: [seq, recordId, recordType, version, op, before,
// after]; actor and time are the same for the whole transaction.
MATCH (c:Counter {name: 'history'})
SET c.seq = $seq
WITH c
UNWIND $entries AS e
CREATE (:HistoryEntry {
  seq: e[0],
  recordId: e[1],
  recordType: e[2],
  version: e[3],
  op: e[4],
  before: e[5],
  after: e[6],
  actor: $actor,
  at: $at
})
