#!/usr/bin/env python3
"""Writes for scripts/loadtest while wrk reads, then checks they are durable.

usage: writer.py write BASE_URL TOKEN LEDGER STOP_FILE
         Until STOP_FILE exists: POST /api/links (RELATED_TO between nodes of
         the generated graph) and, every fifth write, POST /api/documents (a
         short Chinese document, unique per write). Every acknowledged write
         (201) is appended to LEDGER ("link link:N" / "doc doc:…") and flushed
         before the next request; failures are counted on stderr.
       writer.py verify BASE_URL LEDGER
         Checks that every link in LEDGER is listed by GET /api/curation and
         every document by GET /api/documents. Exit 1 when any is missing.
Only the standard library: it runs wherever python3 does.
"""
import json, os, random, sys, time, urllib.error, urllib.request


def call(method, url, body=None, headers=None, timeout=30):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def write(base, token, ledger_path, stop_file):
    rnd = random.Random(os.getpid())
    auth = {"Authorization": "Bearer " + token}
    acked = failed = 0
    with open(ledger_path, "a", encoding="utf-8") as ledger:
        i = 0
        while not os.path.exists(stop_file):
            i += 1
            try:
                if i % 5 == 0:
                    text = f"关于支持第{i}号试点的通知\n设立第{i}号产业基金，支持集成电路和人工智能发展。到2027年产值达到{i}亿元。\n"
                    status, body = call("POST", base + f"/api/documents?name=load-{os.getpid()}-{i}.txt",
                                        text.encode("utf-8"), dict(auth, **{"Content-Type": "text/plain; charset=utf-8"}))
                    kind = "doc"
                else:
                    a, b = rnd.sample(range(0, 2000), 2)
                    payload = {"from": f"n{a}", "to": f"n{b}", "type": "RELATED_TO", "reason": f"load {i}"}
                    status, body = call("POST", base + "/api/links", json.dumps(payload).encode(),
                                        dict(auth, **{"Content-Type": "application/json"}))
                    kind = "link"
            except (OSError, urllib.error.URLError) as e:
                failed += 1
                print(f"writer: {e}", file=sys.stderr)
                time.sleep(0.1)
                continue
            if status == 201:
                ledger.write(f"{kind} {json.loads(body)['id']}\n")
                ledger.flush()
                acked += 1
            else:
                failed += 1
                if failed <= 5:
                    print(f"writer: HTTP {status}: {body[:200]!r}", file=sys.stderr)
    print(f"writer: {acked} writes acknowledged, {failed} failed")


def verify(base, ledger_path):
    links, docs = set(), set()
    for line in open(ledger_path, encoding="utf-8"):
        kind, ident = line.split()
        (links if kind == "link" else docs).add(ident)
    _, body = call("GET", base + "/api/curation")
    listed_links = {l["id"] for l in json.loads(body)["links"]}
    _, body = call("GET", base + "/api/documents")
    listed_docs = {d["id"] for d in json.loads(body)["documents"]}
    missing = sorted(links - listed_links) + sorted(docs - listed_docs)
    print(f"verify: {len(links)} links and {len(docs)} documents acknowledged; {len(missing)} missing after restart")
    for m in missing[:20]:
        print(f"verify: missing {m}")
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "write":
        write(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "verify":
        sys.exit(verify(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
