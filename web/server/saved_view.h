// Saved views: the server's current graph written beside its store, so that a
// restart opens it instead of extracting every stored document and
// rebuilding.
//
// The view is a snapshot file (graph/snapshot_file.h: atomic, checksummed)
// at PATH, and a tag at PATH.tag naming what it was built from: the store's
// change sequence (WorkspaceStore::ChangeSequence) and a fingerprint of the
// serve inputs, data files and binary (InputsFingerprint), plus the snapshot
// file's size. The tag is written after the snapshot, so a crash between
// the two leaves a tag that no longer matches (the sequence or the size),
// never a tag vouching for the wrong file. OpenSavedView opens the file only
// when the tag matches what is expected now; anything else (missing,
// mismatched, damaged) is an error saying why, and the caller rebuilds.
//
// Thread safety: stateless functions.
// Tested in tests/web/saved_view_test.cc (restart with and without a valid
// saved view).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "graph/snapshot.h"

namespace pkg {

struct SavedViewTag {
  int64_t seq = -1;    // store change sequence the view includes
  std::string inputs;  // InputsFingerprint of what the base was loaded from
};

// Writes the snapshot to `path`, then the tag to path + ".tag".
Status SaveView(const Snapshot& snap, const std::string& path, const SavedViewTag& tag);

// The snapshot at `path` when its tag equals `expect`; kNotFound when there
// is no saved view, kFailedPrecondition when it is out of date, the
// snapshot reader's error when the file is damaged.
Result<SnapshotPtr> OpenSavedView(const std::string& path, const SavedViewTag& expect,
                                  std::shared_ptr<const Schema> schema);

// Hex fingerprint of paths (folders walked, sorted): each file's path, size
// and modification time. Missing paths count as missing, not as errors.
std::string InputsFingerprint(const std::vector<std::string>& paths);

}  // namespace pkg
