"""JSON round trip: a hand-written recursive-descent JSON parser and a serializer (ASCII
output with \\uXXXX escapes and surrogate pairs, the separators json.dumps uses by default),
run over a generated document of nested objects and arrays, strings with quotes,
backslashes, control characters and non-ASCII text, ints, floats, true, false and null.

Exercises string indexing and slicing, character comparisons, ord/chr, str.join over
lists of pieces, dict and list construction, recursion, isinstance dispatch, exceptions
(raised and caught for the malformed inputs) and a pseudo-random generator on ints.
The document (fixed seed, about 3500 values) is serialized and parsed ROUNDS times; the
self-check requires parse(serialize(doc)) == doc, serialize(doc) == json.dumps(doc),
parse of json.dumps(doc, indent=2) == doc, and a ValueError for each malformed input.
"""

import json

ROUNDS = 10


class Rng:
    """A linear congruential generator (the constants of Numerical Recipes)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1664525 + 1013904223) % 4294967296
        return self.state

    def below(self, n):
        return (self.next() >> 8) % n


PIECES = ["alpha", "beta", "gamma", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
          "\x01", "\x1f", "caf\u00e9", "\u00fcber", "\u03bb", "\u2603", "\U0001f600",
          "na\u00efve", "x", "42", "{", "]", ":", ","]

WORDS = ["id", "name", "tags", "value", "items", "meta", "point", "owner", "score",
         "enabled", "note", "child", "\u00e9t\u00e9", "key with space", "q\"uote"]


def make_string(rng):
    parts = []
    for _ in range(rng.below(6)):
        parts.append(PIECES[rng.below(len(PIECES))])
    return "".join(parts)


def make_number(rng):
    kind = rng.below(5)
    if kind == 0:
        return rng.below(1000000) - 500000
    if kind == 1:
        return (rng.below(2000000) - 1000000) / 64.0
    if kind == 2:
        return rng.below(1000) * 1e-9 + 1.0 / (1 + rng.below(97))
    if kind == 3:
        return -(rng.below(999) + 1) * 1.0e-12
    return (rng.below(100000) + 1) * 1.0e20


def make_value(rng, depth):
    kind = rng.below(10)
    if depth > 0 and kind < 3:
        obj = {}
        for i in range(rng.below(6)):
            obj[WORDS[rng.below(len(WORDS))] + str(i)] = make_value(rng, depth - 1)
        return obj
    if depth > 0 and kind < 5:
        return [make_value(rng, depth - 1) for _ in range(rng.below(7))]
    if kind < 7:
        return make_string(rng)
    if kind < 9:
        return make_number(rng)
    return [None, True, False][rng.below(3)]


def make_document(seed):
    rng = Rng(seed)
    return {"records": [make_value(rng, 5) for _ in range(200)], "seed": seed,
            "title": "generated \u00e0 la main"}


# ---- serializer ----

SHORT_ESCAPES = {"\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
                 "\b": "\\b", "\f": "\\f"}


def escape_char(ch):
    short = SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if code >= 0x10000:
        code -= 0x10000
        return "\\u%04x\\u%04x" % (0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff))
    return "\\u%04x" % code


def serialize_string(s, out):
    out.append("\"")
    start = 0
    for i in range(len(s)):
        ch = s[i]
        if ch < " " or ch > "~" or ch == "\"" or ch == "\\":
            if start < i:
                out.append(s[start:i])
            out.append(escape_char(ch))
            start = i + 1
    if start < len(s):
        out.append(s[start:])
    out.append("\"")


def serialize_value(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        serialize_string(value, out)
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, list):
        out.append("[")
        first = True
        for item in value:
            if not first:
                out.append(", ")
            first = False
            serialize_value(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for key, item in value.items():
            if not first:
                out.append(", ")
            first = False
            serialize_string(key, out)
            out.append(": ")
            serialize_value(item, out)
        out.append("}")
    else:
        raise TypeError("cannot serialize %r" % (value,))


def serialize(value):
    out = []
    serialize_value(value, out)
    return "".join(out)


# ---- parser ----

UNESCAPE = {"\"": "\"", "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t"}
HEX_DIGITS = "0123456789abcdefABCDEF"
NUMBER_CHARS = "0123456789+-.eE"


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, what):
        raise ValueError("%s at offset %d" % (what, self.pos))

    def skip_space(self):
        text = self.text
        pos = self.pos
        n = len(text)
        while pos < n and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def parse(self):
        value = self.parse_value()
        self.skip_space()
        if self.pos != len(self.text):
            self.fail("extra data")
        return value

    def parse_value(self):
        self.skip_space()
        if self.pos >= len(self.text):
            self.fail("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.parse_object()
        if ch == "[":
            return self.parse_array()
        if ch == "\"":
            return self.parse_string()
        if ch == "-" or "0" <= ch <= "9":
            return self.parse_number()
        for word, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return value
        self.fail("unexpected character %r" % ch)

    def expect(self, ch):
        self.skip_space()
        if self.pos >= len(self.text) or self.text[self.pos] != ch:
            self.fail("expected %r" % ch)
        self.pos += 1

    def parse_object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text.startswith("}", self.pos):
            self.pos += 1
            return result
        while True:
            self.skip_space()
            if not self.text.startswith("\"", self.pos):
                self.fail("expected a key")
            key = self.parse_string()
            self.expect(":")
            result[key] = self.parse_value()
            self.skip_space()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif self.text.startswith("}", self.pos):
                self.pos += 1
                return result
            else:
                self.fail("expected ',' or '}'")

    def parse_array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text.startswith("]", self.pos):
            self.pos += 1
            return result
        while True:
            result.append(self.parse_value())
            self.skip_space()
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif self.text.startswith("]", self.pos):
                self.pos += 1
                return result
            else:
                self.fail("expected ',' or ']'")

    def parse_hex4(self):
        digits = self.text[self.pos:self.pos + 4]
        if len(digits) != 4:
            self.fail("short \\u escape")
        for d in digits:
            if d not in HEX_DIGITS:
                self.fail("bad \\u escape")
        self.pos += 4
        return int(digits, 16)

    def parse_string(self):
        text = self.text
        n = len(text)
        pos = self.pos + 1
        parts = []
        start = pos
        while True:
            if pos >= n:
                self.pos = pos
                self.fail("unterminated string")
            ch = text[pos]
            if ch == "\"":
                parts.append(text[start:pos])
                self.pos = pos + 1
                return "".join(parts)
            if ch == "\\":
                parts.append(text[start:pos])
                if pos + 1 >= n:
                    self.pos = pos
                    self.fail("unterminated escape")
                esc = text[pos + 1]
                if esc == "u":
                    self.pos = pos + 2
                    code = self.parse_hex4()
                    if 0xd800 <= code < 0xdc00 and text.startswith("\\u", self.pos):
                        save = self.pos
                        self.pos += 2
                        low = self.parse_hex4()
                        if 0xdc00 <= low < 0xe000:
                            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                        else:
                            self.pos = save
                    parts.append(chr(code))
                    pos = self.pos
                else:
                    plain = UNESCAPE.get(esc)
                    if plain is None:
                        self.pos = pos
                        self.fail("bad escape \\%s" % esc)
                    parts.append(plain)
                    pos += 2
                start = pos
            elif ch < " ":
                self.pos = pos
                self.fail("control character in string")
            else:
                pos += 1

    def parse_number(self):
        text = self.text
        start = self.pos
        pos = start
        n = len(text)
        while pos < n and text[pos] in NUMBER_CHARS:
            pos += 1
        token = text[start:pos]
        self.pos = pos
        body = token[1:] if token.startswith("-") else token
        if body == "" or not ("0" <= body[0] <= "9") or (len(body) > 1 and body[0] == "0"
                                                          and "0" <= body[1] <= "9"):
            self.fail("bad number %r" % token)
        if "." in token or "e" in token or "E" in token:
            return float(token)
        return int(token)


def parse(text):
    return Parser(text).parse()


MALFORMED = ["[1, 2,]", "{\"a\" 1}", "\"\\x\"", "[\"abc", "01", "[1] 2", "{\"k\": tru}",
             "\"tab\there\"", "", "-", "{,}", "\"\\u12g4\""]


def count_values(value):
    if isinstance(value, dict):
        return 1 + sum([count_values(v) for v in value.values()])
    if isinstance(value, list):
        return 1 + sum([count_values(v) for v in value])
    return 1


doc = make_document(20261127)
text = ""
for _ in range(ROUNDS):
    text = serialize(doc)
    back = parse(text)
    if back != doc:
        raise AssertionError("parse(serialize(doc)) differs from doc")
if text != json.dumps(doc):
    raise AssertionError("serialize(doc) differs from json.dumps(doc)")
if json.loads(text) != doc:
    raise AssertionError("json.loads(serialize(doc)) differs from doc")
if parse(json.dumps(doc, indent=2)) != doc:
    raise AssertionError("parse(json.dumps(doc, indent=2)) differs from doc")
rejected = 0
for bad in MALFORMED:
    try:
        parse(bad)
    except ValueError:
        rejected += 1
    else:
        raise AssertionError("parse accepted %r" % bad)
print("json_parse", count_values(doc), len(text), rejected)
