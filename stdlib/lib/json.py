"""JSON encoding and decoding for gilvm (the `json` module): the API, the options and the
errors in Python, the scanning and writing in the native module _json (stdlib/json.cc), as
CPython's json uses its C accelerator.

The output and the errors follow CPython 3.11's json module (with its C accelerator, which is
what CPython uses by default): the same separators and escapes, the same float reprs, and
JSONDecodeError with the same messages and positions.

Invariants and limits:
  - CPython's json is a package (json.encoder, json.decoder); gilvm embeds one flat module, so
    the classes say `json.encoder` / `json.decoder` through their __module__ only.
  - gilvm ints are 64-bit: a JSON integer outside that range raises OverflowError naming the
    limitation, where CPython would return a big int.
  - JSONEncoder.iterencode returns an iterator over one chunk, the whole text, and dump()
    writes it with one write() call where CPython writes many small chunks.
  - bytes input to loads() is not supported yet (gilvm has no bytes type).
"""

import _json

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


# ---------------------------------------------------------------------------------------------
# Errors


class JSONDecodeError(ValueError):
    """A ValueError that also says where the document went wrong.

    msg: the bare message; doc: the document; pos: the index of the error in doc;
    lineno, colno: the 1-based line and column of pos.
    """
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---------------------------------------------------------------------------------------------
# Encoding

# Quoting and escaping a str: the short escapes, \u00XX for the other control characters,
# and with ensure_ascii everything outside printable ASCII as \uXXXX (surrogate pairs outside
# the BMP), in lowercase as CPython writes them.
_encode_str = _json.encode_str


class JSONEncoder:
    """Turns Python values into JSON text.

    dict -> object, list and tuple -> array, str -> string, int and float -> number,
    True/False -> true/false, None -> null. Anything else goes through default(), which a
    subclass overrides to return something encodable (the base one raises TypeError).
    """
    __module__ = 'json.encoder'
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            # With one item per line, a space after the comma would only trail.
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, bool(self.ensure_ascii))
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        # The flags are passed as bools: any truthy value counts, as in CPython.
        return iter([_json.encode(o, self.default, bool(self.check_circular),
                                  bool(self.ensure_ascii), bool(self.allow_nan),
                                  bool(self.sort_keys), bool(self.skipkeys), indent,
                                  self.item_separator, self.key_separator)])


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """obj as a JSON string."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None and not sort_keys
            and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Writes obj as JSON text to fp, anything with a write(str) method."""
    if cls is None:
        cls = JSONEncoder
    enc = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
              allow_nan=allow_nan, indent=indent, separators=separators, default=default,
              sort_keys=sort_keys, **kw)
    for chunk in enc.iterencode(obj):
        fp.write(chunk)


# ---------------------------------------------------------------------------------------------
# Decoding

_WHITESPACE = ' \t\n\r'


def _skip_ws(s, i, n):
    while i < n and s[i] in _WHITESPACE:
        i += 1
    return i


_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': -float('inf')}


def _unless(hook, default):
    return None if hook is default else hook


class JSONDecoder:
    """Turns JSON text into Python values (object -> dict, array -> list, and so on).

    object_hook(dict) and object_pairs_hook(list of pairs) replace decoded objects (the pairs
    hook wins when both are given); parse_float, parse_int and parse_constant receive the text
    of numbers and of NaN/Infinity/-Infinity. strict=False allows control characters in strings.
    """
    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        # The scanner is told only about the hooks that change something (None: the default).
        self._hooks = (object_hook, object_pairs_hook, _unless(self.parse_float, float),
                       _unless(self.parse_int, int), parse_constant)

    def decode(self, s):
        n = len(s)
        obj, end = self.raw_decode(s, _skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes the one value that starts at s[idx]; returns (value, index after it)."""
        if idx < 0:
            raise JSONDecodeError('Expecting value', s, idx)
        # The scanner is native (stdlib/json.cc); it reports syntax errors as (None, msg, pos).
        r = _json.scan(s, idx, bool(self.strict), *self._hooks)
        if len(r) == 3:
            raise JSONDecodeError(r[1], s, r[2])
        return r


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document s (a str)."""
    if not isinstance(s, str):
        raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                        % s.__class__.__name__)
    if s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document read from fp, anything with a read() method."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


# ---------------------------------------------------------------------------------------------
# json.decoder and json.encoder
#
# CPython's json is a package, and code often names `json.decoder.JSONDecodeError`. gilvm
# embeds one flat module, so these two attributes are plain namespaces holding the names that
# live in those submodules; `import json.decoder` itself is not supported.


class _Namespace:
    def __init__(self, name, **names):
        self.__name__ = name
        self.__dict__.update(names)

    def __repr__(self):
        return "<module '%s'>" % self.__name__


decoder = _Namespace('json.decoder', JSONDecoder=JSONDecoder, JSONDecodeError=JSONDecodeError)
encoder = _Namespace('json.encoder', JSONEncoder=JSONEncoder)
