// GraphBuilder: statements → checked, merged Snapshot; see graph_builder.h.
//
// Nodes are rows appended in first-seen order. An edge may name a node key
// before the node's statement arrives: the key gets a placeholder row that
// the node statement later fills; Build() reports placeholders never filled.
// Edges are deduplicated at Build() by sorting on (from, type, to), which is
// also the order the CSR graph wants, so no hash map of edges is kept.
#include "graph/graph_builder.h"

#include <algorithm>
#include <numeric>

#include "graph/snapshot_data.h"

namespace pkg {

namespace {
constexpr uint8_t kPlaceholder = 0xFF;
constexpr uint8_t kMerged = 0xFE;  // row merged into redirect[row]
constexpr size_t kMaxReportedErrors = 50;

struct EdgeRec {
  uint32_t from, to;
  uint8_t type;
  uint32_t extra;  // kNone or index into edge_extras
};

void AppendUniqueProvenance(std::vector<Provenance>& into, std::vector<Provenance>&& from) {
  for (auto& p : from) {
    if (std::find(into.begin(), into.end(), p) == into.end()) into.push_back(std::move(p));
  }
}

void MergeProps(PropertyMap& into, PropertyMap&& from) {
  for (auto& [k, v] : from) SetProperty(into, k, std::move(v));
}
}  // namespace

struct BuilderState {
  std::vector<uint8_t> type;
  StringColumn keys;
  StringColumn names;              // append-only; name_row points into it
  std::vector<uint32_t> name_row;  // kNone for placeholders
  KeyIndex key_index;
  std::vector<uint32_t> extra;
  std::vector<NodeExtra> extras;
  std::vector<EdgeRec> edges;
  std::vector<EdgeExtra> edge_extras;
  std::vector<uint32_t> redirect;  // empty until the first merge; else row → row it merged into (or itself)

