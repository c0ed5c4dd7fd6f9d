#!/usr/bin/env python3
"""Measures what the Kubernetes requests are sized from, against a running `./hone up`.

Sends answers through ingest's batch API for many learners, waits until the analytics loader
stored them, and prints per service: RSS, heap used and committed (Actuator jvm metrics), and the
CPU seconds each process spent on the load, as answers per CPU-second; then the same for
answers, queue reads and mastery reads sent one request at a time. CPU time, not wall time:
on a shared machine the wall clock measures the neighbours too.

usage: measure.py [--answers N] [--learners N] [--single N] [--state-dir .hone/up]
ports from HONE_INGEST_PORT / HONE_RECOMMENDER_PORT / HONE_ANALYTICS_PORT / HONE_CLICKHOUSE_HTTP_PORT
"""
import argparse, json, os, random, time, urllib.parse, urllib.request

def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)

def post(url, body):
    req = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)

def clickhouse(port, sql):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/?query=" + urllib.parse.quote(sql), timeout=30) as r:
        return r.read().decode().strip()

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

def heap_mib(port, what):
    m = get(f"http://127.0.0.1:{port}/actuator/metrics/jvm.memory.{what}?tag=area:heap")
    return m["measurements"][0]["value"] / 2**20

def answer(question, learner):
    kind = question["kind"]
    options = [o["id"] for o in question.get("options", [])]
    if kind == "single_choice":
        response = random.choice(options)
    elif kind == "multi_choice":
        response = random.sample(options, k=min(2, len(options)))
    elif kind == "self_assessed":
        response = [p["id"] for p in (question.get("rubric") or [])][: random.randint(0, 2)]
    else:
        response = random.choice(["raises: KeyError", "[1, 2, 3]", "None"])
    return {"learnerId": learner, "questionId": question["id"], "response": response,
            "responseMs": random.randint(3000, 60000)}

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--answers", type=int, default=50000)
    p.add_argument("--learners", type=int, default=5000)
    p.add_argument("--single", type=int, default=3000, help="requests of each kind sent one at a time")
    p.add_argument("--state-dir", default=".hone/up")
    a = p.parse_args()
    ports = {s: int(os.environ.get(f"HONE_{s.upper()}_PORT", d)) for s, d in
             (("ingest", 8080), ("recommender", 8081), ("analytics", 8082))}
    ch = int(os.environ.get("HONE_CLICKHOUSE_HTTP_PORT", 18123))
    pids = {s: int(open(f"{a.state_dir}/pids/{s}.pid").read()) for s in ("ingest", "recommender", "analytics", "kafka", "clickhouse")}
    base = f"http://127.0.0.1:{ports['ingest']}/api/v1"
    questions = [q for t in get(base + "/topics") for q in get(f"{base}/questions?topic={t['id']}")]
    before_rows = int(clickhouse(ch, "SELECT count() FROM hone.answers"))
    before_mastery = int(clickhouse(ch, "SELECT count() FROM hone.mastery"))
    report(pids, ports, "idle")
    cpu0 = {s: cpu_seconds(pid) for s, pid in pids.items()}
    random.seed(7)
    learners = [f"load-{i:06d}" for i in range(a.learners)]
    sent = accepted = 0
    started = time.time()
    while sent < a.answers:
        batch = [answer(random.choice(questions), random.choice(learners)) for _ in range(min(500, a.answers - sent))]
        accepted += post(base + "/answers/batch", {"answers": batch})["accepted"]
        sent += len(batch)
    posted = time.time() - started
    # done when the loader stored every answer and the mastery changes of every answer (at least one each)
    while (int(clickhouse(ch, "SELECT count() FROM hone.answers")) < before_rows + accepted
           or int(clickhouse(ch, "SELECT count() FROM hone.mastery")) < before_mastery + accepted):
        time.sleep(1)
    cpu1 = {s: cpu_seconds(pid) for s, pid in pids.items()}
    print(f"sent {sent}, accepted {accepted}, posted in {posted:.1f} s ({accepted / posted:.0f} answers/s wall, shared machine)")
    for s in pids:
        used = cpu1[s] - cpu0[s]
        print(f"{s:12s} cpu {used:7.1f} s  -> {accepted / used if used else float('inf'):9.0f} answers per cpu-second")
    # one request at a time: the worst case for batching in ingest, Kafka and the recommender
    single = [("POST answer", lambda: post(base + "/answers", answer(random.choice(questions), random.choice(learners)))),
              ("GET queue?n=5", lambda: get(f"{base}/learners/{random.choice(learners)}/queue?n=5")),
              ("GET mastery", lambda: get(f"{base}/learners/{random.choice(learners)}/mastery"))]
    for label, request in single:
        c0 = {s: cpu_seconds(pid) for s, pid in pids.items()}
        for _ in range(a.single):
            request()
        c1 = {s: cpu_seconds(pid) for s, pid in pids.items()}
        print(f"single {label:14s} " + "  ".join(
            f"{s} {a.single / (c1[s] - c0[s]) if c1[s] > c0[s] else float('inf'):6.0f}/cpu-s" for s in pids))
    report(pids, ports, "after load")

def report(pids, ports, when):
    for s, pid in pids.items():
        heap = ""
        if s in ports:
            heap = f"heap used {heap_mib(ports[s], 'used'):6.0f} MiB, committed {heap_mib(ports[s], 'committed'):6.0f} MiB, "
        print(f"{when:10s} {s:12s} {heap}RSS {rss_mib(pid):6.0f} MiB")

if __name__ == "__main__":
    main()
