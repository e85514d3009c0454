# _structseq: the named-tuple-like result types of native modules (time.struct_time,
# sys.version_info, sys.float_info, sys.int_info), written in Python for gilvm.
#
# CPython's are tuple subclasses; gilvm has no subclasses of built-in types yet, so these
# classes hold a tuple and forward indexing, len, iteration, comparisons and hashing to it.
# Invariants: _values holds the first _n_seq fields (what indexing sees); fields past it
# (struct_time's tm_zone and tm_gmtoff) are attributes only, None when not given.


class _StructSeq:
    _fields = ()
    _n_seq = 0
    _type_name = ''

    def __init__(self, seq):
        values = tuple(seq)
        n = len(values)
        if n < self._n_seq:
            raise TypeError('%s() takes an at least %d-sequence (%d-sequence given)'
                            % (self._type_name, self._n_seq, n))
        if n > len(self._fields):
            raise TypeError('%s() takes an at most %d-sequence (%d-sequence given)'
                            % (self._type_name, len(self._fields), n))
        self._values = values[:self._n_seq]
        extra = list(values[self._n_seq:])
        while len(extra) < len(self._fields) - self._n_seq:
            extra.append(None)
        self._extra = tuple(extra)

    def _field(self, i):
        if i < self._n_seq:
            return self._values[i]
        return self._extra[i - self._n_seq]

    def __getitem__(self, index):
        return self._values[index]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, value):
        return value in self._values

    def _other(self, other):
        if isinstance(other, _StructSeq):
            return other._values
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._values == o

    def __ne__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._values != o

    def __lt__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._values < o

    def __le__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._values <= o

    def __gt__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._values > o

    def __ge__(self, other):
        o = self._other(other)
        if o is None:
            return NotImplemented
        return self._values >= o

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + other

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    def __repr__(self):
        parts = []
        for i in range(self._n_seq):
            parts.append('%s=%r' % (self._fields[i], self._values[i]))
        return '%s(%s)' % (self._type_name, ', '.join(parts))


def _install_fields(cls):
    # One read-only property per field name.
    for i in range(len(cls._fields)):
        setattr(cls, cls._fields[i], property(_getter(i)))


def _getter(i):
    def get(self):
        return self._field(i)
    return get


class struct_time(_StructSeq):
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
               'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff')
    _n_seq = 9
    _type_name = 'time.struct_time'
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0


class version_info(_StructSeq):
    _fields = ('major', 'minor', 'micro', 'releaselevel', 'serial')
    _n_seq = 5
    _type_name = 'sys.version_info'


class float_info(_StructSeq):
    _fields = ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig',
               'mant_dig', 'epsilon', 'radix', 'rounds')
    _n_seq = 11
    _type_name = 'sys.float_info'


class int_info(_StructSeq):
    _fields = ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
               'str_digits_check_threshold')
    _n_seq = 4
    _type_name = 'sys.int_info'


class flags(_StructSeq):
    _fields = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
               'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning',
               'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
               'warn_default_encoding', 'safe_path', 'int_max_str_digits')
    _n_seq = 18
    _type_name = 'sys.flags'


_install_fields(struct_time)
_install_fields(version_info)
_install_fields(float_info)
_install_fields(int_info)
_install_fields(flags)


class _Implementation:
    # sys.implementation: a plain namespace in CPython (types.SimpleNamespace).
    def __init__(self, name, version, hexversion, cache_tag):
        self.name = name
        self.version = version
        self.hexversion = hexversion
        self.cache_tag = cache_tag
        self._multiarch = 'x86_64-linux-gnu'

    def __repr__(self):
        return ('namespace(name=%r, cache_tag=%r, version=%r, hexversion=%d, _multiarch=%r)'
                % (self.name, self.cache_tag, self.version, self.hexversion, self._multiarch))
