// Snapshot file writer and reader; see snapshot_file.h.
#include "graph/snapshot_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <type_traits>

#include "graph/key_index.h"
#include "graph/snapshot_data.h"

namespace pkg {
namespace {

constexpr char kMagic[8] = {'P', 'K', 'G', 'S', 'N', 'A', 'P', '\0'};
constexpr uint32_t kFormatVersion = 1;
constexpr uint64_t kMaxSection = uint64_t{1} << 40;

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t reserved;
  uint64_t schema_fingerprint;
  uint64_t num_nodes;
  uint64_t num_edges;
  uint64_t payload_bytes;
  uint64_t payload_checksum;
  uint64_t header_checksum;  // of the bytes before it
};
static_assert(sizeof(Header) == 64);

// Word-at-a-time checksum; order-dependent, fast enough for GB-sized files.
class Checksum {
 public:
  void Add(const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    size_t i = 0;
    for (; i < n && fill_ != 0; ++i) {
      carry_ |= uint64_t{b[i]} << (8 * fill_);
      if (++fill_ == 8) Mix();
    }
    for (; i + 8 <= n; i += 8) {  // whole words while aligned to the stream
      std::memcpy(&carry_, b + i, 8);
      Mix();
    }
    for (; i < n; ++i) {
      carry_ |= uint64_t{b[i]} << (8 * fill_);
      if (++fill_ == 8) Mix();
    }
  }
  uint64_t Value() {
    uint64_t h = h_ ^ (carry_ * 0x9E3779B97F4A7C15ull) ^ count_;
    h ^= h >> 31; h *= 0xBF58476D1CE4E5B9ull; h ^= h >> 29;
    return h;
  }
 private:
  void Mix() {
    h_ = (h_ ^ (carry_ * 0x9E3779B97F4A7C15ull)) * 0xC2B2AE3D27D4EB4Full;
    h_ ^= h_ >> 29;
    carry_ = 0; fill_ = 0; ++count_;
  }
  uint64_t h_ = 0x243F6A8885A308D3ull, carry_ = 0, count_ = 0;
  int fill_ = 0;
};

uint64_t SchemaFingerprint(const Schema& s) {
  std::string all;
  for (const auto& t : s.node_types()) all += t.name + "<" + (t.parent.valid() ? s.node_type(t.parent).name : "") + ";";
  for (const auto& e : s.edge_types()) all += e.name + ";";
  return HashBytes(all);
}

// ---- writing
class Out {
 public:
  explicit Out(std::FILE* f) : f_(f) {}
  void Raw(const void* p, size_t n) {
    if (n == 0) return;
    if (ok_ && std::fwrite(p, 1, n, f_) != n) ok_ = false;
    sum_.Add(p, n);
    bytes_ += n;
  }
  template <class T>
  void Pod(const T& v) { static_assert(std::is_trivially_copyable_v<T>); Raw(&v, sizeof v); }
  template <class T>
  void Vec(const std::vector<T>& v) { Pod(uint64_t{v.size()}); Raw(v.data(), v.size() * sizeof(T)); }
  void Str(std::string_view s) { Pod(uint64_t{s.size()}); Raw(s.data(), s.size()); }
  void Column(const StringColumn& c) { Str(c.bytes()); Vec(c.offsets()); }
  void Val(const Value& v) {
    Pod(static_cast<uint8_t>(v.kind()));
    switch (v.kind()) {
      case Value::Kind::kNull: break;
      case Value::Kind::kBool: Pod(static_cast<uint8_t>(v.as_bool())); break;
      case Value::Kind::kInt: Pod(v.as_int()); break;
      case Value::Kind::kDouble: Pod(v.as_double()); break;
      case Value::Kind::kString: Str(v.as_string()); break;
      case Value::Kind::kAmount: Pod(v.as_amount().value); Str(v.as_amount().unit); Pod(v.as_amount().cny); break;
      case Value::Kind::kList:
        Pod(uint64_t{v.as_list().size()});
        for (const auto& s : v.as_list()) Str(s);
        break;
    }
  }
  void Props(const PropertyMap& m) {
    Pod(uint64_t{m.size()});
    for (const auto& [k, v] : m) { Str(k); Val(v); }
  }
  void Prov(const std::vector<Provenance>& ps) {
    Pod(uint64_t{ps.size()});
    for (const auto& p : ps) {
      Str(p.document); Pod(p.begin); Pod(p.end); Pod(p.sentence); Str(p.rule); Str(p.quote);
    }
  }
  bool ok() const { return ok_; }
  uint64_t bytes() const { return bytes_; }
  uint64_t checksum() { return sum_.Value(); }
 private:
  std::FILE* f_;
  bool ok_ = true;
  Checksum sum_;
  uint64_t bytes_ = 0;
};

// ---- reading
class In {
 public:
  In(std::FILE* f, uint64_t limit) : f_(f), left_(limit) {}
  bool Raw(void* p, size_t n) {
    if (!ok_ || n > left_) { ok_ = false; return false; }
    if (n && std::fread(p, 1, n, f_) != n) { ok_ = false; return false; }
    sum_.Add(p, n);
    left_ -= n;
    return true;
  }
  template <class T>
  bool Pod(T& v) { return Raw(&v, sizeof v); }
  template <class T>
  bool Vec(std::vector<T>& v) {
    uint64_t n = 0;
    if (!Pod(n) || n > kMaxSection || n * sizeof(T) > left_) { ok_ = false; return false; }
    v.resize(n);
    return Raw(v.data(), n * sizeof(T));
  }
  bool Str(std::string& s) {
    uint64_t n = 0;
    if (!Pod(n) || n > left_) { ok_ = false; return false; }
    s.resize(n);
    return Raw(s.data(), n);
  }
  bool Column(StringColumn& c) {
    if (!Str(c.bytes()) || !Vec(c.offsets())) return false;
    const auto& off = c.offsets();
    if (off.empty() || off.front() != 0 || off.back() != c.bytes().size()) return ok_ = false;
    for (size_t i = 1; i < off.size(); ++i) {
      if (off[i] < off[i - 1]) return ok_ = false;
    }
    return true;
  }
  bool Val(Value& v) {
    uint8_t k = 0;
    if (!Pod(k)) return false;
    switch (static_cast<Value::Kind>(k)) {
      case Value::Kind::kNull: v = Value(); return true;
      case Value::Kind::kBool: { uint8_t b = 0; if (!Pod(b)) return false; v = Value(b != 0); return true; }
      case Value::Kind::kInt: { int64_t i = 0; if (!Pod(i)) return false; v = Value(i); return true; }
      case Value::Kind::kDouble: { double d = 0; if (!Pod(d)) return false; v = Value(d); return true; }
      case Value::Kind::kString: { std::string s; if (!Str(s)) return false; v = Value(std::move(s)); return true; }
      case Value::Kind::kAmount: {
        Amount a;
        if (!Pod(a.value) || !Str(a.unit) || !Pod(a.cny)) return false;
        v = Value(std::move(a));
        return true;
      }
      case Value::Kind::kList: {
        uint64_t n = 0;
        if (!Pod(n) || n > left_) return ok_ = false;
        StringList l(n);
        for (auto& s : l) if (!Str(s)) return false;
        v = Value(std::move(l));
        return true;
      }
    }
    return ok_ = false;
  }
  bool Props(PropertyMap& m) {
    uint64_t n = 0;
    if (!Pod(n) || n > left_) return ok_ = false;
    m.resize(n);
    for (auto& [k, v] : m) if (!Str(k) || !Val(v)) return false;
    return true;
  }
  bool Prov(std::vector<Provenance>& ps) {
    uint64_t n = 0;
    if (!Pod(n) || n > left_) return ok_ = false;
    ps.resize(n);
    for (auto& p : ps) {
      if (!Str(p.document) || !Pod(p.begin) || !Pod(p.end) || !Pod(p.sentence) || !Str(p.rule) || !Str(p.quote)) return false;
    }
    return true;
  }
  bool ok() const { return ok_; }
  uint64_t left() const { return left_; }
  uint64_t checksum() { return sum_.Value(); }
 private:
  std::FILE* f_;
  uint64_t left_;
  bool ok_ = true;
  Checksum sum_;
};

uint64_t HeaderChecksum(const Header& h) {
  Checksum c;
  c.Add(&h, offsetof(Header, header_checksum));
  return c.Value();
}

Status SyncDirectory(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return Status::IoError("cannot open directory " + dir + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::IoError("fsync of directory " + dir + " failed: " + std::strerror(errno));
  return Status::OK();
}

void WritePayload(Out& o, const SnapshotData& d) {
  o.Vec(d.node_type);
  o.Column(d.keys);
  o.Column(d.names);
  o.Vec(d.node_extra);
  o.Pod(uint64_t{d.node_extras.size()});
  for (const auto& x : d.node_extras) {
    o.Str(x.name_en);
    o.Pod(uint64_t{x.aliases.size()});
    for (const auto& a : x.aliases) o.Str(a);
    o.Props(x.props);
    o.Prov(x.provenance);
  }
  o.Vec(d.key_index.slots());
  o.Pod(uint64_t{d.merged_keys.size()});
  for (const auto& [k, r] : d.merged_keys) { o.Str(k); o.Pod(r); }
  o.Vec(d.name_index.hashes);
  o.Vec(d.name_index.nodes);
  o.Vec(d.graph.m_forward.m_rowstart);
  o.Vec(d.graph.m_forward.m_column);
  o.Vec(d.graph.m_backward.m_rowstart);
  o.Vec(d.graph.m_backward.m_column);
  o.Vec(d.graph.m_backward.m_edge_properties);
  o.Vec(d.edge_type);
  o.Vec(d.edge_source);
  o.Vec(d.edge_extra);
  o.Pod(uint64_t{d.edge_extras.size()});
  for (const auto& x : d.edge_extras) { o.Props(x.props); o.Prov(x.provenance); }
}

bool ReadPayload(In& in, SnapshotData& d) {
  if (!in.Vec(d.node_type) || !in.Column(d.keys) || !in.Column(d.names) || !in.Vec(d.node_extra)) return false;
  uint64_t n = 0;
  if (!in.Pod(n) || n > in.left()) return false;
  d.node_extras.resize(n);
  for (auto& x : d.node_extras) {
    uint64_t na = 0;
    if (!in.Str(x.name_en) || !in.Pod(na) || na > in.left()) return false;
    x.aliases.resize(na);
    for (auto& a : x.aliases) if (!in.Str(a)) return false;
    if (!in.Props(x.props) || !in.Prov(x.provenance)) return false;
  }
  if (!in.Vec(d.key_index.slots())) return false;
  if (!in.Pod(n) || n > in.left()) return false;
  d.merged_keys.resize(n);
  for (auto& [k, r] : d.merged_keys) if (!in.Str(k) || !in.Pod(r)) return false;
  if (!in.Vec(d.name_index.hashes) || !in.Vec(d.name_index.nodes)) return false;
  if (!in.Vec(d.graph.m_forward.m_rowstart) || !in.Vec(d.graph.m_forward.m_column) ||
      !in.Vec(d.graph.m_backward.m_rowstart) || !in.Vec(d.graph.m_backward.m_column) ||
      !in.Vec(d.graph.m_backward.m_edge_properties)) return false;
  if (!in.Vec(d.edge_type) || !in.Vec(d.edge_source) || !in.Vec(d.edge_extra)) return false;
  if (!in.Pod(n) || n > in.left()) return false;
  d.edge_extras.resize(n);
  for (auto& x : d.edge_extras) if (!in.Props(x.props) || !in.Prov(x.provenance)) return false;
  return in.ok();
}

// Structural checks so that a file with a valid checksum but inconsistent
// arrays (a bug, or a crafted file) cannot lead to out-of-bounds reads.
std::string Validate(const SnapshotData& d, uint64_t nodes, uint64_t edges) {
  const auto& f = d.graph.m_forward;
  const auto& b = d.graph.m_backward;
  if (d.node_type.size() != nodes || d.keys.size() != nodes || d.names.size() != nodes ||
      d.node_extra.size() != nodes) return "node arrays disagree with the header";
  if (d.edge_type.size() != edges || d.edge_source.size() != edges || d.edge_extra.size() != edges ||
      f.m_column.size() != edges || b.m_column.size() != edges || b.m_edge_properties.size() != edges)
    return "edge arrays disagree with the header";
  if (f.m_rowstart.size() != nodes + 1 || b.m_rowstart.size() != nodes + 1) return "row index has the wrong size";
  for (size_t i = 0; i <= nodes; ++i) {
    if (f.m_rowstart[i] > edges || b.m_rowstart[i] > edges) return "row index out of range";
    if (i && (f.m_rowstart[i] < f.m_rowstart[i - 1] || b.m_rowstart[i] < b.m_rowstart[i - 1])) return "row index not sorted";
  }
  if (nodes && (f.m_rowstart[nodes] != edges || b.m_rowstart[nodes] != edges)) return "row index does not cover the edges";
  for (size_t e = 0; e < edges; ++e) {
    if (f.m_column[e] >= nodes || b.m_column[e] >= nodes || d.edge_source[e] >= nodes ||
        b.m_edge_properties[e] >= edges) return "edge endpoint out of range";
    if (d.edge_extra[e] != kNone && d.edge_extra[e] >= d.edge_extras.size()) return "edge extra out of range";
  }
  int ntypes = d.schema->num_node_types(), etypes = d.schema->num_edge_types();
  for (size_t i = 0; i < nodes; ++i) {
    if (d.node_type[i] >= ntypes) return "node type out of range";
    if (d.node_extra[i] != kNone && d.node_extra[i] >= d.node_extras.size()) return "node extra out of range";
  }
  for (uint8_t t : d.edge_type) if (t >= etypes) return "edge type out of range";
  const auto& slots = d.key_index.slots();
  if (slots.empty() || (slots.size() & (slots.size() - 1)) || slots.size() < nodes) return "key index has a bad size";
  for (uint32_t s : slots) if (s != KeyIndex::kEmpty && s >= nodes) return "key index out of range";
  if (d.name_index.hashes.size() != d.name_index.nodes.size()) return "name index arrays disagree";
  for (const auto& mk : d.merged_keys) if (mk.second >= nodes) return "merged key out of range";
  for (uint32_t n : d.name_index.nodes) if (n >= nodes) return "name index out of range";
  return "";
}

}  // namespace

Status WriteSnapshotFile(const Snapshot& snap, const std::string& path) {
  const SnapshotData& d = snap.data();
  std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::IoError("cannot create " + tmp + ": " + std::strerror(errno));
  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.format_version = kFormatVersion;
  h.schema_fingerprint = SchemaFingerprint(snap.schema());
  h.num_nodes = snap.num_nodes();
  h.num_edges = snap.num_edges();
  std::fwrite(&h, sizeof h, 1, f);  // placeholder, rewritten below
  Out o(f);
  WritePayload(o, d);
  h.payload_bytes = o.bytes();
  h.payload_checksum = o.checksum();
  h.header_checksum = HeaderChecksum(h);
  bool ok = o.ok() && std::fseek(f, 0, SEEK_SET) == 0 && std::fwrite(&h, sizeof h, 1, f) == 1 && std::fflush(f) == 0 &&
            ::fsync(::fileno(f)) == 0;
  int err = errno;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + tmp + ": " + std::strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    err = errno;
    std::remove(tmp.c_str());
    return Status::IoError("cannot rename " + tmp + " to " + path + ": " + std::strerror(err));
  }
  return SyncDirectory(path);
}

