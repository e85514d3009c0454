# subprocess.run: capturing output, input=, text mode, exit codes, stderr routing.
import subprocess
import sys

r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r)
print(r.returncode, r.stdout, r.stderr)

r = subprocess.run(['echo', 'text'], stdout=subprocess.PIPE, text=True)
print(repr(r.stdout), r.stderr)

r = subprocess.run(['cat'], input=b'fed through stdin\n', capture_output=True)
print(r.stdout)

r = subprocess.run(['cat'], input='text input\nline two\n', capture_output=True, text=True)
print(repr(r.stdout))

r = subprocess.run(['sh', '-c', 'printf "a\\r\\nb\\rc\\n"'], capture_output=True, universal_newlines=True)
print(repr(r.stdout))

r = subprocess.run(['sh', '-c', 'exit 3'])
print(r.returncode, r.stdout, r.stderr)
print(r)

r = subprocess.run(['sh', '-c', 'echo out; echo err 1>&2'], capture_output=True)
print(r.stdout, r.stderr)

r = subprocess.run(['sh', '-c', 'echo out; echo err 1>&2; echo out2'], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(r.stdout, r.stderr)

r = subprocess.run(['sh', '-c', 'echo gone; echo gone too 1>&2'], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
print(r.returncode, r.stdout, r.stderr)

r = subprocess.run('echo $((6 * 7)) | cat', shell=True, capture_output=True, text=True)
print(r.args, repr(r.stdout))

r = subprocess.run(['cat'], stdin=subprocess.DEVNULL, capture_output=True)
print(r.stdout)

r = subprocess.run(['true'])
r.check_returncode()
print('check_returncode ok', r)

print(subprocess.call(['sh', '-c', 'exit 5']))
print(subprocess.check_call(['true']))
print(subprocess.check_output(['echo', 'check_output']))
print(repr(subprocess.check_output(['sh', '-c', 'echo to stdout; echo to stderr >&2'],
                                   stderr=subprocess.STDOUT, text=True)))
print(repr(subprocess.check_output(['cat'], input='piped', text=True)))
print(subprocess.getoutput('echo getoutput; echo more'))
print(subprocess.getstatusoutput('echo status; exit 4'))
print(subprocess.getstatusoutput('true'))

# Large outputs on both pipes at once, while feeding a large input: no deadlock.
data = b'x' * 300000
r = subprocess.run(['sh', '-c', 'cat; head -c 200000 /dev/zero 1>&2'], input=data,
                   capture_output=True)
print(len(r.stdout), r.stdout == data, len(r.stderr), r.stderr.count(b'\0'))

# The child's output reaches our stdout in order when we flush first.
print('before the child')
sys.stdout.flush()
subprocess.run(['echo', 'from the child'])
print('after the child')
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
