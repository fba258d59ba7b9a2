// LiveGraph: the graph a server reads, and the one place writes go through.
//
// Readers call Current() and get a std::shared_ptr<const GraphView>: an
// immutable snapshot plus what the API needs beside it (which edges are
// curated links, which keys were merged away). They never wait for writers
// and never see half a change.
//
// A write (ingest a document, add or delete a link, merge, split) runs under
// one writer mutex: it checks the request against the current view, commits
// it to the WorkspaceStore (a failed commit is returned and nothing changes),
// builds the next view (base graph + every stored document's statements +
// curated decisions applied, curated ones winning, then the documents'
// nodes linked against the base as `policykg load` links; see
// live_graph_build.h) and swaps it in atomically.
//
// Splits: a split names a curated merge, or a node. A node in a curated
// merge in force undoes that merge; otherwise the merges the linker made
// with that node (it was merged into another, or others into it) are undone
// by recording the pairs as cannot_link (WorkspaceStore::SplitLinked). When a
// pair was merged in the base graph itself, the base is loaded again with
// every cannot_link pair (`reload_base`); a base that cannot be reloaded (a
// snapshot file) refuses such a split (kInvalidArgument). At most `max_waiting_writers` writes wait for
// the mutex; more are refused with kResourceExhausted (HTTP 429).
//
// After each swap a ViewUpkeep (view_upkeep.h) trims freed memory, builds
// the search index and, when `saved_view` is set, saves the view beside the
// store tagged with the store's change sequence (saved_view.h). Create opens
// that saved view instead of rebuilding when its tag matches the store and
// the inputs; the stored documents are then extracted only when a later
// write needs a rebuild.
//
// Document texts come from the store (ingested documents) or from the
// documents among the serve inputs, kept in memory by key.
//
// It does not speak HTTP (web/server/*_routes.cc do) or parse requests.
// Thread safety: every method is thread-safe.
// Tested end to end in tests/web/ (the server binary).
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "graph/statement_reader.h"
#include "link/base_mentions.h"
#include "link/linker.h"
#include "store/curation.h"
#include "store/workspace_store.h"

namespace pkg {

class ViewUpkeep;

struct GraphView {
  SnapshotPtr snap;
  uint64_t version = 0;
  // LinkEdgeKey(from, type, to) → curated link id (store/curation_apply.h).
  std::unordered_map<std::string, int64_t> link_edges;
  // Key merged away → the key it now lives under.
  std::unordered_map<std::string, std::string> merged_into;
  size_t documents = 0;  // Document nodes in snap
  // Counts by node type and by edge type (indexed by TypeId / EdgeTypeId).
  std::vector<size_t> nodes_by_type, edges_by_type;
};
using GraphViewPtr = std::shared_ptr<const GraphView>;

// Extracts one document (original bytes) into statements; `id` is the
// Document key to use.
using ExtractFn = std::function<Status(const std::string& name, const std::string& bytes,
                                       const std::string& id,
                                       const std::function<void(Statement&&)>& sink)>;

struct DocumentText {
  std::string name;
  std::string bytes;  // original file bytes
};

struct LiveGraphOptions {
  std::shared_ptr<const Schema> schema;
  SnapshotPtr base;  // the serve inputs, loaded
  // Documents among the inputs, by Document key (for /api/documents/{id}).
  std::unordered_map<std::string, DocumentText> base_documents;
  WorkspaceStore* store = nullptr;  // REQUIRED; outlives the LiveGraph
  ExtractFn extract;                // nullptr: document upload is refused
  size_t max_waiting_writers = 8;
  // Links uploaded and stored documents to the base; nullptr: no linking.
  std::shared_ptr<const Linker> linker;
  // Loads the serve inputs again with these pairs kept apart by the linker;
  // nullptr when the base cannot be re-linked.
  std::function<Result<SnapshotPtr>(const std::vector<std::pair<std::string, std::string>>& cannot_link)>
      reload_base;
  // For uploads to mention the base items they name (link/base_mentions.h):
  // the document's text as extraction normalises it, and the linking rules.
  // Either unset: uploads mention only what the extractor found.
  std::function<Result<NormalizedDocument>(const std::string& name, const std::string& bytes)> normalize;
  std::shared_ptr<const KeyRules> name_rules;
  // Where the view is saved after each write and opened from on start ("":
  // not saved), and the fingerprint of what the base was loaded from.
  std::string saved_view;
  std::string inputs_fingerprint;
};

class LiveGraph {
 public:
  // Opens the saved view when it matches, else extracts every stored
  // document, applies curation and builds the first view.
  static Result<std::unique_ptr<LiveGraph>> Create(LiveGraphOptions opts);
  ~LiveGraph();

