// A node whose kind changes swaps its kind label; its properties are then written by node-update.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
REMOVE n:$$OLD_KIND$$
SET n:$$KIND$$
