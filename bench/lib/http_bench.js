// HTTP figures for bench/compare: `policykg serve` on the benchmark
// snapshot, driven by wrk at 8 connections against /api/nodes/{id}/neighbors
// and /api/search (docs/api.md).
//
// Interface: async httpBench(bin, pkg, graphDir, opts) -> {ok, neighbors:
// {rps, p99_ms, non2xx}, search: {…}, error}. The server is started on an
// ephemeral loopback port (its stdout URL line gives the port), each endpoint
// is checked once for a 200 (that first, cold request is timed: first_ms),
// wrk warms it up for a third of the measured time, then measures; the
// server is stopped with
// SIGTERM (SIGKILL after 5 s) whatever happens. Paths cycle through a fixed
// sample of node ids and name prefixes (bench/wrk_paths.lua). Missing wrk, a
// server that does not start or an endpoint that answers an error is an error
// value, never a throw. Does not: judge the figures. Tested by
// bench/tests/parse.test.js (parseWrk, samplePaths).
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { tempDir, lastLine } = require("./run");
const { BENCH_DIR } = require("./dataset");

// wrk's "Requests/sec:" and the 99% line of --latency, in ms.
function parseWrk(text) {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(text);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const total = /(\d+) requests in/.exec(text);
  const scale = { us: 0.001, ms: 1, s: 1000 };
  return {
    rps: rps ? Number(rps[1]) : null,
    p99_ms: p99 ? Number(p99[1]) * scale[p99[2]] : null,
    requests: total ? Number(total[1]) : null,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
  };
}

// Deterministic sample of request paths from nodes.csv (id,type,name):
// every k-th node's neighbours, and search prefixes of every k-th name
// (whole code points: the first 2..5 characters).
function samplePaths(nodesCsvText, count = 1000) {
  const lines = nodesCsvText.split(/\r?\n/).filter(Boolean);
  const step = Math.max(1, Math.floor(lines.length / count));
  const neighbors = [], search = [];
  for (let i = 0, k = 0; i < lines.length && neighbors.length < count; i += step, k++) {
    const [id, , name] = lines[i].split(",");
    neighbors.push(`/api/nodes/${encodeURIComponent(id)}/neighbors`);
    const chars = Array.from(name || id);
    const prefix = chars.slice(0, Math.min(chars.length, 2 + (k % 4))).join("");
    search.push(`/api/search?q=${encodeURIComponent(prefix)}`);
  }
  return { neighbors, search };
}

function get(url, timeoutMs = 10000) {
  return new Promise((resolve) => {
    // A fresh connection each time: Node keeps sockets alive by default, and a
    // probe that reused the socket of the probe before (idle through a whole
    // wrk run, closed by the server's keep-alive timeout) got "socket hang up".
    const req = http.get(url, { agent: false }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error("timeout")));
    req.on("error", (e) => resolve({ status: null, body: e.message }));
  });
}

// Starts the server; resolves {child, base} once the URL line is printed, or
// {error} when it exits or stays silent for `timeoutS`.
function startServer(bin, pkg, work, timeoutS) {
  return new Promise((resolve) => {
    const child = spawn(bin, ["serve", pkg, "--port", "0", "--quiet", "--store", path.join(work, "ws.sqlite"),
      "--token", "bench-token"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "", done = false;
    const finish = (v) => { if (!done) { done = true; clearTimeout(timer); resolve(v); } };
    const timer = setTimeout(() => finish({ child, error: `no URL line within ${timeoutS} s` }), timeoutS * 1000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /http:\/\/([^\s/]+)\//.exec(out);
      if (m) finish({ child, base: `http://${m[1]}` });
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("error", (e) => finish({ child: null, error: `cannot start: ${e.message}` }));
    child.on("exit", (code) => finish({ child: null, error: `serve exited ${code}: ${lastLine(err) || "no message"}` }));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.on("exit", () => { clearTimeout(kill); resolve(); });
    child.kill("SIGTERM");
  });
}

async function httpBench(bin, pkg, graphDir, opts = {}) {
  const seconds = opts.seconds || 10;
  if (spawnSync("wrk", ["--version"]).error) return { ok: false, error: "wrk not installed (scripts/deps --bench)" };
  const work = tempDir("pkg-bench-http-");
  const paths = samplePaths(fs.readFileSync(path.join(graphDir, "nodes.csv"), "utf8"));
  const s = await startServer(bin, pkg, work, opts.start_timeout_s || 300);
  const result = { ok: false, error: null };
  try {
    if (s.error) return { ok: false, error: s.error };
    for (const name of ["neighbors", "search"]) {
      const file = path.join(work, `${name}.paths`);
      fs.writeFileSync(file, paths[name].join("\n") + "\n");
      const t0 = process.hrtime.bigint();
      let probe = await get(s.base + paths[name][0], 60000);
      const first_ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let cold = "";
      if (probe.status !== 200) {
        // a cold server may refuse or time out while it builds an index: say so, and ask once more
        cold = `first request: ${probe.status === null ? "no answer" : probe.status} (${lastLine(probe.body, 60)}) after ${Math.round(first_ms)} ms; `;
        probe = await get(s.base + paths[name][0], 60000);
      }
      if (probe.status !== 200) {
        result[name] = { error: `${cold}GET ${paths[name][0]} answered ${probe.status === null ? "nothing" : probe.status}: ${lastLine(probe.body, 80)}` };
        continue;
      }
      const wrk = (secs) => spawnSync("wrk", ["-t2", "-c8", `-d${secs}s`, "--latency", "-s", path.join(BENCH_DIR, "wrk_paths.lua"),
        s.base, "--", file], { encoding: "utf8", timeout: (secs + 60) * 1000 });
      wrk(Math.max(1, Math.round(seconds / 3)));  // warm-up: lazily built indexes, every worker thread
      const r = wrk(seconds);
      const w = parseWrk(r.stdout || "");
      if (r.status !== 0 || w.rps === null) result[name] = { error: `wrk failed: ${lastLine(r.stderr || r.stdout)}`, first_ms };
      else result[name] = { ...w, first_ms, cold: cold || null, error: w.non2xx ? `${w.non2xx} of ${w.requests} answers were not 2xx` : null };
    }
    result.ok = ["neighbors", "search"].every((n) => result[n] && !result[n].error);
    if (!result.ok) result.error = ["neighbors", "search"].map((n) => result[n] && result[n].error).filter(Boolean).join("; ");
    return result;
  } finally {
    await stopServer(s.child);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { httpBench, parseWrk, samplePaths };
