"""Regular expressions for gilvm, on RE2.

Behaves as CPython 3.11's re module for str patterns.  The native module _re
(stdlib/re.cc) holds compiled RE2 programs and runs single matches; this file
does the rest:

- _Translator turns Python's pattern syntax into RE2's, raising re.error with
  CPython's messages and positions for bad patterns, and re.error naming the
  construct for what RE2 cannot run (backreferences, lookaround, conditional
  groups, atomic groups, possessive repeats): never a silent difference.
- Unicode semantics: \\d \\w \\s are rewritten to Unicode classes unless
  re.ASCII; \\b is RE2's (ASCII) one, so _re refuses it on non-ASCII subjects.
- Pattern and Match objects, findall/finditer/sub/split with 3.7+'s empty
  match rules, replacement templates, and a bounded cache of compiled patterns
  (module state, so one per interpreter).

Invariants: positions are code-point indices everywhere in this file; _re
converts to and from UTF-8 byte offsets.  A _re match result is None, a flat
tuple of spans, or a str that must be raised as re.error.
"""

import _re

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall',
           'finditer', 'compile', 'purge', 'escape', 'error', 'Pattern',
           'Match', 'A', 'I', 'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE',
           'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE', 'NOFLAG',
           'RegexFlag']

_MAXSIZE = 9223372036854775807
_MAXREPEAT = 4294967295
# RE2's largest repetition count.
_RE2_MAXREPEAT = 1000


# ---------------------------------------------------------------- flags

# (value, name) in the order CPython lists them in a Pattern's repr.
_FLAG_NAMES = [(2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'),
               (16, 'DOTALL'), (32, 'UNICODE'), (64, 'VERBOSE'),
               (128, 'DEBUG'), (256, 'ASCII')]


def _flag_text(value):
    """'re.IGNORECASE|re.MULTILINE' for a flags value (hex for unknown bits)."""
    names = []
    for bit, name in _FLAG_NAMES:
        if value & bit:
            names.append('re.' + name)
            value = value & ~bit
    if value:
        names.append('0x%x' % value)
    return '|'.join(names)


class RegexFlag:
    """The flag constants, printing as re.NAME as CPython's enum.IntFlag does.

    gilvm cannot subclass int yet, so a RegexFlag is not an int instance: it
    converts with int() and supports the operators flags are used with.
    """

    def __init__(self, value):
        self._value = value

    def __repr__(self):
        if self._value == 0:
            return 're.NOFLAG'
        return _flag_text(self._value)

    def __str__(self):
        return self.__repr__()

    def __int__(self):
        return self._value

    def __index__(self):
        return self._value

    def __bool__(self):
        return self._value != 0

    def __hash__(self):
        return hash(self._value)

    def __eq__(self, other):
        return self._value == _flag_value(other)

    def __ne__(self, other):
        return self._value != _flag_value(other)

    def __or__(self, other):
        return _flag_op(self, other, 0)

    def __ror__(self, other):
        return _flag_op(self, other, 0)

    def __and__(self, other):
        return _flag_op(self, other, 1)

    def __rand__(self, other):
        return _flag_op(self, other, 1)

    def __xor__(self, other):
        return _flag_op(self, other, 2)

    def __rxor__(self, other):
        return _flag_op(self, other, 2)

    def __invert__(self):
        return RegexFlag(~self._value & 511)

    def __add__(self, other):
        return self._value + _flag_value(other)

    def __radd__(self, other):
        return _flag_value(other) + self._value


def _flag_value(value):
    if isinstance(value, RegexFlag):
        return value._value
    return value


def _flag_op(flag, other, op):
    other = _flag_value(other)
    if not isinstance(other, int):
        return NotImplemented
    if op == 0:
        value = flag._value | other
    elif op == 1:
        value = flag._value & other
    else:
        value = flag._value ^ other
    if isinstance(other, bool):
        return value
    return RegexFlag(value)


NOFLAG = RegexFlag(0)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)

_INLINE_FLAGS = {'i': 2, 'L': 4, 'm': 8, 's': 16, 'x': 64, 'a': 256, 'u': 32}
_TYPE_FLAGS = 4 | 32 | 256


# ---------------------------------------------------------------- error

