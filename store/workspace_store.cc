// WorkspaceStore: tables, migrations and transactional writes. See workspace_store.h.
#include "store/workspace_store.h"

#include <chrono>

#include "base/json.h"
#include "store/sha256.h"
#include "store/workspace_schema.h"

namespace pkg {

int64_t NowMillis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<std::unique_ptr<WorkspaceStore>> WorkspaceStore::Open(const std::string& path) {
  std::unique_ptr<WorkspaceStore> store(new WorkspaceStore());
  PKG_RETURN_IF_ERROR(store->db_.Open(path));
  PKG_RETURN_IF_ERROR(store->Migrate());
  return store;
}

Status WorkspaceStore::Migrate() {
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  auto v = db_.UserVersion();
  if (!v.ok()) return v.status();
  if (*v > kSchemaVersion) {
    return Status::Precondition(db_.path() + ": workspace schema version " + std::to_string(*v) +
                                " is newer than this policykg (" + std::to_string(kSchemaVersion) +
                                "); use a newer policykg or another --store");
  }
  const std::vector<const char*>& migrations = WorkspaceMigrations();
  if (static_cast<int64_t>(migrations.size()) != kSchemaVersion) {
    return Status::Internal("workspace schema: " + std::to_string(migrations.size()) +
                            " migrations for version " + std::to_string(kSchemaVersion));
  }
  for (int64_t i = *v; i < kSchemaVersion; ++i) PKG_RETURN_IF_ERROR(db_.Exec(migrations[i]));
  if (*v != kSchemaVersion) PKG_RETURN_IF_ERROR(db_.SetUserVersion(kSchemaVersion));
  return tx.Commit();
}

Status WorkspaceStore::Audit(std::string_view action, std::string_view payload,
                             const WriteContext& ctx, int64_t now) {
  auto st = db_.Prepare(
      "INSERT INTO audit_log (at, who, why, remote, action, payload) VALUES (?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  st->Bind(1, now).Bind(2, ctx.who.empty() ? std::string_view("anonymous") : ctx.who);
  st->Bind(3, ctx.why).Bind(4, ctx.remote).Bind(5, action).Bind(6, payload);
  return st->Run();
}

Result<WorkspaceStore::AddedDocument> WorkspaceStore::AddDocument(std::string_view name,
                                                                  std::string_view bytes,
                                                                  std::string_view metadata,
                                                                  const WriteContext& ctx) {
  std::string hash = Sha256Hex(bytes);
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  AddedDocument out;
  {
    auto q = db_.Prepare(
        "SELECT id, key, name, metadata, added_at, length(bytes) FROM documents WHERE "
        "content_hash = ?");
    if (!q.ok()) return q.status();
    q->Bind(1, hash);
    Status s;
    if (q->Step(&s)) {
      out.doc = StoredDocument{q->Int(0), q->Text(1), q->Text(2), hash, q->Text(3), q->Int(4),
                               q->Int(5), {}};
      out.duplicate = true;
      return out;  // nothing written; the transaction rolls back
    }
    PKG_RETURN_IF_ERROR(s);
  }
  int64_t now = NowMillis();
  out.doc.key = "doc:" + hash.substr(0, 16);
  out.doc.name = std::string(name);
  out.doc.content_hash = hash;
  out.doc.metadata = metadata.empty() ? "{}" : std::string(metadata);
  out.doc.added_at = now;
  out.doc.size = static_cast<int64_t>(bytes.size());
  auto ins = db_.Prepare(
      "INSERT INTO documents (key, name, content_hash, bytes, metadata, added_at) VALUES "
      "(?,?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, out.doc.key).Bind(2, name).Bind(3, hash).BindBlob(4, bytes);
  ins->Bind(5, out.doc.metadata).Bind(6, now);
  PKG_RETURN_IF_ERROR(ins->Run());
  out.doc.id = db_.LastInsertId();
  PKG_RETURN_IF_ERROR(Audit("document.add",
                            "{\"id\":" + JsonQuote(out.doc.key) + ",\"name\":" + JsonQuote(name) +
                                ",\"bytes\":" + std::to_string(bytes.size()) + "}",
                            ctx, now));
  PKG_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<StoredDocument>> WorkspaceStore::ListDocuments(bool with_bytes) {
  std::lock_guard lock(mu_);
  auto q = db_.Prepare(with_bytes ? "SELECT id, key, name, content_hash, metadata, added_at, "
                                    "length(bytes), bytes FROM documents ORDER BY id"
                                  : "SELECT id, key, name, content_hash, metadata, added_at, "
                                    "length(bytes) FROM documents ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<StoredDocument> out;
  Status s;
  while (q->Step(&s)) {
    out.push_back(StoredDocument{q->Int(0), q->Text(1), q->Text(2), q->Text(3), q->Text(4),
                                 q->Int(5), q->Int(6), with_bytes ? q->Blob(7) : std::string()});
  }
  PKG_RETURN_IF_ERROR(s);
  return out;
}

Result<StoredDocument> WorkspaceStore::GetDocument(std::string_view key) {
  std::lock_guard lock(mu_);
  auto q = db_.Prepare(
      "SELECT id, key, name, content_hash, metadata, added_at, length(bytes), bytes FROM "
      "documents WHERE key = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, key);
  Status s;
  if (!q->Step(&s)) {
    PKG_RETURN_IF_ERROR(s);
    return Status::NotFound("no stored document with id \"" + std::string(key) + "\"");
  }
  return StoredDocument{q->Int(0), q->Text(1), q->Text(2), q->Text(3),
                        q->Text(4), q->Int(5), q->Int(6), q->Blob(7)};
}

Result<CuratedLink> WorkspaceStore::AddLink(std::string_view from, std::string_view to,
                                            std::string_view type, const WriteContext& ctx) {
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  int64_t now = NowMillis();
  auto ins = db_.Prepare(
      "INSERT INTO links (from_key, to_key, type, reason, created_at) VALUES (?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, from).Bind(2, to).Bind(3, type).Bind(4, ctx.why).Bind(5, now);
  PKG_RETURN_IF_ERROR(ins->Run());
  CuratedLink link{db_.LastInsertId(), std::string(from), std::string(to), std::string(type),
                   ctx.why, now, false};
  PKG_RETURN_IF_ERROR(Audit("link.add",
                            "{\"id\":\"link:" + std::to_string(link.id) + "\",\"from\":" +
                                JsonQuote(from) + ",\"to\":" + JsonQuote(to) +
                                ",\"type\":" + JsonQuote(type) + "}",
                            ctx, now));
  PKG_RETURN_IF_ERROR(tx.Commit());
  return link;
}

Status WorkspaceStore::DeleteLink(int64_t id, const WriteContext& ctx) {
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  auto q = db_.Prepare("SELECT deleted FROM links WHERE id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, id);
  Status s;
  if (!q->Step(&s)) {
    PKG_RETURN_IF_ERROR(s);
    return Status::NotFound("no curated link link:" + std::to_string(id));
  }
  if (q->Int(0) != 0) {
    return Status::AlreadyExists("curated link link:" + std::to_string(id) +
                                 " is already deleted");
  }
  int64_t now = NowMillis();
  auto up = db_.Prepare("UPDATE links SET deleted = 1, deleted_at = ? WHERE id = ?");
  if (!up.ok()) return up.status();
  up->Bind(1, now).Bind(2, id);
  PKG_RETURN_IF_ERROR(up->Run());
  PKG_RETURN_IF_ERROR(
      Audit("link.delete", "{\"id\":\"link:" + std::to_string(id) + "\"}", ctx, now));
  return tx.Commit();
}

Result<MergeDecision> WorkspaceStore::AddMerge(const MergeDecision& d, const WriteContext& ctx) {
  assert(!d.merged.empty() && d.merged.size() == d.merged_names.size());
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  int64_t now = NowMillis();
  auto ins = db_.Prepare(
      "INSERT INTO identity_decisions (kind, keep_key, keep_type, keep_name, reason, "
      "created_at) VALUES ('merge',?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, d.keep).Bind(2, d.keep_type).Bind(3, d.keep_name).Bind(4, ctx.why).Bind(5, now);
  PKG_RETURN_IF_ERROR(ins->Run());
  MergeDecision out = d;
  out.id = db_.LastInsertId();
  out.reason = ctx.why;
  out.created_at = now;
  out.split_by = 0;
  std::string members;
  for (size_t i = 0; i < d.merged.size(); ++i) {
    auto m = db_.Prepare(
        "INSERT INTO merge_members (decision_id, position, member_key, member_name) VALUES "
        "(?,?,?,?)");
    if (!m.ok()) return m.status();
    m->Bind(1, out.id).Bind(2, static_cast<int64_t>(i)).Bind(3, d.merged[i]);
    m->Bind(4, d.merged_names[i]);
    PKG_RETURN_IF_ERROR(m->Run());
    if (i) members += ',';
    members += JsonQuote(d.merged[i]);
  }
  PKG_RETURN_IF_ERROR(Audit("merge",
                            "{\"id\":\"merge:" + std::to_string(out.id) +
                                "\",\"keep\":" + JsonQuote(d.keep) + ",\"merge\":[" + members +
                                "]}",
                            ctx, now));
  PKG_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<SplitDecision> WorkspaceStore::SplitLocked(int64_t merge_id, std::string_view node,
                                                  const WriteContext& ctx) {
  auto q = db_.Prepare(
      "SELECT d.id, (SELECT s.id FROM identity_decisions s WHERE s.kind = 'split' AND "
      "s.split_of = d.id) FROM identity_decisions d WHERE d.kind = 'merge' AND d.id = ?");
  if (!q.ok()) return q.status();
  q->Bind(1, merge_id);
  Status s;
  if (!q->Step(&s)) {
    PKG_RETURN_IF_ERROR(s);
    return Status::NotFound("no merge decision merge:" + std::to_string(merge_id));
  }
  if (!q->IsNull(1)) {
    return Status::AlreadyExists("merge:" + std::to_string(merge_id) +
                                 " was already undone by split:" + std::to_string(q->Int(1)));
  }
  int64_t now = NowMillis();
  auto ins = db_.Prepare(
      "INSERT INTO identity_decisions (kind, split_of, node_key, reason, created_at) VALUES "
      "('split',?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, merge_id).Bind(2, node).Bind(3, ctx.why).Bind(4, now);
  PKG_RETURN_IF_ERROR(ins->Run());
  SplitDecision out{db_.LastInsertId(), merge_id, std::string(node), ctx.why, now};
  PKG_RETURN_IF_ERROR(Audit("split",
                            "{\"id\":\"split:" + std::to_string(out.id) + "\",\"merge\":\"merge:" +
                                std::to_string(merge_id) + "\"}",
                            ctx, now));
  return out;
}

Result<SplitDecision> WorkspaceStore::SplitMerge(int64_t merge_id, const WriteContext& ctx) {
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  auto r = SplitLocked(merge_id, "", ctx);
  if (!r.ok()) return r;
  PKG_RETURN_IF_ERROR(tx.Commit());
  return r;
}

Result<SplitDecision> WorkspaceStore::SplitNode(std::string_view node, const WriteContext& ctx) {
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  auto q = db_.Prepare(
      "SELECT d.id FROM identity_decisions d WHERE d.kind = 'merge' AND (d.keep_key = ?1 OR "
      "EXISTS (SELECT 1 FROM merge_members m WHERE m.decision_id = d.id AND m.member_key = ?1)) "
      "AND NOT EXISTS (SELECT 1 FROM identity_decisions s WHERE s.kind = 'split' AND "
      "s.split_of = d.id) ORDER BY d.id DESC LIMIT 1");
  if (!q.ok()) return q.status();
  q->Bind(1, node);
  Status s;
  if (!q->Step(&s)) {
    PKG_RETURN_IF_ERROR(s);
    return Status::NotFound("no active merge involves node \"" + std::string(node) + "\"");
  }
  int64_t merge_id = q->Int(0);
  auto r = SplitLocked(merge_id, node, ctx);
  if (!r.ok()) return r;
  PKG_RETURN_IF_ERROR(tx.Commit());
  return r;
}

Result<SplitDecision> WorkspaceStore::SplitLinked(const SplitDecision& d, const WriteContext& ctx) {
  assert(!d.apart.empty());
  std::lock_guard lock(mu_);
  SqliteTransaction tx(db_);
  PKG_RETURN_IF_ERROR(tx.Begin());
  int64_t now = NowMillis();
  auto ins = db_.Prepare(
      "INSERT INTO identity_decisions (kind, keep_type, keep_name, node_key, reason, created_at) "
      "VALUES ('split',?,?,?,?,?)");
  if (!ins.ok()) return ins.status();
  ins->Bind(1, d.node_type).Bind(2, d.node_name).Bind(3, d.node).Bind(4, ctx.why).Bind(5, now);
  PKG_RETURN_IF_ERROR(ins->Run());
  SplitDecision out = d;
  out.id = db_.LastInsertId();
  out.merge_id = 0;
  out.reason = ctx.why;
  out.created_at = now;
  std::string pairs;
  for (size_t i = 0; i < d.apart.size(); ++i) {
    auto p = db_.Prepare(
        "INSERT INTO split_pairs (decision_id, position, key_a, key_b) VALUES (?,?,?,?)");
    if (!p.ok()) return p.status();
    p->Bind(1, out.id).Bind(2, static_cast<int64_t>(i)).Bind(3, d.apart[i].first);
    p->Bind(4, d.apart[i].second);
    PKG_RETURN_IF_ERROR(p->Run());
    if (i) pairs += ',';
    pairs += "[" + JsonQuote(d.apart[i].first) + "," + JsonQuote(d.apart[i].second) + "]";
  }
  PKG_RETURN_IF_ERROR(Audit("split",
                            "{\"id\":\"split:" + std::to_string(out.id) +
                                "\",\"node\":" + JsonQuote(d.node) + ",\"apart\":[" + pairs + "]}",
                            ctx, now));
  PKG_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<int64_t> WorkspaceStore::ChangeSequence() {
  std::lock_guard lock(mu_);
  auto q = db_.Prepare("SELECT coalesce(max(id), 0) FROM audit_log");
  if (!q.ok()) return q.status();
  Status s;
  if (!q->Step(&s)) {
    PKG_RETURN_IF_ERROR(s);
    return int64_t{0};
  }
  return q->Int(0);
}

Result<Curation> WorkspaceStore::LoadCuration() {
  std::lock_guard lock(mu_);
  Curation c;
  Status s;
  {
    auto q = db_.Prepare(
        "SELECT id, from_key, to_key, type, reason, created_at, deleted FROM links ORDER BY id");
    if (!q.ok()) return q.status();
    while (q->Step(&s)) {
      c.links.push_back(CuratedLink{q->Int(0), q->Text(1), q->Text(2), q->Text(3), q->Text(4),
                                    q->Int(5), q->Int(6) != 0});
    }
    PKG_RETURN_IF_ERROR(s);
  }
  {
    auto q = db_.Prepare(
        "SELECT id, kind, keep_key, keep_type, keep_name, split_of, node_key, reason, created_at "
        "FROM identity_decisions ORDER BY id");
    if (!q.ok()) return q.status();
    while (q->Step(&s)) {
      if (q->Text(1) == "merge") {
        MergeDecision m;
        m.id = q->Int(0);
        m.keep = q->Text(2);
        m.keep_type = q->Text(3);
        m.keep_name = q->Text(4);
        m.reason = q->Text(7);
        m.created_at = q->Int(8);
        c.merges.push_back(std::move(m));
      } else {
        SplitDecision sp;
        sp.id = q->Int(0);
        sp.merge_id = q->IsNull(5) ? 0 : q->Int(5);
        sp.node = q->Text(6);
        sp.reason = q->Text(7);
        sp.created_at = q->Int(8);
        if (sp.merge_id == 0) {
          sp.node_type = q->Text(3);
          sp.node_name = q->Text(4);
        }
        c.splits.push_back(std::move(sp));
      }
    }
    PKG_RETURN_IF_ERROR(s);
  }
  {
    auto q = db_.Prepare(
        "SELECT decision_id, member_key, member_name FROM merge_members ORDER BY decision_id, "
        "position");
    if (!q.ok()) return q.status();
    size_t i = 0;
    while (q->Step(&s)) {
      int64_t id = q->Int(0);
      while (i < c.merges.size() && c.merges[i].id < id) ++i;
      if (i == c.merges.size() || c.merges[i].id != id) {
        return Status::Corruption(db_.path() + ": merge member of unknown decision " +
                                  std::to_string(id));
      }
      c.merges[i].merged.push_back(q->Text(1));
      c.merges[i].merged_names.push_back(q->Text(2));
    }
    PKG_RETURN_IF_ERROR(s);
  }
  {
    auto q = db_.Prepare(
        "SELECT decision_id, key_a, key_b FROM split_pairs ORDER BY decision_id, position");
    if (!q.ok()) return q.status();
    size_t i = 0;
    while (q->Step(&s)) {
      int64_t id = q->Int(0);
      while (i < c.splits.size() && c.splits[i].id < id) ++i;
      if (i == c.splits.size() || c.splits[i].id != id) {
        return Status::Corruption(db_.path() + ": split pair of unknown decision " +
                                  std::to_string(id));
      }
      c.splits[i].apart.emplace_back(q->Text(1), q->Text(2));
    }
    PKG_RETURN_IF_ERROR(s);
  }
  for (const SplitDecision& sp : c.splits) {
    if (sp.merge_id == 0) continue;
    for (MergeDecision& m : c.merges) {
      if (m.id == sp.merge_id) m.split_by = sp.id;
    }
  }
  return c;
}

Result<std::vector<AuditEntry>> WorkspaceStore::ListAudit(size_t limit) {
  std::lock_guard lock(mu_);
  auto q = db_.Prepare(
      "SELECT id, at, who, why, remote, action, payload FROM audit_log ORDER BY id DESC LIMIT ?");
  if (!q.ok()) return q.status();
  q->Bind(1, static_cast<int64_t>(limit));
  std::vector<AuditEntry> out;
  Status s;
  while (q->Step(&s)) {
    out.push_back(AuditEntry{q->Int(0), q->Int(1), q->Text(2), q->Text(3), q->Text(4), q->Text(5),
                             q->Text(6)});
  }
  PKG_RETURN_IF_ERROR(s);
  return out;
}

}  // namespace pkg
