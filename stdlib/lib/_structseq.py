# _structseq: the named-tuple-like result types of native modules (time.struct_time,
# sys.version_info, sys.float_info, sys.int_info), written in Python for gilvm.
#
# As in CPython they are tuple subclasses: the tuple holds the first _n_seq fields (what
# indexing, len, iteration, comparison and hashing see); fields past it (struct_time's tm_zone
# and tm_gmtoff) live in _extra, attributes only, None when not given.


class _StructSeq(tuple):
    _fields = ()
    _n_seq = 0
    _type_name = ''

    def __new__(cls, seq):
        values = tuple(seq)
        n = len(values)
        if n < cls._n_seq:
            raise TypeError('%s() takes an at least %d-sequence (%d-sequence given)'
                            % (cls._type_name, cls._n_seq, n))
        if n > len(cls._fields):
            raise TypeError('%s() takes an at most %d-sequence (%d-sequence given)'
                            % (cls._type_name, len(cls._fields), n))
        self = tuple.__new__(cls, values[:cls._n_seq])
        extra = list(values[cls._n_seq:])
        while len(extra) < len(cls._fields) - cls._n_seq:
            extra.append(None)
        self._extra = tuple(extra)
        return self

    def _field(self, i):
        if i < self._n_seq:
            return self[i]
        return self._extra[i - self._n_seq]

    def __repr__(self):
        parts = []
        for i in range(self._n_seq):
            parts.append('%s=%r' % (self._fields[i], self[i]))
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
