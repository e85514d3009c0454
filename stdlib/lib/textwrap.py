# textwrap: wrapping and filling paragraphs, shortening, dedent and indent.
#
# Written in Python for gilvm. CPython splits text into chunks with a regular expression that
# uses lookbehind, which RE2 (gilvm's re) lacks, so _split_words scans the text by hand with the
# same rules: whitespace runs; words broken after a hyphen that follows two letters (or a
# letter-hyphen-letter) and precedes letters; em-dashes (two or more '-') between words.
# Results are CPython's, chunk for chunk.

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _is_ws(c):
    return c in _whitespace


def _is_letter(c):
    return c.isalpha()


def _is_word_char(c):
    return c.isalnum() or c == '_'


def _is_wp(c):
    # The characters an em-dash may follow.
    return _is_word_char(c) or c in '!"\'&.,?'


def _dash_run_then_word(text, j):
    # True when text[j:] starts with two or more '-' followed by a word character.
    k = j
    while k < len(text) and text[k] == '-':
        k += 1
    return k - j >= 2 and k < len(text) and _is_word_char(text[k])


def _hyphen_break(text, j):
    # True when the '-' at text[j] ends a chunk: after two letters or letter-hyphen-letter,
    # and before letter, optional '-', letter.
    before = (j >= 2 and _is_letter(text[j - 2]) and _is_letter(text[j - 1])) or \
             (j >= 3 and _is_letter(text[j - 3]) and text[j - 2] == '-' and _is_letter(text[j - 1]))
    if not before:
        return False
    k = j + 1
    if k >= len(text) or not _is_letter(text[k]):
        return False
    k += 1
    if k < len(text) and text[k] == '-':
        k += 1
    return k < len(text) and _is_letter(text[k])


def _split_words(text):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        if _is_ws(text[i]):
            j = i
            while j < n and _is_ws(text[j]):
                j += 1
        elif text[i] == '-' and i > 0 and _is_wp(text[i - 1]) and _dash_run_then_word(text, i):
            j = i
            while text[j] == '-':
                j += 1
        else:
            j = i + 1
            while True:
                if j >= n or _is_ws(text[j]):
                    break
                if text[j] == '-' and _hyphen_break(text, j):
                    j += 1
                    break
                if _is_wp(text[j - 1]) and _dash_run_then_word(text, j):
                    break
                j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _split_simple(text):
    chunks = []
    i = 0
    n = len(text)
    while i < n:
        j = i
        ws = _is_ws(text[i])
        while j < n and _is_ws(text[j]) == ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


class TextWrapper:
    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for c in '\t\n\x0b\x0c\r':
                text = text.replace(c, ' ')
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        # A sentence end is a word ending in '.', '!' or '?' (optionally quoted) after a
        # lowercase letter, followed by a single space: make that space two.
        i = 0
        while i < len(chunks) - 1:
            word = chunks[i]
            if chunks[i + 1] == " " and _ends_sentence(word):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-') != '':
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = 0
                for c in cur_line:
                    cur_len += len(c)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    self._add_placeholder(lines, cur_line, cur_len, width, indent)
                    break
        return lines

    def _add_placeholder(self, lines, cur_line, cur_len, width, indent):
        while cur_line:
            if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                cur_line.append(self.placeholder)
                lines.append(indent + ''.join(cur_line))
                return
            cur_len -= len(cur_line[-1])
            del cur_line[-1]
        if lines:
            prev_line = lines[-1].rstrip()
            if len(prev_line) + len(self.placeholder) <= self.width:
                lines[-1] = prev_line + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def _ends_sentence(word):
    # [a-z][.!?]["']? at the end of the word.
    if word and word[-1] in '"\'':
        word = word[:-1]
    return len(word) >= 2 and word[-1] in '.!?' and 'a' <= word[-2] <= 'z'


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _leading_blank(line):
    # The leading spaces and tabs of a line.
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    lines = text.split('\n')
    margin = None
    for i in range(len(lines)):
        line = lines[i]
        lead = _leading_blank(line)
        if len(lead) == len(line):
            lines[i] = ''        # whitespace-only lines are normalized to empty
            continue
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        for i in range(len(lines)):
            if lines[i].startswith(margin):
                lines[i] = lines[i][len(margin):]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    out = []
    for line in text.splitlines(True):
        if predicate is None:
            keep = line.strip() != ''
        else:
            keep = predicate(line)
        if keep:
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
