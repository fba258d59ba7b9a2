// Tests web/server/auth_token.h: token sources, the 0600 file, refusal of a
// file others can read, and the bearer comparison.
#include "web/server/auth_token.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/store/test_dir.h"

namespace pkg {
namespace {

TEST_CASE("a token is given, read, or created once with mode 0600", "[web][token]") {
  testing::TempDir dir;
  std::string file = dir.file("ws.token");

  auto given = LoadOrCreateToken("given-token-1", file);
  REQUIRE(given.ok());
  CHECK(given->token == "given-token-1");
  CHECK(given->file.empty());
  CHECK(LoadOrCreateToken("short", file).status().code() == StatusCode::kInvalidArgument);

  auto created = LoadOrCreateToken("", file);
  REQUIRE(created.ok());
  CHECK(created->created);
  CHECK(created->token.size() == 64);
  struct stat st{};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  auto again = LoadOrCreateToken("", file);
  REQUIRE(again.ok());
  CHECK_FALSE(again->created);
  CHECK(again->token == created->token);

  ::chmod(file.c_str(), 0644);
  auto open = LoadOrCreateToken("", file);
  REQUIRE_FALSE(open.ok());
  CHECK(open.status().message().find("chmod 600") != std::string::npos);
}

TEST_CASE("an empty token file is refused", "[web][token]") {
  testing::TempDir dir;
  std::string file = dir.file("empty.token");
  { std::ofstream(file) << "\n"; }
  ::chmod(file.c_str(), 0600);
  CHECK(LoadOrCreateToken("", file).status().code() == StatusCode::kCorruption);
}

TEST_CASE("bearer headers match only the exact token", "[web][token]") {
  struct Case {
    const char* header;
    bool ok;
  };
  const Case cases[] = {
      {"Bearer secret-token", true},  {"Bearer secret-tokeN", false}, {"bearer secret-token", false},
      {"Bearer  secret-token", false}, {"Bearer secret-token ", false}, {"Basic secret-token", false},
      {"secret-token", false},         {"", false},                      {"Bearer ", false},
  };
  for (const Case& c : cases) {
    INFO(c.header);
    CHECK(BearerMatches(c.header, "secret-token") == c.ok);
  }
  CHECK_FALSE(BearerMatches("Bearer ", ""));
}

}  // namespace
}  // namespace pkg
