#!/usr/bin/env python3
"""Times a program's first frame on a pseudo-terminal, and its memory then.

Each run starts the program on a fresh 80x24 pty, reads what it writes, and notes the moment
the marker text (escape sequences and spaces removed) first appears, and the resident memory (VmRSS)
the program has at that moment. The runs of each program alternate, so a busy machine slows
both alike; the medians are printed with their ratio to the first program (the floor).

    cargo build --release --bin ai-race --example floor
    python3 benches/first_frame.py --runs 30 \
        'AI RACE' target/release/examples/floor -- \
        'AI RACE' target/release/ai-race new

A program is a marker, then its command; programs are separated by `--`. Every run gets an
empty home folder (no settings, no saves), TERM=xterm-256color, and answers to the cursor
and device queries a terminal answers.
"""

import fcntl
import os
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

ROWS, COLS = 24, 80
CSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
QUERIES = {
    b"\x1b[6n": b"\x1b[1;1R",  # cursor position
    b"\x1b[c": b"\x1b[?62;22c",  # primary device attributes
    b"\x1b[?u": b"",  # keyboard enhancement flags: not supported (answered by the DA above)
}


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def spawn(argv, home):
    """Starts `argv` on a new 80x24 pty in `home`; returns its pid and the pty's master side."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.close(slave)
        os.chdir(home)
        os.execvpe(argv[0], argv, env)
    os.close(slave)
    return pid, master


def one_run(marker, argv, home):
    start = time.perf_counter()
    pid, master = spawn(argv, home)
    seen = b""
    found = None
    rss = 0
    deadline = start + 20
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            for query, answer in QUERIES.items():
                if query in chunk and answer:
                    os.write(master, answer)
            seen += chunk
            # Blank cells are skipped with cursor moves: compare without spaces.
            if marker in CSI.sub(b"", seen).replace(b" ", b""):
                found = time.perf_counter() - start
                rss = rss_kib(pid)
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(master)
    if found is None:
        sys.exit(f"{argv[0]}: the marker {marker!r} never appeared in {seen[-400:]!r}")
    return found, rss


def main():
    args = sys.argv[1:]
    runs = 20
    if args[:1] == ["--runs"]:
        runs = int(args[1])
        args = args[2:]
    programs = []
    while args:
        cut = args.index("--") if "--" in args else len(args)
        marker, *argv = args[:cut]
        if os.sep in argv[0]:
            argv[0] = os.path.abspath(argv[0])
        programs.append((marker.replace(" ", "").encode(), argv))
        args = args[cut + 1 :]
    times = [[] for _ in programs]
    rss = [[] for _ in programs]
    for _ in range(runs):
        for i, (marker, argv) in enumerate(programs):
            with tempfile.TemporaryDirectory() as home:
                t, r = one_run(marker, argv, home)
            times[i].append(t)
            rss[i].append(r)
    floor_t = statistics.median(times[0])
    floor_r = statistics.median(rss[0])
    for i, (_, argv) in enumerate(programs):
        t = statistics.median(times[i])
        r = statistics.median(rss[i])
        print(
            f"{' '.join(argv)}: first frame {t * 1000:.1f} ms ({t / floor_t:.2f}x), "
            f"RSS {r / 1024:.1f} MiB ({r / floor_r:.2f}x), median of {runs}"
        )


if __name__ == "__main__":
    main()
