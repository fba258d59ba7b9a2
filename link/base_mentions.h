// BaseNames: the names of a served graph's items, for documents uploaded to
// it. An upload mentions the base items it names, as a load of all the
// documents together would have found them (corpus_mentions.h): a news page
// uploaded to a server whose graph holds 国家制造业转型升级基金 mentions the
// fund even where no sentence describes it.
//
// Names are matched by canonical key through the base's link index when the
// server has one (Linker::Denoted), else exactly, through the snapshot's
// name index (Snapshot::FindByName: names, aliases and English names;
// script, width, case and quotes do not matter); among Measures and
// Enterprises, with
// mention_scan.h's candidates (anchored on the last two characters of the
// base's names and on the generic endings of the linking rules), its
// minimum lengths and its rule on names relative to a region. Region: an item
// found only in documents of one region is named by a bare name only in a
// document of that region or of none.
// What it does not do, unlike a load: look for agencies (the extractor
// resolves them with the document's region), or scan the base's documents
// for the names of the upload's items (their text is not kept).
//
// Thread safety: immutable after Build; MentionsIn is const.
// Tested in tests/link/base_mentions_test.cc.
#pragma once

#include <memory>
#include <unordered_set>

#include "graph/snapshot.h"
#include "link/canonical_key.h"
#include "link/corpus_mentions.h"
#include "link/linker.h"

namespace pkg {

class BaseNames {
 public:
  // Reads every name of `base`'s Measures and Enterprises once.
  static std::shared_ptr<const BaseNames> Build(SnapshotPtr base, std::shared_ptr<const KeyRules> rules,
                                                MentionScanner::Options opts = {});

  // The statements (node provenance, MENTIONS) of `doc`'s places that name
  // base items, at most `max_per_item` places per item; `text` is the
  // document as extraction normalised it.
  // With `linker` and an `index` of the same base (LinkIndex), names are
  // matched by canonical key instead (region prefix, tier word, generic
  // ending and phase position as in a load; a region-prefixed match names a
  // node of that region or of none).
  std::vector<Statement> MentionsIn(const CorpusDocument& doc, const NormalizedDocument& text,
                                    std::string_view doc_region, size_t max_per_item = 4,
                                    const Linker* linker = nullptr, const LinkIndex* index = nullptr) const;

  size_t num_anchors() const { return anchors_.size(); }
  bool Of(const SnapshotPtr& base) const { return base_ == base; }

 private:
  BaseNames() = default;
  bool Wanted(TypeId t) const;

  SnapshotPtr base_;
  std::shared_ptr<const KeyRules> rules_;
  MentionScanner::Options opts_;
  std::optional<TypeId> measure_, enterprise_;
  std::vector<TypeId> types_;  // the concrete types looked for
  std::unordered_set<uint64_t> anchors_;
  std::unordered_set<uint32_t> starters_;
  size_t max_chars_ = 0;
};

}  // namespace pkg
