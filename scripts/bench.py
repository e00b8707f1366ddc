#!/usr/bin/env python3
"""`make bench-load`: the panel's load figures, side by side, in one run on this machine.

Builds the release panel (the `make run` build), starts it in demo mode against the embedded
simulator, and measures with `oha` (a real load tool, installed from crates.io at a pinned version):

  1. overhead: the same upstream data read directly from the simulator and through the panel's
     server function, p50/p99 at 1 and 32 concurrent clients, closed-loop and at a fixed rate;
     once with the simulator answering at once (the absolute time the panel adds) and once with
     20 ms of upstream latency (the ratio);
  2. a full table page for one user (catches a Nagle stall: ~40 ms);
  3. server time of SSR `/servers` with 10, 100, 1,000 and 5,000 servers;
  4. bytes shipped for a first load (wasm, JS, CSS; raw, gzip, brotli);
  5. server RSS idle, and after 1,000 signed-in sessions;
  6. time to interactive in headless Chromium (until the page has hydrated);
  7. hidden tab: upstream calls made while the tab is hidden.

Usage: scripts/bench.py [--quick]   (--quick: fewer requests, for trying the script itself)
Nothing here is a pass/fail test: it prints figures and the targets next to them.
"""

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PANEL = "127.0.0.1:3180"
SIM = "127.0.0.1:3189"
DEMO_TOKEN = "demo-api-token-0000000000000000000000000000000000000000"
BIN = os.path.join(ROOT, "target/server-release/ecs-panel")
# As the Makefile does: cargo's tools (oha, cargo-leptos) and npm's wasm-opt.
os.environ["PATH"] = os.pathsep.join(
    [os.path.join(ROOT, "end2end/node_modules/.bin"), os.path.expanduser("~/.cargo/bin"), os.environ["PATH"]]
)
SITE = os.path.join(ROOT, "target/site")


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, cwd=ROOT, **kw)


