// Filled in by its issue; nothing here yet.
