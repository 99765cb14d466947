// The ids were checked absent in this transaction; the entity_id constraint is the backstop.
UNWIND $rows AS row
CREATE (n:Entity:$$KIND$$)
SET n = row