class error(Exception):
    """A pattern or template is invalid, or uses what gilvm's RE2 cannot run.

    msg is the bare message, pattern the pattern (or None), pos the index in
    it (or None); lineno and colno locate pos in a multi-line pattern.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = None
        self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            before = pattern[:pos]
            self.lineno = before.count('\n') + 1
            self.colno = pos - (before.rfind('\n') + 1) + 1
            if '\n' in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        Exception.__init__(self, msg)


def _unsupported(what):
    return error("gilvm's re (RE2) does not support " + what)


# ---------------------------------------------------------------- translation

_DIGITS = '0123456789'
_OCTDIGITS = '01234567'
_HEXDIGITS = '0123456789abcdefABCDEF'
_ASCIILETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
_WHITESPACE = ' \t\n\r\v\f'
_SIMPLE_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
                   't': '\t', 'v': '\v', '\\': '\\'}
_REPEAT_CHARS = '*+?{'

# What str.isspace() accepts: Python's Unicode \s.
_UNI_SPACE = ('\\t\\n\\x{b}\\f\\r\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}'
              '\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}')
# Inside an RE2 class: the items of each category, (unicode, ascii).
_CLASS_ITEMS = {
    'd': ('\\p{Nd}', '0-9'),
    'w': ('\\p{L}\\p{N}_', '0-9A-Za-z_'),
    's': (_UNI_SPACE, '\\t\\n\\x{b}\\f\\r '),
}

# Stands for a Python `$` (without MULTILINE) in translated text; _re gets two
# sources, one with each RE2 rendering (see stdlib/re.cc).
_DOLLAR = '\x00'
# Stands for \B: Python's never matches in an empty string, RE2's does, so a
# pattern with \B has a second program for empty subjects, where it fails.
_NONBOUNDARY = '\x01'
_NEVER = '[^\\x00-\\x{10ffff}]'

# Kinds of the items of a sequence, for the repeat checks.
_ATOM, _AT, _REPEAT, _GROUP = 0, 1, 2, 3


def _literal(ch):
    """RE2 text matching the one character ch, outside or inside a class."""
    if ch.isalnum() and (ord(ch) < 128 or ch.isalpha()):
        return ch
    return '\\x{%x}' % ord(ch)


def _other_case_ranges(lo, hi):
    """RE2 class items for the other case of the ASCII letters in [lo, hi]."""
    items = []
    for first, last, shift in ((97, 122, -32), (65, 90, 32)):
        a = max(lo, first)
        b = min(hi, last)
        if a <= b:
            items.append(_literal(chr(a + shift)) + '-' + _literal(chr(b + shift)))
    return items


class _Translator:
    """One pass over a str pattern: RE2 source, group count and names."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.n = len(pattern)
        self.i = 0
        self.flags = flags           # the current flags (scoped groups change them)
        self.global_flags = flags
        self.groups = 0
        self.groupindex = {}
        self.open_groups = []
        self.closing_order = []     # group numbers in the order their ')' appear
        self.has_dollar = False
        self.word_boundary = False  # a Unicode \b or \B
        self.branches = 0           # top-level '|' seen (global flags must come first)
        self.has_nonboundary = False

    def error(self, msg, pos):
        return error(msg, self.pattern, pos)

    def token(self, i):
        """The character at i as CPython's messages quote it (an escape with its letter)."""
        if self.pattern[i] == '\\':
            return self.pattern[i:i + 2]
        return self.pattern[i]

    def peek(self):
        if self.i < self.n:
            return self.pattern[self.i]
        return ''

    def translate(self):
        body = self.parse_alternation(0)
        if self.i < self.n:
            # Only a ')' stops the top level early.
            raise self.error('unbalanced parenthesis', self.i)
        if self.global_flags & 2 and not self.global_flags & 256:
            return '(?i)' + body
        return body

    # -- structure

    def parse_alternation(self, depth):
        branches = [self.parse_sequence(depth)]
        nullable, captures = self.seq_info
        while self.peek() == '|':
            self.i += 1
            if depth == 0:
                self.branches += 1
            branches.append(self.parse_sequence(depth))
            nullable = nullable or self.seq_info[0]
            captures = captures or self.seq_info[1]
        self.alt_info = (nullable, captures)
        return '|'.join(branches)

    def skip_verbose(self):
        while self.i < self.n:
            ch = self.pattern[self.i]
            if ch in _WHITESPACE:
                self.i += 1
            elif ch == '#':
                while self.i < self.n and self.pattern[self.i] != '\n':
                    self.i += 1
            else:
                return

    def parse_sequence(self, depth):
        """RE2 text; sets seq_info to (can match empty, has capturing groups)."""
        items = []   # [kind, text, can match empty, has capturing groups]
        while True:
            if self.flags & 64:
                self.skip_verbose()
            if self.i >= self.n:
                break
            ch = self.pattern[self.i]
            if ch == '|' or ch == ')':
                break
            if ch in _REPEAT_CHARS:
                start = self.i
                if self.parse_repeat(items, depth):
                    continue
                self.i = start + 1
                items.append([_ATOM, _literal('{'), False, False])
                continue
            item = self.parse_item(depth, len(items) == 0)
            if item is None:
                continue
            if item[0] == _GROUP:
                item = item + list(self.group_info)
            else:
                item = item + [item[0] == _AT, False]
            items.append(item)
        nullable = True
        captures = False
        for it in items:
            nullable = nullable and it[2]
            captures = captures or it[3]
        self.seq_info = (nullable, captures)
        return ''.join([it[1] for it in items])

    def parse_repeat(self, items, depth):
        """Applies the repeat at self.i to the last item; False if a '{' is a literal."""
        here = self.i
        ch = self.pattern[here]
        self.i += 1
        if ch == '{':
            bounds = self.parse_braces()
            if bounds is None:
                return False
            lo, hi = bounds
        if not items or items[-1][0] == _AT:
            raise self.error('nothing to repeat', here)
        if items[-1][0] == _REPEAT:
            raise self.error('multiple repeat', here)
        if ch == '{':
            if hi is not None and hi < lo:
                raise self.error('min repeat greater than max repeat', here + 1)
            if lo > _RE2_MAXREPEAT or (hi is not None and hi > _RE2_MAXREPEAT):
                raise _unsupported('repetition counts above %d' % _RE2_MAXREPEAT)
            if hi is None:
                op = '{%d,}' % lo
            elif hi == lo:
                op = '{%d}' % lo
            else:
                op = '{%d,%d}' % (lo, hi)
        else:
            op = ch
            lo = 1 if ch == '+' else 0
            hi = 1 if ch == '?' else None
        nxt = self.peek()
        if nxt == '?':
            self.i += 1
            op += '?'
        elif nxt == '+':
            raise _unsupported('possessive repeats (*+, ++, ?+, {m,n}+)')
        last = items[-1]
        if last[2] and last[3] and hi is None and not op.endswith('?'):
            # After its last non-empty iteration, an unbounded greedy loop in a backtracking
            # engine runs one more, empty, iteration that resets the groups inside; RE2 never
            # iterates on an empty match, so the groups would differ. (Bounded and lazy loops
            # agree: checked against CPython.)
            raise _unsupported('repeating a group that can match the empty string and '
                               'contains capturing groups, such as (a*)+')
        text = last[1]
        if last[0] != _GROUP and not (len(text) == 1 or text.startswith('\\x{')
                                      or text.startswith('[') or text.startswith('\\p')):
            text = '(?:' + text + ')'
        items[-1] = [_REPEAT, text + op, lo == 0 or last[2], last[3]]
        return True

    def parse_braces(self):
        """After '{': (lo, hi-or-None), or None (position restored by caller) if no repeat."""
        lo = ''
        while self.peek() != '' and self.peek() in _DIGITS:
            lo += self.pattern[self.i]
            self.i += 1
        hi = lo
        comma = self.peek() == ','
        if comma:
            self.i += 1
            hi = ''
            while self.peek() != '' and self.peek() in _DIGITS:
                hi += self.pattern[self.i]
                self.i += 1
        if self.peek() != '}' or (lo == '' and not comma):
            return None
        self.i += 1
        low = int(lo) if lo else 0
        high = int(hi) if hi else None
        if low >= _MAXREPEAT or (high is not None and high >= _MAXREPEAT):
            raise OverflowError('the repetition number is too large')
        return (low, high)

    def parse_item(self, depth, first):
        here = self.i
        ch = self.pattern[here]
        self.i += 1
        if ch == '[':
            return [_ATOM, self.parse_class(here)]
        if ch == '(':
            return self.parse_group(here, depth, first)
        if ch == '.':
            return [_ATOM, '(?s:.)' if self.flags & 16 else '[^\\n]']
        if ch == '^':
            return [_AT, '(?m:^)' if self.flags & 8 else '\\A']
        if ch == '$':
            if self.flags & 8:
                return [_AT, '(?m:$)']
            self.has_dollar = True
            return [_AT, _DOLLAR]
        if ch == '\\':
            return self.parse_escape(here)
        return [_ATOM, self.char(ord(ch))]

    # -- groups

    def parse_group(self, here, depth, first):
        if self.peek() != '?':
            return self.capture(here, depth, None)
        self.i += 1
        if self.i >= self.n:
            raise self.error('unexpected end of pattern', self.i)
        ch = self.pattern[self.i]
        self.i += 1
        if ch == 'P':
            return self.parse_p_group(here, depth)
        if ch == ':':
            return [_GROUP, '(?:' + self.group_body(here, depth) + ')']
        if ch == '#':
            end = self.pattern.find(')', self.i)
            if end < 0:
                raise self.error('missing ), unterminated comment', here)
            self.i = end + 1
            return None
        if ch == '=' or ch == '!':
            raise _unsupported('lookahead assertions (?=...) and (?!...)')
        if ch == '<':
            if self.i >= self.n:
                raise self.error('unexpected end of pattern', self.i)
            nxt = self.pattern[self.i]
            if nxt == '=' or nxt == '!':
                raise _unsupported('lookbehind assertions (?<=...) and (?<!...)')
            raise self.error('unknown extension ?<' + self.token(self.i), here + 1)
        if ch == '(':
            raise _unsupported('conditional groups (?(id)yes|no)')
        if ch == '>':
            raise _unsupported('atomic groups (?>...)')
        if ch in _INLINE_FLAGS or ch == '-':
            self.i -= 1
            return self.parse_flags(here, depth, first)
        raise self.error('unknown extension ?' + self.token(self.i - 1), here + 1)

    def parse_p_group(self, here, depth):
        if self.i >= self.n:
            raise self.error('unexpected end of pattern', self.i)
        ch = self.pattern[self.i]
        self.i += 1
        if ch == '<':
            name = self.group_name('>')
            return self.capture(here, depth, name)
        if ch == '=':
            name = self.group_name(')')
            if name not in self.groupindex:
                raise self.error("unknown group name '%s'" % name, self.i - len(name) - 1)
            raise _unsupported('backreferences')
        raise self.error('unknown extension ?P' + self.token(self.i - 1), here + 1)

    def group_name(self, terminator):
        start = self.i
        end = self.pattern.find(terminator, start)
        if end < 0:
            if start >= self.n:
                raise self.error('missing group name', start)
            raise self.error('missing %s, unterminated name' % terminator, start)
        name = self.pattern[start:end]
        if not name:
            raise self.error('missing group name', start)
        if not name.isidentifier():
            raise self.error("bad character in group name '%s'" % name, start)
        self.i = end + 1
        return name

    def capture(self, here, depth, name):
        self.groups += 1
        number = self.groups
        if name is not None:
            if name in self.groupindex:
                raise self.error("redefinition of group name '%s' as group %d; was group %d"
                                 % (name, number, self.groupindex[name]), here + 4)
            self.groupindex[name] = number
        self.open_groups.append(number)
        body = self.group_body(here, depth)
        self.open_groups.pop()
        self.group_info = (self.group_info[0], True)
        self.closing_order.append(number)
        return [_GROUP, '(' + body + ')']

    def group_body(self, here, depth):
        saved = self.flags
        body = self.parse_alternation(depth + 1)
        self.group_info = self.alt_info
        self.flags = saved
        if self.peek() != ')':
            raise self.error('missing ), unterminated subpattern', here)
        self.i += 1
        return body

    def parse_flags(self, here, depth, first):
        """(?aiLmsux) global flags, or a scoped (?flags-flags:...) group."""
        on, off, ch = self.read_flag_groups()
        if ch == ')':
            if not first or depth != 0 or self.branches:
                raise self.error('global flags not at the start of the expression', here)
            self.global_flags |= on
            self.flags |= on
            return None
        if on & off:
            raise self.error('bad inline flags: flag turned on and off', self.i - 1)
        saved = self.flags
        flags = (self.flags | on) & ~off
        if on & _TYPE_FLAGS:
            flags = (flags & ~_TYPE_FLAGS) | (on & _TYPE_FLAGS)
        self.flags = flags
        # RE2's i flag folds all of Unicode: it stands for IGNORECASE only outside ASCII
        # mode (in ASCII mode, literals and classes fold themselves: see fold_ascii).
        outer_i = saved & 2 and not saved & 256
        inner_i = flags & 2 and not flags & 256
        prefix = ''
        if inner_i and not outer_i:
            prefix = 'i'
        elif outer_i and not inner_i:
            prefix = '-i'
        body = self.parse_alternation(depth + 1)
        self.group_info = self.alt_info
        self.flags = saved
        if self.peek() != ')':
            raise self.error('missing ), unterminated subpattern', here)
        self.i += 1
        return [_GROUP, '(?' + prefix + ':' + body + ')']

    def next_char(self):
        if self.i >= self.n:
            return ''
        self.i += 1
        return self.pattern[self.i - 1]

    def read_flag_groups(self):
        """Reads 'flags)' or 'flags-flags:' (the '(?' is read): (on, off, ')' or ':')."""
        on = 0
        off = 0
        ch = self.next_char()
        if ch != '-':
            while True:
                if ch == 'L':
                    raise self.error("bad inline flags: cannot use 'L' flag with a str pattern", self.i)
                flag = _INLINE_FLAGS[ch]
                on |= flag
                if flag & _TYPE_FLAGS and (on & _TYPE_FLAGS) != flag:
                    raise self.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", self.i)
                ch = self.next_char()
                if ch == '':
                    raise self.error('missing -, : or )', self.i)
                if ch in ')-:':
                    break
                if ch not in _INLINE_FLAGS:
                    raise self.error('unknown flag' if ch.isalpha() else 'missing -, : or )', self.i - 1)
        if ch == ')':
            return on, off, ch
        if ch == '-':
            ch = self.next_char()
            if ch == '':
                raise self.error('missing flag', self.i)
            if ch not in _INLINE_FLAGS:
                raise self.error('unknown flag' if ch.isalpha() else 'missing flag', self.i - 1)
            while True:
                flag = _INLINE_FLAGS[ch]
                if flag & _TYPE_FLAGS:
                    raise self.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", self.i)
                off |= flag
                ch = self.next_char()
                if ch == '':
                    raise self.error('missing :', self.i)
                if ch == ':':
                    break
                if ch not in _INLINE_FLAGS:
                    raise self.error('unknown flag' if ch.isalpha() else 'missing :', self.i - 1)
        return on, off, ch

    # -- escapes

    def parse_escape(self, here):
        if self.i >= self.n:
            raise self.error('bad escape (end of pattern)', here)
        ch = self.pattern[self.i]
        self.i += 1
        if ch == 'A':
            return [_AT, '\\A']
        if ch == 'Z':
            return [_AT, '\\z']
        if ch == 'b' or ch == 'B':
            if not self.flags & 256:
                self.word_boundary = True
            if ch == 'B':
                self.has_nonboundary = True
                return [_AT, _NONBOUNDARY]
            return [_AT, '\\b']
        if ch in 'dws':
            return [_ATOM, '[' + self.category(ch) + ']']
        if ch in 'DWS':
            return [_ATOM, '[^' + self.category(ch.lower()) + ']']
        if ch in _DIGITS:
            return self.parse_numeric_escape(here, ch)
        code = self.parse_char_escape(here, ch, False)
        return [_ATOM, self.char(code)]

    def fold_ascii(self):
        """IGNORECASE in ASCII mode: only ASCII letters fold, so the translation folds them."""
        return self.flags & 2 and self.flags & 256

    def char(self, code):
        """RE2 text for one literal character, folded by hand under fold_ascii."""
        if self.fold_ascii() and code < 128 and chr(code).isalpha():
            return '[' + chr(code) + chr(code).swapcase() + ']'
        return _literal(chr(code))

    def category(self, letter):
        items = _CLASS_ITEMS[letter]
        return items[1] if self.flags & 256 else items[0]

    def parse_numeric_escape(self, here, ch):
        if ch == '0':
            return [_ATOM, self.char(self.read_octal('0', 2))]
        nxt = self.peek()
        if nxt != '' and nxt in _DIGITS:
            third = self.pattern[self.i + 1] if self.i + 1 < self.n else ''
            if ch in _OCTDIGITS and nxt in _OCTDIGITS and third != '' and third in _OCTDIGITS:
                self.i += 2
                value = int(ch + nxt + third, 8)
                if value > 0o377:
                    raise self.error('octal escape value \\%s outside of range 0-0o377'
                                     % (ch + nxt + third), here)
                return [_ATOM, self.char(value)]
            self.i += 1
            ch += nxt
        number = int(ch)
        if number > self.groups:
            raise self.error('invalid group reference %d' % number, here + 1)
        if number in self.open_groups:
            raise self.error('cannot refer to an open group', here)
        raise _unsupported('backreferences')

    def read_octal(self, digits, more):
        while more > 0 and self.peek() != '' and self.peek() in _OCTDIGITS:
            digits += self.pattern[self.i]
            self.i += 1
            more -= 1
        return int(digits, 8)

    def parse_char_escape(self, here, ch, in_class):
        """The code point of a one-character escape \\ch (ch already read)."""
        if ch in _SIMPLE_ESCAPES and (ch != 'b' or in_class):
            return ord(_SIMPLE_ESCAPES[ch])
        if ch == 'x':
            return self.read_hex(here, 'x', 2)
        if ch == 'u':
            return self.read_hex(here, 'u', 4)
        if ch == 'U':
            value = self.read_hex(here, 'U', 8)
            if value > 0x10FFFF:
                raise self.error('bad escape \\U%08x' % value, here)
            return value
        if ch == 'N':
            raise _unsupported('named Unicode escapes (\\N{...})')
        if ch in _ASCIILETTERS or ch in _DIGITS:
            raise self.error('bad escape \\' + ch, here)
        return ord(ch)

    def read_hex(self, here, letter, count):
        digits = ''
        while len(digits) < count and self.peek() != '' and self.peek() in _HEXDIGITS:
            digits += self.pattern[self.i]
            self.i += 1
        if len(digits) != count:
            raise self.error('incomplete escape \\%s%s' % (letter, digits), here)
        return int(digits, 16)

    # -- character classes

    def parse_class(self, here):
        negate = False
        if self.peek() == '^':
            negate = True
            self.i += 1
        items = []     # RE2 class items
        negated = []   # Unicode \W \S \D-like categories that RE2 cannot put in a class
        first = True
        while True:
            if self.i >= self.n:
                raise self.error('unterminated character set', here)
            start = self.i
            ch = self.pattern[self.i]
            self.i += 1
            if ch == ']' and not first:
                break
            first = False
            lo = self.class_atom(start, ch)
            if self.peek() == '-' and self.i + 1 < self.n and self.pattern[self.i + 1] != ']':
                self.i += 1
                hstart = self.i
                hch = self.pattern[self.i]
                self.i += 1
                hi = self.class_atom(hstart, hch)
                if isinstance(lo, str) or isinstance(hi, str):
                    raise self.error('bad character range %s' % self.pattern[start:self.i], start)
                if hi < lo:
                    raise self.error('bad character range %s' % self.pattern[start:self.i], start)
                items.append(_literal(chr(lo)) + '-' + _literal(chr(hi)))
                if self.fold_ascii():
                    items.extend(_other_case_ranges(lo, hi))
            elif isinstance(lo, str):
                if lo.isupper() and not self.flags & 256 and lo != 'D':
                    negated.append(lo.lower())
                elif lo == 'D' and not self.flags & 256:
                    items.append('\\P{Nd}')
                elif lo.isupper():
                    items.append('[:^%s:]' % {'D': 'digit', 'W': 'word', 'S': 'space'}[lo])
                else:
                    items.append(self.category(lo))
            else:
                items.append(_literal(chr(lo)))
                if self.fold_ascii():
                    items.extend(_other_case_ranges(lo, lo))
        return self.class_text(negate, items, negated)

    def class_atom(self, start, ch):
        """A code point, or a category letter (d, D, w, W, s, S) for an escape."""
        if ch != '\\':
            return ord(ch)
        if self.i >= self.n:
            raise self.error('bad escape (end of pattern)', start)
        esc = self.pattern[self.i]
        self.i += 1
        if esc in 'dDwWsS':
            return esc
        if esc in _OCTDIGITS:
            return self.read_octal(esc, 2)
        if esc in _DIGITS:
            raise self.error('bad escape \\' + esc, start)
        return self.parse_char_escape(start, esc, True)

    def class_text(self, negate, items, negated):
        if not negated:
            return ('[^' if negate else '[') + ''.join(items) + ']'
        if negate:
            if not items and len(negated) == 1:
                return '[' + self.category(negated[0]) + ']'
            raise _unsupported('\\W or \\S in a negated character class without re.ASCII')
        alternatives = ['[^' + self.category(c) + ']' for c in negated]
        if items:
            alternatives.append('[' + ''.join(items) + ']')
        return '(?:' + '|'.join(alternatives) + ')'


