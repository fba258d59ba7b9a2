// Statement emission; see emit.h.
#include "ingest/emit.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <span>

#include "base/text.h"
#include "ingest/doc_metadata.h"
#include "ingest/emit_buffers.h"
#include "ingest/flat_u64_set.h"
#include "ingest/instrument.h"
#include "ingest/np_scan.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
using namespace emit;  // emit_buffers.h
namespace {

// A node while the document's mentions are read. Its strings are views of
// the mentions, the lexicon and literals (all outlive the call), written as
// a NodeView (emit_buffers.h: StatementOut). Its sources are its first (up
// to 8) mentions.
struct Node {
  std::string_view id, type, name, name_en;
  std::vector<std::string_view> aliases;
  PropertyMap props;
  int first = -1;  // its first mention (all of them: mentions_of)
  std::string_view first_rule;  // when set, the first source's rule
  uint32_t first_begin = 0, first_end = 0;  // the first source's span in the file, once written
  bool standalone = false;  // seen outside another item's name
  bool weak = true;
  bool used = false;        // an edge uses it
};

constexpr size_t kMaxSources = 8;

void AddAlias(Node& n, std::string_view a) {
  if (a.empty() || (a.data() == n.name.data() && a.size() == n.name.size()) || a == n.name) return;
  if (std::find(n.aliases.begin(), n.aliases.end(), a) == n.aliases.end()) n.aliases.push_back(a);
}

void MergeProps(PropertyMap& into, const PropertyMap& from) {
  for (const auto& [k, v] : from) {
    const Value* old = FindProperty(into, k);
    if (!old) {
      into.emplace_back(k, v);
    } else if (k == "level" && old->kind() == Value::Kind::kList && v.kind() == Value::Kind::kList) {
      StringList l = old->as_list();
      for (const auto& x : v.as_list()) {
        if (std::find(l.begin(), l.end(), x) == l.end()) l.push_back(x);
      }
      SetProperty(into, k, l);
    }
  }
}

}  // namespace

