MATCH (v:SavedView {name: $name})
DELETE v