class Panel:
    """The release panel in demo mode, with `extra` generated servers; or, given `api_url`, in
    front of that ECS API (a simulator of its own process, so RSS is the panel's alone)."""

    def __init__(self, extra=0, api_url=None):
        env = dict(
            os.environ,
            ECS_PANEL_SESSION_STORE="memory",
            ECS_PANEL_DATABASE_URL="sqlite::memory:",
            ECS_PANEL_SIM_ADDR=SIM,
            ECS_PANEL_LISTEN=PANEL,
            LEPTOS_SITE_ADDR=PANEL,
            ECS_PANEL_LOG="warn",
            ECS_SIM_EXTRA_SERVERS=str(extra),
        )
        if api_url:
            env["ECS_API_URL"] = api_url
        self.proc = subprocess.Popen([BIN], env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://{PANEL}/healthz", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            self.stop()
            sys.exit("the panel did not start")

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def sign_in():
    """A session cookie (`name=value`) from an API-token sign-in."""
    req = urllib.request.Request(
        f"http://{PANEL}/api/login_token",
        data=urllib.parse.urlencode({"token": DEMO_TOKEN}).encode(),
        headers={"Origin": f"http://{PANEL}", "Content-Type": "application/x-www-form-urlencoded"},
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        res = opener.open(req, timeout=10)
    except urllib.error.HTTPError as e:  # a redirect answer
        res = e
    cookie = res.headers.get("Set-Cookie", "")
    return cookie.split(";")[0]


def sim_faults(faults):
    req = urllib.request.Request(
        f"http://{SIM}/__sim/faults",
        data=json.dumps(faults).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req, timeout=5).read()


def oha(url, n=None, secs=None, c=1, qps=None, method="GET", headers=(), body=None):
    """Runs oha; returns (p50 ms, p99 ms, requests/s, non-2xx count)."""
    cmd = ["oha", "--no-tui", "--output-format", "json", "-c", str(c), "-m", method]
    cmd += ["-n", str(n)] if n else ["-z", f"{secs}s"]
    if qps:
        cmd += ["-q", str(qps)]
    for h in headers:
        cmd += ["-H", h]
    if body is not None:
        cmd += ["-d", body, "-T", "application/x-www-form-urlencoded"]
    out = subprocess.run(cmd + [url], check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    pct = r["latencyPercentiles"]
    codes = r.get("statusCodeDistribution", {})
    bad = sum(v for k, v in codes.items() if not k.startswith("2"))
    return pct["p50"] * 1e3, pct["p99"] * 1e3, r["summary"]["requestsPerSec"], bad


def row(label, p50, p99, rps, bad, extra=""):
    warn = f"  WARNING {bad} non-2xx" if bad else ""
    print(f"  {label:<44} p50 {p50:8.3f} ms  p99 {p99:8.3f} ms  {rps:9.0f} req/s{extra}{warn}")


def overhead(cookie, quick):
    n = 300 if quick else 3000
    secs = 3 if quick else 10
    direct = (f"http://{SIM}/ecs/v2/sshkeys", ("X-APITOKEN: " + DEMO_TOKEN,), "GET", None)
    panel = (
        f"http://{PANEL}/api/ssh_keys_list",
        ("Cookie: " + cookie, f"Origin: http://{PANEL}"),
        "POST",
        "",
    )
    for latency in (0, 20):
        sim_faults({"latency_ms": latency} if latency else {})
        print(f"\n1. The same data direct and through the panel (GET /sshkeys), upstream latency {latency} ms")
        results = {}
        for c in (1, 32):
            for name, (url, hdrs, method, body) in (("direct", direct), ("panel", panel)):
                count = n if latency == 0 else (n // 10 if c == 1 else n)
                results[(name, c)] = oha(url, n=count, c=c, headers=hdrs, method=method, body=body)
                row(f"{name}, {c} client{'s' if c > 1 else ''} (closed loop)", *results[(name, c)])
            d, p = results[("direct", c)], results[("panel", c)]
            if latency == 0:
                print(f"  → the panel adds {p[0] - d[0]:.3f} ms at p50 and {p[1] - d[1]:.3f} ms at p99"
                      f" with {c} client(s)   (target ≤ 0.15 / ≤ 1 ms)")
            else:
                print(f"  → panel/direct: {p[0] / d[0]:.3f}× at p50, {p[1] / d[1]:.3f}× at p99"
                      f" with {c} client(s)   (target ≤ 1.01× / ≤ 1.05× at 32)")
        # Fixed rate: percentiles without coordinated omission.
        rate = 200 if latency == 0 else 400
        for name, (url, hdrs, method, body) in (("direct", direct), ("panel", panel)):
            row(f"{name}, fixed {rate} req/s, 32 clients", *oha(url, secs=secs, c=32, qps=rate,
                                                                headers=hdrs, method=method, body=body))
    sim_faults({})


def fifty_rows(cookie, quick):
    # The panel's tables show 25 rows a page (/actions, /servers) or the whole catalogue (/plans,
    # 24 rows): no page has 50 rows, so the two largest stand in for it.
    print("\n2. A full table page for one user (the Nagle stall would show as ~40 ms)")
    hdrs = ("Cookie: " + cookie,)
    for path, label in (("/actions", "GET /actions (25 rows)"), ("/plans", "GET /plans (24 rows, 4 regions)")):
        row(label, *oha(f"http://{PANEL}{path}", n=100 if quick else 500, headers=hdrs), "   (target p50 ≤ 1 ms)")


def ssr_sizes(quick):
    print("\n3. Server time of SSR /servers by account size")
    for total in (10, 100, 1000, 5000):
        p = Panel(extra=max(total - 7, 0))
        try:
            cookie = sign_in()
            n = 50 if quick else (300 if total < 5000 else 100)
            oha(f"http://{PANEL}/servers", n=10, headers=("Cookie: " + cookie,))  # warm up
            r = oha(f"http://{PANEL}/servers", n=n, headers=("Cookie: " + cookie,))
            row(f"/servers with {total:>5} servers", *r, "   (target p50 ≤ 10 ms at 1,000)" if total == 1000 else "")
        finally:
            p.stop()


def bytes_shipped():
    print("\n4. The whole app as built (release; every file a first visit could need, by kind)")
    pkg = os.path.join(SITE, "pkg")
    kinds = {}
    for name in sorted(os.listdir(pkg)):
        if name.endswith((".gz", ".br")) or not name.endswith((".wasm", ".js", ".css")):
            continue
        path = os.path.join(pkg, name)
        sizes = [os.path.getsize(p) if os.path.exists(p) else os.path.getsize(path)
                 for p in (path, path + ".gz", path + ".br")]
        kind = name.rsplit(".", 1)[1]
        k = kinds.setdefault(kind, [0, 0, 0, 0])
        kinds[kind] = [k[0] + 1] + [a + b for a, b in zip(k[1:], sizes)]
    total = [0, 0, 0, 0]
    for kind, (n, raw, gz, br) in sorted(kinds.items()):
        total = [total[0] + n, total[1] + raw, total[2] + gz, total[3] + br]
        print(f"  {kind:<5} {n:4} files   raw {raw / 1024:8.1f} KB   gzip {gz / 1024:7.1f} KB   brotli {br / 1024:7.1f} KB")
    n, raw, gz, br = total
    print(f"  all   {n:4} files   raw {raw / 1024:8.1f} KB   gzip {gz / 1024:7.1f} KB   brotli {br / 1024:7.1f} KB"
          "   (a first visit loads the shell's wasm and its page's chunks: section 6)")


def memory(panel, quick):
    print("\n5. Server memory (RSS)")
    time.sleep(1)
    idle = panel.rss_kb()
    print(f"  idle, after start and one sign-in          {idle / 1024:7.1f} MB   (target ≤ 30 MB)")
    n = 200 if quick else 1000
    body = urllib.parse.urlencode({"token": DEMO_TOKEN})
    oha(f"http://{PANEL}/api/login_token", n=n, c=4, method="POST", body=body,
        headers=(f"Origin: http://{PANEL}",))
    time.sleep(1)
    after = panel.rss_kb()
    print(f"  after {n} more signed-in sessions          {after / 1024:7.1f} MB   "
          f"(+{(after - idle) / 1024:.1f} MB; target ≤ +5 MB for 1,000)")


def browser(cookie, quick):
    print("\n6./7. In headless Chromium: each route's first visit (bytes, time to interactive), repeat visits, a hidden tab")
    out = subprocess.run(
        ["node", os.path.join(ROOT, "end2end/bench-browser.mjs"), f"http://{PANEL}", f"http://{SIM}",
         "3" if quick else "10", SITE],
        check=True, capture_output=True, text=True, cwd=os.path.join(ROOT, "end2end"),
    ).stdout
    print(out.rstrip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        sh("make release")  # the `make run` build
    print(f"ECS Panel load figures — {os.cpu_count()} cores, release build, demo mode (embedded simulator over HTTP)")
    bytes_shipped()
    panel = Panel(extra=0)
    try:
        cookie = sign_in()
        if not cookie:
            sys.exit("could not sign in")
        memory(panel, args.quick)
        overhead(cookie, args.quick)
        fifty_rows(cookie, args.quick)
        browser(cookie, args.quick)
    finally:
        panel.stop()
    ssr_sizes(args.quick)


if __name__ == "__main__":
    main()
