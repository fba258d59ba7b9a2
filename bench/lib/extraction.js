// Text extraction throughput for bench/compare, in MB of input document
// bytes per second.
//
// Interface: extractionBench(bin, opts) -> {ok, mb_s, mb, wall_s, files,
// source, error}. When the ingest benchmark (bench/extract_bench*, owned by
// the ingest engineer) is present it is run with --binary, --mb and --dir
// and its "mb_per_s=" summary is taken. Otherwise `policykg extract` runs over a generated corpus:
// the development seed and every tests/corpus document, repeated until the
// input reaches opts.target_mb (default 100 MB), output discarded; MB/s is
// input bytes over the process's wall time (start-up and lexicon loading
// included, so a small corpus understates the steady rate). Does not: check
// what was extracted (tests/corpus and eval-ingest do). Tested by
// bench/tests/parse.test.js (parseMbPerSec, corpusFiles).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { run, isExecutable } = require("./run");
const { REPO_DIR, BENCH_DIR, sharedDir } = require("./dataset");

// "extract_bench: mb_per_s=0.7 …" (the ingest benchmark's summary line), else
// the last "<x> MB/s" printed (its whole-corpus run comes after its quarter run).
function parseMbPerSec(text) {
  const t = String(text);
  const m = /mb_per_s=([\d.]+)/.exec(t);
  if (m) return Number(m[1]);
  const all = [...t.matchAll(/([\d.]+)\s*MB\/s/gi)];
  return all.length ? Number(all[all.length - 1][1]) : null;
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

// The ingest benchmark, called with its own options (bench/extract_bench.py
// --binary BIN --mb N --dir DIR).
function ingestBenchScript(bin, mb, dir) {
  const names = fs.existsSync(BENCH_DIR) ? fs.readdirSync(BENCH_DIR).filter((f) => f.startsWith("extract_bench")) : [];
  const args = ["--binary", bin, "--mb", String(mb), "--dir", dir];
  for (const n of names.sort()) {
    const p = path.join(BENCH_DIR, n);
    if (n.endsWith(".js") || n.endsWith(".mjs")) return { cmd: "node", args: [p, ...args], name: n };
    if (n.endsWith(".py")) return { cmd: "python3", args: [p, ...args], name: n };
    if (isExecutable(p)) return { cmd: p, args, name: n };
  }
  return null;
}

function extractionBench(bin, opts = {}) {
  if (!bin) return { ok: false, error: "policykg not built" };
  const mbWanted = opts.target_mb || 100;  // issue 3: at least 100 MB of mixed text
  const script = ingestBenchScript(bin, mbWanted, path.join(os.tmpdir(), "pkg-compare-extract"));
  if (script) {
    const r = run(script.cmd, script.args, { timeout_s: 1800 });
    fs.rmSync(path.join(os.tmpdir(), "pkg-compare-extract"), { recursive: true, force: true });
    const mb_s = parseMbPerSec(r.stdout);
    const rss = /peak_rss_mb=(\d+)/.exec(r.stdout);
    if (r.ok && mb_s !== null) {
      return { ok: true, mb_s, rss_mb: rss ? Number(rss[1]) : null,
        source: `bench/${script.name} --mb ${mbWanted} (varied copies of the corpus, some GB18030 and CRLF)` + (rss ? `, peak RSS ${rss[1]} MB` : "") };
    }
    // fall through to the generic measurement, saying why
    opts.note = `${script.name} gave no MB/s (${r.error || "no 'MB/s' line"})`;
  }
  const shared = sharedDir();
  const roots = [path.join(REPO_DIR, "tests", "corpus")];
  if (shared) roots.push(path.join(shared, "corpus", "dev", "seed.txt"));
  const { files, bytes } = corpusFiles(roots);
  if (!files.length) return { ok: false, error: "no corpus documents found" };
  const target = (opts.target_mb || 100) * 1e6;
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
