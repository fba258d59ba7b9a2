// Test helpers shared by the ingest tests that read the shipped rule files and
// real documents directly (not through an Extractor: see extract_fixture.h).
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "ingest/rules.h"

namespace pkg::testing {

// A file's bytes ("" when it cannot be read).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// data/rules as shipped, loaded once per test binary.
inline const pkg::ingest::RuleSet& ShippedRules() {
  static const std::shared_ptr<const pkg::ingest::RuleSet> rules = [] {
    auto r = pkg::ingest::RuleSet::LoadDir(std::string(PKG_TEST_DIR) + "/../data/rules");
    REQUIRE(r.ok());
    return *r;
  }();
  return *rules;
}

}  // namespace pkg::testing
