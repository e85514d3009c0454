# A small tokenizer for arithmetic expressions with identifiers and strings.
class Token:
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos
    def __repr__(self):
        return self.kind + "(" + repr(self.text) + ")@" + str(self.pos)

class LexError(Exception):
    pass

OPERATORS = ["**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "(", ")", "<", ">", "=", ","]
KEYWORDS = {"let": "LET", "if": "IF", "then": "THEN", "else": "ELSE"}

def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if c.isdigit():
            start = i
            while i < n and src[i].isdigit():
                i += 1
            if i < n and src[i] == ".":
                i += 1
                while i < n and src[i].isdigit():
                    i += 1
                tokens.append(Token("FLOAT", src[start:i], start))
            else:
                tokens.append(Token("INT", src[start:i], start))
            continue
        if c.isalpha() or c == "_":
            start = i
            while i < n and (src[i].isalnum() or src[i] == "_"):
                i += 1
            word = src[start:i]
            tokens.append(Token(KEYWORDS.get(word, "NAME"), word, start))
            continue
        if c == '"':
            start = i
            i += 1
            text = ""
            while i < n and src[i] != '"':
                if src[i] == "\\" and i + 1 < n:
                    i += 1
                    text += {"n": "\n", "t": "\t"}.get(src[i], src[i])
                else:
                    text += src[i]
                i += 1
            if i >= n:
                raise LexError("unterminated string at " + str(start))
            i += 1
            tokens.append(Token("STRING", text, start))
            continue
        for op in OPERATORS:
            if src.startswith(op, i):
                tokens.append(Token("OP", op, i))
                i += len(op)
                break
        else:
            raise LexError("unexpected character " + repr(c) + " at " + str(i))
    tokens.append(Token("EOF", "", n))
    return tokens

sources = [
    "1 + 2 * 3",
    "let x = 10 // 3 ** 2",
    "if a >= 1.5 then f(a, b) else \"no\\tway\"",
    "total_2 != count%7",
    "  ",
    "x = \"open",
    "y = 3 $ 4",
]
for s in sources:
    print("source:", repr(s))
    try:
        toks = tokenize(s)
        for t in toks:
            print("  ", t)
        kinds = {}
        for t in toks:
            kinds[t.kind] = kinds.get(t.kind, 0) + 1
        print("   kinds:", kinds)
    except LexError as e:
        print("   error:", e)
