// BuildGraphView: base snapshot + document statements + curation → GraphView.
//
// The one recipe for the graph a server shows. The base snapshot is copied
// into a builder column by column (GraphBuilder::AddSnapshot), the
// documents' statements are added, every curated merge is applied on the
// builder (GraphBuilder::MergeNodes: merged_from, and merge_reason
// "KEY: curated merge:N: reason"; chains resolved as ApplyCuration resolves
// them) and the curated links added as edges. With no document, link or merge
// at all, the base snapshot is served as is (no copy). When `linking` is given, the documents' nodes are then linked
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
