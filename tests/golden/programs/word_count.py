# Word frequencies with dicts: counting, sorting by count then word, grouping.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""

def clean(word):
    out = ""
    for ch in word.lower():
        if ch.isalpha():
            out += ch
    return out

counts = {}
order = []
for line in text.split("\n"):
    for raw in line.split():
        w = clean(raw)
        if not w:
            continue
        if w not in counts:
            order.append(w)
            counts[w] = 0
        counts[w] += 1
print("distinct words:", len(counts))
print("first seen order:", order)
print("counts:", counts)
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print(word, "#" * n, n)
by_length = {}
for w in counts:
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda c: letters[c], reverse=True)[:5]
print("top letters:", top)
lines = text.split("\n")
print("lines:", len(lines), "longest:", max(lines, key=len))
print("total words:", sum(counts.values()))
