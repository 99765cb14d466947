// First statement of a saved-view write. Views have no history, so the write takes the view's own lock (MERGE on the
// unique name, then a dummy write) rather than a global one; version 0 means no such view (the placeholder goes
// away with the transaction's rollback, or is overwritten by view-save).
MERGE (v:SavedView {name: $name})
  ON CREATE SET v.version = 0
SET v.writeLock = true
REMOVE v.writeLock
RETURN v.version AS version
