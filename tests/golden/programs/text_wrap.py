# Greedy word wrapping and justification.
TEXT = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs. How vexingly quick daft zebras jump! Sphinx of black quartz, "
        "judge my vow.")

def wrap(text, width):
    lines = []
    current = []
    length = 0
    for word in text.split():
        extra = len(word) + (1 if current else 0)
        if current and length + extra > width:
            lines.append(current)
            current = [word]
            length = len(word)
        else:
            current.append(word)
            length += extra
    if current:
        lines.append(current)
    return lines

def justify(words, width):
    if len(words) == 1:
        return words[0]
    letters = 0
    for w in words:
        letters += len(w)
    gaps = len(words) - 1
    spaces = width - letters
    out = ""
    for i in range(gaps):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += words[i] + " " * n
    return out + words[-1]

for width in [20, 32]:
    print("width", width)
    lines = wrap(TEXT, width)
    for i in range(len(lines)):
        words = lines[i]
        if i == len(lines) - 1:
            line = " ".join(words)
        else:
            line = justify(words, width)
        print("|" + line + " " * (width - len(line)) + "|")
print(len(wrap(TEXT, 10)), wrap("supercalifragilistic word", 5))
