// SHA-256 of a byte string, as lower-case hex (FIPS 180-4).
//
// The workspace store keys documents by the hash of their original bytes, so
// that ingesting the same file twice is a no-op. A self-contained
// implementation keeps pkg_store free of a crypto library dependency; it is
// not meant for secrets (no constant-time guarantees needed here).
//
// Thread safety: pure function.
// Tested in tests/store/sha256_test.cc (the FIPS test vectors).
#pragma once

#include <string>
#include <string_view>

namespace pkg {

// 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace pkg
