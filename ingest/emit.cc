// Statement emission; see emit.h.
#include "ingest/emit.h"

#include <algorithm>
#include <map>
#include <set>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "ingest/doc_metadata.h"
#include "ingest/instrument.h"
#include "ingest/np_scan.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

struct Node {
  NodeStatement st;
  std::vector<int> mentions;
  bool standalone = false;  // seen outside another item's name
  bool weak = true;
  bool used = false;        // an edge uses it
};

std::string_view Quote(const DocContext& ctx, int sentence) {
  if (sentence < 0 || sentence >= static_cast<int>(ctx.st->sentences.size())) return "";
  const Span& sp = ctx.st->sentences[sentence].span;
  return Utf8Prefix(ctx.text.substr(sp.begin, sp.end - sp.begin), 300);
}

// `quote`: whether the provenance carries its sentence (only a node's first
// place and an edge's do; building it for the others would be thrown away).
// Fills `p` in place (its strings keep their capacity when reused).
void SetProv(Provenance& p, const EmitInput& in, Span sp, int sentence, std::string_view rule, bool quote = true) {
  p.document = in.doc_id;
  auto [b, e] = in.norm->OriginalSpan(sp.begin, sp.end);
  p.begin = b;
  p.end = e;
  p.sentence = sentence;
  p.rule = rule;
  if (quote) {
    p.quote = Quote(*in.ctx, sentence);
  } else {
    p.quote.clear();
  }
}

Provenance Prov(const EmitInput& in, Span sp, int sentence, std::string_view rule, bool quote = true) {
  Provenance p;
  SetProv(p, in, sp, sentence, rule, quote);
  return p;
}

