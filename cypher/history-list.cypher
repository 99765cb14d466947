// The seq predicate lets the planner walk the seq index in order instead of sorting all history; $afterSeq is -1
// unless the caller catches up from a known seq (the graph cache).
MATCH (h:HistoryEntry)
WHERE h.seq > $afterSeq
  AND ($actor IS NULL OR h.actor = $actor)
  AND ($since IS NULL OR h.at >= $since)
  AND ($until IS NULL OR h.at <= $until)
RETURN h {.*} AS h
ORDER BY h.seq
LIMIT $limit
