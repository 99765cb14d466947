// Creates or replaces; the version check already happened in this transaction.
MERGE (v:SavedView {name: $view.name})
SET v = $view
