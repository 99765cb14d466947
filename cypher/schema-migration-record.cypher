// The history counter exists before the first write, and the schema version is recorded so migration runs once.
MERGE (c:Counter {name: 'history'})
  ON CREATE SET c.seq = 0
MERGE (m:SchemaMigration {version: $version})
  ON CREATE SET m.appliedAt = $at
