# _strptime: time.strptime for gilvm (C locale), written in Python; time.cc calls
# _strptime_time(data_string, format).
#
# Supported directives: %Y %y %m %d %H %I %M %S %f %p %b %B %h %a %A %j %% and whitespace
# (which matches any run of whitespace, as in CPython). Others raise ValueError naming the
# directive as CPython words it ("'q' is a bad directive in format '%q'").
# Invariants: fields not given default as CPython's do (1900-01-01 00:00:00); the weekday and
# day of the year are computed from the date; tm_isdst is -1.

from _structseq import struct_time

_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
_FULLMONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
               'september', 'october', 'november', 'december']
_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
_FULLDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_WIDTHS = {'Y': 4, 'y': 2, 'm': 2, 'd': 2, 'H': 2, 'I': 2, 'M': 2, 'S': 2, 'f': 6, 'j': 3}
_RANGES = {'m': (1, 12), 'd': (1, 31), 'H': (0, 23), 'I': (1, 12), 'M': (0, 59), 'S': (0, 61),
           'j': (1, 366)}


class _NoMatch(Exception):
    pass


def _digits(s, i, width):
    j = i
    while j < len(s) and j - i < width and '0' <= s[j] <= '9':
        j += 1
    if j == i:
        raise _NoMatch()
    return int(s[i:j]), j


def _name(s, i, names):
    # The longest name matching at i (case-insensitive): (index, end).
    low = s[i:].lower()
    best = -1
    for k in range(len(names)):
        if low.startswith(names[k]) and (best < 0 or len(names[k]) > len(names[best])):
            best = k
    if best < 0:
        raise _NoMatch()
    return best, i + len(names[best])


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _ordinal(y, m, d):
    before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    days = before[m - 1] + d
    if m > 2 and _is_leap(y):
        days += 1
    return days


def _weekday(y, m, d):
    # Monday is 0; days since 0001-01-01 (a Monday).
    p = y - 1
    n = p * 365 + p // 4 - p // 100 + p // 400 + _ordinal(y, m, d) - 1
    return n % 7


def _parse(data, fmt):
    f = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0, 'f': 0}
    i = 0
    k = 0
    while k < len(fmt):
        c = fmt[k]
        if c == '%':
            if k + 1 >= len(fmt):
                raise ValueError("stray % in format '%s'" % fmt)
            d = fmt[k + 1]
            k += 2
            if d == '%':
                if i >= len(data) or data[i] != '%':
                    raise _NoMatch()
                i += 1
            elif d in _WIDTHS:
                if d in 'dI' and data[i:i + 1] == ' ':
                    i += 1      # CPython's patterns accept ' 5' for %d and %I
                v, i = _digits(data, i, _WIDTHS[d])
                if d in _RANGES and not _RANGES[d][0] <= v <= _RANGES[d][1]:
                    raise _NoMatch()
                if d == 'y':
                    d, v = 'Y', v + (1900 if v >= 69 else 2000)
                f[d] = v
            elif d == 'p':
                v, i = _name(data, i, ['am', 'pm'])
                f['p'] = v
            elif d == 'b' or d == 'h' or d == 'B':
                v, i = _name(data, i, _FULLMONTHS if d == 'B' else _MONTHS)
                f['m'] = v + 1
            elif d == 'a' or d == 'A':
                v, i = _name(data, i, _FULLDAYS if d == 'A' else _DAYS)
                f['w'] = v
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, fmt))
        elif c.isspace():
            k += 1
            while k < len(fmt) and fmt[k].isspace():
                k += 1
            while i < len(data) and data[i].isspace():
                i += 1
        else:
            if i >= len(data) or data[i].lower() != c.lower():
                raise _NoMatch()
            i += 1
            k += 1
    return f, i


def _strptime_time(data_string, format='%a %b %d %H:%M:%S %Y'):
    # CPython's wording: arguments counted from 0, the type shown as its repr.
    for index, value in ((0, data_string), (1, format)):
        if not isinstance(value, str):
            raise TypeError('strptime() argument %d must be str, not %s' % (index, type(value)))
    try:
        f, end = _parse(data_string, format)
    except _NoMatch:
        raise ValueError('time data %r does not match format %r' % (data_string, format)) from None
    if end != len(data_string):
        raise ValueError('unconverted data remains: %s' % data_string[end:])
    hour = f['H']
    if 'I' in f:
        hour = f['I'] % 12
        if f.get('p') == 1:
            hour += 12
    y, m, d = f['Y'], f['m'], f['d']
    month_days = [31, 29 if _is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if d > month_days[m - 1]:
        raise ValueError('day is out of range for month')
    yday = f['j'] if 'j' in f else _ordinal(y, m, d)
    return struct_time((y, m, d, hour, f['M'], f['S'], _weekday(y, m, d), yday, -1, None, None))