void AddAlias(NodeStatement& n, const std::string& a) {
  if (a.empty() || a == n.name) return;
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
  // Nodes by key, in order of first mention.
  std::vector<Node> nodes;
  std::unordered_map<std::string, int> by_key;
  std::vector<int> node_of(ms.size(), -1);
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    auto [it, fresh] = by_key.try_emplace(m.key, static_cast<int>(nodes.size()));  // copies the key only when new
    if (fresh) {
      Node n;
      n.st.id = m.key;
      n.st.type = m.type;
      n.st.name = m.name;
      if (m.lex_entry >= 0) {
        const LexEntry& x = L.entries()[m.lex_entry];
        n.st.name = x.name;
        n.st.name_en = x.name_en;
        for (const auto& a : x.aliases) AddAlias(n.st, a);
      }
      nodes.push_back(std::move(n));
    }
    Node& n = nodes[it->second];
    node_of[i] = it->second;
    AddAlias(n.st, m.name);
    for (const auto& a : m.aliases) AddAlias(n.st, a);
    MergeProps(n.st.props, m.props);
    n.standalone |= !m.embedded;
    n.weak &= m.weak;
    if (n.st.sources.size() < 8) {
      // The first place carries the sentence.
      n.st.sources.push_back(Prov(in, m.span, m.sentence, m.rule, n.st.sources.empty()));
    }
    n.mentions.push_back(static_cast<int>(i));
  }
  // Edges.
  // type and rule (used when rel is null) are literals or rule ids.
  struct E { std::string_view type; int from, to; const Relation* rel; std::string_view rule; };
  std::vector<E> edges;
  // Schema look-ups scan the type lists by name: resolve each name once.
  std::unordered_set<uint64_t> seen;  // (edge type, from, to) packed
  const int doc_node = -2;
  const auto doc_tid = in.schema->FindNodeType("Document");
  std::vector<std::optional<TypeId>> node_tid(nodes.size());
  for (size_t k = 0; k < nodes.size(); ++k) node_tid[k] = in.schema->FindNodeType(nodes[k].st.type);
  // Keyed by views: every edge type passed is a literal or a Relation's (static) type.
  std::unordered_map<std::string_view, std::optional<EdgeTypeId>> edge_tid;
  auto add_edge = [&](std::string_view type, int from, int to, const Relation* rel,
                      std::string_view rule = "metadata.issuer") {
    if (from == to) return;
    auto [at, fresh] = edge_tid.try_emplace(type);
    if (fresh) at->second = in.schema->FindEdgeType(type);
    const auto tid = at->second;
    if (!tid) return;
    auto ft = from == doc_node ? doc_tid : node_tid[from], tt = to == doc_node ? doc_tid : node_tid[to];
    if (!ft || !tt || !in.schema->EdgeAllowed(*tid, *ft, *tt)) return;
    uint64_t packed = (uint64_t{tid->v} << 48) | (uint64_t(uint32_t(from + 2)) << 24) | uint64_t(uint32_t(to + 2));
    if (!seen.insert(packed).second) return;
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
  for (size_t i = 0; i < ms.size() && issuer < 0; ++i) {
    const Mention& m = ms[i];
    if (m.type != "Agency"sv) continue;
    bool in_title = md.title_span.contains(m.span.begin) &&
                    (md.issuer_text.empty() || md.title.find(m.name) != std::string::npos ||
                     md.issuer_text.find(std::string(ctx.text.substr(m.span.begin, m.span.end - m.span.begin))) != std::string::npos);
    bool named = !publishers.empty() && (publishers.front() == NormalizeName(m.name) ||
                                         std::find(m.aliases.begin(), m.aliases.end(), md.publisher) != m.aliases.end());
    if (in_title || named) issuer = node_of[i];
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
      const std::string& t = nodes[k].st.type;
      if (!(t == "Pilot"sv || t == "Initiative"sv || t == "Platform"sv) || nodes[k].st.name.size() < 9) continue;
      if (what.find(nodes[k].st.name) == std::string_view::npos) continue;
      if (target < 0 || nodes[k].st.name.size() > nodes[target].st.name.size()) target = static_cast<int>(k);
    }
    for (size_t w = 0; target >= 0 && w < issuers.size(); ++w) {
      std::string body = nodes[issuers[w]].st.name;
      for (std::string_view office : {"办公厅"sv, "办公室"sv}) {
        if (body.size() > office.size() + 6 && body.compare(body.size() - office.size(), office.size(), office) == 0) {
          body.resize(body.size() - office.size());
        }
      }
      int who = issuers[w];
      if (body != nodes[who].st.name) {
        const int e = L.Find("Agency", body);
        if (e < 0) continue;
        const LexEntry& x = L.entries()[e];
        std::string key = "Agency:" + NormalizeName(x.name);
        auto [it, fresh] = by_key.try_emplace(key, static_cast<int>(nodes.size()));
        if (fresh) {  // the body is named only through its office
          Node n;
          n.st.id = std::move(key);
          n.st.type = "Agency";
          n.st.name = x.name;
          n.st.name_en = x.name_en;
          for (const auto& a : x.aliases) AddAlias(n.st, a);
          n.st.sources.push_back(nodes[who].st.sources.front());
          n.st.sources.back().rule = "metadata.issuer_body";
          n.mentions.push_back(nodes[who].mentions.front());
          nodes.push_back(std::move(n));
          node_tid.push_back(in.schema->FindNodeType("Agency"));
        }
        who = it->second;
      }
      nodes[who].used = true;
      nodes[target].used = true;
      add_edge("RESPONSIBLE", who, target, nullptr, "metadata.title_responsible");
    }
  }
  // The Document node.
  NodeStatement doc;
  doc.id = in.doc_id;
  doc.type = "Document";
  doc.name = !md.title.empty() ? CleanName(md.title) : in.fallback_title;
  if (!md.title_short.empty()) AddAlias(doc, md.title_short);
  if (!md.title.empty()) SetProperty(doc.props, "title", md.title);
  if (!md.publisher.empty()) SetProperty(doc.props, "publisher", md.publisher);
  if (!md.date.empty()) SetProperty(doc.props, "date", md.date);
  if (!md.reprinted_from.empty()) SetProperty(doc.props, "reprinted_from", md.reprinted_from);
  if (!md.doc_number.empty()) SetProperty(doc.props, "doc_number", md.doc_number);
  if (!ctx.region.empty()) SetProperty(doc.props, "region", ctx.region);
  if (md.title_span.end > md.title_span.begin) doc.sources.push_back(Prov(in, md.title_span, -1, "metadata.title"));
  sink.Node(doc);
  // Nodes that stand: seen on their own (and not generic), or used by an edge.
  std::vector<bool> emitted(nodes.size(), false);
  int region_node = -1;
  for (size_t k = 0; k < nodes.size(); ++k) {
    Node& n = nodes[k];
    // The document's region named in its title stands even inside the title's
    // measure (江西省制造业数字化转型规划): it is where the document applies.
    const bool title_region = n.st.type == "Region"sv && !ctx.region.empty() && n.st.name == ctx.region &&
                              std::any_of(n.mentions.begin(), n.mentions.end(),
                                          [&](int i) { return md.title_span.contains(ms[i].span.begin); });
    if (!(n.used || (n.standalone && !n.weak) || title_region)) continue;
    emitted[k] = true;
    if (IsMeasure(n.st.type)) {
      const Mention& first = ms[n.mentions.front()];
      auto choice = ChooseInstrument(*ctx.rules, n.st.type, n.st.name, Quote(ctx, first.sentence));
      if (!choice.instrument.empty()) SetProperty(n.st.props, "instrument", choice.instrument);
    }
    if (n.st.type == "Region"sv && !ctx.region.empty() && n.st.name == ctx.region) region_node = static_cast<int>(k);
    sink.Node(n.st);
  }
  // One edge statement, refilled for every edge (no allocation once its
  // strings have grown).
  EdgeStatement edge;
  edge.sources.resize(1);
  Provenance& p = edge.sources[0];
  auto emit_edge = [&](std::string_view type, const std::string& from, const std::string& to) {
    edge.type = type;
    edge.from = from;
    edge.to = to;
    sink.Edge(edge);
  };
  for (const E& e : edges) {
    if ((e.from != doc_node && !emitted[e.from]) || (e.to != doc_node && !emitted[e.to])) continue;
    const std::string& f = e.from == doc_node ? in.doc_id : nodes[e.from].st.id;
    const std::string& t = e.to == doc_node ? in.doc_id : nodes[e.to].st.id;
    if (e.rel) {
      const Mention& a = ms[e.rel->from >= 0 ? e.rel->from : e.rel->to];
      const Mention& b = ms[e.rel->to];
      SetProv(p, in, Span{std::min(a.span.begin, b.span.begin), std::max(a.span.end, b.span.end)}, e.rel->sentence, e.rel->rule);
    } else {
      SetProv(p, in, md.title_span, -1, e.rule);
    }
    emit_edge(e.type, f, t);
  }
  for (size_t k = 0; k < nodes.size(); ++k) {
    if (!emitted[k]) continue;
    const Node& n = nodes[k];
    const Provenance& first = n.st.sources.front();
    p.document = first.document;
    p.begin = first.begin;
    p.end = first.end;
    p.sentence = first.sentence;
    p.rule = first.rule;
    p.quote.clear();  // the node's own provenance carries the sentence
    emit_edge("MENTIONS", in.doc_id, n.st.id);
    bool applies = IsMeasure(n.st.type) || n.st.type == "Indicator"sv || n.st.type == "Goal"sv;
    if (applies && region_node >= 0 && !ms[n.mentions.front()].cited) {
      emit_edge("APPLIES_IN", n.st.id, nodes[region_node].st.id);
    }
  }
}

}  // namespace pkg::ingest
