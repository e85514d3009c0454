# subprocess errors: CalledProcessError, TimeoutExpired, missing programs and bad arguments.
import subprocess
import time

try:
    subprocess.run(['false'], check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e)
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)
    print(isinstance(e, subprocess.SubprocessError))

try:
    subprocess.run(['sh', '-c', 'echo partial; echo bad >&2; exit 2'], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(e.stdout, e.stderr)

try:
    subprocess.check_call(['sh', '-c', 'exit 7'])
except subprocess.CalledProcessError as e:
    print(e)

try:
    subprocess.check_output('exit 9', shell=True)
except subprocess.CalledProcessError as e:
    print(e, repr(e.output))

print(subprocess.CalledProcessError(-9, ['x']))
print(subprocess.CalledProcessError(-15, 'cmd'))
print(subprocess.CalledProcessError(2, 'cmd', b'o', b'e').stdout)

start = time.monotonic()
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    # Without pipes the timeout reported is what was left of it when the wait began.
    print(type(e).__name__, str(e).startswith("Command '['sleep', '5']' timed out after 0."))
    print(e.cmd, 0 < e.timeout <= 0.2, e.output, e.stderr)
print('killed quickly:', time.monotonic() - start < 3)

try:
    subprocess.run(['sh', '-c', 'echo early; exec sleep 5'], capture_output=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(e, e.stdout)

p = subprocess.Popen(['sleep', '5'])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)
p.kill()
print(p.wait())
print(p.poll(), p.returncode)

p = subprocess.Popen(['sleep', '5'])
p.terminate()
print(p.wait())

try:
    subprocess.run(['nonexistent'])
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.filename)

try:
    subprocess.Popen(['./no/such/program', 'arg'])
except OSError as e:
    print(type(e).__name__, e)

try:
    subprocess.run(['true'], cwd='/no/such/dir')
except FileNotFoundError as e:
    print(type(e).__name__, e)

try:
    subprocess.run(['/etc/passwd'])
except PermissionError as e:
    print(type(e).__name__, e)

try:
    subprocess.run(['cat'], input=b'x', stdin=subprocess.PIPE)
except ValueError as e:
    print(e)

try:
    subprocess.run(['cat'], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)

try:
    subprocess.check_output(['echo'], stdout=subprocess.PIPE)
except ValueError as e:
    print(e)

try:
    subprocess.run(['echo'], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(e)
