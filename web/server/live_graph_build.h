// BuildGraphView: base snapshot + document statements + curation → GraphView.
//
// The one recipe for the graph a server shows. When no merge is in force the
// base snapshot is copied into the builder as is (GraphBuilder::AddSnapshot)
// and the documents' statements and curated links are added on top; when a
// merge is in force, the base is turned back into statements
// (SnapshotStatements) so that the merge can re-key its nodes and edges.
// With no document, link or merge at all, the base snapshot is served as
// is (no copy). When `linking` is given, the documents' nodes are then linked
// against each other and the base (Linker::LinkNew through the base's
// LinkIndex, curated splits as cannot_link), as `policykg load` links its
// inputs. Edges that no longer fit (unknown endpoint, disallowed types after a merge)
// are dropped and reported, never fatal.
//
// It does not read the store or run the extractor; LiveGraph does.
// Thread safety: pure function of its inputs.
// Tested end to end in tests/web/ (curation and restart tests).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"
#include "graph/statement_reader.h"
#include "link/linker.h"
#include "store/curation.h"
#include "web/server/live_graph.h"

namespace pkg {

// Every node and edge of `snap` as statements (keys, names, properties,
// provenance), nodes first.
void SnapshotStatements(const Snapshot& snap, std::vector<NodeStatement>& nodes,
                        std::vector<EdgeStatement>& edges);

// The view of a snapshot that already holds base, documents and curation (a
// saved view, saved_view.h): the curation's look-up maps and the counts.
GraphViewPtr ViewOfSnapshot(const std::shared_ptr<const Schema>& schema, SnapshotPtr snap,
                            const Curation& curation, uint64_t version);

// How a view links documents to the base; see BuildGraphView.
struct ViewLinking {
  const Linker* linker = nullptr;
  const LinkIndex* base_index = nullptr;  // of the `base` given to BuildGraphView
  LinkOptions options;                    // cannot_link: the curated splits
  LinkReport* report = nullptr;           // filled when not null
};

Result<GraphViewPtr> BuildGraphView(
    const std::shared_ptr<const Schema>& schema, const SnapshotPtr& base,
    const std::vector<std::pair<std::string, std::vector<Statement>>>& documents,
    const Curation& curation, uint64_t version, std::vector<std::string>* dropped,
    const ViewLinking* linking = nullptr);

}  // namespace pkg
