// One breadth-first step: the neighbours of $ids in either direction.
UNWIND $ids AS id
MATCH (:Entity {id: id})--(m:Entity)
RETURN DISTINCT m.id AS id
