// Text utilities for Chinese: name normalisation, display width, UTF-8 checks.
//
// NormalizeName is the one definition of "the same name" used by the name
// index, the linker and the query engine: NFKC (full-width → ASCII),
// Traditional → Simplified (per character, from ICU's Traditional-Simplified
// transform), ASCII lower case, quotes and brackets “”「」《》 removed, white
// space removed. Pure ASCII input takes a fast path.
//
// DisplayWidth counts terminal columns: East Asian wide and full-width code
// points are 2, combining marks 0, others 1 (ICU's UCHAR_EAST_ASIAN_WIDTH).
//
// Thread safety: all functions are thread-safe (tables are built once).
// Tested in tests/base/text_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pkg {

std::string NormalizeName(std::string_view s);

// Traditional → Simplified, per code point; everything else unchanged.
std::string ToSimplified(std::string_view s);
// The same, in place, keeping every byte offset: true when done; false (s
// untouched) when the tables hold a simplified form of another UTF-8 length,
// so that offsets could not be kept (never with ICU's tables so far).
bool SimplifyInPlace(std::string& s);

// Han → pinyin without tones, syllables joined without spaces ("shanghai").
std::string ToPinyin(std::string_view s);

// Terminal columns of a UTF-8 string.
size_t DisplayWidth(std::string_view s);

// `s` followed by spaces up to `width` display columns (unchanged if wider).
std::string PadToWidth(std::string_view s, size_t width);

// True when `s` is valid UTF-8; otherwise *bad_offset is the first bad byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

// Number of code points of UTF-8 text (continuation bytes not counted).
size_t Utf8Length(std::string_view s);

// Truncates to at most `max_bytes` without cutting a code point.
std::string_view Utf8Prefix(std::string_view s, size_t max_bytes);

}  // namespace pkg
