# re: one compiled pattern used by several threads at once, on subjects long enough (over 64 KiB)
# that gilvm runs the searches with the GIL released.
import re
import threading

pattern = re.compile(r'(\w+)@(\w+)\.com', re.I)
filler = '.' * 20000 + ' '
text = filler.join(['user%d@example.com' % i for i in range(8)])
results = {}

def work(name, subject):
    found = pattern.findall(subject)
    first = pattern.search(subject, len(subject) // 2)
    count = pattern.subn(r'\2:\1', subject)[1]
    pieces = len(pattern.split(subject))
    results[name] = (len(found), found[-1], first.group(1), count, pieces)

threads = [threading.Thread(target=work, args=('t%d' % i, text if i % 2 == 0 else text.upper()))
           for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(name, results[name])
print(len(text) > 64 * 1024)
