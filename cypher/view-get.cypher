MATCH (v:SavedView {name: $name})
RETURN v {.*} AS v