def _translate(pattern, flags):
    t = _Translator(pattern, flags)
    source = t.translate()
    if t.global_flags & 256 and t.global_flags & 32:
        raise ValueError('ASCII and UNICODE flags are incompatible')
    return t, source


# ---------------------------------------------------------------- Pattern

class Pattern:
    """A compiled regular expression (re.compile's result)."""

    def __init__(self, pattern, flags):
        t, source = _translate(pattern, flags)
        self.pattern = pattern
        flags = t.global_flags
        if not flags & 256:
            flags |= 32
        self.flags = flags
        self.groups = t.groups
        self._groupindex = t.groupindex
        self._closing_order = t.closing_order
        self._names = {}
        for name in t.groupindex:
            self._names[t.groupindex[name]] = name
        self._translation = t
        self._source = source
        self._code = self._make_code('\\B')
        self._empty_code = None if t.has_nonboundary else self._code

    def _make_code(self, nonboundary):
        t = self._translation
        source = self._source.replace(_NONBOUNDARY, nonboundary)
        if t.has_dollar:
            code = _re.RE2(source.replace(_DOLLAR, '\\z'), source.replace(_DOLLAR, '(?m:$)'),
                           t.word_boundary, t.groups, t.alt_info[0])
        else:
            code = _re.RE2(source, None, t.word_boundary, t.groups, t.alt_info[0])
        if isinstance(code, str):
            raise error(code)
        return code

    def _code_for(self, endpos):
        """The program for a subject ending at endpos (see _NONBOUNDARY)."""
        if endpos > 0:
            return self._code
        if self._empty_code is None:
            self._empty_code = self._make_code(_NEVER)
        return self._empty_code

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags & ~32
        if flags:
            return 're.compile(%s, %s)' % (text, _flag_text(flags))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode):
        """A Match or None; pos/endpos are clamped as CPython clamps them."""
        if not isinstance(string, str):
            _check_subject(string)
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < 0:
            endpos = 0
        elif endpos > n:
            endpos = n
        spans = self._code_for(endpos).match(string, pos, endpos, mode)
        if spans is None:
            return None
        if isinstance(spans, str):
            raise error(spans)
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return _MatchIterator(self, string, pos, endpos)

    def _scan(self, method, string, *args):
        """Runs one of _re's whole-subject scans; raises re.error for its message."""
        if not isinstance(string, str):
            _check_subject(string)
        result = getattr(self._code_for(len(string) if method != 'findall' else
                                        _clamp(args[1], len(string))), method)(string, *args)
        if isinstance(result, str):
            raise error(result)
        return result

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return self._scan('findall', string, pos, endpos)

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        return self._scan('split', string, maxsplit)

    def subn(self, repl, string, count=0):
        if isinstance(repl, str):
            template = _parse_template(repl, self)
        elif not callable(repl):
            raise TypeError('decoding to str: need a bytes-like object, %s found'
                            % type(repl).__name__)
        if not isinstance(string, str):
            _check_subject(string)
        if count < 0:
            return (string, 0)
        if isinstance(repl, str):
            return self._scan('sub', string, template, count)
        return self._subn_call(repl, string, count)

    def _subn_call(self, repl, string, count):
        pieces = []
        last = 0
        n = 0
        for spans in self._scan('spans', string, 0, len(string), count):
            m = Match(self, string, 0, len(string), spans)
            if m.start() > last:
                pieces.append(string[last:m.start()])
            piece = repl(m)
            if piece is not None:
                if not isinstance(piece, str):
                    # Worded as the join CPython does at the end.
                    raise TypeError('sequence item %d: expected str instance, %s found'
                                    % (len(pieces), type(piece).__name__))
                pieces.append(piece)
            last = m.end()
            n += 1
        pieces.append(string[last:])
        return (''.join(pieces), n)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


