"""The CPython binary itself behind a command such as `python3`, for timing runs against it.

A launcher in front of the interpreter (a pyenv shim is a shell script that runs `pyenv exec`)
costs more than 0.1 s per run on these machines, which would count against CPython in every
side-by-side figure; the benchmark scripts time the binary the launcher ends up running.
"""

import subprocess
import sys


def real_python(command):
    """sys.executable of the interpreter `command` starts; exits with a message if it cannot run."""
    try:
        out = subprocess.run([command, "-c", "import sys; print(sys.executable)"], capture_output=True,
                             text=True, check=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError) as e:
        sys.exit("cannot run %s: %s" % (command, e))
    return out or command
