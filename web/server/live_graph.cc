// LiveGraph: see live_graph.h.
#include "web/server/live_graph.h"

#include <chrono>
#include <cstdio>
#include <unordered_set>

#include "store/curation_apply.h"
#include "store/sha256.h"
#include "web/server/live_graph_build.h"
#include "web/server/saved_view.h"
#include "web/server/view_upkeep.h"

namespace pkg {
namespace {

void CountStatements(const std::vector<Statement>& st, size_t* nodes, size_t* edges) {
  *nodes = *edges = 0;
  for (const Statement& s : st) ++(std::holds_alternative<NodeStatement>(s) ? *nodes : *edges);
}

}  // namespace

template <class Fn>
auto LiveGraph::WithWriter(Fn fn) -> decltype(fn()) {
  if (waiting_.fetch_add(1) >= opts_.max_waiting_writers) {
    waiting_.fetch_sub(1);
    return Status::Exhausted("too many writes are waiting; retry in a moment");
  }
  std::lock_guard lock(write_mu_);
  waiting_.fetch_sub(1);
  return fn();
}

LiveGraph::LiveGraph(LiveGraphOptions opts) : opts_(std::move(opts)) {
  ViewUpkeep::SaveFn save;
  if (!opts_.saved_view.empty()) {
    save = [path = opts_.saved_view, fp = opts_.inputs_fingerprint](const GraphView& view, int64_t seq) {
      if (seq < 0) return;
      Status s = SaveView(*view.snap, path, SavedViewTag{seq, fp});
      if (!s.ok()) std::fprintf(stderr, "policykg: warning: the view was not saved: %s\n", s.message().c_str());
    };
  }
  upkeep_ = std::make_unique<ViewUpkeep>(std::move(save));
}

LiveGraph::~LiveGraph() {
  if (base_index_thread_.joinable()) base_index_thread_.join();
  upkeep_.reset();
}

bool LiveGraph::UpkeepIdle() const { return upkeep_->Idle(); }

Result<std::unique_ptr<LiveGraph>> LiveGraph::Create(LiveGraphOptions opts) {
  if (!opts.store) return Status::Invalid("LiveGraph needs a workspace store");
  std::unique_ptr<LiveGraph> g(new LiveGraph(std::move(opts)));
  auto docs = g->opts_.store->ListDocuments(/*with_bytes=*/false);
  if (!docs.ok()) return docs.status();
  for (const StoredDocument& d : *docs) g->stored_sizes_[d.key] = d.size;
  std::lock_guard lock(g->write_mu_);
  if (!g->opts_.saved_view.empty()) {
    auto seq = g->opts_.store->ChangeSequence();
    auto curation = g->opts_.store->LoadCuration();
    if (!seq.ok()) return seq.status();
    if (!curation.ok()) return curation.status();
    auto snap = OpenSavedView(g->opts_.saved_view, SavedViewTag{*seq, g->opts_.inputs_fingerprint},
                              g->opts_.schema);
    if (snap.ok()) {
      uint64_t version = (*snap)->version();
      g->next_version_ = version + 1;
      GraphViewPtr view = ViewOfSnapshot(g->opts_.schema, *snap, *curation, version);
      std::atomic_store(&g->view_, view);
      g->opened_saved_ = true;
      std::fprintf(stderr, "policykg: opened the saved view %s (store change %lld); nothing rebuilt\n",
                   g->opts_.saved_view.c_str(), static_cast<long long>(*seq));
      g->upkeep_->Published(view, -1);  // search index; nothing to save
      g->StartBaseIndex();
      return g;
    }
    if (snap.status().code() != StatusCode::kNotFound) {
      std::fprintf(stderr, "policykg: the saved view is not used, the graph is rebuilt: %s\n",
                   snap.status().message().c_str());
    }
  }
  PKG_RETURN_IF_ERROR(g->LoadDocumentsLocked());
  PKG_RETURN_IF_ERROR(g->RebuildLocked());
  g->StartBaseIndex();
  return g;
}

Status LiveGraph::LoadDocumentsLocked() {
  if (docs_loaded_) return Status::OK();
  auto docs = opts_.store->ListDocuments(/*with_bytes=*/true);
  if (!docs.ok()) return docs.status();
  doc_statements_.clear();
  for (StoredDocument& d : *docs) {
    std::vector<Statement> st;
    if (opts_.extract) {
      Status s = opts_.extract(d.name, d.bytes, d.key, [&st](Statement&& x) { st.push_back(std::move(x)); });
      if (!s.ok()) {
        // It was accepted once; a changed extractor may refuse it now. Keep
        // serving the rest and say so.
        std::fprintf(stderr, "policykg: warning: stored document %s (%s) no longer extracts: %s\n",
                     d.key.c_str(), d.name.c_str(), s.message().c_str());
        st.clear();
      } else {
        AddBaseMentionsLocked(d.name, d.bytes, st);
      }
    }
    doc_statements_.emplace_back(d.key, std::move(st));
  }
  docs_loaded_ = true;
  return Status::OK();
}

void LiveGraph::StartBaseIndex() {
  // The base's link index takes seconds on a graph of a million nodes: build
  // it once, in the background, so the first upload does not pay for it.
  if (!opts_.linker || !opts_.base || opts_.base->num_nodes() == 0) return;
  const bool names = opts_.extract && opts_.normalize && opts_.name_rules;
  base_index_thread_ = std::thread([this, linker = opts_.linker, base = opts_.base, names,
                                    rules = opts_.name_rules] {
    auto t0 = std::chrono::steady_clock::now();
    auto idx = linker->IndexSnapshot(base);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "policykg: link index of the base: %zu keys, %.0f MB, %.1f s\n", idx->keys.size(),
                 idx->memory() / 1e6, s);
    {
      std::lock_guard lock(index_mu_);
      if (!base_index_) base_index_ = std::move(idx);
    }
    if (names) {
      t0 = std::chrono::steady_clock::now();
      auto bn = BaseNames::Build(base, rules);
      std::fprintf(stderr, "policykg: names of the base for uploads: %zu anchors, %.1f s\n", bn->num_anchors(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      std::lock_guard lock(index_mu_);
      if (!base_names_) base_names_ = std::move(bn);
    }
  });
}

std::shared_ptr<const LinkIndex> LiveGraph::BaseIndexLocked() {
  if (base_index_thread_.joinable()) base_index_thread_.join();
  std::lock_guard lock(index_mu_);
  if (!base_index_ || base_index_->snap != opts_.base) base_index_ = opts_.linker->IndexSnapshot(opts_.base);
  return base_index_;
}

std::shared_ptr<const BaseNames> LiveGraph::BaseNamesLocked() {
  if (!opts_.base || !opts_.normalize || !opts_.name_rules || opts_.base->num_nodes() == 0) return nullptr;
  if (base_index_thread_.joinable()) base_index_thread_.join();
  std::lock_guard lock(index_mu_);
  if (!base_names_ || !base_names_->Of(opts_.base)) base_names_ = BaseNames::Build(opts_.base, opts_.name_rules);
  return base_names_;
}

void LiveGraph::AddBaseMentionsLocked(const std::string& name, const std::string& bytes, std::vector<Statement>& st) {
  auto names = BaseNamesLocked();
  if (!names) return;
  CorpusDocument doc;
  doc.path = name;
  std::string region;
  for (const Statement& s : st) {
    if (const auto* n = std::get_if<NodeStatement>(&s)) {
      if (n->type == "Document") {
        doc.key = n->id;
        if (const Value* r = FindProperty(n->props, "region"); r && r->kind() == Value::Kind::kString) region = r->as_string();
      } else {
        for (const Provenance& p : n->sources) doc.item_spans.emplace_back(p.begin, p.end);
      }
    } else if (const auto* e = std::get_if<EdgeStatement>(&s); e && e->type == "MENTIONS") {
      doc.mentioned.push_back(e->to);
    }
  }
  if (doc.key.empty()) return;
  auto text = opts_.normalize(name, bytes);
  if (!text.ok()) return;  // it extracted, so it decodes; nothing to add otherwise
  std::shared_ptr<const LinkIndex> index;
  if (opts_.linker && opts_.base) index = BaseIndexLocked();
  for (Statement& s : names->MentionsIn(doc, *text, region, 4, opts_.linker.get(), index.get())) {
    st.push_back(std::move(s));
  }
}

Status LiveGraph::RebuildLocked() {
  PKG_RETURN_IF_ERROR(LoadDocumentsLocked());
  auto curation = opts_.store->LoadCuration();
  if (!curation.ok()) return curation.status();
  std::vector<std::string> dropped;
  ViewLinking linking;
  std::shared_ptr<const LinkIndex> index;
  if (opts_.linker && opts_.base && !doc_statements_.empty()) {
    index = BaseIndexLocked();
    linking.linker = opts_.linker.get();
    linking.base_index = index.get();
    linking.options.cannot_link = CannotLinkPairs(*curation);
  }
  auto view = BuildGraphView(opts_.schema, opts_.base, doc_statements_, *curation,
                             next_version_, &dropped, &linking);
  if (!view.ok()) return view.status();
  ++next_version_;
  std::atomic_store(&view_, std::shared_ptr<const GraphView>(*view));
  // The store's sequence now (this writer holds the mutex: nothing else
  // commits), so a saved view says exactly which writes it includes.
  auto seq = opts_.store->ChangeSequence();
  upkeep_->Published(*view, seq.ok() ? *seq : -1);
  return Status::OK();
}

Result<LiveGraph::Ingested> LiveGraph::IngestDocument(const std::string& name,
                                                      const std::string& bytes,
                                                      const std::string& metadata,
                                                      const WriteContext& ctx) {
  if (!opts_.extract) {
    return Status::Precondition("this server has no extractor; documents cannot be uploaded");
  }
  return WithWriter([&]() -> Result<Ingested> {
    std::string key = "doc:" + Sha256Hex(bytes).substr(0, 16);
    Ingested out;
    out.id = key;
    PKG_RETURN_IF_ERROR(LoadDocumentsLocked());
    for (const auto& [k, st] : doc_statements_) {
      if (k == key) {
        out.duplicate = true;
        CountStatements(st, &out.nodes, &out.edges);
        return out;
      }
    }
    std::vector<Statement> st;
    Status s = opts_.extract(name, bytes, key, [&st](Statement&& x) { st.push_back(std::move(x)); });
    if (s.code() == StatusCode::kFailedPrecondition) return s;
    if (!s.ok()) return Status::Invalid(name + ": " + s.message());
    AddBaseMentionsLocked(name, bytes, st);
    auto added = opts_.store->AddDocument(name, bytes, metadata, ctx);
    if (!added.ok()) return added.status();
    out.duplicate = added->duplicate;
    CountStatements(st, &out.nodes, &out.edges);
    if (!added->duplicate) {
      {
        std::lock_guard lock(sizes_mu_);
        stored_sizes_[key] = static_cast<int64_t>(bytes.size());
      }
      doc_statements_.emplace_back(key, std::move(st));
      Status r = RebuildLocked();
      if (!r.ok()) return Status::Internal("the document is stored but the graph was not rebuilt: " + r.message());
    }
    return out;
  });
}

Result<CuratedLink> LiveGraph::AddLink(const std::string& from, const std::string& to,
                                       const std::string& type, const WriteContext& ctx) {
  return WithWriter([&]() -> Result<CuratedLink> {
    GraphViewPtr view = Current();
    const Snapshot& snap = *view->snap;
    auto et = schema().FindEdgeType(type);
    if (!et) {
      std::string hint = schema().SuggestEdgeType(type);
      return Status::NotFound("unknown edge type \"" + type + "\"" +
                              (hint.empty() ? "" : "; did you mean " + hint + "?"));
    }
    auto a = snap.FindByKey(from);
    auto b = snap.FindByKey(to);
    if (!a) return Status::NotFound("no node with key \"" + from + "\"");
    if (!b) return Status::NotFound("no node with key \"" + to + "\"");
    if (*a == *b) return Status::Invalid("a link needs two different nodes");
    if (!schema().EdgeAllowed(*et, snap.type(*a), snap.type(*b))) {
      return Status::Invalid("the schema does not allow " + type + " from a " +
                             schema().node_type(snap.type(*a)).name + " to a " +
                             schema().node_type(snap.type(*b)).name);
    }
    auto link = opts_.store->AddLink(from, to, type, ctx);
    if (!link.ok()) return link;
    Status r = RebuildLocked();
    if (!r.ok()) return Status::Internal("the link is stored but the graph was not rebuilt: " + r.message());
    return link;
  });
}

Status LiveGraph::DeleteLink(int64_t id, const WriteContext& ctx) {
  return WithWriter([&]() -> Status {
    PKG_RETURN_IF_ERROR(opts_.store->DeleteLink(id, ctx));
    Status r = RebuildLocked();
    if (!r.ok()) return Status::Internal("the deletion is stored but the graph was not rebuilt: " + r.message());
    return Status::OK();
  });
}

Result<MergeDecision> LiveGraph::Merge(const std::string& keep,
                                       const std::vector<std::string>& merged,
                                       const WriteContext& ctx) {
  return WithWriter([&]() -> Result<MergeDecision> {
    GraphViewPtr view = Current();
    const Snapshot& snap = *view->snap;
    auto k = snap.FindByKey(keep);
    if (!k) return Status::NotFound("no node with key \"" + keep + "\" to keep");
    if (merged.empty()) return Status::Invalid("\"merge\" lists no node");
    MergeDecision d;
    d.keep = keep;
    d.keep_type = schema().node_type(snap.type(*k)).name;
    d.keep_name = std::string(snap.name(*k));
    std::unordered_set<std::string> seen;
    for (const std::string& m : merged) {
      if (m == keep) return Status::Invalid("\"" + m + "\" is the kept node; it cannot be merged into itself");
      if (!seen.insert(m).second) return Status::Invalid("\"" + m + "\" is listed twice");
      auto n = snap.FindByKey(m);
      if (!n) return Status::NotFound("no node with key \"" + m + "\" to merge");
      d.merged.push_back(m);
      d.merged_names.emplace_back(snap.name(*n));
    }
    auto r = opts_.store->AddMerge(d, ctx);
    if (!r.ok()) return r;
    Status b = RebuildLocked();
    if (!b.ok()) return Status::Internal("the merge is stored but the graph was not rebuilt: " + b.message());
    return r;
  });
}

Result<SplitDecision> LiveGraph::Split(int64_t merge_id, const std::string& node,
                                       const WriteContext& ctx) {
  return WithWriter([&]() -> Result<SplitDecision> {
    auto r = merge_id > 0 ? opts_.store->SplitMerge(merge_id, ctx) : opts_.store->SplitNode(node, ctx);
    if (merge_id == 0 && !r.ok() && r.status().code() == StatusCode::kNotFound) {
      return SplitLinkedLocked(node, ctx);
    }
    if (!r.ok()) return r;
    Status b = RebuildLocked();
    if (!b.ok()) return Status::Internal("the split is stored but the graph was not rebuilt: " + b.message());
    return r;
  });
}

Result<SplitDecision> LiveGraph::SplitLinkedLocked(const std::string& node, const WriteContext& ctx) {
  GraphViewPtr view = Current();
  const Snapshot& snap = *view->snap;
  auto n = snap.FindByKey(node);
  if (!n) return Status::NotFound("no node with key \"" + node + "\"");
  std::string here(snap.key(*n));
  SplitDecision d;
  d.node = node;
  d.node_type = schema().node_type(snap.type(*n)).name;
  if (here != node) {
    // `node` was merged into `here`; its own name is among here's aliases, unknown which.
    d.apart.emplace_back(node, here);
  } else {
    d.node_name = std::string(snap.name(*n));
    Value from = snap.property(*n, "merged_from");
    if (from.kind() == Value::Kind::kList) {
      for (const std::string& m : from.as_list()) {
        if (!view->merged_into.count(m)) d.apart.emplace_back(node, m);  // curated merges are not the linker's
      }
    }
  }
  if (d.apart.empty()) return Status::NotFound("no merge in force involves node \"" + node + "\"");
  // Pairs merged in the base graph itself need the base loaded again.
  bool in_base = false;
  for (const auto& [a, b] : d.apart) {
    auto x = opts_.base ? opts_.base->FindByKey(a) : std::nullopt;
    auto y = opts_.base ? opts_.base->FindByKey(b) : std::nullopt;
    in_base = in_base || (x && y && *x == *y);
  }
  if (in_base && !opts_.reload_base) {
    return Status::Invalid("\"" + node + "\" was merged in the snapshot file this server reads, which cannot be "
                           "linked again; serve the statements or documents it was made from to split it");
  }
  auto r = opts_.store->SplitLinked(d, ctx);
  if (!r.ok()) return r;
  if (in_base) {
    auto curation = opts_.store->LoadCuration();
    if (!curation.ok()) return Status::Internal("the split is stored but the graph was not rebuilt: " + curation.status().message());
    auto base = opts_.reload_base(CannotLinkPairs(*curation));
    if (!base.ok()) return Status::Internal("the split is stored but the base graph was not reloaded: " + base.status().message());
    opts_.base = *base;
  }
  Status b = RebuildLocked();
  if (!b.ok()) return Status::Internal("the split is stored but the graph was not rebuilt: " + b.message());
  return r;
}

Result<DocumentText> LiveGraph::GetDocumentText(const std::string& key) const {
  auto it = opts_.base_documents.find(key);
  if (it != opts_.base_documents.end()) return it->second;
  auto d = opts_.store->GetDocument(key);
  if (!d.ok()) {
    if (d.status().code() == StatusCode::kNotFound) {
      return Status::NotFound("no text is kept for document \"" + key + "\"");
    }
    return d.status();
  }
  return DocumentText{d->name, std::move(d->bytes)};
}

int64_t LiveGraph::DocumentSize(const std::string& key) const {
  auto it = opts_.base_documents.find(key);
  if (it != opts_.base_documents.end()) return static_cast<int64_t>(it->second.bytes.size());
  std::lock_guard lock(sizes_mu_);
  auto s = stored_sizes_.find(key);
  return s == stored_sizes_.end() ? -1 : s->second;
}

}  // namespace pkg
