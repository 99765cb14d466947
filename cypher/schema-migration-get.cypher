MATCH (m:SchemaMigration {version: $version})
RETURN m.version AS version
