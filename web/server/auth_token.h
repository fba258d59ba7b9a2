// The bearer token that guards write endpoints.
//
// LoadOrCreateToken: when a token is given (--token), it is used as is. Else
// the token file is read; when there is none, 32 random bytes from the kernel
// (getrandom) become a 64-hex-digit token written to a new file with mode 0600
// (created with O_EXCL, so an existing file is never overwritten). A token
// file readable by group or others is refused with a message saying how to
// fix it.
//
// TokenMatches compares in constant time for equal lengths.
//
// Thread safety: LoadOrCreateToken once at start; TokenMatches is pure.
// Tested in tests/web/auth_token_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace pkg {

struct TokenSource {
  std::string token;
  std::string file;      // the file read or created; "" when given directly
  bool created = false;  // a new file was written
};

// REQUIRES: `given` or `file` non-empty.
Result<TokenSource> LoadOrCreateToken(const std::string& given, const std::string& file);

// True when the Authorization header value is "Bearer <token>".
bool BearerMatches(std::string_view header_value, std::string_view token);

}  // namespace pkg
