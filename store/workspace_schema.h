// The workspace store's SQL schema, as an ordered list of migrations.
//
// Migration i takes a store from schema version i to i + 1 (PRAGMA
// user_version); WorkspaceStore::Open runs the ones a file has not had yet,
// in one transaction. A new version appends a migration here and bumps
// WorkspaceStore::kSchemaVersion; existing migrations never change.
//
// Version 1 tables: documents (original bytes, content hash unique,
// metadata), links (curated edges by stable node keys, deleted flag),
// identity_decisions + merge_members (merges and the splits that undo them),
// audit_log (who, when, why, remote address, action, payload).
// Version 2: split_pairs (decision, position, key_a, key_b): the keys a split
// of linker merges keeps apart.
//
// Tested through tests/store/workspace_store_test.cc.
#pragma once

#include <vector>

namespace pkg {

const std::vector<const char*>& WorkspaceMigrations();

}  // namespace pkg
