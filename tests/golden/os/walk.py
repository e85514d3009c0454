# os.walk top-down (with pruning of dirnames) and bottom-up, and with onerror, over a tree
# built in a fresh temporary directory. Listings are sorted: directory order is the system's.
import os

base = '/tmp/gilvm_os_walk_%d' % os.getpid()
for d in ['a/b/c', 'a/d', 'e', 'skip/inner']:
    os.makedirs(os.path.join(base, d))
for f in ['top.txt', 'a/one', 'a/b/two', 'a/b/c/three', 'e/four', 'skip/inner/hidden']:
    fd = os.open(os.path.join(base, f), os.O_CREAT | os.O_WRONLY, 0o644)
    os.write(fd, b'x' * len(f))
    os.close(fd)


def rel(p):
    return os.path.relpath(p, base)


def show(walker):
    rows = []
    for top, dirs, files in walker:
        rows.append((rel(top), sorted(dirs), sorted(files)))
    return rows


# Top-down: every directory is listed before its children; order among siblings follows the
# directory, so compare as a sorted list and check the parent-before-child property.
rows = show(os.walk(base))
for r in sorted(rows):
    print(r)
order = [r[0] for r in rows]
print(all([order.index(os.path.dirname(t) or '.') < order.index(t) for t in order if t != '.']))

# Bottom-up: children before parents.
rows = show(os.walk(base, topdown=False))
order = [r[0] for r in rows]
print(sorted(order), order[-1])
print(all([order.index(os.path.dirname(t) or '.') > order.index(t) for t in order if t != '.']))

# Pruning: removing a name from dirnames in place keeps walk out of it.
seen = []
for top, dirs, files in os.walk(base):
    if 'skip' in dirs:
        dirs.remove('skip')
    seen.append(rel(top))
print(sorted(seen))

# Errors: a missing top yields nothing; onerror receives the exception.
errors = []
print(list(os.walk(os.path.join(base, 'missing'))))
print(list(os.walk(os.path.join(base, 'missing'), onerror=errors.append)))
print([type(e).__name__ for e in errors], errors[0].filename == os.path.join(base, 'missing'))

# Sizes via os.path.getsize, then clean up bottom-up.
total = 0
for top, dirs, files in os.walk(base, topdown=False):
    for f in files:
        total += os.path.getsize(os.path.join(top, f))
        os.remove(os.path.join(top, f))
    for d in dirs:
        os.rmdir(os.path.join(top, d))
os.rmdir(base)
print(total, os.path.exists(base))