def _clamp(index, length):
    if index < 0:
        return 0
    if index > length:
        return length
    return index


def _check_subject(value):
    name = type(value).__name__
    if name == 'bytes' or name == 'bytearray' or name == 'memoryview':
        raise TypeError("gilvm's re does not support bytes patterns or subjects yet")
    raise TypeError("expected string or bytes-like object, got '%s'" % name)


class _MatchIterator:
    """finditer's iterator: successive matches, an empty one never twice at a place."""

    def __init__(self, pattern, string, pos, endpos):
        if not isinstance(string, str):
            _check_subject(string)
        n = len(string)
        self._pattern = pattern
        self._string = string
        self._pos = min(max(pos, 0), n)
        self._endpos = min(max(endpos, 0), n)
        self._first_pos = self._pos   # what each Match reports as .pos, as in CPython
        self._code = pattern._code_for(self._endpos)
        problem = self._code.check_subject(string, self._pos, self._endpos)
        if problem is not None:
            raise error(problem)
        # 8: the subject is checked; 3 after an empty match (see stdlib/re.cc).
        self._mode = 8
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        m = self._next()
        if m is None:
            raise StopIteration
        return m

    def _next(self):
        if self._done or self._pos > self._endpos:
            return None
        spans = self._code.match(self._string, self._pos, self._endpos, self._mode)
        if spans is None:
            self._done = True
            return None
        if isinstance(spans, str):
            self._done = True
            raise error(spans)
        m = Match(self._pattern, self._string, self._pos, self._endpos, spans)
        m.pos = self._first_pos
        self._mode = 11 if spans[0] == spans[1] else 8
        self._pos = spans[1]
        return m


