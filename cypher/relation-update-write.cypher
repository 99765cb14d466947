// One auto-commit statement with history-tail.cypher appended: same type and endpoints, only properties change.
// The relationship is locked before its version is read (see node-update-write.cypher); no row when it moved.
MATCH ()-[r:$$TYPE$$ {id: $row[2]}]->()
SET r.writeLock = true
REMOVE r.writeLock
WITH r
WHERE r.version = $version
SET r.weight = $row[3],
    r.props = $row[4],
    r.sources = $row[5],
    r.evidence = $row[6],
    r.validFrom = $row[7],
    r.validTo = $row[8],
    r.note = $row[9],
    r.version = $row[10],
    r.createdAt = $row[11],
    r.createdBy = $row[12],
    r.updatedAt = $row[13],
    r.updatedBy = $row[14]
WITH DISTINCT 1 AS one
