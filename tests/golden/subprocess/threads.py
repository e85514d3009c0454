# Waiting for a child never holds the GIL: another thread keeps running meanwhile.
import subprocess
import threading
import time

counter = [0]
done = [False]

def count():
    while not done[0]:
        counter[0] += 1
        time.sleep(0.001)

t = threading.Thread(target=count)
t.start()
before = counter[0]
r = subprocess.run(['sleep', '0.3'])
p = subprocess.Popen(['sh', '-c', 'sleep 0.2; echo late'], stdout=subprocess.PIPE)
out = p.communicate()[0]
after = counter[0]
done[0] = True
t.join()
print(r.returncode, out)
print('counter advanced:', after - before > 10)

# Several threads running children at once.
results = {}

def worker(n):
    r = subprocess.run(['sh', '-c', 'sleep 0.1; echo $0', str(n)], capture_output=True, text=True)
    results[n] = r.stdout.strip()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(results.items()))

# A thread doing subprocess work while the main thread counts.
result = []

def runner():
    result.append(subprocess.run(['sh', '-c', 'sleep 0.2; echo threaded'], capture_output=True).stdout)

t = threading.Thread(target=runner)
t.start()
n = 0
while t.is_alive():
    n += 1
    time.sleep(0.001)
t.join()
print(result, n > 10)

# Several threads waiting for one child all see its exit code; a timed wait does not steal it.
# The child exits only when its stdin closes, so it is still running when polled.
p = subprocess.Popen(['sh', '-c', 'read line; exit 5'], stdin=subprocess.PIPE)
codes = []
waiters = [threading.Thread(target=lambda: codes.append(p.wait())) for i in range(4)]
for th in waiters:
    th.start()
print(p.poll())
p.stdin.close()
for th in waiters:
    th.join()
print(codes, p.poll())

p = subprocess.Popen(['sleep', '5'])
waiter = threading.Thread(target=p.wait)
waiter.start()
try:
    p.wait(0.1)
except subprocess.TimeoutExpired as e:
    print(e)
p.kill()
waiter.join()
print(p.returncode)