  // Follows merges to the row that now stands for `r`.
  uint32_t Resolve(uint32_t r) const {
    if (redirect.empty()) return r;
    for (int guard = 0; redirect[r] != r && guard < 1000000; ++guard) r = redirect[r];
    return r;
  }
  uint32_t RowFor(std::string_view key) {
    uint32_t r = key_index.Find(keys, key);
    if (r != KeyIndex::kEmpty) return Resolve(r);
    r = keys.push_back(key);
    type.push_back(kPlaceholder);
    name_row.push_back(kNone);
    extra.push_back(kNone);
    key_index.Insert(keys, r);
    if (!redirect.empty()) redirect.push_back(r);
    return r;
  }
  NodeExtra& ExtraOf(uint32_t r) {
    if (extra[r] == kNone) {
      extra[r] = static_cast<uint32_t>(extras.size());
      extras.emplace_back();
    }
    return extras[extra[r]];
  }
};

GraphBuilder::GraphBuilder(std::shared_ptr<const Schema> schema)
    : schema_(std::move(schema)), s_(std::make_unique<BuilderState>()) {}
GraphBuilder::~GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;

size_t GraphBuilder::num_nodes() const { return s_->keys.size(); }
size_t GraphBuilder::num_edges() const { return s_->edges.size(); }

Status GraphBuilder::AddNode(NodeStatement n) {
  auto t = schema_->FindNodeType(n.type);
  if (!t) return Status::Invalid("node \"" + n.id + "\": unknown type \"" + n.type + "\"");
  if (schema_->node_type(*t).abstract) return Status::Invalid("node \"" + n.id + "\": type " + n.type + " is abstract");
  if (n.id.empty()) return Status::Invalid("node with an empty id");
  uint32_t raw = s_->key_index.Find(s_->keys, n.id);
  bool merged_away = raw != KeyIndex::kEmpty && s_->type[raw] == kMerged;
  uint32_t r = s_->RowFor(n.id);
  if (!merged_away && s_->type[r] != kPlaceholder && s_->type[r] != t->v) {
    return Status::Invalid("node \"" + n.id + "\" is a " + n.type + " here but a " +
                           schema_->node_type(TypeId(s_->type[r])).name + " in an earlier statement");
  }
  std::string_view old_name;
  if (s_->name_row[r] == kNone) {
    s_->type[r] = t->v;
    s_->name_row[r] = s_->names.push_back(n.name.empty() ? n.id : n.name);
  } else {
    old_name = s_->names[s_->name_row[r]];
  }
  bool new_name = !old_name.empty() && !n.name.empty() && n.name != old_name;
  if (new_name || !n.name_en.empty() || !n.aliases.empty() || !n.props.empty() || !n.sources.empty()) {
    std::string_view canonical = s_->names[s_->name_row[r]];
    NodeExtra& x = s_->ExtraOf(r);
    if (!n.name_en.empty()) x.name_en = std::move(n.name_en);
    if (new_name) n.aliases.push_back(std::move(n.name));
    for (auto& a : n.aliases) {
      if (a != canonical && std::find(x.aliases.begin(), x.aliases.end(), a) == x.aliases.end()) {
        x.aliases.push_back(std::move(a));
      }
    }
    MergeProps(x.props, std::move(n.props));
    AppendUniqueProvenance(x.provenance, std::move(n.sources));
  }
  return Status::OK();
}

Status GraphBuilder::AddEdge(EdgeStatement e) {
  auto t = schema_->FindEdgeType(e.type);
  if (!t) return Status::Invalid("edge " + e.from + " -> " + e.to + ": unknown type \"" + e.type + "\"");
  if (e.from.empty() || e.to.empty()) return Status::Invalid("edge of type " + e.type + " with an empty endpoint");
  EdgeRec rec{s_->RowFor(e.from), s_->RowFor(e.to), t->v, kNone};
  if (!e.props.empty() || !e.sources.empty()) {
    rec.extra = static_cast<uint32_t>(s_->edge_extras.size());
    s_->edge_extras.push_back(EdgeExtra{std::move(e.props), std::move(e.sources)});
  }
  s_->edges.push_back(rec);
  return Status::OK();
}

// Into an empty builder of the same schema the snapshot's columns are copied
// as they are (no statement per node or edge, no key look-up per edge end):
// the server extends a snapshot of millions of edges on every write.
void GraphBuilder::AddSnapshot(const Snapshot& snap) {
  const Schema& sch = snap.schema();
  const SnapshotData& d = snap.data();
  const bool bulk = s_->keys.size() == 0 && s_->edges.empty() && &sch == schema_.get();
  if (bulk) {
    BuilderState& s = *s_;
    uint32_t n = snap.num_nodes();
    s.type = d.node_type;
    s.keys = d.keys;
    s.names = d.names;
    s.name_row.resize(n);
    std::iota(s.name_row.begin(), s.name_row.end(), 0u);
    s.key_index = d.key_index;
    s.extra = d.node_extra;
    s.extras = d.node_extras;
    s.edges.resize(snap.num_edges());
    for (uint32_t i = 0; i < snap.num_edges(); ++i) {
      EdgeId e(i);
      s.edges[i] = EdgeRec{snap.source(e).v, snap.target(e).v, d.edge_type[i], d.edge_extra[i]};
    }
    s.edge_extras = d.edge_extras;
  } else {
    for (uint32_t i = 0; i < snap.num_nodes(); ++i) {
      NodeId n(i);
      NodeStatement st;
      st.id = snap.key(n);
      st.type = sch.node_type(snap.type(n)).name;
      st.name = snap.name(n);
      st.name_en = snap.name_en(n);
      st.aliases = snap.aliases(n);
      st.props = snap.properties(n);
      st.sources = snap.provenance(n);
      (void)AddNode(std::move(st));
    }
  }
  // Keys merged away in the snapshot keep leading to the node they became.
  for (const auto& [key, node] : d.merged_keys) {
    if (s_->key_index.Find(s_->keys, key) != KeyIndex::kEmpty) continue;
    uint32_t into = s_->Resolve(s_->key_index.Find(s_->keys, snap.key(NodeId(node))));
    uint32_t r = s_->RowFor(key);
    if (s_->redirect.empty()) {
      s_->redirect.resize(s_->keys.size());
      for (uint32_t i = 0; i < s_->redirect.size(); ++i) s_->redirect[i] = i;
    }
    s_->type[r] = kMerged;
    s_->redirect[r] = into;
  }
  if (bulk) return;  // edges copied above
  for (uint32_t i = 0; i < snap.num_edges(); ++i) {
    EdgeId e(i);
    EdgeStatement st;
    st.type = sch.edge_type(snap.edge_type(e)).name;
    st.from = snap.key(snap.source(e));
    st.to = snap.key(snap.target(e));
    st.props = snap.edge_properties(e);
    st.sources = snap.edge_provenance(e);
    (void)AddEdge(std::move(st));
  }
}

GraphBuilder::NodeView GraphBuilder::node(size_t row) const {
  static const std::vector<std::string> kNoAliases;
  static const PropertyMap kNoProps;
  static const std::vector<Provenance> kNoSources;
  uint32_t r = static_cast<uint32_t>(row);
  NodeView v{s_->keys[r], TypeId(), {}, {}, &kNoAliases, &kNoProps, 0, &kNoSources};
  uint8_t t = s_->type[r];
  if (t == kPlaceholder || t == kMerged) return v;
  v.type = TypeId(t);
  v.name = s_->names[s_->name_row[r]];
  if (s_->extra[r] != kNone) {
    const NodeExtra& x = s_->extras[s_->extra[r]];
    v.name_en = x.name_en;
    v.aliases = &x.aliases;
    v.props = &x.props;
    v.provenance = x.provenance.size();
    v.sources = &x.provenance;
  }
  return v;
}

std::optional<size_t> GraphBuilder::FindRow(std::string_view key) const {
  uint32_t r = s_->key_index.Find(s_->keys, key);
  if (r == KeyIndex::kEmpty) return std::nullopt;
  return s_->Resolve(r);
}

Status GraphBuilder::MergeNodes(std::string_view keep, std::string_view drop, const std::string& reason) {
  auto k = FindRow(keep), d = FindRow(drop);
  if (!k || s_->type[*k] == kPlaceholder) return Status::NotFound("merge: no node has id \"" + std::string(keep) + "\"");
  if (!d || s_->type[*d] == kPlaceholder) return Status::NotFound("merge: no node has id \"" + std::string(drop) + "\"");
  if (*k == *d) return Status::AlreadyExists("merge: \"" + std::string(drop) + "\" is already part of \"" + std::string(keep) + "\"");
  uint32_t kr = static_cast<uint32_t>(*k), dr = static_cast<uint32_t>(*d);
  if (s_->redirect.empty()) {
    s_->redirect.resize(s_->keys.size());
    for (uint32_t i = 0; i < s_->redirect.size(); ++i) s_->redirect[i] = i;
  }
  std::string drop_name(s_->names[s_->name_row[dr]]);
  std::string drop_key(s_->keys[dr]);
  NodeExtra dropped;
  if (s_->extra[dr] != kNone) dropped = std::move(s_->extras[s_->extra[dr]]);
  std::string_view canonical = s_->names[s_->name_row[kr]];
  NodeExtra& x = s_->ExtraOf(kr);
  auto add_alias = [&](std::string a) {
    if (!a.empty() && a != canonical && std::find(x.aliases.begin(), x.aliases.end(), a) == x.aliases.end()) {
      x.aliases.push_back(std::move(a));
    }
  };
  add_alias(drop_name);
  for (auto& a : dropped.aliases) add_alias(std::move(a));
  if (x.name_en.empty()) x.name_en = std::move(dropped.name_en);
  else add_alias(std::move(dropped.name_en));
  for (auto& [key, v] : dropped.props) {
    if (key == "merged_from" || key == "merge_reason") continue;
    if (!FindProperty(x.props, key)) x.props.emplace_back(key, std::move(v));
  }
  AppendUniqueProvenance(x.provenance, std::move(dropped.provenance));
  auto append_list = [&](const char* prop, std::string item) {
    const Value* old = FindProperty(x.props, prop);
    StringList l = old && old->kind() == Value::Kind::kList ? old->as_list() : StringList{};
    l.push_back(std::move(item));
    SetProperty(x.props, prop, Value(std::move(l)));
  };
  append_list("merged_from", drop_key);
  append_list("merge_reason", drop_key + ": " + reason);
  s_->type[dr] = kMerged;
  s_->redirect[dr] = kr;
  return Status::OK();
}

namespace {

// Shared by Build (copying) and Finish-like paths: turns a builder state into
// snapshot data. Takes the state by value so callers choose copy or move.
Result<SnapshotPtr> BuildFrom(BuilderState s, std::shared_ptr<const Schema> schema,
                              const GraphBuilder::BuildOptions& opts) {
  const Schema& sch = *schema;
  std::vector<std::string> errors;
  size_t more = 0;
  auto report = [&](std::string m) {
    if (opts.skip_invalid) {
      if (opts.dropped) opts.dropped->push_back(m);
    } else if (errors.size() < kMaxReportedErrors) {
      errors.push_back(std::move(m));
    } else {
      ++more;
    }
  };
  auto describe = [&](const EdgeRec& e) {
    return std::string(s.keys[e.from]) + " -[" + sch.edge_type(EdgeTypeId(e.type)).name + "]-> " +
           std::string(s.keys[e.to]);
  };
  // 1. Check edges: endpoints known, endpoint types allowed.
  std::vector<EdgeRec> edges;
  edges.reserve(s.edges.size());
  if (!s.redirect.empty()) {
    for (EdgeRec& e : s.edges) {
      e.from = s.Resolve(e.from);
      e.to = s.Resolve(e.to);
    }
    // Self-loops made by a merge (a edge between two merged rows) are dropped.
    std::erase_if(s.edges, [](const EdgeRec& e) { return e.from == e.to; });
  }
  for (const EdgeRec& e : s.edges) {
    if (s.type[e.from] == kPlaceholder || s.type[e.to] == kPlaceholder) {
      std::string_view missing = s.type[e.from] == kPlaceholder ? s.keys[e.from] : s.keys[e.to];
      report("edge " + describe(e) + ": no node has id \"" + std::string(missing) + "\"");
      continue;
    }
    if (!sch.EdgeAllowed(EdgeTypeId(e.type), TypeId(s.type[e.from]), TypeId(s.type[e.to]))) {
      report("edge " + describe(e) + ": " + sch.edge_type(EdgeTypeId(e.type)).name + " may not join a " +
             sch.node_type(TypeId(s.type[e.from])).name + " to a " + sch.node_type(TypeId(s.type[e.to])).name);
      continue;
    }
    edges.push_back(e);
  }
  std::vector<EdgeRec>().swap(s.edges);
  if (!errors.empty()) {
    std::string msg;
    for (const auto& m : errors) msg += (msg.empty() ? "" : "\n") + m;
    if (more) msg += "\n... and " + std::to_string(more) + " more";
    return Status::Invalid(msg);
  }
  // 2. Renumber: drop placeholder rows (only possible when skipping invalid edges).
  uint32_t n_old = s.keys.size();
  std::vector<uint32_t> remap;
  bool compact = std::any_of(s.type.begin(), s.type.end(), [](uint8_t t) { return t == kPlaceholder || t == kMerged; });
  auto d = std::make_unique<SnapshotData>();
  d->schema = schema;
  d->version = opts.version;
  if (compact) {
    remap.assign(n_old, kNone);
    uint32_t next = 0;
    for (uint32_t r = 0; r < n_old; ++r) {
      if (s.type[r] == kPlaceholder || s.type[r] == kMerged) continue;
      remap[r] = next++;
      d->node_type.push_back(s.type[r]);
      d->keys.push_back(s.keys[r]);
      d->names.push_back(s.names[s.name_row[r]]);
      if (s.extra[r] == kNone) {
        d->node_extra.push_back(kNone);
      } else {
        d->node_extra.push_back(static_cast<uint32_t>(d->node_extras.size()));
        d->node_extras.push_back(std::move(s.extras[s.extra[r]]));
      }
    }
    for (auto& e : edges) { e.from = remap[e.from]; e.to = remap[e.to]; }
    d->key_index.Rebuild(d->keys);
    for (uint32_t r = 0; r < n_old; ++r) {
      if (s.type[r] == kMerged) d->merged_keys.emplace_back(std::string(s.keys[r]), remap[s.Resolve(r)]);
    }
    std::sort(d->merged_keys.begin(), d->merged_keys.end());
  } else {
    d->node_type = std::move(s.type);
    d->keys = std::move(s.keys);
    d->key_index = std::move(s.key_index);
    bool names_in_order = true;
    for (uint32_t r = 0; r < n_old && names_in_order; ++r) names_in_order = s.name_row[r] == r;
    if (names_in_order && s.names.size() == n_old) {
      d->names = std::move(s.names);
    } else {
      d->names.reserve(n_old, s.names.bytes().size());
      for (uint32_t r = 0; r < n_old; ++r) d->names.push_back(s.names[s.name_row[r]]);
    }
    d->node_extra = std::move(s.extra);
    d->node_extras = std::move(s.extras);
  }
  // 3. Sort edges by (from, type, to) and merge duplicates with their
  // provenance. A snapshot copied in (AddSnapshot) is a sorted prefix: only
  // the edges after it are sorted, then merged in.
  auto edge_less = [](const EdgeRec& a, const EdgeRec& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.type != b.type) return a.type < b.type;
    return a.to < b.to;
  };
  auto sorted_end = std::is_sorted_until(edges.begin(), edges.end(), edge_less);
  std::sort(sorted_end, edges.end(), edge_less);
  std::inplace_merge(edges.begin(), sorted_end, edges.end(), edge_less);
  size_t w = 0;
  for (size_t i = 0; i < edges.size(); ++i) {
    if (w > 0 && edges[w - 1].from == edges[i].from && edges[w - 1].type == edges[i].type &&
        edges[w - 1].to == edges[i].to) {
      EdgeRec& keep = edges[w - 1];
      if (edges[i].extra != kNone) {
        if (keep.extra == kNone) {
          keep.extra = edges[i].extra;
        } else {
          EdgeExtra& into = s.edge_extras[keep.extra];
          EdgeExtra& from = s.edge_extras[edges[i].extra];
          MergeProps(into.props, std::move(from.props));
          AppendUniqueProvenance(into.provenance, std::move(from.provenance));
        }
      }
      continue;
    }
    edges[w++] = edges[i];
  }
  edges.resize(w);
  // 4. CSR graph, both directions. Edges are already grouped by source, and
  // Boost's counting placement is stable, so forward position i is edges[i].
  uint32_t n = static_cast<uint32_t>(d->node_type.size());
  {
    std::vector<std::pair<uint32_t, uint32_t>> pairs;
    pairs.reserve(edges.size());
    for (const auto& e : edges) pairs.emplace_back(e.from, e.to);
    d->graph = CsrGraph(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), n);
  }
  d->edge_type.resize(edges.size());
  d->edge_source.resize(edges.size());
  d->edge_extra.resize(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    d->edge_type[i] = edges[i].type;
    d->edge_source[i] = edges[i].from;
    if (edges[i].extra == kNone) {
      d->edge_extra[i] = kNone;
    } else {
      d->edge_extra[i] = static_cast<uint32_t>(d->edge_extras.size());
      d->edge_extras.push_back(std::move(s.edge_extras[edges[i].extra]));
    }
  }
  BuildNameIndex(*d);
  return SnapshotPtr(std::make_shared<Snapshot>(std::move(d)));
}

}  // namespace

Result<SnapshotPtr> GraphBuilder::Build(const BuildOptions& opts) const { return BuildFrom(*s_, schema_, opts); }

Result<SnapshotPtr> GraphBuilder::Finish(const BuildOptions& opts) && {
  BuilderState s = std::move(*s_);
  *s_ = BuilderState();
  return BuildFrom(std::move(s), schema_, opts);
}

}  // namespace pkg
