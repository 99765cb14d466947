MATCH (h:HistoryEntry {recordId: $recordId})
WHERE h.seq > $afterSeq
  AND ($actor IS NULL OR h.actor = $actor)
  AND ($since IS NULL OR h.at >= $since)
  AND ($until IS NULL OR h.at <= $until)
RETURN h {.*} AS h
ORDER BY h.seq
LIMIT $limit
