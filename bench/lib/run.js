// Child-process runner for bench/compare: runs one command with a time limit
// and measures it from outside.
//
// Interface: run(cmd, args, opts) -> {ok, code, stdout, stderr, wall_s,
// rss_mb, cpu_s, error}. Wall time is taken around the spawn (GNU time's own start-up
// is a millisecond or two, included); peak RSS and CPU time (user + system,
// which a busy machine does not inflate the way it does wall time) come from
// GNU time (/usr/bin/time -f) when it is installed (scripts/deps --bench), or
// is null. A command that cannot start, times out or exits non-zero gives
// ok=false and an `error` a person can read ("exit 1: <last stderr line>");
// it never throws. Not here: parsing what the command printed (peers.js,
// policykg.js). Tested by bench/tests/parse.test.js (timeSummary, lastLine).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = fs.existsSync(GNU_TIME);

// The last non-empty line of a text, trimmed to `max` characters: the part
// of a failing command's stderr worth showing in a table cell.
function lastLine(text, max = 120) {
  // CLI11 closes its usage errors with this hint; the line before says what was wrong
  const lines = String(text || "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !/^Run with --help/.test(l));
  const l = lines.length ? lines[lines.length - 1] : "";
  return l.length > max ? l.slice(0, max - 1) + "…" : l;
}

// Parses the "PKGTIME <maxrss_kb> <user_s> <sys_s>" line that run() asks GNU
// time to append to stderr; returns {rest, rss_mb, cpu_s} (nulls when absent).
function timeSummary(stderr) {
  const lines = String(stderr || "").split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^PKGTIME (\d+)(?: ([\d.]+) ([\d.]+))?$/.exec(lines[i].trim());
    if (m) {
      lines.splice(i, 1);
      // GNU time's own note about the exit status, just before its line
      if (i > 0 && /^Command (exited with non-zero status|terminated by signal)/.test(lines[i - 1])) lines.splice(i - 1, 1);
      return { rest: lines.join("\n"), rss_mb: Number(m[1]) / 1024, cpu_s: m[2] === undefined ? null : Number(m[2]) + Number(m[3]) };
    }
  }
  return { rest: String(stderr || ""), rss_mb: null, cpu_s: null };
}

// Runs cmd with args. opts: cwd, env (merged over process.env), timeout_s
// (default 600), input (stdin text), stdoutFile (stdout goes to this file
// instead of memory, for large outputs).
function run(cmd, args, opts = {}) {
  const timeout = (opts.timeout_s || 600) * 1000;
  const env = { ...process.env, ...(opts.env || {}) };
  let file = cmd, argv = args;
  if (hasGnuTime) {
    file = GNU_TIME;
    argv = ["-f", "PKGTIME %M %U %S", cmd, ...args];
  }
  let fd = null;
  const stdio = ["pipe", "pipe", "pipe"];
  if (opts.stdoutFile) {
    fd = fs.openSync(opts.stdoutFile, "w");
    stdio[1] = fd;
  }
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, {
    cwd: opts.cwd, env, input: opts.input, timeout, stdio,
    maxBuffer: 256 * 1024 * 1024, encoding: "utf8", killSignal: "SIGKILL",
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (fd !== null) fs.closeSync(fd);
  const t = timeSummary(r.stderr);
  const out = { ok: false, code: r.status, stdout: r.stdout || "", stderr: t.rest,
    wall_s: wall, rss_mb: t.rss_mb, cpu_s: t.cpu_s, error: null };
  if (r.error && r.error.code === "ETIMEDOUT") out.error = `timed out after ${timeout / 1000} s`;
  else if (r.error) out.error = `cannot run ${cmd}: ${r.error.code || r.error.message}`;
  else if (r.status === 127 && hasGnuTime) out.error = `cannot run ${cmd}: not found`;
  else if (r.status !== 0) out.error = `exit ${r.status === null ? r.signal : r.status}: ${lastLine(t.rest) || "no message"}`;
  else out.ok = true;
  return out;
}

// True when `p` is an executable file.
function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

// A fresh temporary directory under the system temp dir.
function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

module.exports = { run, lastLine, timeSummary, isExecutable, tempDir, hasGnuTime };
