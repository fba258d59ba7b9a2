// The machine a benchmark ran on, for docs/performance.md: cores, CPU model,
// RAM, load average, and the versions of what was compared.
//
// Interface: machineInfo() -> {commit, date, nproc, cpu, ram_gb, loadavg, node,
// kuzu, better_sqlite3}; machineLine(info) -> one line for the report. Reads
// /proc, git and package.json files; a missing piece is "unknown", never a
// throw. Tested by bench/tests/report.test.js (shape).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { BENCH_DIR } = require("./dataset");

function pkgVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(BENCH_DIR, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return "not installed";
  }
}

function cpuModel() {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"));
    if (m) return m[1].trim();
  } catch { /* fall back below */ }
  const c = os.cpus();
  return c.length ? c[0].model : "unknown";
}

// The work tree's commit, "+ local changes" when tracked files differ from it.
function sourceCommit() {
  const { spawnSync } = require("child_process");
  const repo = path.resolve(BENCH_DIR, "..");
  const head = spawnSync("git", ["-C", repo, "rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  if (head.status !== 0) return "work tree at an unknown commit";
  const dirty = spawnSync("git", ["-C", repo, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" });
  return "work tree at " + head.stdout.trim() + (dirty.stdout && dirty.stdout.trim() ? " + local changes" : "");
}

function machineInfo() {
  return {
    commit: sourceCommit(),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    nproc: os.cpus().length,
    cpu: cpuModel(),
    ram_gb: (os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((x) => x.toFixed(2)).join(" "),
    node: process.version,
    kuzu: pkgVersion("kuzu"),
    better_sqlite3: pkgVersion("better-sqlite3"),
  };
}

function machineLine(m) {
  return `${m.date}, ${m.commit}; ${m.nproc} cores (${m.cpu}), ${m.ram_gb} GiB RAM; load average at start ${m.loadavg}; ` +
    `node ${m.node}, kuzu ${m.kuzu}, better-sqlite3 ${m.better_sqlite3}`;
}

module.exports = { machineInfo, machineLine };
