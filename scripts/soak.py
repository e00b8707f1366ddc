#!/usr/bin/env python3
"""`make soak`: 32 simulated users for 5 minutes against the release panel in demo mode.

Each user loops: sign in (API token), every data page (overview, servers list, a server's page,
its metrics, actions, plans, templates, groups, SSH keys, scripts), create a server, follow it
(the activity feed, every second) until it is ready, delete it (typed-name confirmation), sign
out. A response that never completes (no answer within 30 s) counts as a failure, as a 5xx does. Prints requests, errors by status,
latency percentiles per step, and the panel's RSS every 30 s with its trend over the second half
(a leak shows as a steady climb). Passes only with zero 5xx answers from the panel.

Usage: scripts/soak.py [--users 32] [--minutes 5] [--no-build]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BIN, DEMO_TOKEN, PANEL, SIM, Panel, sh  # noqa: E402

BASE = f"http://{PANEL}"


class User:
    def __init__(self, stats, lock):
        self.cookie = ""
        self.stats = stats
        self.lock = lock

    def call(self, step, path, form=None):
        headers = {"Origin": BASE}
        if self.cookie:
            headers["Cookie"] = self.cookie
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(BASE + path, data=data, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        started = time.perf_counter()
        try:
            res = opener.open(req, timeout=30)
            status, body, hdrs = res.status, res.read(), res.headers
        except urllib.error.HTTPError as e:
            status, body, hdrs = e.code, e.read(), e.headers
        except OSError:
            status, body, hdrs = 0, b"", {}
        took = (time.perf_counter() - started) * 1e3
        with self.lock:
            s = self.stats.setdefault(step, {"times": [], "codes": {}})
            s["times"].append(took)
            s["codes"][status] = s["codes"].get(status, 0) + 1
        cookie = hdrs.get("Set-Cookie", "") if hdrs else ""
        if cookie.startswith("ecs_panel_session="):
            self.cookie = cookie.split(";")[0]
        return status, body

    def follow(self, action, deadline):
        """Polls the activity feed, as the page does, until `action` has finished."""
        while action is not None and time.time() < deadline:
            time.sleep(1)
            status, body = self.call("poll", "/api/servers_activity", {"watch[0]": action})
            if status != 200 or any(f["id"] == action for f in json.loads(body)["finished"]):
                return

    def loop(self, until):
        while time.time() < until:
            self.cookie = ""
            self.call("sign in", "/api/login_token", {"token": DEMO_TOKEN})
            self.call("overview", "/")
            self.call("servers list", "/servers")
            self.call("server page", "/servers/ec200401")
            self.call("metrics", "/servers/ec200401/metrics?range=24h")
            for page in ["/actions", "/plans", "/templates", "/groups", "/ssh-keys", "/scripts"]:
                self.call("library pages", page)
            status, body = self.call("create", "/api/servers_create", {
                "form[plan]": "eCS1", "form[region]": "it-fr2", "form[image]": "ubuntu-2404",
                "form[notes]": "soak", "form[form_token]": uuid.uuid4().hex,
            })
            if status == 200:
                created = json.loads(body)
                # As a person would: wait for the server to be ready before deleting it (ECS refuses
                # to delete a server still being created).
                self.follow(created.get("action"), until + 60)
                name = created["name"]
                self.call("delete", "/api/servers_delete", {"name": name, "typed": name})
            self.call("sign out", "/api/logout", {})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=32)
    ap.add_argument("--minutes", type=float, default=5)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        sh("make release")  # the `make run` build
    # The simulator runs as a process of its own (`ecs-panel simulate`): the RSS below is the
    # panel's alone, not the simulator's growing action log.
    sim = subprocess.Popen(
        [BIN, "simulate", "--addr", SIM, "--boot-seconds", "2", "--delete-seconds", "2"],
        env=dict(os.environ, ECS_PANEL_LOG="warn"), stdout=subprocess.DEVNULL,
    )
    try:
        panel = Panel(api_url=f"http://{SIM}/ecs/v2")
    except SystemExit:
        sim.kill()
        raise
    stats, lock = {}, threading.Lock()
    rss = []
    try:
        until = time.time() + args.minutes * 60
        users = [threading.Thread(target=User(stats, lock).loop, args=(until,)) for _ in range(args.users)]
        for u in users:
            u.start()
        started = time.time()
        next_sample = started + 30
        print(f"soak: {args.users} users for {args.minutes:g} min against the release panel")
        while any(u.is_alive() for u in users):
            time.sleep(0.2)
            if time.time() >= next_sample and next_sample <= until + 1:
                next_sample += 30
                rss.append((time.time() - started, panel.rss_kb() / 1024))
                print(f"  {rss[-1][0]:6.0f} s   RSS {rss[-1][1]:7.1f} MB")
        for u in users:
            u.join()
    finally:
        panel.stop()
        sim.terminate()
        sim.wait(10)

    total = sum(len(s["times"]) for s in stats.values())
    fives = sum(n for s in stats.values() for c, n in s["codes"].items() if c >= 500 or c == 0)
    never = sum(s["codes"].get(0, 0) for s in stats.values())
    print(f"\n  {'step':<14} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8}  statuses")
    for step, s in stats.items():
        print(f"  {step:<14} {len(s['times']):>8} {pct(s['times'], .5):>8.1f} {pct(s['times'], .99):>8.1f}  {dict(sorted(s['codes'].items()))}")
    half = [r for r in rss if r[0] >= rss[-1][0] / 2] if rss else []
    if len(half) >= 2:
        xs, ys = [r[0] / 60 for r in half], [r[1] for r in half]
        slope = statistics.linear_regression(xs, ys).slope
        print(f"\n  RSS {rss[0][1]:.1f} → {rss[-1][1]:.1f} MB; second-half trend {slope:+.2f} MB/min")
    print(f"  {total} requests, {fives} 5xx or failed connections, {never} never completed   (target 0)")
    sys.exit(1 if fives else 0)


if __name__ == "__main__":
    main()
