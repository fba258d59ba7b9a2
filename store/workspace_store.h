// WorkspaceStore: the durable side of a served graph, in one SQLite file.
//
// Holds ingested documents (original bytes, metadata, content hash, so the
// same content twice is a no-op), curated links, identity decisions (merges
// and the splits that undo them) and an audit log. The file is opened in WAL
// mode with synchronous=FULL; every write is one BEGIN IMMEDIATE transaction
// that also appends its audit entry, and it is committed before the method
// returns OK. A failed commit is returned as an error, never as success, so a
// caller that acknowledges only OK results never acknowledges a lost write.
//
// Schema version lives in PRAGMA user_version; Open() creates or migrates.
// A file written by a newer version is refused (kFailedPrecondition).
//
// It does not build graphs or check keys against one: the server checks that
// nodes exist before asking for a link or merge (see web/server/live_graph.h);
// curation_apply.h turns the records into graph changes.
//
// Thread safety: all methods are safe to call from several threads (one
// internal mutex serialises use of the connection).
// Tested in tests/store/workspace_store_test.cc.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/curation.h"
#include "store/sqlite_db.h"

namespace pkg {

class WorkspaceStore {
 public:
  static constexpr int64_t kSchemaVersion = 2;

  // Opens or creates the store at `path`.
  static Result<std::unique_ptr<WorkspaceStore>> Open(const std::string& path);

  const std::string& path() const { return db_.path(); }

  // ---- documents
  struct AddedDocument {
    StoredDocument doc;  // without bytes
    bool duplicate = false;  // the same content was already stored; nothing written
  };
  // Stores a document unless its content hash is known. `metadata` must be a
  // JSON object text (the caller builds it); "" is stored as "{}".
  Result<AddedDocument> AddDocument(std::string_view name, std::string_view bytes,
                                    std::string_view metadata, const WriteContext& ctx);
  // Every document in insertion order; bytes included when `with_bytes`.
  Result<std::vector<StoredDocument>> ListDocuments(bool with_bytes);
  // kNotFound when no document has this key.
  Result<StoredDocument> GetDocument(std::string_view key);

  // ---- curated links
  Result<CuratedLink> AddLink(std::string_view from, std::string_view to, std::string_view type,
                              const WriteContext& ctx);
  // Marks a link deleted. kNotFound for an unknown id, kAlreadyExists when it
  // was already deleted.
  Status DeleteLink(int64_t id, const WriteContext& ctx);

  // ---- identity decisions
  // REQUIRES: merged non-empty, names parallel to keys.
  Result<MergeDecision> AddMerge(const MergeDecision& decision, const WriteContext& ctx);
  // Undoes merge `merge_id`. kNotFound for an unknown merge, kAlreadyExists
  // when it was already split.
  Result<SplitDecision> SplitMerge(int64_t merge_id, const WriteContext& ctx);
  // Undoes the most recent active merge that names `node` (as keep or merged).
  // kNotFound when there is none.
  Result<SplitDecision> SplitNode(std::string_view node, const WriteContext& ctx);

  // Records a split of merges the linker made: `d.apart` (REQUIRED non-empty)
  // lists the key pairs to keep apart; d.node, node_type, node_name describe
  // the node the client named. merge_id of the result is 0.
  Result<SplitDecision> SplitLinked(const SplitDecision& d, const WriteContext& ctx);

  // The store's change sequence: the id of the last audit entry (every write
  // appends one in its transaction), 0 for a new store. Equal sequences mean
  // equal contents.
  Result<int64_t> ChangeSequence();

  // Everything curated, in id order (deleted links and split merges included).
  Result<Curation> LoadCuration();

  // The last `limit` audit entries, newest first.
  Result<std::vector<AuditEntry>> ListAudit(size_t limit);

 private:
  WorkspaceStore() = default;
  Status Migrate();
  Status Audit(std::string_view action, std::string_view payload, const WriteContext& ctx,
               int64_t now);
  Result<SplitDecision> SplitLocked(int64_t merge_id, std::string_view node,
                                    const WriteContext& ctx);

  std::mutex mu_;
  SqliteDb db_;
};

// Current time in Unix milliseconds.
int64_t NowMillis();

}  // namespace pkg
