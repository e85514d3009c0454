# subprocess.Popen: pipes, communicate, wait/poll, context manager, env and cwd.
import os
import subprocess
import sys

p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'one\ntwo\n')
print(out, err, p.returncode)

p = subprocess.Popen(['tr', 'a-z', 'A-Z'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write('shout\n')
p.stdin.close()
print(repr(p.stdout.read()))
p.stdout.close()
print(p.wait(), p.returncode)

p = subprocess.Popen(['sh', '-c', 'read x; echo got $x; exit 4'], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(p.communicate(b'line\n'), p.returncode)
print(p.communicate())

with subprocess.Popen(['echo', 'in a with'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

p = subprocess.Popen(['sh', '-c', 'exit 0'])
while p.poll() is None:
    pass
print('poll:', p.poll(), p.wait())

p = subprocess.Popen(['sleep', '5'])
print(p.poll())
p.send_signal(9)
print(p.wait())
p.kill()  # already finished: nothing happens

env = {'ONLY_VAR': 'only value', 'PATH': os.environ.get('PATH', '/bin:/usr/bin')}
print(subprocess.run(['sh', '-c', 'echo $ONLY_VAR; env | grep -c ONLY_VAR'], env=env,
                     capture_output=True, text=True).stdout, end='')
print(subprocess.run('echo "[$HOME_IS_UNSET]"', shell=True, env={}, capture_output=True,
                     text=True).stdout, end='')

print(subprocess.run(['pwd'], cwd='/', capture_output=True).stdout)
here = os.getcwd()
print(subprocess.run(['pwd'], cwd='subprocess', capture_output=True, text=True).stdout.strip()
      == os.path.join(here, 'subprocess'))
print(os.getcwd() == here)

# stdout to a file and to a descriptor.
r, w = os.pipe()
subprocess.run(['echo', 'via fd'], stdout=w)
os.close(w)
print(os.read(r, 100))
os.close(r)

p = subprocess.Popen(['sh', '-c', 'echo err text >&2'], stderr=subprocess.PIPE, text=True)
print(repr(p.stderr.read()), p.stdout, p.stdin)
p.stderr.close()
p.wait()

p = subprocess.Popen(['true'])
print(p.args, p.pid > 0, p.wait())
print(subprocess.Popen('exit 6', shell=True).wait())

# communicate after a timeout carries on where it stopped.
p = subprocess.Popen(['sh', '-c', 'echo first; sleep 0.5; echo second'], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print('timed out with', e.output)
print(p.communicate())

# A gilvm (or python3) child: sys.executable is the running interpreter.
r = subprocess.run([sys.executable, '-c', 'import sys; print(6 * 7); sys.exit(3)'],
                   capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
print(os.path.isabs(sys.executable))

# stdin and stdout as file objects.
import tempfile
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'in.txt')
    dst = os.path.join(d, 'out.txt')
    with open(src, 'w') as f:
        f.write('from a file\nsecond line\n')
    with open(src) as fin, open(dst, 'w') as fout:
        print(subprocess.call(['sort', '-r'], stdin=fin, stdout=fout))
    with open(dst) as f:
        print(repr(f.read()))
