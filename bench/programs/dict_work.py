# Word counting with dicts: get/setdefault-free counting, items, keys, sorting the result.

SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze", "an", "or"]


def make_text(n):
    words = []
    seed = 42
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        w = SYLLABLES[seed % 12]
        if seed % 3 != 0:
            w = w + SYLLABLES[(seed >> 8) % 12]
        if seed % 5 == 0:
            w = w + SYLLABLES[(seed >> 16) % 12]
        words.append(w)
    return " ".join(words)


def count_words(text):
    counts = {}
    for w in text.split():
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


def by_length(counts):
    groups = {}
    for w in counts:
        n = len(w)
        groups[n] = groups.get(n, 0) + counts[w]
    return groups


text = make_text(300000)
counts = {}
for rep in range(3):
    counts = count_words(text)
groups = by_length(counts)
items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
top = []
for kv in items[:5]:
    top.append(kv[0] + "=" + str(kv[1]))
check = 0
for k in sorted(counts.keys()):
    check = (check * 131 + counts[k]) % 1000000007
print("dict_work", len(counts), sorted(groups.items()), " ".join(top), check)
