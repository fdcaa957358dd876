"""Runs a command in a real pseudo-terminal and answers its prompts.

Usage: drive.py SCRIPT_JSON -- CMD ARGS...
SCRIPT_JSON is a list of [expected_text, keys_to_send] pairs: wait until expected_text has
appeared on the screen since the last step, then send keys. Prints the whole transcript and exits
with the command's exit code (or 124 when an expected text never appears).
"""

import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
import time

TIMEOUT_SECONDS = 20.0


def read_some(fd: int, deadline: float) -> bytes:
    remaining = max(0.0, deadline - time.monotonic())
    ready, _, _ = select.select([fd], [], [], remaining)
    if not ready:
        return b""
    try:
        return os.read(fd, 4096)
    except OSError:
        return b""


def main() -> int:
    steps = json.loads(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1 :]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    transcript = b""
    seen_upto = 0
    for expected, keys in steps:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while expected.encode() not in transcript[seen_upto:]:
            chunk = read_some(fd, deadline)
            if not chunk and time.monotonic() >= deadline:
                sys.stdout.write(transcript.decode(errors="replace"))
                sys.stdout.write(f"\n[drive.py] timed out waiting for {expected!r}\n")
                os.kill(pid, 9)
                return 124
            transcript += chunk
        seen_upto = transcript.index(expected.encode(), seen_upto) + len(expected)
        time.sleep(0.15)
        os.write(fd, keys.encode())
    deadline = time.monotonic() + TIMEOUT_SECONDS * 3
    while time.monotonic() < deadline:
        chunk = read_some(fd, deadline)
        if not chunk:
            break
        transcript += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(transcript.decode(errors="replace"))
    return os.waitstatus_to_exitcode(status)


sys.exit(main())
