// Schema loading and checks; see schema.h.
#include "graph/schema.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/json.h"

namespace pkg {
namespace {

// Edit distance for "did you mean" hints (names are short).
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      char x = static_cast<char>(std::tolower(a[i - 1])), y = static_cast<char>(std::tolower(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x == y ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

template <class Names>
std::string Suggest(std::string_view name, const Names& names) {
  std::string best;
  size_t best_d = std::max<size_t>(2, name.size() / 3) + 1;
  for (const std::string& n : names) {
    size_t d = Distance(name, n);
    if (d < best_d) { best_d = d; best = n; }
  }
  return best;
}

std::string Str(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !JsonIsText(it->value)) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<PropertyKind> KindFromName(std::string_view k) {
  if (k == "string") return PropertyKind::kString;
  if (k == "number") return PropertyKind::kNumber;
  if (k == "bool") return PropertyKind::kBool;
  if (k == "amount") return PropertyKind::kAmount;
  if (k == "date") return PropertyKind::kDate;
  if (k == "period") return PropertyKind::kPeriod;
  if (k == "list") return PropertyKind::kList;
  if (k == "enum") return PropertyKind::kEnum;
  return std::nullopt;
}

}  // namespace

std::string Schema::DefaultPath() {
  if (const char* env = std::getenv("POLICYKG_DATA"); env && *env) return std::string(env) + "/schema.json";
  return std::string(PKG_SOURCE_DATA_DIR) + "/schema.json";
}

Result<std::shared_ptr<const Schema>> Schema::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open schema file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

Result<std::shared_ptr<const Schema>> Schema::Parse(std::string_view json, const std::string& origin) {
  rapidjson::Document doc;
  if (auto err = ParseJson(json, doc)) {
    return Status::Invalid(origin + ":" + std::to_string(err->line) + ":" + std::to_string(err->column) + ": " +
                           err->message);
  }
  auto fail = [&](const std::string& m) { return Status::Invalid(origin + ": " + m); };
  if (!doc.IsObject() || !doc.HasMember("node_types") || !doc["node_types"].IsArray() ||
      !doc.HasMember("edge_types") || !doc["edge_types"].IsArray()) {
    return fail("expected an object with \"node_types\" and \"edge_types\" lists");
  }
  auto s = std::make_shared<Schema>();
  // Node types: two passes so parents may be listed after children.
  const auto& nts = doc["node_types"];
  if (nts.Size() == 0 || nts.Size() > 64) return fail("expected 1 to 64 node types");
  for (const auto& nt : nts.GetArray()) {
    NodeTypeDef d;
    d.name = Str(nt, "name");
    if (d.name.empty()) return fail("a node type has no \"name\"");
    if (s->FindNodeType(d.name)) return fail("node type " + d.name + " is defined twice");
    d.zh = Str(nt, "zh");
    d.en = Str(nt, "en");
    d.description = Str(nt, "description");
    d.abstract = nt.HasMember("abstract") && nt["abstract"].IsBool() && nt["abstract"].GetBool();
    s->node_types_.push_back(std::move(d));
  }
  for (size_t i = 0; i < nts.Size(); ++i) {
    std::string parent = Str(nts[static_cast<rapidjson::SizeType>(i)], "parent");
    if (parent.empty()) continue;
    auto p = s->FindNodeType(parent);
    if (!p) return fail("node type " + s->node_types_[i].name + ": unknown parent " + parent);
    s->node_types_[i].parent = *p;
  }
  s->label_bits_.assign(s->node_types_.size(), 0);
  for (size_t i = 0; i < s->node_types_.size(); ++i) {
    uint64_t bits = 0;
    TypeId t(static_cast<uint8_t>(i));
    for (int steps = 0; t.valid(); ++steps) {
      if (steps > 64 || (bits >> t.v) & 1u) return fail("node type " + s->node_types_[i].name + ": parent cycle");
      bits |= uint64_t{1} << t.v;
      t = s->node_types_[t.v].parent;
    }
    s->label_bits_[i] = bits;
  }
  // Edge types.
  auto type_list = [&](const rapidjson::Value& et, const char* key, const std::string& ename,
                       std::vector<TypeId>& out) -> Status {
    auto it = et.FindMember(key);
    if (it == et.MemberEnd() || !it->value.IsArray()) return fail("edge type " + ename + ": expected a \"" + key + "\" list");
    for (const auto& v : it->value.GetArray()) {
      if (!JsonIsText(v)) return fail("edge type " + ename + ": \"" + key + "\" holds a non-string");
      std::string n(v.GetString(), v.GetStringLength());
      if (n == "*") { out.clear(); return Status::OK(); }
      auto t = s->FindNodeType(n);
      if (!t) return fail("edge type " + ename + ": unknown node type " + n + " in \"" + key + "\"");
      out.push_back(*t);
    }
    return Status::OK();
  };
  const auto& ets = doc["edge_types"];
  if (ets.Size() == 0 || ets.Size() > 250) return fail("expected 1 to 250 edge types");
  for (const auto& et : ets.GetArray()) {
    EdgeTypeDef d;
    d.name = Str(et, "name");
    if (d.name.empty()) return fail("an edge type has no \"name\"");
    if (s->FindEdgeType(d.name)) return fail("edge type " + d.name + " is defined twice");
    d.zh = Str(et, "zh");
    d.en = Str(et, "en");
    d.description = Str(et, "description");
    PKG_RETURN_IF_ERROR(type_list(et, "from", d.name, d.from));
    PKG_RETURN_IF_ERROR(type_list(et, "to", d.name, d.to));
    if (auto it = et.FindMember("pairs"); it != et.MemberEnd() && it->value.IsArray()) {
      for (const auto& pr : it->value.GetArray()) {
        if (!pr.IsArray() || pr.Size() != 2 || !JsonIsText(pr[0]) || !JsonIsText(pr[1])) {
          return fail("edge type " + d.name + ": \"pairs\" holds something other than [from, to]");
        }
        auto a = s->FindNodeType(pr[0].GetString()), b = s->FindNodeType(pr[1].GetString());
        if (!a || !b) return fail("edge type " + d.name + ": unknown node type in \"pairs\"");
        d.pairs.emplace_back(*a, *b);
      }
    }
    s->edge_types_.push_back(std::move(d));
  }
  if (auto it = doc.FindMember("contributing_edges"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      auto e = JsonIsText(v) ? s->FindEdgeType(v.GetString()) : std::nullopt;
      if (!e) return fail("\"contributing_edges\" names an unknown edge type");
      s->contributing_.push_back(*e);
    }
  }
  if (auto it = doc.FindMember("properties"); it != doc.MemberEnd() && it->value.IsArray()) {
    for (const auto& p : it->value.GetArray()) {
      PropertyDef d;
      d.name = Str(p, "name");
      auto kind = KindFromName(Str(p, "kind"));
      if (d.name.empty() || !kind) return fail("property " + d.name + ": expected a name and a known kind");
      d.kind = *kind;
      d.zh = Str(p, "zh");
      if (auto v = p.FindMember("values"); v != p.MemberEnd() && v->value.IsArray()) {
        for (const auto& x : v->value.GetArray()) {
          if (JsonIsText(x)) d.values.emplace_back(x.GetString(), x.GetStringLength());
        }
      }
      s->properties_.push_back(std::move(d));
    }
  }
  if (auto it = doc.FindMember("vocabularies"); it != doc.MemberEnd() && it->value.IsObject()) {
    if (auto ins = it->value.FindMember("instruments"); ins != it->value.MemberEnd() && ins->value.IsArray()) {
      for (const auto& x : ins->value.GetArray()) {
        s->instruments_.push_back({Str(x, "name"), Str(x, "side"), Str(x, "zh")});
      }
    }
  }
  // Enum properties that name a vocabulary take its values.
  for (auto& p : s->properties_) {
    if (p.kind == PropertyKind::kEnum && p.values.empty()) {
      for (const auto& i : s->instruments_) p.values.push_back(i.name);
    }
  }
  return std::shared_ptr<const Schema>(std::move(s));
}

std::optional<TypeId> Schema::FindNodeType(std::string_view name) const {
  for (size_t i = 0; i < node_types_.size(); ++i) {
    if (node_types_[i].name == name) return TypeId(static_cast<uint8_t>(i));
  }
  return std::nullopt;
}

std::optional<EdgeTypeId> Schema::FindEdgeType(std::string_view name) const {
  for (size_t i = 0; i < edge_types_.size(); ++i) {
    if (edge_types_[i].name == name) return EdgeTypeId(static_cast<uint8_t>(i));
  }
  return std::nullopt;
}

const PropertyDef* Schema::FindProperty(std::string_view name) const {
  for (const auto& p : properties_) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string Schema::SuggestNodeType(std::string_view name) const {
  std::vector<std::string> names;
  for (const auto& t : node_types_) names.push_back(t.name);
  return Suggest(name, names);
}

std::string Schema::SuggestEdgeType(std::string_view name) const {
  std::vector<std::string> names;
  for (const auto& t : edge_types_) names.push_back(t.name);
  return Suggest(name, names);
}

std::string Schema::SuggestProperty(std::string_view name) const {
  std::vector<std::string> names;
  for (const auto& p : properties_) names.push_back(p.name);
  return Suggest(name, names);
}

std::vector<TypeId> Schema::Labels(TypeId t) const {
  std::vector<TypeId> out;
  for (; t.valid(); t = node_types_[t.v].parent) out.push_back(t);
  return out;
}

std::vector<TypeId> Schema::Descendants(TypeId t) const {
  std::vector<TypeId> out;
  for (size_t i = 0; i < node_types_.size(); ++i) {
    if (IsA(TypeId(static_cast<uint8_t>(i)), t)) out.push_back(TypeId(static_cast<uint8_t>(i)));
  }
  return out;
}

bool Schema::EdgeAllowed(EdgeTypeId e, TypeId from, TypeId to) const {
  const EdgeTypeDef& d = edge_types_[e.v];
  auto any_of = [&](const std::vector<TypeId>& allowed, TypeId t) {
    if (allowed.empty()) return true;
    for (TypeId a : allowed) {
      if (IsA(t, a)) return true;
    }
    return false;
  };
  if (!d.pairs.empty()) {
    for (const auto& [a, b] : d.pairs) {
      if (IsA(from, a) && IsA(to, b)) return true;
    }
    return false;
  }
  return any_of(d.from, from) && any_of(d.to, to);
}

}  // namespace pkg
