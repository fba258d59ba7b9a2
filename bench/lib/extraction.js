// Text extraction throughput for bench/compare, in MB of input document
// bytes per second.
//
// Interface: extractionBench(bin, opts) -> {ok, mb_s, mb, wall_s, files,
// source, error}. When the ingest benchmark (bench/extract_bench*, owned by
// the ingest engineer) is present it is run and the first "<x> MB/s" it
// prints is taken. Otherwise `policykg extract` runs over a generated corpus:
// the development seed and every tests/corpus document, repeated until the
// input reaches opts.target_mb (default 8 MB), output discarded; MB/s is
// input bytes over the process's wall time (start-up and lexicon loading
// included, so a small corpus understates the steady rate). Does not: check
// what was extracted (tests/corpus and eval-ingest do). Tested by
// bench/tests/parse.test.js (parseMbPerSec, corpusFiles).
"use strict";
const fs = require("fs");
const path = require("path");
const { run, isExecutable } = require("./run");
const { REPO_DIR, BENCH_DIR, sharedDir } = require("./dataset");

function parseMbPerSec(text) {
  const m = /([\d.]+)\s*MB\/s/i.exec(String(text));
  return m ? Number(m[1]) : null;
}

// Text documents of the corpus: {files: [path…], bytes}.
function corpusFiles(roots) {
  const files = [];
  const stack = [...roots];
  while (stack.length) {
    const p = stack.pop();
    let st;
    try { st = fs.statSync(p); } catch { continue; }
    if (st.isDirectory()) for (const f of fs.readdirSync(p).sort().reverse()) stack.push(path.join(p, f));
    else if (/\.(txt|html?)$/i.test(p)) files.push(p);
  }
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  return { files, bytes };
}

function ingestBenchScript() {
  const names = fs.existsSync(BENCH_DIR) ? fs.readdirSync(BENCH_DIR).filter((f) => f.startsWith("extract_bench")) : [];
  for (const n of names.sort()) {
    const p = path.join(BENCH_DIR, n);
    if (n.endsWith(".js") || n.endsWith(".mjs")) return { cmd: "node", args: [p] };
    if (n.endsWith(".py")) return { cmd: "python3", args: [p] };
    if (isExecutable(p)) return { cmd: p, args: [] };
  }
  return null;
}

function extractionBench(bin, opts = {}) {
  const script = ingestBenchScript();
  if (script) {
    const r = run(script.cmd, script.args, { timeout_s: 1800, env: { PKG_BIN: bin || "" } });
    const mb_s = parseMbPerSec(r.stdout);
    if (r.ok && mb_s !== null) return { ok: true, mb_s, source: `bench/${path.basename(script.args[0] || script.cmd)}` };
    // fall through to the generic measurement, saying why
    opts.note = `extract_bench gave no MB/s (${r.error || "no 'MB/s' line"})`;
  }
  if (!bin) return { ok: false, error: "policykg not built" };
  const shared = sharedDir();
  const roots = [path.join(REPO_DIR, "tests", "corpus")];
  if (shared) roots.push(path.join(shared, "corpus", "dev", "seed.txt"));
  const { files, bytes } = corpusFiles(roots);
  if (!files.length) return { ok: false, error: "no corpus documents found" };
  const target = (opts.target_mb || 8) * 1e6;
  const reps = Math.max(1, Math.ceil(target / bytes));
  const args = ["extract"];
  for (let i = 0; i < reps; i++) args.push(...files);
  const r = run(bin, args, { stdoutFile: "/dev/null", timeout_s: 1800 });
  if (!r.ok) return { ok: false, error: r.error };
  const mb = (bytes * reps) / 1e6;
  return { ok: true, mb_s: mb / r.wall_s, mb, wall_s: r.wall_s, files: files.length * reps,
    source: `policykg extract, ${files.length} corpus documents x ${reps}` + (opts.note ? `; ${opts.note}` : "") };
}

module.exports = { extractionBench, parseMbPerSec, corpusFiles };
