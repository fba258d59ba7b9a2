// Snapshot files: a Snapshot written to disk and opened again.
//
// Format (version 1): a 64-byte header {magic "PKGSNAP\0", format version,
// schema fingerprint, node and edge counts, payload length, payload checksum,
// header checksum} followed by tagged sections of flat arrays (the CSR graph,
// string columns, indexes) and serialised extras. Written atomically:
// temporary file, fsync, rename, fsync of the directory, so a crash leaves
// either the old file or the new one. Opening checks magic, version, schema
// fingerprint, lengths and checksums: a truncated or damaged file is refused
// with a message naming the file and the fault, never half-loaded.
//
// Thread safety: stateless functions.
// Tested in tests/graph/snapshot_file_test.cc.
#pragma once

#include <string>

#include "base/status.h"
#include "graph/schema.h"
#include "graph/snapshot.h"

namespace pkg {

inline constexpr char kSnapshotExtension[] = ".pkg";

Status WriteSnapshotFile(const Snapshot& snap, const std::string& path);

// Opens a snapshot written by WriteSnapshotFile with the same schema.
Result<SnapshotPtr> ReadSnapshotFile(const std::string& path, std::shared_ptr<const Schema> schema);

// True when the file starts with the snapshot magic.
bool IsSnapshotFile(const std::string& path);

}  // namespace pkg
