// Tests store/sha256.h against the FIPS 180-4 / NIST example vectors and
// padding boundaries (55, 56, 63, 64 bytes).
#include "store/sha256.h"

#include <catch2/catch.hpp>
#include <string>

namespace pkg {
namespace {

struct Case {
  std::string input;
  const char* hex;
};

TEST_CASE("Sha256Hex matches the known vectors", "[store][sha256]") {
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      {"The quick brown fox jumps over the lazy dog",
       "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"},
      // 55 bytes: padding fits in one block; 56: needs a second block.
      {std::string(55, 'a'), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {std::string(56, 'a'), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
  };
  for (const Case& c : cases) {
    INFO("input length " << c.input.size());
    CHECK(Sha256Hex(c.input) == c.hex);
  }
}

TEST_CASE("Sha256Hex hashes UTF-8 bytes as bytes", "[store][sha256]") {
  std::string a = Sha256Hex("先导产业母基金");
  std::string b = Sha256Hex("先导产业母基");
  CHECK(a.size() == 64);
  CHECK(a != b);
  CHECK(a == Sha256Hex(std::string("先导产业母基金")));
}

}  // namespace
}  // namespace pkg
