"""String constants, capwords and Template for gilvm (the `string` module), in Python.

Follows CPython 3.11's string module. Template's placeholders are found by a hand-written
scanner instead of a regular expression (gilvm's re module is not there yet); it accepts
exactly what CPython's default pattern accepts: `$$`, `$identifier` and `${identifier}`, with
ASCII identifiers. A subclass may change `delimiter`; a subclass that changes `idpattern`,
`braceidpattern`, `flags` or `pattern` needs re and raises NotImplementedError.
Formatter is not provided.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits s on sep (whitespace runs if None), capitalizes each word, joins with sep or ' '."""
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'


def _identifier_end(s, i):
    """The end of the ASCII identifier starting at s[i], or i if there is none."""
    n = len(s)
    if i >= n or s[i] not in _ID_START:
        return i
    i += 1
    while i < n and s[i] in _ID_CHARS:
        i += 1
    return i


class _Placeholder:
    """One match of the delimiter: kind is 'escaped', 'named', 'braced' or 'invalid'; the
    placeholder spans template[start:end]; name is the identifier (named and braced)."""

    def __init__(self, kind, start, end, name):
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name


class Template:
    """A string with $-placeholders: substitute() fills them from a mapping and keywords."""
    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        """Every delimiter match in the template, in order, as CPython's pattern finds them."""
        cls = type(self)
        if (cls.idpattern != _DEFAULT_IDPATTERN or cls.braceidpattern is not None
                or 'pattern' in cls.__dict__ or 'flags' in cls.__dict__):
            raise NotImplementedError('Template subclasses with a custom pattern need the re '
                                      'module, which gilvm does not have yet')
        s, delim = self.template, self.delimiter
        found = []
        i = s.find(delim)
        while i >= 0:
            p = self._match_at(s, i, i + len(delim))
            found.append(p)
            i = s.find(delim, p.end if p.end > i else i + 1)
        return found

    def _match_at(self, s, start, after):
        delim = self.delimiter
        if s.startswith(delim, after):
            return _Placeholder('escaped', start, after + len(delim), None)
        end = _identifier_end(s, after)
        if end > after:
            return _Placeholder('named', start, end, s[after:end])
        if s.startswith('{', after):
            end = _identifier_end(s, after + 1)
            if end > after + 1 and s.startswith('}', end):
                return _Placeholder('braced', start, end + 1, s[after + 1:end])
        return _Placeholder('invalid', start, after, None)

    def _invalid(self, p):
        i = p.end
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _fill(self, mapping, kws, safe):
        if kws:
            if mapping is None:
                mapping = kws
            else:
                mapping = _Chain(kws, mapping)
        elif mapping is None:
            mapping = {}
        s = self.template
        parts = []
        pos = 0
        for p in self._placeholders():
            parts.append(s[pos:p.start])
            pos = p.end
            if p.kind == 'escaped':
                parts.append(self.delimiter)
            elif p.kind == 'invalid':
                if not safe:
                    self._invalid(p)
                parts.append(s[p.start:p.end])
            elif safe:
                try:
                    parts.append(str(mapping[p.name]))
                except KeyError:
                    parts.append(s[p.start:p.end])
            else:
                parts.append(str(mapping[p.name]))
        parts.append(s[pos:])
        return ''.join(parts)

    def substitute(self, mapping=None, /, **kws):
        return self._fill(mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._fill(mapping, kws, True)

    def is_valid(self):
        for p in self._placeholders():
            if p.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for p in self._placeholders():
            if p.name is not None and p.name not in ids:
                ids.append(p.name)
        return ids


class _Chain:
    """Looks a key up in `first`, then in `second` (keywords override the mapping)."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]