# ---------------------------------------------------------------- Match

class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group <= self.re.groups:
                return group
        elif isinstance(group, str):
            if group in self.re._groupindex:
                return self.re._groupindex[group]
        raise IndexError('no such group')

    def _get(self, index, default=None):
        start = self._spans[2 * index]
        if start < 0:
            return default
        return self.string[start:self._spans[2 * index + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple([self._get(self._index(g)) for g in groups])

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        result = {}
        for name in self.re._groupindex:
            result[name] = self._get(self.re._groupindex[name], default)
        return result

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple([(self._spans[2 * i], self._spans[2 * i + 1])
                      for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        # The group whose ')' was passed last: the one ending furthest, and among
        # those the one whose ')' comes last in the pattern.
        best = None
        best_end = -1
        for number in self.re._closing_order:
            end = self._spans[2 * number + 1]
            if self._spans[2 * number] >= 0 and end >= best_end:
                best = number
                best_end = end
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        return self.re._names.get(index)

    def expand(self, template):
        return _expand(self, _parse_template(template, self.re))

    def __repr__(self):
        # CPython shows at most 50 characters of the matched text's repr.
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            self._spans[0], self._spans[1], repr(self.group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---------------------------------------------------------------- templates

def _parse_template(template, pattern):
    """A replacement string as a list of literal strs and group numbers (ints)."""
    if not isinstance(template, str):
        _check_subject(template)
    parts = []
    literal = []
    i = 0
    n = len(template)
    while i < n:
        ch = template[i]
        if ch != '\\':
            literal.append(ch)
            i += 1
            continue
        here = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', template, here)
        ch = template[i]
        i += 1
        group = None
        if ch == 'g':
            group, i = _template_group(template, pattern, i)
        elif ch == '0':
            j = i
            while j < n and j < i + 2 and template[j] in _OCTDIGITS:
                j += 1
            literal.append(chr(int(template[i - 1:j], 8)))
            i = j
        elif ch in _DIGITS:
            digits = ch
            if i < n and template[i] in _DIGITS:
                if ch in _OCTDIGITS and template[i] in _OCTDIGITS and i + 1 < n and \
                        template[i + 1] in _OCTDIGITS:
                    value = int(template[i - 1:i + 2], 8)
                    if value > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % template[i - 1:i + 2], template, here)
                    literal.append(chr(value))
                    i += 2
                    continue
                digits += template[i]
                i += 1
            group = int(digits)
            if group > pattern.groups:
                raise error('invalid group reference %d' % group, template, here + 1)
        elif ch in _SIMPLE_ESCAPES:
            literal.append(_SIMPLE_ESCAPES[ch])
        elif ch in _ASCIILETTERS:
            raise error('bad escape \\' + ch, template, here)
        else:
            literal.append('\\' + ch)
        if group is not None:
            if literal:
                parts.append(''.join(literal))
                literal = []
            parts.append(group)
    if literal or not parts:
        parts.append(''.join(literal))
    return parts


def _template_group(template, pattern, i):
    """\\g<...> after the 'g': (group number, index after '>')."""
    if i >= len(template) or template[i] != '<':
        raise error('missing <', template, i)
    end = template.find('>', i + 1)
    if end < 0:
        if i + 1 >= len(template):
            raise error('missing group name', template, i + 1)
        raise error('missing >, unterminated name', template, i + 1)
    name = template[i + 1:end]
    if not name:
        raise error('missing group name', template, i + 1)
    if name.isdigit() and name.isascii():
        number = int(name)
        if number > pattern.groups:
            raise error('invalid group reference %d' % number, template, i + 1)
        return number, end + 1
    if not name.isidentifier():
        raise error("bad character in group name '%s'" % name, template, i + 1)
    if name not in pattern._groupindex:
        raise IndexError("unknown group name '%s'" % name)
    return pattern._groupindex[name], end + 1


def _expand(m, parts):
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            value = m._get(part)
            if value is not None:
                out.append(value)
    return ''.join(out)


# ---------------------------------------------------------------- module API

_MAXCACHE = 512
_cache = {}


def _compile(pattern, flags):
    flags = _flag_value(flags)
    if not isinstance(flags, int):
        raise TypeError("unsupported operand type(s) for &: '%s' and 'int'" % type(flags).__name__)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        name = type(pattern).__name__
        if name == 'bytes' or name == 'bytearray':
            raise TypeError("gilvm's re does not support bytes patterns yet")
        raise TypeError('first argument must be string or compiled pattern')
    key = (pattern, flags)
    if key in _cache:
        return _cache[key]
    if flags & 4:
        raise ValueError('cannot use LOCALE flag with a str pattern')
    if flags & 128:
        # CPython prints its parse tree; gilvm has no such tree to show.
        raise _unsupported('re.DEBUG')
    if flags & 256 and flags & 32:
        raise ValueError('ASCII and UNICODE flags are incompatible')
    compiled = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        # Drop the oldest entry (dicts keep insertion order).
        del _cache[next(iter(_cache))]
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


# The characters escape() backslashes: those with a meaning somewhere in a pattern.
_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    if not isinstance(pattern, str):
        _check_subject(pattern)
    out = []
    for ch in pattern:
        if ch in _SPECIAL:
            out.append('\\')
        out.append(ch)
    return ''.join(out)
