# datetime: dates, times, datetimes, timedeltas and fixed-offset time zones (the basics).
#
# Written in Python for gilvm. Invariants:
#  - timedelta is kept normalized as CPython keeps it: 0 <= seconds < 86400,
#    0 <= microseconds < 1000000, |days| <= 999999999; arithmetic is done on (days, seconds,
#    microseconds) so that nothing exceeds 64-bit ints (gilvm has no big integers).
#  - date ordinals are proleptic Gregorian, day 1 = 0001-01-01, as CPython's toordinal().
#  - strftime is implemented here for the C locale (no dependence on the time module).
# Limitations: only timezone (fixed offsets) as tzinfo implementation; naive local time
# conversions (timestamp(), fromtimestamp() without tz) use the time module's localtime;
# error messages for unsupported operands name the class as 'date', not 'datetime.date'.

import time as _time
from _structseq import _StructSeq, _install_fields

__all__ = ['date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR']

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    # Walks 400-, 100-, 4- and 1-year cycles, as the proleptic Gregorian calendar repeats.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return method(value)


def _check_date_fields(year, month, day):
    year = _check_int(year)
    month = _check_int(month)
    day = _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _check_int(hour)
    minute = _check_int(minute)
    second = _check_int(second)
    microsecond = _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _cmp(x, y):
    if x == y:
        return 0
    if x > y:
        return 1
    return -1


def _round_half_even(x):
    # round() of a float to an int, ties to even (as CPython's timedelta uses).
    return int(round(x))


# ------------------------------------------------------------------------------ timedelta

