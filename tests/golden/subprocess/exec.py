# os.execv / execve / execvp: replacing a forked child with another program.
import os
import sys


def run_child(fn):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            fn()
        except OSError as e:
            print('child failed:', type(e).__name__, e)
            sys.stdout.flush()
            os._exit(99)
        os._exit(98)  # exec returned without raising: never happens
    _, status = os.waitpid(pid, 0)
    print('exit code', os.waitstatus_to_exitcode(status))


run_child(lambda: os.execv('/bin/echo', ['echo', 'from', 'execv']))
run_child(lambda: os.execve('/bin/sh', ['sh', '-c', 'echo "VAR=$VAR"; exit 4'], {'VAR': 'set by execve'}))
run_child(lambda: os.execvp('sh', ('sh', '-c', 'echo found on PATH')))
run_child(lambda: os.execvpe('sh', ['sh', '-c', 'echo "[$X]"'], {'X': 'y', 'PATH': os.environ['PATH']}))
run_child(lambda: os.execv('/no/such/program', ['x']))
run_child(lambda: os.execvp('no-such-program-anywhere', ['x']))

for bad in [[], 'abc', ['']]:
    try:
        os.execv('/bin/echo', bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execve('/bin/echo', ['echo'], {'A=B': 'c'})
except ValueError as e:
    print(type(e).__name__, e)
print(os.get_exec_path({'PATH': '/a:/b'}))
