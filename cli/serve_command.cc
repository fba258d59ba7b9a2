// `policykg serve INPUT... [--port 8080] [--host 127.0.0.1] [--token T]
//  [--store PATH] [--viewer DIR] [--quiet]`: the HTTP API and the viewer.
//
// Opens the workspace store (SQLite), loads the inputs (statements, snapshot,
// folders, documents) as the base graph, linked with the store's curated
// splits kept apart, and rebuilds the graph with the stored documents and
// curated decisions (or opens STORE.view.pkg, the view saved after the last
// write, when it still matches), then serves docs/api.md until SIGINT or
// SIGTERM. Loopback by default; another host only when asked, with
// a warning. --port 0 takes an ephemeral port; the URL line printed on stdout
// ("policykg: serving … at http://HOST:PORT/") carries the port either way.
// The write token is --token, or the one in STORE.token (created 0600 on
// first start).
//
// Tested in tests/web/ (every test starts this command).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "cli/command.h"
#include "cli/graph_inputs.h"
#include "graph/snapshot_file.h"
#include "ingest/extractor.h"
#include "link/canonical_key.h"
#include "link/corpus_mentions.h"
#include "link/linker.h"
#include "store/curation_apply.h"
#include "store/workspace_store.h"
#include "web/server/api_server.h"
#include "web/server/auth_token.h"
#include "web/server/saved_view.h"

namespace pkg::cli {
namespace {

struct ServeArgs {
  std::vector<std::string> inputs;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  std::string store = "policykg-workspace.sqlite";
  std::string viewer;
  std::string schema;
  bool quiet = false;
  bool skip_invalid = false;
  bool no_saved_view = false;
  size_t upload_limit = size_t{8} << 20;
  size_t threads = 0;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string DefaultViewerDir() {
  std::filesystem::path p = std::filesystem::path(PKG_SOURCE_DATA_DIR).parent_path() / "web" / "viewer";
  std::error_code ec;
  return std::filesystem::exists(p / "index.html", ec) ? p.string() : std::string();
}

void RunServe(const ServeArgs& a) {
  // SIGINT/SIGTERM are blocked in every thread (threads inherit the mask, so
  // this comes before any is started: loader, graph build, HTTP pool) and
  // taken by one watcher thread, which stops the server. Blocked later, a
  // thread started earlier could take SIGTERM and die by it
  // (tests/reliability/crash_safety_test.cc saw exit by signal 15).
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  auto schema = OpenSchema(a.schema);
  if (!schema.ok()) return Fail(schema.status().message());

  auto store = WorkspaceStore::Open(a.store);
  if (!store.ok()) return Fail(store.status().message());
  auto token = LoadOrCreateToken(a.token, a.store + ".token");
  if (!token.ok()) return Fail(token.status().message());
  auto curation = (*store)->LoadCuration();
  if (!curation.ok()) return Fail(curation.status().message());

  // Base graph, linked as `policykg load` links (curated splits kept apart);
  // document inputs are kept (by Document key) for /api/documents/{id}.
  auto base_docs = std::make_shared<std::unordered_map<std::string, DocumentText>>();
  auto docs_mu = std::make_shared<std::mutex>();
  auto load_base = [a, schema = *schema, base_docs, docs_mu](
                       const std::vector<std::pair<std::string, std::string>>& cannot_link) -> Result<SnapshotPtr> {
    LoadOptions lo = DocumentAwareOptions(schema, a.skip_invalid, /*link=*/true, cannot_link);
    lo.progress = false;
    DocumentExtractor inner = lo.extract_document;
    lo.extract_document = [inner, base_docs, docs_mu](const std::string& path, std::string_view bytes,
                                                      const std::function<void(Statement&&)>& sink) {
      std::string doc_key;
      Status s = inner(path, bytes, [&](Statement&& st) {
        if (doc_key.empty()) {
          if (const auto* n = std::get_if<NodeStatement>(&st); n && n->type == "Document") doc_key = n->id;
        }
        sink(std::move(st));
      });
      if (s.ok() && !doc_key.empty()) {
        std::lock_guard lock(*docs_mu);
        (*base_docs)[doc_key] = DocumentText{path, std::string(bytes)};
      }
      return s;
    };
    LoadReport report;
    auto base = LoadGraphInputs(a.inputs, schema, lo, &report);
    for (const auto& s : report.skipped) std::fprintf(stderr, "policykg: skipped: %s\n", s.c_str());
    return base;
  };
  auto base = load_base(CannotLinkPairs(*curation));
  if (!base.ok()) return Fail(base.status().message());
  auto linker = Linker::Create(*schema, DataDir());
  if (!linker.ok()) return Fail(linker.status().message());

  // The extractor for uploads and stored documents (with the store's id),
  // created on first use: loading its lexicons takes a moment, and a server
  // that never ingests should not wait for it.
  struct LazyExtractor {
    std::once_flag once;
    Result<std::unique_ptr<Extractor>> ex = Status::Internal("extractor not created");
  };
  auto lazy = std::make_shared<LazyExtractor>();
  LiveGraphOptions go;
  go.schema = *schema;
  go.base = *base;
  {
    std::lock_guard lock(*docs_mu);
    go.base_documents = *base_docs;
  }
  go.linker = std::shared_ptr<const Linker>(std::move(*linker));
  // A single snapshot file is opened as is: its merges cannot be undone.
  bool one_snapshot = a.inputs.size() == 1 && (IsSnapshotFile(a.inputs[0]) ||
                                               std::filesystem::path(a.inputs[0]).extension() == ".pkg");
  if (!one_snapshot) go.reload_base = load_base;
  // The view is saved beside the store after each write and opened on the
  // next start when nothing it was made from changed: the store (by its
  // change sequence), the inputs, the data files and this binary.
  if (!a.no_saved_view) {
    go.saved_view = a.store + ".view.pkg";
    std::vector<std::string> made_from = a.inputs;
    made_from.push_back(DataDir());
    if (!a.schema.empty()) made_from.push_back(a.schema);
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) made_from.push_back(self.string());
    go.inputs_fingerprint = InputsFingerprint(made_from);
  }
  go.store = store->get();
  go.extract = [lazy, schema = *schema](const std::string& name, const std::string& bytes,
                                        const std::string& id,
                                        const std::function<void(Statement&&)>& sink) -> Status {
    std::call_once(lazy->once, [&] {
      std::string data_dir = std::filesystem::path(Schema::DefaultPath()).parent_path().string();
      lazy->ex = Extractor::Create(schema, data_dir);
      if (!lazy->ex.ok()) {
        std::fprintf(stderr, "policykg: warning: no extractor (%s); document upload is off\n",
                     lazy->ex.status().message().c_str());
      }
    });
    if (!lazy->ex.ok()) {
      return Status::Precondition("document extraction is unavailable: " + lazy->ex.status().message());
    }
    DocumentInput in;
    in.path = name;
    in.bytes = bytes;
    in.id_hint = id;
    return (*lazy->ex)->Extract(in, sink);
  };
  // Uploads mention the base items they name (link/base_mentions.h).
  go.normalize = [lazy, schema = *schema](const std::string& name, const std::string& bytes) -> Result<NormalizedDocument> {
    std::call_once(lazy->once, [&] {
      lazy->ex = Extractor::Create(schema, std::filesystem::path(Schema::DefaultPath()).parent_path().string());
    });
    if (!lazy->ex.ok()) return lazy->ex.status();
    DocumentInput in;
    in.path = name;
    in.bytes = bytes;
    auto norm = (*lazy->ex)->Normalized(in);
    if (!norm.ok()) return norm.status();
    return NormalizedDocument{std::move(norm->text), std::move(norm->orig)};
  };
  if (auto rules = KeyRules::Load(DataDir()); rules.ok()) {
    go.name_rules = *rules;
  } else {
    std::fprintf(stderr, "policykg: warning: %s; uploads mention only what the extractor finds\n",
                 rules.status().message().c_str());
  }
  auto graph = LiveGraph::Create(std::move(go));
  if (!graph.ok()) return Fail(graph.status().message());

