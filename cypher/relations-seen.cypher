// The ids among $ids that were ever written as relations: every write records history in its transaction, so an id
// without a relation history entry is not stored. One seek in history_record per id, where a direct lookup costs one
// seek per relationship type (relationship indexes are per type); only the ids found here are looked up by type.
UNWIND $ids AS id
MATCH (h:HistoryEntry {recordId: id})
WHERE h.recordType = 'relation'
RETURN DISTINCT id
