// The seq predicate lets the planner walk the seq index in order instead of sorting all history.
MATCH (h:HistoryEntry)
WHERE h.seq >= 0
  AND ($actor IS NULL OR h.actor = $actor)
  AND ($since IS NULL OR h.at >= $since)
  AND ($until IS NULL OR h.at <= $until)
RETURN h {.*} AS h
ORDER BY h.seq
LIMIT $limit
