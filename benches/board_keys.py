#!/usr/bin/env python3
"""Times the live board's answer to keys while it verifies a new save in a big folder.

Starts `ai-race class DIR` on an 80x24 pty, waits until the first scan is drawn (the status
line counts the folder's saves as verified), copies NEW_SAVE into DIR, and from that moment
presses Down and Up in turn for a few seconds, timing each key until the board's next output.
Then it checks the new save was counted, and prints the slowest and the median answer.

    ai-race sim --policy random --games 1000 --save-dir /tmp/class
    ai-race sim --policy balanced --games 1 --seed 7 --save-dir /tmp/new
    python3 benches/board_keys.py target/release/ai-race /tmp/class /tmp/new/policy-balanced-0001.ron

The copied file is removed at the end.
"""

import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from first_frame import COLS, CSI, ROWS, spawn  # noqa: E402

# Seconds of keys after the new save is copied in.
WINDOW = 3.0


def read_until(master, want, timeout):
    """Reads until `want` (bytes, spaces ignored) shows; returns the text read or None."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            seen += os.read(master, 65536)
            if want is None or want in CSI.sub(b"", seen).replace(b" ", b""):
                return seen
    return None


def main():
    binary, folder, new_save = sys.argv[1:4]
    home = tempfile.mkdtemp()
    pid, master = spawn([os.path.abspath(binary), "class", os.path.abspath(folder)], home)
    copied = os.path.join(folder, "zz-arrived-" + os.path.basename(new_save))
    answers = []
    saves = len([f for f in os.listdir(folder) if f.endswith(".ron")])
    first = f"{saves}savesverified".encode()
    then = f"{saves + 1}savesverified".encode()
    try:
        if read_until(master, first, 300) is None:
            sys.exit("the board never showed its first scan")
        # Let the first frame settle.
        read_until(master, None, 0.3)
        shutil.copyfile(new_save, copied)
        started = time.perf_counter()
        keys = [b"\x1b[B", b"\x1b[A"]
        # Keys for a while after the save arrived: its verification and the class's new
        # ranking happen in this window.
        while time.perf_counter() - started < WINDOW:
            asked = time.perf_counter()
            os.write(master, keys[len(answers) % 2])
            if read_until(master, None, 5) is None:
                sys.exit("a key got no answer in 5 s")
            answers.append(time.perf_counter() - asked)
            time.sleep(0.02)
        # A new size makes the board draw the whole screen: the new save must be counted.
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS + 1, COLS, 0, 0))
        if read_until(master, then, 10) is None:
            sys.exit("the new save's scan never reached the screen")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(master)
        if os.path.exists(copied):
            os.remove(copied)
        shutil.rmtree(home, ignore_errors=True)
    print(
        f"{len(answers)} keys while a new save was verified among the folder's: slowest "
        f"{max(answers) * 1000:.1f} ms, median {statistics.median(answers) * 1000:.1f} ms "
        f"in the {WINDOW:.0f} s after it arrived"
    )


if __name__ == "__main__":
    main()
