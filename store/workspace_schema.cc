// The workspace store's SQL schema: see workspace_schema.h.
#include "store/workspace_schema.h"

namespace pkg {

const std::vector<const char*>& WorkspaceMigrations() {
  static const std::vector<const char*> kMigrations = {
    R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  bytes BLOB NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  added_at INTEGER NOT NULL
);
CREATE TABLE links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  from_key TEXT NOT NULL,
  to_key TEXT NOT NULL,
  type TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  deleted_at INTEGER
);
CREATE TABLE identity_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  keep_key TEXT,
  keep_type TEXT,
  keep_name TEXT,
  split_of INTEGER REFERENCES identity_decisions(id),
  node_key TEXT,
  reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX identity_split_once ON identity_decisions(split_of) WHERE kind = 'split';
CREATE TABLE merge_members (
  decision_id INTEGER NOT NULL REFERENCES identity_decisions(id),
  position INTEGER NOT NULL,
  member_key TEXT NOT NULL,
  member_name TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (decision_id, position)
);
CREATE INDEX merge_members_key ON merge_members(member_key);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  who TEXT NOT NULL,
  why TEXT NOT NULL DEFAULT '',
  remote TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT ''
);
)sql",
    // Version 2: splits of the linker's (automatic) merges name the pairs of
    // keys that must stay apart; split_of is NULL for them.
    R"sql(
CREATE TABLE split_pairs (
  decision_id INTEGER NOT NULL REFERENCES identity_decisions(id),
  position INTEGER NOT NULL,
  key_a TEXT NOT NULL,
  key_b TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
);
)sql",
};
  return kMigrations;
}

}  // namespace pkg
