// One auto-commit statement with history-tail.cypher appended. The entity_id constraint rejects a taken id.
CREATE (n:Entity:$$KIND$$)
SET n = $row
WITH DISTINCT 1 AS one