bool IsSnapshotFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char m[8] = {};
  bool yes = std::fread(m, 1, 8, f) == 8 && std::memcmp(m, kMagic, 8) == 0;
  std::fclose(f);
  return yes;
}

Result<SnapshotPtr> ReadSnapshotFile(const std::string& path, std::shared_ptr<const Schema> schema) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::IoError("cannot open snapshot " + path + ": " + std::strerror(errno));
  std::setvbuf(f.get(), nullptr, _IOFBF, 1 << 20);
  std::error_code ec;
  uint64_t file_size = std::filesystem::file_size(path, ec);
  Header h{};
  if (std::fread(&h, sizeof h, 1, f.get()) != 1) {
    return Status::Corruption(path + ": not a PolicyKG snapshot (shorter than its 64-byte header)");
  }
  if (std::memcmp(h.magic, kMagic, 8) != 0) return Status::Corruption(path + ": not a PolicyKG snapshot (bad magic)");
  if (h.header_checksum != HeaderChecksum(h)) return Status::Corruption(path + ": snapshot header is damaged (checksum mismatch)");
  if (h.format_version != kFormatVersion) {
    return Status::Corruption(path + ": snapshot format version " + std::to_string(h.format_version) +
                              ", this build reads version " + std::to_string(kFormatVersion) + "; rebuild it with policykg load");
  }
  if (h.schema_fingerprint != SchemaFingerprint(*schema)) {
    return Status::Precondition(path + ": snapshot was built with a different schema; rebuild it with policykg load");
  }
  if (!ec && file_size != sizeof(Header) + h.payload_bytes) {
    return Status::Corruption(path + ": snapshot is " + std::to_string(file_size) + " bytes, expected " +
                              std::to_string(sizeof(Header) + h.payload_bytes) + " (truncated or extended)");
  }
  if (h.num_nodes >= kNone || h.num_edges >= kNone) return Status::Corruption(path + ": node or edge count out of range");
  auto d = std::make_unique<SnapshotData>();
  d->schema = schema;
  In in(f.get(), h.payload_bytes);
  if (!ReadPayload(in, *d) || in.left() != 0) return Status::Corruption(path + ": snapshot payload is damaged or truncated (a section does not parse)");
  if (in.checksum() != h.payload_checksum) return Status::Corruption(path + ": snapshot payload is damaged (checksum mismatch)");
  if (std::string why = Validate(*d, h.num_nodes, h.num_edges); !why.empty()) {
    return Status::Corruption(path + ": snapshot is inconsistent: " + why);
  }
  d->key_index.set_count(h.num_nodes);
  return SnapshotPtr(std::make_shared<Snapshot>(std::move(d)));
}

}  // namespace pkg
