// The viewer's only door to the server: one function per endpoint of
// docs/api.md, each returning the parsed JSON or throwing an ApiError.
//
// ApiError carries status, code, message and, for query errors, position
// and caret, exactly as the server sent them; a network failure or a body
// that is not JSON becomes an ApiError with code "network" / "bad_response".
// Writes send `Authorization: Bearer <token>` with the token that
// curation.js keeps in sessionStorage (setToken); this module does not ask
// for it. Node keys are URL-encoded here, callers pass them raw.
// Exercised end to end by tests/viewer/e2e_test.mjs.

export class ApiError extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.code = err.code || 'unknown';
    this.position = err.position || null;
    this.caret = err.caret || null;
  }
}

let token = null;
export function setToken(t) {
  token = t;
}

async function request(method, path, { body, auth = false, signal } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { error: { code: 'network', message: `cannot reach the server (${e.message})` } });
  }
  let data = null;
  try {
    data = await res.json();
  } catch {
    throw new ApiError(res.status, { error: { code: 'bad_response', message: `the server answered HTTP ${res.status} without JSON` } });
  }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

const key = (k) => encodeURIComponent(k);

export const api = {
  health: () => request('GET', '/api/health'),
  schema: () => request('GET', '/api/schema'),
  stats: () => request('GET', '/api/stats'),
  search: (q, limit = 12, signal) => request('GET', `/api/search?q=${encodeURIComponent(q)}&limit=${limit}`, { signal }),
  query: (query, limit = 200) => request('POST', '/api/query', { body: { query, limit } }),
  node: (id) => request('GET', `/api/nodes/${key(id)}`),
  neighbors: (id, { types = [], direction = 'both', limit = 50 } = {}) => {
    const t = types.length ? `&types=${types.map(encodeURIComponent).join(',')}` : '';
    return request('GET', `/api/nodes/${key(id)}/neighbors?direction=${direction}&limit=${limit}${t}`);
  },
  supporters: (id) => request('GET', `/api/supporters/${key(id)}`),
  paths: (from, to, max = 6) => request('GET', `/api/paths?from=${key(from)}&to=${key(to)}&max=${max}`),
  document: (id) => request('GET', `/api/documents/${key(id)}`),
  curation: () => request('GET', '/api/curation'),
  addLink: (link) => request('POST', '/api/links', { body: link, auth: true }),
  deleteLink: (id) => request('DELETE', `/api/links/${key(id)}`, { auth: true }),
  merge: (decision) => request('POST', '/api/merge', { body: decision, auth: true }),
  split: (decision) => request('POST', '/api/split', { body: decision, auth: true }),
};