  if (!IsLoopback(a.host)) {
    std::fprintf(stderr,
                 "policykg: warning: listening on %s, not loopback: anyone who can reach this "
                 "address can read the graph (writes still need the token)\n",
                 a.host.c_str());
  }
  ServerOptions so;
  so.host = a.host;
  so.port = a.port;
  so.token = token->token;
  so.viewer_dir = a.viewer.empty() ? DefaultViewerDir() : a.viewer;
  so.limits.quiet = a.quiet;
  so.limits.upload_body_max = a.upload_limit;
  so.limits.threads = a.threads;
  ApiServer server(**graph, so);

  Status bound = server.Bind();
  if (!bound.ok()) return Fail(bound.message());

  auto view = (*graph)->Current();
  std::string host = a.host.find(':') != std::string::npos ? "[" + a.host + "]" : a.host;
  std::printf("policykg: serving %u nodes, %u edges at http://%s:%d/\n", view->snap->num_nodes(),
              view->snap->num_edges(), host.c_str(), server.port());
  if (token->created) {
    std::printf("policykg: write token created in %s (mode 0600)\n", token->file.c_str());
  } else if (!token->file.empty()) {
    std::printf("policykg: write token in %s\n", token->file.c_str());
  }
  std::fflush(stdout);

  std::atomic<bool> done{false};
  std::thread watcher([&] {
    timespec tick{0, 200 * 1000 * 1000};
    while (!done.load()) {
      int sig = sigtimedwait(&sigs, nullptr, &tick);
      if (sig == SIGINT || sig == SIGTERM) {
        if (!a.quiet) std::fprintf(stderr, "policykg: stopping (signal %d)\n", sig);
        server.Stop();
        break;
      }
    }
  });
  bool ok = server.Run();
  done = true;
  server.Stop();
  watcher.join();
  if (!ok) return Fail("the server stopped listening unexpectedly");
}

void Setup(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the JSON API and the viewer over HTTP");
  cmd->add_option("INPUT", args->inputs, "statements, snapshot, folders or documents to serve");
  cmd->add_option("--port", args->port, "TCP port (0: an ephemeral port, printed)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", args->host, "address to listen on (default loopback)");
  cmd->add_option("--token", args->token, "bearer token for writes (default: STORE.token, created 0600)");
  cmd->add_option("--store", args->store, "workspace store, an SQLite file (created when missing)");
  cmd->add_option("--viewer", args->viewer, "viewer directory (default: web/viewer of the source tree)");
  cmd->add_option("--schema", args->schema, "schema file (default: data/schema.json)");
  cmd->add_option("--upload-limit", args->upload_limit, "largest document upload in bytes (default 8 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{64} << 20));
  cmd->add_option("--threads", args->threads, "HTTP worker threads (default max(64, 16 x cores))");
  cmd->add_flag("--quiet", args->quiet, "no access log");
  cmd->add_flag("--skip-invalid", args->skip_invalid, "load valid statements, list the invalid ones");
  cmd->add_flag("--no-saved-view", args->no_saved_view,
                "neither save the graph beside the store after writes nor open a saved one on start");
  cmd->callback([args] { RunServe(*args); });
}

}  // namespace

PKG_REGISTER_COMMAND(serve, 60, Setup);

}  // namespace pkg::cli
