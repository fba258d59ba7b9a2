// Decode: the bytes of a file → UTF-8 text, with a map back to the bytes.
//
// Accepts UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030 (and so
// GBK/GB2312) and Big5. Encoding detection: a BOM wins; then valid UTF-8;
// then GB18030 when the byte statistics leave no doubt (no Big5-style trail
// bytes, or a GB18030 four-byte form), else ICU's charset detector decides
// between GB18030 and Big5. CR LF and lone CR become LF.
// What it does not do: guess at text in any other charset, repair mojibake,
// or normalise characters (normalize.h does that).
//
// Errors (Status kInvalidArgument) name the byte offset: a NUL byte (binary
// file), a byte sequence that is neither UTF-8 nor convertible, or a file
// mixing UTF-8 with another encoding. Input over kMaxDocumentBytes is refused
// with kResourceExhausted before any work.
//
// Tested in tests/ingest/decode_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pkg::ingest {

inline constexpr size_t kMaxDocumentBytes = 64u << 20;  // 64 MiB

struct DecodedText {
  std::string utf8;      // decoded text, LF line ends
  std::string encoding;  // "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"
  // orig[i] = offset in the original bytes of utf8 byte i (size utf8.size()+1);
  // a character's first byte maps to its first original byte, its last byte
  // to its last original byte.
  std::vector<uint32_t> orig;

  uint32_t OriginalOffset(size_t i) const { return orig[i]; }
};

Result<DecodedText> Decode(std::string_view bytes);

// Appends the map entries for one output character of n bytes that came from
// original bytes [at, at + len): first byte → at, last byte → at + len - 1.
inline void PushOrig(std::vector<uint32_t>& orig, size_t n, uint32_t at, uint32_t len) {
  if (len == 0) len = 1;
  for (size_t k = 0; k < n; ++k) {
    uint32_t off = k == 0 ? 0 : (k + 1 == n ? len - 1 : (k < len ? static_cast<uint32_t>(k) : len - 1));
    orig.push_back(at + off);
  }
}

}  // namespace pkg::ingest
