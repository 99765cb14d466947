MATCH (v:SavedView)
RETURN v {.*} AS v
ORDER BY v.name
