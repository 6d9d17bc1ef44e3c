"""Measure the TUI's start-up to the first drawn frame and its redraw time, in tmux.

For each of RUNS runs, the release binary opens samples/digits.csv at WIDTH x HEIGHT with
`--method pca` and a debug-level log. After the run finishes, `]` is pressed REDRAWS times,
switching between the spectrum and the scatter plot, so every press renders a figure anew.
The figures come from the TUI's own log lines:
  - "first frame ... drawn X ms after runTUI began, Y ms after process start";
  - "frame N: WxH in X ms, figure render Y ms" (whole frame: layout, plot, curses refresh).
Medians over all runs are printed; the process-start figure has 10 ms resolution because
it comes from /proc.

Key latency while a job runs: the binary opens samples/swiss_roll.csv with `--method rips`
(about a minute of work), and `?` is pressed LATENCY_KEYS times, toggling the help overlay;
each latency is the time from send-keys until capture-pane shows the change. It includes
tmux's own delay and the polling step of 2 ms, so it overstates the TUI's share.

Usage: python3 bench/tui.py [--runs 5] [--redraws 30] [--width 200] [--height 60] [--latency-keys 20]
Needs tmux and a release build (swift build -c release).
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "intrinsic")
FIRST = re.compile(r"first frame (\d+)×(\d+) drawn ([\d.]+) ms after runTUI began(?:, ([\d.]+) ms after process start)?")
FRAME = re.compile(r"frame (\d+): (\d+)×(\d+) in ([\d.]+) ms, figure render ([\d.]+) ms")


def tmux(socket, *args):
    return subprocess.run(["tmux", "-L", socket, *args], check=True, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL).stdout


def stop_tmux(socket):
    """Kill the panes' process groups, then the server: a process that inherited an ignored
    SIGHUP would outlive kill-server."""
    panes = subprocess.run(["tmux", "-L", socket, "list-panes", "-s", "-F", "#{pane_pid}"],
                           capture_output=True, text=True).stdout.split()
    for pid in panes:
        try:
            os.killpg(int(pid), 9)
        except (ProcessLookupError, ValueError):
            pass
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def wait_for(path, needle, timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path) and needle in open(path).read():
            return
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for '{needle}' in {path}")


def one_run(width, height, redraws, folder, index):
    socket = f"intrinsic-bench-{os.getpid()}-{index}"
    log = os.path.join(folder, f"run{index}.log")
    command = (f"env LANG=C.UTF-8 {BINARY} {ROOT}/samples/digits.csv --method pca "
               f"--log {log} --log-level debug; sleep 60")
    tmux(socket, "-u", "new-session", "-d", "-s", "b", "-x", str(width), "-y", str(height), command)
    try:
        wait_for(log, "finished in")
        time.sleep(0.2)
        for _ in range(redraws):
            tmux(socket, "send-keys", "-t", "b", "]")
            time.sleep(0.08)
        tmux(socket, "send-keys", "-t", "b", "q")
        time.sleep(0.2)
        tmux(socket, "send-keys", "-t", "b", "n")
        wait_for(log, "TUI stopped")
    finally:
        stop_tmux(socket)
    text = open(log).read()
    first = FIRST.search(text)
    frames = [m for m in FRAME.finditer(text)
              if int(m.group(2)) == width and int(m.group(3)) == height and float(m.group(5)) > 0]
    return first, frames


def key_latencies(count, folder):
    socket = f"intrinsic-bench-{os.getpid()}-latency"
    log = os.path.join(folder, "latency.log")
    command = (f"env LANG=C.UTF-8 {BINARY} {ROOT}/samples/swiss_roll.csv --method rips "
               f"--log {log}; sleep 60")
    tmux(socket, "-u", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", command)
    latencies = []
    try:
        wait_for(log, "started run")
        time.sleep(1.0)
        help_visible = False
        for _ in range(count):
            start = time.perf_counter()
            tmux(socket, "send-keys", "-t", "b", "?")
            while True:
                screen = tmux(socket, "capture-pane", "-t", "b", "-p")
                if ("─ Keys ─" in screen or "═ Keys ═" in screen) != help_visible:
                    break
                if time.perf_counter() - start > 5:
                    raise SystemExit("timed out: the TUI showed no response to a key within 5 s")
                time.sleep(0.002)
            latencies.append((time.perf_counter() - start) * 1000)
            help_visible = not help_visible
            time.sleep(0.05)
        still_running = "finished in" not in open(log).read()
    finally:
        stop_tmux(socket)
    return latencies, still_running


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--redraws", type=int, default=30)
    parser.add_argument("--width", type=int, default=200)
    parser.add_argument("--height", type=int, default=60)
    parser.add_argument("--latency-keys", type=int, default=20)
    options = parser.parse_args()
    if not os.path.exists(BINARY):
        raise SystemExit(f"{BINARY} not found: run 'swift build -c release' first")
    since_entry, since_start, frame_ms, render_ms = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(options.runs):
            first, frames = one_run(options.width, options.height, options.redraws, folder, index)
            if first:
                since_entry.append(float(first.group(3)))
                if first.group(4):
                    since_start.append(float(first.group(4)))
            frame_ms += [float(m.group(4)) for m in frames]
            render_ms += [float(m.group(5)) for m in frames]
        latencies, still_running = key_latencies(options.latency_keys, folder)
    print(f"load average {os.getloadavg()[0]:.2f}; {options.runs} runs; digits.csv with pca at "
          f"{options.width}×{options.height}")
    if since_start:
        print(f"first frame after process start: median {statistics.median(since_start):.0f} ms, "
              f"max {max(since_start):.0f} ms (10 ms resolution)")
    print(f"first frame after runTUI began: median {statistics.median(since_entry):.1f} ms")
    if frame_ms:
        print(f"redraw with a new figure render, {len(frame_ms)} frames: whole frame median "
              f"{statistics.median(frame_ms):.2f} ms, max {max(frame_ms):.2f} ms; figure render median "
              f"{statistics.median(render_ms):.2f} ms, max {max(render_ms):.2f} ms")
    print(f"key to screen while rips runs on swiss_roll.csv, {len(latencies)} keys: median "
          f"{statistics.median(latencies):.1f} ms, max {max(latencies):.1f} ms"
          + ("" if still_running else " (note: the run had finished before the last key)"))


if __name__ == "__main__":
    main()
