// A mock of `policykg serve` for developing and testing the viewer: the
// JSON API of docs/api.md over the fixture (fixture.mjs, mock_graph.mjs,
// mock_query.mjs) and the viewer's files from web/viewer/ at `/`.
//
//   node tests/viewer/mock_server.mjs [--port 0] [--token T] [--store FILE]
//                                     [--synthetic N] [--latency MS]
//
// Prints "listening on http://127.0.0.1:PORT/" once it accepts requests.
// Writes need `Authorization: Bearer T`. Loopback only. Not hardened: it
// is a test double for the UI, not a server to expose.
import http from 'node:http';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixture } from './fixture.mjs';
import { MockGraph } from './mock_graph.mjs';
import { runQuery } from './mock_query.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const token = args.token ?? 'test-token';
const latency = Number(args.latency ?? 0);
const viewerDir = realpathSync(args.viewer ?? join(root, 'web', 'viewer'));

const rawSchema = JSON.parse(readFileSync(join(root, 'data', 'schema.json'), 'utf8'));
const schema = {
  node_types: rawSchema.node_types.map(({ name, parent, zh, en, abstract }) => ({ name, parent, zh, en, abstract: !!abstract })),
  edge_types: rawSchema.edge_types.map(({ name, zh, en, from, to, pairs }) => ({ name, zh, en, from, to, pairs })),
  properties: rawSchema.properties,
  instruments: rawSchema.vocabularies.instruments,
};
const fixture = buildFixture({ synthetic: Number(args.synthetic ?? 0) });
const graph = new MockGraph(schema, fixture, args.store);

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

function send(res, status, body) {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length });
  res.end(data);
}
const fail = (res, status, code, message) => send(res, status, { error: { code, message } });

function serveStatic(res, pathname) {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  let file;
  try {
    file = realpathSync(join(viewerDir, rel));
  } catch {
    return fail(res, 404, 'not_found', `no file ${pathname}`);
  }
  if (!file.startsWith(viewerDir + sep) || !statSync(file).isFile()) return fail(res, 404, 'not_found', `no file ${pathname}`);
  const data = readFileSync(file);
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Length': data.length });
  res.end(data);
}

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname;
  const q = url.searchParams;
  if (!path.startsWith('/api/')) return serveStatic(res, path);
  if (latency) await new Promise((r) => setTimeout(r, latency));
  const write = req.method === 'POST' || req.method === 'DELETE';
  if (write && path !== '/api/query' && req.headers.authorization !== `Bearer ${token}`) {
    return fail(res, 401, 'unauthenticated', 'this change needs the server token: Authorization: Bearer <token>');
  }
  let m;
  if (path === '/api/health') return send(res, 200, { status: 'ok', version: '0.1.0-mock', snapshot_version: 1 });
  if (path === '/api/schema') return send(res, 200, schema);
  if (path === '/api/stats') {
    const by = {};
    for (const n of graph.nodes.values()) by[n.type] = (by[n.type] ?? 0) + 1;
    return send(res, 200, { nodes: graph.nodes.size, edges: graph.edges.length, by_type: by, documents: 1, snapshot_version: 1 });
  }
  if (path === '/api/search') {
    return send(res, 200, { results: graph.search(q.get('q') ?? '', Math.min(Number(q.get('limit') ?? 20), 20)) });
  }
  if (path === '/api/query') {
    let text = q.get('q');
    let limit = 100;
    if (req.method === 'POST') {
      const body = await readJson(req);
      text = body.query;
      limit = Number(body.limit ?? 100);
    }
    const r = runQuery(graph, String(text ?? ''), limit);
    return r.ok ? send(res, 200, r.result) : send(res, 400, { error: r.error });
  }
  if ((m = /^\/api\/nodes\/([^/]+)\/neighbors$/.exec(path))) {
    const types = q.get('types') ? new Set(q.get('types').split(',')) : null;
    const r = graph.neighbors(decodeURIComponent(m[1]), { types, direction: q.get('direction') ?? 'both',
      limit: Number(q.get('limit') ?? 50) });
    return r ? send(res, 200, r) : fail(res, 404, 'not_found', `no node ${decodeURIComponent(m[1])}`);
  }
  if ((m = /^\/api\/nodes\/([^/]+)$/.exec(path))) {
    const r = graph.full(decodeURIComponent(m[1]));
    return r ? send(res, 200, r) : fail(res, 404, 'not_found', `no node ${decodeURIComponent(m[1])}`);
  }
  if ((m = /^\/api\/supporters\/([^/]+)$/.exec(path))) {
    const r = graph.supporters(decodeURIComponent(m[1]));
    return r ? send(res, 200, r) : fail(res, 404, 'not_found', `no node ${decodeURIComponent(m[1])}`);
  }
  if (path === '/api/paths') {
    const r = graph.paths(q.get('from'), q.get('to'), Number(q.get('max') ?? 6));
    return r ? send(res, 200, r) : fail(res, 404, 'not_found', 'unknown from or to node');
  }
  if (path === '/api/documents') {
    return send(res, 200, { documents: fixture.documents.map(({ text, ...d }) => ({ ...d, bytes: Buffer.byteLength(text) })) });
  }
  if ((m = /^\/api\/documents\/([^/]+)$/.exec(path))) {
    const doc = fixture.documents.find((d) => d.id === decodeURIComponent(m[1]));
    if (!doc) return fail(res, 404, 'not_found', `no document ${decodeURIComponent(m[1])}`);
    const spans = [];
    for (const n of graph.nodes.values()) for (const p of n.provenance) if (p.document === doc.id) spans.push({ begin: p.span[0], end: p.span[1], node: n.id, rule: p.rule });
    return send(res, 200, { id: doc.id, title: doc.title, props: { date: doc.date, publisher: doc.publisher }, text: doc.text, spans });
  }
  if (path === '/api/curation') return send(res, 200, graph.curation());
  if (path === '/api/links' && req.method === 'POST') {
    const body = await readJson(req);
    if (!graph.nodes.has(body.from) || !graph.nodes.has(body.to)) return fail(res, 422, 'invalid_argument', 'from and to must be existing node keys');
    if (!schema.edge_types.some((t) => t.name === body.type)) return fail(res, 422, 'invalid_argument', `unknown edge type '${body.type}'`);
    if (!String(body.reason ?? '').trim()) return fail(res, 422, 'invalid_argument', 'a curated link needs a reason');
    const edge = graph.addLink(body);
    return send(res, 201, { id: edge.id, edge });
  }
  if ((m = /^\/api\/links\/([^/]+)$/.exec(path)) && req.method === 'DELETE') {
    const id = decodeURIComponent(m[1]);
    return graph.deleteLink(id) ? send(res, 200, { deleted: id }) : fail(res, 404, 'not_found', `no curated link ${id}`);
  }
  if (path === '/api/merge' && req.method === 'POST') {
    const body = await readJson(req);
    if (!graph.nodes.has(body.keep) || !Array.isArray(body.merge) || !body.merge.every((k) => graph.nodes.has(k))) {
      return fail(res, 422, 'invalid_argument', 'keep and merge must be existing node keys');
    }
    const id = graph.merge(body);
    return send(res, 201, { id, node: graph.full(body.keep) });
  }
  if (path === '/api/split' && req.method === 'POST') {
    const id = graph.split(await readJson(req));
    return id ? send(res, 201, { id }) : fail(res, 404, 'not_found', 'no merge decision to split');
  }
  return fail(res, 404, 'not_found', `no endpoint ${req.method} ${path}`);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => fail(res, 400, 'invalid_argument', String(e.message ?? e)));
});
server.listen(Number(args.port ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