  // True when the first view came from the saved view (no rebuild on start).
  bool opened_saved_view() const { return opened_saved_; }
  // True when no upkeep (search index, save) is pending; for tests and benchmarks.
  bool UpkeepIdle() const;

  GraphViewPtr Current() const { return std::atomic_load(&view_); }
  const Schema& schema() const { return *opts_.schema; }

  struct Ingested {
    std::string id;
    size_t nodes = 0, edges = 0;
    bool duplicate = false;
  };
  // kInvalidArgument when the extractor refuses the document (nothing stored).
  Result<Ingested> IngestDocument(const std::string& name, const std::string& bytes,
                                  const std::string& metadata, const WriteContext& ctx);
  // kNotFound for unknown keys or edge type (HTTP 422 in the routes), kInvalidArgument
  // when the schema does not allow the type between those nodes.
  Result<CuratedLink> AddLink(const std::string& from, const std::string& to,
                              const std::string& type, const WriteContext& ctx);
  Status DeleteLink(int64_t id, const WriteContext& ctx);
  Result<MergeDecision> Merge(const std::string& keep, const std::vector<std::string>& merged,
                              const WriteContext& ctx);
  // Exactly one of merge_id (> 0) and node.
  Result<SplitDecision> Split(int64_t merge_id, const std::string& node, const WriteContext& ctx);

  Result<Curation> LoadCuration() const { return opts_.store->LoadCuration(); }

  // The original text of a document: from the inputs or the store.
  Result<DocumentText> GetDocumentText(const std::string& key) const;
  // Byte size of a stored or input document; -1 when unknown.
  int64_t DocumentSize(const std::string& key) const;

 private:
  explicit LiveGraph(LiveGraphOptions opts);
  // Extracts the stored documents into doc_statements_ unless done.
  // REQUIRES: write_mu_ held.
  Status LoadDocumentsLocked();
  // The base's link index, waiting for the background build if it runs.
  // REQUIRES: write_mu_ held.
  std::shared_ptr<const LinkIndex> BaseIndexLocked();
  void StartBaseIndex();
  // The base's names for uploads' mentions (nullptr when off), waiting for
  // the background build. REQUIRES: write_mu_ held.
  std::shared_ptr<const BaseNames> BaseNamesLocked();
  // Appends to `st` (one document's statements) the mentions of base items
  // its text names. REQUIRES: write_mu_ held.
  void AddBaseMentionsLocked(const std::string& name, const std::string& bytes, std::vector<Statement>& st);
  // Rebuilds from the cached statements and the store's curation; swaps it in.
  // REQUIRES: write_mu_ held.
  Status RebuildLocked();
  // A split of the linker's merges with `node`. REQUIRES: write_mu_ held.
  Result<SplitDecision> SplitLinkedLocked(const std::string& node, const WriteContext& ctx);
  // Runs `fn` under the writer mutex, or refuses when too many wait.
  template <class Fn>
  auto WithWriter(Fn fn) -> decltype(fn());

  LiveGraphOptions opts_;
  std::shared_ptr<const GraphView> view_;
  std::mutex write_mu_;
  std::atomic<size_t> waiting_{0};
  // Statements of each stored document, in store order (guarded by write_mu_).
  std::vector<std::pair<std::string, std::vector<Statement>>> doc_statements_;
  std::unordered_map<std::string, int64_t> stored_sizes_;  // guarded by sizes_mu_
  mutable std::mutex sizes_mu_;
  uint64_t next_version_ = 1;
  bool docs_loaded_ = false;                     // guarded by write_mu_
  bool opened_saved_ = false;
  std::shared_ptr<const LinkIndex> base_index_;  // of opts_.base (guarded by write_mu_)
  std::thread base_index_thread_;                // builds base_index_ after Create
  std::mutex index_mu_;                          // guards base_index_, base_names_ while the thread runs
  std::shared_ptr<const BaseNames> base_names_;  // of opts_.base (guarded by index_mu_)
  std::unique_ptr<ViewUpkeep> upkeep_;           // last member: stops first
};

}  // namespace pkg