void EmitStatements(const EmitInput& in, const std::vector<Mention>& ms, const std::vector<Relation>& rels,
                    StatementVisitor& sink) {
  const DocContext& ctx = *in.ctx;
  const DocMetadata& md = *ctx.md;
  const Lexicon& L = *ctx.lex;
  Quotes quote(ctx);
  // Nodes by key, in order of first mention.
  std::vector<Node> nodes;
  nodes.reserve(ms.size());
  NodeIndex by_key(ms.size());  // keys: the nodes' ids (views of the mentions' keys and of owned_keys)
  auto key_of = [&](int k) { return nodes[k].id; };
  std::deque<std::string> owned_keys;
  std::vector<int> node_of(ms.size(), -1);
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    const auto [at, fresh] = by_key.FindOrAdd(m.key, static_cast<int>(nodes.size()), key_of);
    if (fresh) {
      Node& n = nodes.emplace_back();
      n.id = m.key;
      n.type = m.type;
      n.name = m.name;
      if (m.lex_entry >= 0) {
        const LexEntry& x = L.entries()[m.lex_entry];
        n.name = x.name;
        n.name_en = x.name_en;
        for (const auto& a : x.aliases) AddAlias(n, a);
      }
    }
    Node& n = nodes[at];
    node_of[i] = at;
    AddAlias(n, m.name);
    for (const auto& a : m.aliases) AddAlias(n, a);
    if (!m.props.empty()) MergeProps(n.props, m.props);
    n.standalone |= !m.embedded;
    n.weak &= m.weak;
    if (n.first < 0) n.first = static_cast<int>(i);
  }
  // Each node's mentions, in order, in one array cut per node; a node made
  // later (an office's body, below) has just its first.
  const size_t mention_nodes = nodes.size();
  std::vector<uint32_t> node_begin(mention_nodes + 2, 0);
  for (int k : node_of) ++node_begin[k + 2];
  for (size_t k = 2; k < node_begin.size(); ++k) node_begin[k] += node_begin[k - 1];
  std::vector<int> node_mentions(ms.size());
  for (size_t i = 0; i < ms.size(); ++i) node_mentions[node_begin[node_of[i] + 1]++] = static_cast<int>(i);
  auto mentions_of = [&](size_t k) -> std::span<const int> {
    if (k >= mention_nodes) return {&nodes[k].first, 1};
    return {node_mentions.data() + node_begin[k], node_begin[k + 1] - node_begin[k]};
  };
  // Edges.
  // type and rule (used when rel is null) are literals or rule ids.
  struct E { std::string_view type; int from, to; const Relation* rel; std::string_view rule; };
  std::vector<E> edges;
  edges.reserve(rels.size() + 16);
  // Schema look-ups scan the type lists by name: resolve each name once.
  FlatU64Set seen(rels.size() + 16);  // (edge type, from, to) packed: never 0 (from != to)
  const int doc_node = -2;
  TypeIds<TypeId> node_types;
  auto find_node_type = [&](std::string_view t) { return in.schema->FindNodeType(t); };
  const auto doc_tid = in.schema->FindNodeType("Document");
  std::vector<std::optional<TypeId>> node_tid(nodes.size());
  for (size_t k = 0; k < nodes.size(); ++k) node_tid[k] = node_types.Get(nodes[k].type, find_node_type);
  // Every edge type passed is a literal or a Relation's (static) type.
  TypeIds<EdgeTypeId> edge_types;
  auto find_edge_type = [&](std::string_view t) { return in.schema->FindEdgeType(t); };
  auto add_edge = [&](std::string_view type, int from, int to, const Relation* rel,
                      std::string_view rule = "metadata.issuer") {
    if (from == to) return;
    const auto tid = edge_types.Get(type, find_edge_type);
    if (!tid) return;
    auto ft = from == doc_node ? doc_tid : node_tid[from], tt = to == doc_node ? doc_tid : node_tid[to];
    if (!ft || !tt || !in.schema->EdgeAllowed(*tid, *ft, *tt)) return;
    uint64_t packed = (uint64_t{tid->v} << 48) | (uint64_t(uint32_t(from + 2)) << 24) | uint64_t(uint32_t(to + 2));
    if (!seen.insert(packed)) return;
    edges.push_back(E{type, from, to, rel, rule});
    if (from != doc_node) nodes[from].used = true;
    if (to != doc_node) nodes[to].used = true;
  };
  for (const Relation& r : rels) {
    int from = r.from < 0 ? doc_node : node_of[r.from];
    add_edge(r.type, from, node_of[r.to], &r);
  }
  // Issuer: an agency in the title prefix, the 发文机关, or an agency publisher.
  int issuer = -1;
  std::vector<std::string> publishers;
  for (std::string_view who : Publishers(md.publisher)) publishers.push_back(NormalizeName(who));
  // A title without 关于 is a headline ("省政府召开常务会议 研究部署…") when a 来源 names a
  // publisher: the agency it names did something, the publisher issued the page.
  // (Not a title that names its body before a colon: "上海市经济和信息化委员会:强化…" is that body's.)
  const bool headline = !publishers.empty() && md.issuer_text.empty() && md.title.find("关于") == std::string::npos;
  for (size_t i = 0; i < ms.size() && issuer < 0; ++i) {
    const Mention& m = ms[i];
    if (m.type != "Agency"sv) continue;
    bool in_title = md.title_span.contains(m.span.begin) &&
                    (md.issuer_text.empty() || md.title.find(m.name) != std::string::npos ||
                     md.issuer_text.find(std::string(ctx.text.substr(m.span.begin, m.span.end - m.span.begin))) != std::string::npos);
    bool named = !publishers.empty() && (publishers.front() == NormalizeName(m.name) ||
                                         std::find(m.aliases.begin(), m.aliases.end(), md.publisher) != m.aliases.end());
    if ((in_title && !headline) || named) issuer = node_of[i];
  }
  // Co-issuers: every agency named in the title before 关于 ("A B关于印发…的
  // 通知"); with none in the title, the agencies of the signature block.
  std::vector<int> issuers;
  if (issuer >= 0) issuers.push_back(issuer);
  size_t about = md.title.find("关于");
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.type != "Agency"sv || m.embedded) continue;
    bool in_prefix = about != std::string::npos && about > 0 && md.title_span.contains(m.span.begin) &&
                     m.span.end <= md.title_span.begin + about;
    bool signed_by = issuer < 0 && md.signature.contains(m.span.begin) && m.span.end <= md.signature.end;
    // The other bodies of a 来源: list co-publish it.
    bool co_published = m.rule == "metadata.publisher" && publishers.size() > 1 &&
                        std::find(publishers.begin() + 1, publishers.end(), NormalizeName(m.name)) != publishers.end();
    if ((in_prefix || signed_by || co_published) && std::find(issuers.begin(), issuers.end(), node_of[i]) == issuers.end()) {
      issuers.push_back(node_of[i]);
    }
  }
  // A press release (新闻公报 / 新闻稿 near the top) with no issuer named is
  // issued by the body that announces it or whose spokesman speaks:
  // "香港特别行政区政府创新科技及工业局今日(三月六日)宣布", "创新科技及工业局发言人表示".
  if (issuers.empty()) {
    const std::string_view head = ctx.text.substr(0, std::min<size_t>(ctx.text.size(), md.body_begin + 400));
    if (head.find("新闻公报") != std::string_view::npos || head.find("新闻稿") != std::string_view::npos) {
      for (size_t i = 0; i < ms.size(); ++i) {
        const Mention& m = ms[i];
        if (m.type != "Agency"sv || m.embedded || m.span.begin < md.body_begin) continue;
        size_t p = m.span.end;
        if (At(ctx.text, p, "今日")) {
          p += 6;
          if (At(ctx.text, p, "(")) {
            const size_t close = ctx.text.find(')', p);
            p = close != std::string_view::npos && close < p + 40 ? close + 1 : p;
          }
        }
        const bool announces = At(ctx.text, p, "宣布") || At(ctx.text, p, "公布") || At(ctx.text, m.span.end, "发言人");
        if (announces && std::find(issuers.begin(), issuers.end(), node_of[i]) == issuers.end()) {
          issuers.push_back(node_of[i]);
        }
      }
    }
  }
  for (int who : issuers) {
    nodes[who].used = true;
    add_edge("ISSUED", who, doc_node, nullptr);
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].doc_measure && ms[i].type == "Policy"sv) add_edge("ISSUED", who, node_of[i], nullptr);
    }
  }
  // "关于开展X工作的通知": the issuers run X. An office (工业和信息化部办公厅) issues
  // for its body (工业和信息化部), which is the one RESPONSIBLE; X is the
  // longest pilot, initiative or platform the title names after 开展.
  if (size_t kai = md.title.find("关于开展"); kai != std::string::npos && !issuers.empty()) {
    const std::string_view what = std::string_view(md.title).substr(kai + 12);
    int target = -1;
    for (size_t k = 0; k < nodes.size(); ++k) {
      const std::string_view t = nodes[k].type;
      if (!(t == "Pilot"sv || t == "Initiative"sv || t == "Platform"sv) || nodes[k].name.size() < 9) continue;
      if (what.find(nodes[k].name) == std::string_view::npos) continue;
      if (target < 0 || nodes[k].name.size() > nodes[target].name.size()) target = static_cast<int>(k);
    }
    for (size_t w = 0; target >= 0 && w < issuers.size(); ++w) {
      std::string body(nodes[issuers[w]].name);
      for (std::string_view office : {"办公厅"sv, "办公室"sv}) {
        if (body.size() > office.size() + 6 && body.compare(body.size() - office.size(), office.size(), office) == 0) {
          body.resize(body.size() - office.size());
        }
      }
      int who = issuers[w];
      if (body != nodes[who].name) {
        const int e = L.Find("Agency", body);
        if (e < 0) continue;
        const LexEntry& x = L.entries()[e];
        const std::string& id = owned_keys.emplace_back("Agency:" + NormalizeName(x.name));
        const auto [found, fresh] = by_key.FindOrAdd(id, static_cast<int>(nodes.size()), key_of);
        if (fresh) {  // the body is named only through its office: its first place
          const int first = nodes[who].first;
          Node& n = nodes.emplace_back();
          n.id = id;
          n.type = "Agency";
          n.name = x.name;
          n.name_en = x.name_en;
          for (const auto& a : x.aliases) AddAlias(n, a);
          n.first_rule = "metadata.issuer_body";
          n.first = first;
          node_tid.push_back(node_types.Get("Agency", find_node_type));
        }
        who = found;
      }
      nodes[who].used = true;
      nodes[target].used = true;
      add_edge("RESPONSIBLE", who, target, nullptr, "metadata.title_responsible");
    }
  }
  StatementOut out(sink);
  // A place as provenance: views of the document id, a rule and a quote.
  auto place = [&](Span sp, int sentence, std::string_view rule, std::string_view q) {
    auto [b, e] = in.norm->OriginalSpan(sp.begin, sp.end);
    return ProvenanceView{in.doc_id, b, e, sentence, rule, q};
  };
  // The Document node.
  {
    const std::string name = !md.title.empty() ? CleanName(md.title) : in.fallback_title;
    const bool short_alias = !md.title_short.empty() && md.title_short != name;
    const std::string_view alias = md.title_short;
    PropertyMap props;
    if (!md.title.empty()) SetProperty(props, "title", md.title);
    if (!md.publisher.empty()) SetProperty(props, "publisher", md.publisher);
    if (!md.date.empty()) SetProperty(props, "date", md.date);
    if (!md.reprinted_from.empty()) SetProperty(props, "reprinted_from", md.reprinted_from);
    if (!md.doc_number.empty()) SetProperty(props, "doc_number", md.doc_number);
    if (!ctx.region.empty()) SetProperty(props, "region", ctx.region);
    const ProvenanceView title = place(md.title_span, -1, "metadata.title", quote(-1));
    const bool titled = md.title_span.end > md.title_span.begin;
    out.Node(NodeView{in.doc_id, "Document", name, {}, {&alias, short_alias ? 1u : 0u}, props.empty() ? nullptr : &props,
                      {&title, titled ? 1u : 0u}});
  }
  // Nodes that stand: seen on their own (and not generic), or used by an edge.
  std::vector<bool> emitted(nodes.size(), false);
  int region_node = -1;
  std::vector<ProvenanceView> sources;
  sources.reserve(kMaxSources);
  const KindWords keywords = ctx.Words(RuleKind::instrument_keyword);
  for (size_t k = 0; k < nodes.size(); ++k) {
    Node& n = nodes[k];
    const std::span<const int> places = mentions_of(k);
    // The document's region named in its title stands even inside the title's
    // measure (江西省制造业数字化转型规划): it is where the document applies.
    const bool title_region = n.type == "Region"sv && !ctx.region.empty() && n.name == ctx.region &&
                              std::any_of(places.begin(), places.end(),
                                          [&](int i) { return md.title_span.contains(ms[i].span.begin); });
    if (!(n.used || (n.standalone && !n.weak) || title_region)) continue;
    emitted[k] = true;
    if (IsMeasure(n.type)) {
      const Mention& first = ms[n.first];
      // The name as a view into the document when its first mention reads it
      // there (the same bytes): the word index then finds its keywords.
      std::string_view name = n.name;
      if (first.span.end <= ctx.text.size() && first.span.end - first.span.begin == name.size()) {
        const std::string_view at = ctx.text.substr(first.span.begin, name.size());
        if (at == name) name = at;
      }
      const InstrumentChoice choice = ChooseInstrument(*ctx.rules, keywords, n.type, name, quote(first.sentence));
      if (!choice.instrument.empty()) SetProperty(n.props, "instrument", std::string(choice.instrument));
    }
    if (n.type == "Region"sv && !ctx.region.empty() && n.name == ctx.region) region_node = static_cast<int>(k);
    // The first places (the first carries the sentence).
    sources.clear();
    for (size_t j = 0; j < places.size() && j < kMaxSources; ++j) {
      const Mention& m = ms[places[j]];
      sources.push_back(place(m.span, m.sentence, j == 0 && !n.first_rule.empty() ? n.first_rule : std::string_view(m.rule),
                              j == 0 ? quote(m.sentence) : std::string_view()));
    }
    n.first_begin = static_cast<uint32_t>(sources[0].begin);
    n.first_end = static_cast<uint32_t>(sources[0].end);
    out.Node(NodeView{n.id, n.type, n.name, n.name_en, n.aliases, n.props.empty() ? nullptr : &n.props, sources});
  }
  // Edges: one provenance, refilled for each.
  ProvenanceView p;
  p.document = in.doc_id;
  for (const E& e : edges) {
    if ((e.from != doc_node && !emitted[e.from]) || (e.to != doc_node && !emitted[e.to])) continue;
    const std::string_view f = e.from == doc_node ? std::string_view(in.doc_id) : nodes[e.from].id;
    const std::string_view t = e.to == doc_node ? std::string_view(in.doc_id) : nodes[e.to].id;
    Span sp = md.title_span;
    int sentence = -1;
    if (e.rel) {
      const Mention& a = ms[e.rel->from >= 0 ? e.rel->from : e.rel->to];
      const Mention& b = ms[e.rel->to];
      sp = Span{std::min(a.span.begin, b.span.begin), std::max(a.span.end, b.span.end)};
      sentence = e.rel->sentence;
      p.rule = e.rel->rule;
    } else {
      p.rule = e.rule;
    }
    auto [b, en] = in.norm->OriginalSpan(sp.begin, sp.end);
    p.begin = b;
    p.end = en;
    p.sentence = sentence;
    p.quote = quote(sentence);
    out.Edge(EdgeView{e.type, f, t, {&p, 1}});
  }
  p.quote = {};  // the node's own provenance carries the sentence
  for (size_t k = 0; k < nodes.size(); ++k) {
    if (!emitted[k]) continue;
    const Node& n = nodes[k];
    const Mention& m = ms[n.first];
    p.begin = n.first_begin;
    p.end = n.first_end;
    p.sentence = m.sentence;
    p.rule = n.first_rule.empty() ? std::string_view(m.rule) : n.first_rule;
    out.Edge(EdgeView{"MENTIONS", in.doc_id, n.id, {&p, 1}});
    bool applies = IsMeasure(n.type) || n.type == "Indicator"sv || n.type == "Goal"sv;
    if (applies && region_node >= 0 && !m.cited) {
      out.Edge(EdgeView{"APPLIES_IN", n.id, nodes[region_node].id, {&p, 1}});
    }
  }
}

}  // namespace pkg::ingest
