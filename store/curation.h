// Curation records: what the workspace store keeps besides documents.
//
// Curators add links (edges the extractor missed), merge nodes that are the
// same item, and split merges that were wrong. Every record refers to nodes by
// their stable key (the statement "id"), never by a NodeId, so decisions
// survive re-ingesting and rebuilding. Ids are stable and shown to clients as
// "link:<n>", "merge:<n>", "split:<n>" (merges and splits share one sequence).
//
// Plain values; see workspace_store.h for how they are written and
// curation_apply.h for how they change a graph.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pkg {

// Who asked for a write, and why; recorded in the audit log with the write.
struct WriteContext {
  std::string who;     // the authenticated principal ("token", a user name)
  std::string why;     // the reason given by the client, may be empty
  std::string remote;  // remote address "ip:port"
};

struct StoredDocument {
  int64_t id = 0;
  std::string key;           // "doc:<first 16 hex digits of the content hash>"
  std::string name;          // file name as given
  std::string content_hash;  // SHA-256 of the original bytes, hex
  std::string metadata;      // JSON object text, "{}" when none
  int64_t added_at = 0;      // Unix milliseconds
  int64_t size = 0;          // bytes
  std::string bytes;         // original bytes; empty when not loaded
};

struct CuratedLink {
  int64_t id = 0;
  std::string from, to, type;  // node keys and the schema edge type
  std::string reason;
  int64_t created_at = 0;
  bool deleted = false;
};

// `merged` nodes become `keep`; their names become aliases of `keep`.
struct MergeDecision {
  int64_t id = 0;
  std::string keep;
  std::string keep_type, keep_name;  // as they were when decided (for export)
  std::vector<std::string> merged;
  std::vector<std::string> merged_names;  // parallel to `merged`
  std::string reason;
  int64_t created_at = 0;
  int64_t split_by = 0;  // id of the split that undid it; 0 while active
  bool active() const { return split_by == 0; }
};

// Undoes one curated merge (merge_id > 0), or merges the linker made
// (merge_id == 0): then `apart` lists the pairs of keys that must stay
// separate (the linker's cannot_link), and node_type / node_name record the
// named node as it was when decided (for export).
struct SplitDecision {
  int64_t id = 0;
  int64_t merge_id = 0;
  std::string node;  // the node key the client named, if it named one
  std::string reason;
  int64_t created_at = 0;
  std::vector<std::pair<std::string, std::string>> apart;
  std::string node_type, node_name;
};

struct Curation {
  std::vector<CuratedLink> links;     // by id, deleted ones included
  std::vector<MergeDecision> merges;  // by id, split ones included
  std::vector<SplitDecision> splits;  // by id
};

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;  // Unix milliseconds
  std::string who, why, remote, action, payload;
};

}  // namespace pkg