class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                 weeks=0):
        for v in (days, seconds, microseconds, milliseconds, minutes, hours, weeks):
            if not isinstance(v, int) and not isinstance(v, float):
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (_component_name(v, days, seconds, microseconds, milliseconds,
                                                   minutes, hours, weeks), type(v).__name__))
        d = 0
        s = 0
        us = 0
        # Whole parts exactly as ints, fractional parts as float seconds/microseconds.
        frac_us = 0.0
        for value, per_day_us, unit in ((weeks, 604800 * 10**6, 'w'), (days, 86400 * 10**6, 'd'),
                                        (hours, 3600 * 10**6, 'h'), (minutes, 60 * 10**6, 'm'),
                                        (seconds, 10**6, 's'), (milliseconds, 1000, 'ms'),
                                        (microseconds, 1, 'us')):
            if isinstance(value, float):
                whole = int(value)
                frac_us += (value - whole) * per_day_us
                value = whole
            if unit == 'w':
                d += value * 7
            elif unit == 'd':
                d += value
            elif unit == 'h':
                s += value * 3600
            elif unit == 'm':
                s += value * 60
            elif unit == 's':
                s += value
            elif unit == 'ms':
                us += value * 1000
            else:
                us += value
        extra = _round_half_even(frac_us)
        us += extra
        q, us = divmod(us, 1000000)
        s += q
        q, s = divmod(s, 86400)
        d += q
        if abs(d) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
        self._days = d
        self._seconds = s
        self._microseconds = us

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return (self._days * 86400 + self._seconds) + self._microseconds / 10**6 \
            if abs(self._days) > 100000 else \
            ((self._days * 86400 + self._seconds) * 10**6 + self._microseconds) / 10**6

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return 'datetime.timedelta(%s)' % ', '.join(args)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            plural = ''
            if abs(self._days) != 1:
                plural = 's'
            s = '%d day%s, ' % (self._days, plural) + s
        if self._microseconds:
            s = s + '.%06d' % self._microseconds
        return s

    def _to_us_pair(self):
        return self._days, self._seconds * 1000000 + self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(self._days + other._days, self._seconds + other._seconds,
                             self._microseconds + other._microseconds)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(self._days - other._days, self._seconds - other._seconds,
                             self._microseconds - other._microseconds)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta(-self._days, -self._seconds, -self._microseconds)

    def __pos__(self):
        return self

    def __abs__(self):
        if self._days < 0:
            return -self
        return self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta(self._days * other, self._seconds * other, self._microseconds * other)
        if isinstance(other, float):
            us = ((self._days * 86400 + self._seconds) * 1000000 + self._microseconds) * other
            return timedelta(0, 0, _round_half_even(us))
        return NotImplemented

    def __rmul__(self, other):
        return self.__mul__(other)

    def _as_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if other._as_us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return self._as_us() // other._as_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta(0, 0, self._as_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            if other._as_us() == 0:
                raise ZeroDivisionError('division by zero')
            return self._as_us() / other._as_us()
        if isinstance(other, int) or isinstance(other, float):
            if other == 0:
                if isinstance(other, int):
                    raise ZeroDivisionError('integer division or modulo by zero')
                raise ZeroDivisionError('float division by zero')
            return timedelta(0, 0, _round_half_even(self._as_us() / other))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if other._as_us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return timedelta(0, 0, self._as_us() % other._as_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if other._as_us() == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(self._as_us(), other._as_us())
            return q, timedelta(0, 0, r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0


def _component_name(v, days, seconds, microseconds, milliseconds, minutes, hours, weeks):
    names = ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks']
    values = [days, seconds, microseconds, milliseconds, minutes, hours, weeks]
    for i in range(len(values)):
        if values[i] is v:
            return names[i]
    return 'days'


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ------------------------------------------------------------------------------ strftime

def _strftime(fmt, year, month, day, hour, minute, second, microsecond, weekday, yday, utcoffset,
              tzname):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        d = fmt[i + 1]
        i += 2
        if d == 'Y':
            out.append('%d' % year if year >= 1000 else '%d' % year)
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'm':
            out.append('%02d' % month)
        elif d == 'd':
            out.append('%02d' % day)
        elif d == 'e':
            out.append('%2d' % day)
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'I':
            out.append('%02d' % ((hour + 11) % 12 + 1))
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'S':
            out.append('%02d' % second)
        elif d == 'f':
            out.append('%06d' % microsecond)
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'a':
            out.append(_DAYNAMES[weekday])
        elif d == 'A':
            out.append(_FULLDAYNAMES[weekday])
        elif d == 'w':
            out.append('%d' % ((weekday + 1) % 7))
        elif d == 'u':
            out.append('%d' % (weekday + 1))
        elif d == 'b' or d == 'h':
            out.append(_MONTHNAMES[month])
        elif d == 'B':
            out.append(_FULLMONTHNAMES[month])
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'U':
            out.append('%02d' % ((yday + 6 - (weekday + 1) % 7) // 7))
        elif d == 'W':
            out.append('%02d' % ((yday + 6 - weekday) // 7))
        elif d == 'z':
            out.append(_format_offset(utcoffset, '') if utcoffset is not None else '')
        elif d == 'Z':
            out.append(tzname if tzname is not None else '')
        elif d == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[weekday], _MONTHNAMES[month], day,
                                                        hour, minute, second, year))
        elif d == 'x':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'X':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'D':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif d == 'T':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


def _format_offset(off, sep=':'):
    # '+HH:MM[:SS[.ffffff]]' for a timedelta offset.
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    mm, ss = divmod(off.seconds, 60)
    hh, mm = divmod(mm, 60)
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or off.microseconds:
        s += '%s%02d' % (sep, ss)
        if off.microseconds:
            s += '.%06d' % off.microseconds
    return s


# ------------------------------------------------------------------------------ date

class date:
    def __init__(self, year, month, day):
        year, month, day = _check_date_fields(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= 3652059:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        t = _time.localtime(_time.time())
        return cls(t[0], t[1], t[2])

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = _parse_isoformat_date(date_string)
        if ymd is None:
            raise ValueError('Invalid isoformat string: %r' % date_string)
        return cls(ymd[0], ymd[1], ymd[2])

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1monday = _iso_week1_monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _iso_week1_monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _iso_week1_monday(year + 1):
                year += 1
                week = 0
        return IsoCalendarDate((year, week + 1, day + 1))

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  _date_yday(self._year, self._month, self._day), -1))

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return 'datetime.date(%d, %d, %d)' % (self._year, self._month, self._day)

    def ctime(self):
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[self.weekday()], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, self.weekday(),
                         _date_yday(self._year, self._month, self._day), None, None)

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError('must be str, not %s' % type(spec).__name__)
        if spec:
            return self.strftime(spec)
        return str(self)

    def _date_key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and \
                not isinstance(self, datetime):
            return self._date_key() == other._date_key()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _cmp_check(self, other):
        return isinstance(other, date) and not isinstance(other, datetime) and \
            not isinstance(self, datetime)

    def __lt__(self, other):
        if self._cmp_check(other):
            return self._date_key() < other._date_key()
        return NotImplemented

    def __le__(self, other):
        if self._cmp_check(other):
            return self._date_key() <= other._date_key()
        return NotImplemented

    def __gt__(self, other):
        if self._cmp_check(other):
            return self._date_key() > other._date_key()
        return NotImplemented

    def __ge__(self, other):
        if self._cmp_check(other):
            return self._date_key() >= other._date_key()
        return NotImplemented

    def __hash__(self):
        return hash(self._date_key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= 3652059:
                return type(self).fromordinal(o)
            raise OverflowError('date value out of range')
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


def _date_yday(year, month, day):
    return _days_before_month(year, month) + day


class IsoCalendarDate(_StructSeq):
    # What date.isocalendar() returns (a tuple subclass in CPython).
    _fields = ('year', 'week', 'weekday')
    _n_seq = 3
    _type_name = 'datetime.IsoCalendarDate'


_install_fields(IsoCalendarDate)


def _iso_week1_monday(year):
    first = _days_before_year(year) + 1
    firstweekday = (first + 6) % 7
    week1monday = first - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


def _parse_digits(s, n):
    # An int from exactly n ASCII digits, or None.
    if len(s) != n:
        return None
    for c in s:
        if not '0' <= c <= '9':
            return None
    return int(s)


def _parse_isoformat_date(s):
    if len(s) == 10 and s[4] == '-' and s[7] == '-':
        y, m, d = _parse_digits(s[0:4], 4), _parse_digits(s[5:7], 2), _parse_digits(s[8:10], 2)
    elif len(s) == 8:
        y, m, d = _parse_digits(s[0:4], 4), _parse_digits(s[4:6], 2), _parse_digits(s[6:8], 2)
    else:
        return None
    if y is None or m is None or d is None:
        return None
    return y, m, d


def _parse_isoformat_time(s):
    # 'HH[:MM[:SS[.fff[fff]]]]' plus an optional offset; (h, m, s, us, tz) or None.
    tz = None
    for i in range(len(s)):
        if s[i] in '+-Z':
            tzs = s[i:]
            s = s[:i]
            if tzs == 'Z':
                tz = timezone.utc
            else:
                off = _parse_isoformat_time(tzs[1:])
                if off is None or off[4] is not None:
                    return None
                td = timedelta(hours=off[0], minutes=off[1], seconds=off[2],
                               microseconds=off[3])
                if tzs[0] == '-':
                    td = -td
                tz = timezone(td)
            break
    parts = s.split(':')
    if not 1 <= len(parts) <= 3:
        return None
    frac = 0
    if len(parts) == 3 and '.' in parts[2]:
        sec, f = parts[2].split('.', 1)
        parts[2] = sec
        if len(f) not in (3, 6):
            return None
        frac = _parse_digits(f, len(f))
        if frac is None:
            return None
        if len(f) == 3:
            frac *= 1000
    vals = []
    for p in parts:
        v = _parse_digits(p, 2)
        if v is None:
            return None
        vals.append(v)
    while len(vals) < 3:
        vals.append(0)
    return vals[0], vals[1], vals[2], frac, tz


# ------------------------------------------------------------------------------ tzinfo

class tzinfo:
    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not timedelta(hours=-24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                             "and timedelta(hours=24), not %r." % (offset,))
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def fromutc(self, dt):
        return dt + self._offset

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))


# ------------------------------------------------------------------------------ time

def _format_time(hh, mm, ss, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _time_repr_args(hh, mm, ss, us):
    if us:
        return '%d, %d, %d, %d' % (hh, mm, ss, us)
    if ss:
        return '%d, %d, %d' % (hh, mm, ss)
    return '%d, %d' % (hh, mm)


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second,
                                                                     microsecond, fold)
        _check_tzinfo(tzinfo)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        t = _parse_isoformat_time(time_string)
        if t is None:
            raise ValueError('Invalid isoformat string: %r' % time_string)
        return cls(t[0], t[1], t[2], t[3], t[4])

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(None)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        s = 'datetime.time(%s' % _time_repr_args(self._hour, self._minute, self._second,
                                                 self._microsecond)
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            s += ', fold=1'
        return s + ')'

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def strftime(self, fmt):
        return _strftime(fmt, 1900, 1, 1, self._hour, self._minute, self._second,
                         self._microsecond, 0, 1, self.utcoffset(), self.tzname())

    def __format__(self, spec):
        if spec:
            return self.strftime(spec)
        return str(self)

    def _key(self):
        off = self.utcoffset()
        us = ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + self._microsecond
        if off is not None:
            us -= off._as_us()
        return us

    def _check_cmp(self, other):
        if not isinstance(other, time):
            return False
        if (self.utcoffset() is None) != (other.utcoffset() is None):
            raise TypeError("can't compare offset-naive and offset-aware times")
        return True

    def __eq__(self, other):
        if isinstance(other, time):
            if (self.utcoffset() is None) != (other.utcoffset() is None):
                return False
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        if self._check_cmp(other):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._check_cmp(other):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._check_cmp(other):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._check_cmp(other):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ------------------------------------------------------------------------------ datetime

class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                 *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second,
                                                                     microsecond, fold)
        _check_tzinfo(tzinfo)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def _from_epoch(cls, t, utc, tz):
        frac, whole = _modf(t)
        us = _round_half_even(frac * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        if utc:
            tm = _time.gmtime(whole)
        else:
            tm = _time.localtime(whole)
        result = cls(tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59), us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_epoch(t, False, None)
        return tz.fromutc(cls._from_epoch(t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_epoch(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        ds = date_string[:10]
        rest = date_string[10:]
        ymd = _parse_isoformat_date(ds)
        t = (0, 0, 0, 0, None)
        if rest:
            if rest[0] in 'T ' and len(rest) > 1:
                t = _parse_isoformat_time(rest[1:])
            else:
                t = None
        if ymd is None or t is None:
            raise ValueError('Invalid isoformat string: %r' % date_string)
        return cls(ymd[0], ymd[1], ymd[2], t[0], t[1], t[2], t[3], t[4])

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetuple(self):
        dst = -1
        if self._tzinfo is not None:
            d = self.dst()
            if d is not None:
                dst = 1 if d else 0
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(),
                                  _date_yday(self._year, self._month, self._day), dst))

    def utctimetuple(self):
        off = self.utcoffset()
        t = self
        if off is not None:
            t = self - off
        return _time.struct_time((t._year, t._month, t._day, t._hour, t._minute, t._second,
                                  t.weekday(), _date_yday(t._year, t._month, t._day), 0))

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(self)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.dst(self)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz):
        off = self.utcoffset()
        if off is None:
            raise ValueError('astimezone() of naive datetimes is not supported by gilvm')
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def timestamp(self):
        off = self.utcoffset()
        if off is None:
            return _time.mktime((self._year, self._month, self._day, self._hour, self._minute,
                                 self._second, -1, -1, -1)) + self._microsecond / 1e6
        return (self - off - _EPOCH_NAIVE).total_seconds()

    def isoformat(self, sep='T', timespec='auto'):
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        s = 'datetime.datetime(%d, %d, %d, %d, %d' % (self._year, self._month, self._day,
                                                      self._hour, self._minute)
        if self._second or self._microsecond:
            s += ', %d' % self._second
        if self._microsecond:
            s += ', %d' % self._microsecond
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            s += ', fold=1'
        return s + ')'

    def ctime(self):
        return '%s %s %2d %02d:%02d:%02d %04d' % (_DAYNAMES[self.weekday()],
                                                  _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second,
                                                  self._year)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute,
                         self._second, self._microsecond, self.weekday(),
                         _date_yday(self._year, self._month, self._day), self.utcoffset(),
                         self.tzname())

    def _us_key(self):
        # (days, microseconds of the day) in UTC for aware datetimes.
        days = self.toordinal()
        us = ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + self._microsecond
        off = self.utcoffset()
        if off is not None:
            us -= off._as_us()
            q, us = divmod(us, 86400 * 1000000)
            days += q
        return (days, us)

    def _check_cmp(self, other, eq):
        if not isinstance(other, datetime):
            return False
        if (self.utcoffset() is None) != (other.utcoffset() is None):
            if eq:
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return True

    def __eq__(self, other):
        c = self._check_cmp(other, True)
        if c is None:
            return False
        if c:
            return self._us_key() == other._us_key()
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        if self._check_cmp(other, False):
            return self._us_key() < other._us_key()
        return _cmp_error(self, other, '<')

    def __le__(self, other):
        if self._check_cmp(other, False):
            return self._us_key() <= other._us_key()
        return _cmp_error(self, other, '<=')

    def __gt__(self, other):
        if self._check_cmp(other, False):
            return self._us_key() > other._us_key()
        return _cmp_error(self, other, '>')

    def __ge__(self, other):
        if self._check_cmp(other, False):
            return self._us_key() >= other._us_key()
        return _cmp_error(self, other, '>=')

    def __hash__(self):
        return hash(self._us_key())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 + \
            self._microsecond + other.seconds * 1000000 + other.microseconds
        q, us = divmod(us, 86400 * 1000000)
        o = self.toordinal() + other.days + q
        if not 0 < o <= 3652059:
            raise OverflowError('date value out of range')
        y, m, d = _ord2ymd(o)
        s, us = divmod(us, 1000000)
        mi, s = divmod(s, 60)
        h, mi = divmod(mi, 60)
        return type(self)(y, m, d, h, mi, s, us, self._tzinfo)

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        a_off = self.utcoffset()
        b_off = other.utcoffset()
        if (a_off is None) != (b_off is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        a = self._us_key() if a_off is not None else self._naive_key()
        b = other._us_key() if b_off is not None else other._naive_key()
        return timedelta(a[0] - b[0], 0, a[1] - b[1])

    def _naive_key(self):
        return (self.toordinal(), ((self._hour * 60 + self._minute) * 60 + self._second)
                * 1000000 + self._microsecond)


def _cmp_error(a, b, op):
    if isinstance(b, date):
        raise TypeError("can't compare %s to %s" % (type(a).__name__, type(b).__name__))
    return NotImplemented


def _modf(t):
    whole = int(t)
    if whole > t:
        whole -= 1
    return t - whole, whole


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)
_EPOCH_NAIVE = datetime(1970, 1, 1, tzinfo=timezone.utc)
