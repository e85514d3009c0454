"""Fannkuch-redux: for every permutation of 1..n, count the "pancake flips" needed to bring
1 to the front (repeatedly reverse the first k elements, k being the first element), and
report the largest count and a checksum (the flip counts summed with alternating signs in
the order the permutations are generated, by successive rotations of prefixes).

Exercises small-int list indexing, list slicing and slice reversal, while loops and
integer comparisons. The size is fixed at n = 9 (362880 permutations); the result must be
checksum 8629 and at most 30 flips, the published values for n = 9.
"""

N = 9
EXPECTED_CHECKSUM = 8629
EXPECTED_MAX_FLIPS = 30


def count_flips(perm):
    """Flips needed to bring 0 to the front of a copy of perm."""
    p = perm[:]
    flips = 0
    first = p[0]
    while first != 0:
        # Reverse p[0..first] in place.
        p[:first + 1] = p[first::-1]
        flips += 1
        first = p[0]
    return flips


def fannkuch(n):
    perm = list(range(n))
    # counter[k] says how many more rotations of the prefix of length k + 1 are left.
    counter = [0] * n
    level = n
    checksum = 0
    max_flips = 0
    index = 0
    while True:
        while level > 1:
            counter[level - 1] = level
            level -= 1
        if perm[0] != 0:
            flips = count_flips(perm)
            if flips > max_flips:
                max_flips = flips
            if index % 2 == 0:
                checksum += flips
            else:
                checksum -= flips
        # Advance to the next permutation: rotate the shortest prefix that still has
        # rotations left, moving its first element to its end.
        while True:
            if level == n:
                return checksum, max_flips, index + 1
            first = perm[0]
            for i in range(level):
                perm[i] = perm[i + 1]
            perm[level] = first
            counter[level] -= 1
            if counter[level] > 0:
                break
            level += 1
        index += 1


checksum, max_flips, count = fannkuch(N)
if count != 362880:
    raise AssertionError("visited %d permutations" % count)
if checksum != EXPECTED_CHECKSUM or max_flips != EXPECTED_MAX_FLIPS:
    raise AssertionError("checksum %d, max flips %d" % (checksum, max_flips))
print("fannkuch", N, checksum, max_flips)
