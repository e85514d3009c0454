# datetime: construction, validation, arithmetic, comparisons, formatting and parsing of
# date, time, datetime, timedelta and timezone (fixed timestamps only: no now()/today()).
import datetime
from datetime import date, time, timedelta, timezone


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


d = date(2024, 1, 2)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d.isoformat(), d.ctime(), d.strftime('%Y/%m/%d %a %A %b %B %j %y %%'))
print(d + timedelta(days=30), d - timedelta(days=2), date(2024, 3, 1) - date(2024, 2, 1))
print(date.fromordinal(738887), date.fromisoformat('2023-12-31'), date.fromisoformat('20240229'))
print(d.replace(day=31), d < date(2024, 1, 3), d == date(2024, 1, 2), d != date(2025, 1, 2))
print(tuple(d.isocalendar()), tuple(date(2021, 1, 3).isocalendar()), tuple(date(2020, 12, 31).isocalendar()))
print(format(d, '%d.%m.%Y'), '{:%Y}'.format(d), date.min, date.max)
attempt(date, 2024, 13, 1)
attempt(date, 2024, 2, 30)
attempt(date, 0, 1, 1)
attempt(date, 10000, 1, 1)
attempt(date, 2024.0, 1, 1)
attempt(date.fromisoformat, '2024-1-2')
attempt(lambda: date.max + timedelta(days=1))

t = time(3, 4, 5)
print(t, repr(t), repr(time(3, 4)), repr(time(3, 4, 5, 6)), time(12, 0, 0, 1500))
print(t.isoformat('minutes'), t.isoformat('milliseconds'), t.strftime('%H|%M|%S|%I %p'))
print(repr(time.fromisoformat('10:20:30.123')), time(1) < time(2), time(1, tzinfo=timezone.utc))
attempt(time, 24)
attempt(time, 1, 60)
attempt(time, 1, 1, 60)
attempt(time, 1, 1, 1, 1000000)
attempt(t.isoformat, 'nanoseconds')

dt = datetime.datetime(2024, 1, 2, 3, 4, 5)
print(dt, repr(dt), repr(datetime.datetime(2024, 1, 2)), repr(datetime.datetime(2024, 1, 2, 3, 4, 5, 6)))
print(dt.isoformat(), dt.isoformat(' ', 'hours'), dt.date(), dt.time(), dt.weekday(), dt.ctime())
print(dt.strftime('%Y-%m-%dT%H:%M:%S.%f %j %U %W %w %u %c'))
print(dt + timedelta(hours=23), dt - timedelta(days=400, seconds=1))
print(datetime.datetime(2024, 3, 1) - dt, dt - datetime.datetime(2024, 3, 1))
print(datetime.datetime.fromisoformat('2024-05-06T07:08:09'), datetime.datetime.fromisoformat('2024-05-06'))
print(repr(datetime.datetime.fromisoformat('2024-05-06 07:08:09.250000+02:00')))
print(datetime.datetime.combine(date(2020, 2, 29), time(23, 59)), dt.replace(year=2000, second=0))
print(dt == datetime.datetime(2024, 1, 2, 3, 4, 5), dt < datetime.datetime(2024, 1, 2, 3, 4, 6), dt > dt)
print(datetime.datetime.utcfromtimestamp(1700000000), datetime.datetime.utcfromtimestamp(0.5))
print(datetime.datetime.fromtimestamp(1700000000, timezone.utc))
print(repr(datetime.datetime.fromtimestamp(86400 * 365, tz=timezone(timedelta(hours=-5)))))
u = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
print(u, repr(u), u.utcoffset(), u.tzname(), u.timestamp(), u.isoformat())
e = datetime.datetime(2024, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2), 'EET'))
print(e == u, e - u, e.astimezone(timezone.utc), e.strftime('%z %Z'), hash(e) == hash(u))
attempt(lambda: u < dt)
attempt(lambda: u - dt)
print(u == dt)
attempt(datetime.datetime, 2024, 1, 1, 25)
attempt(datetime.datetime.fromisoformat, '2024-01-01X')
print(isinstance(dt, date), issubclass(datetime.datetime, date), datetime.MINYEAR, datetime.MAXYEAR)
ic = date(2024, 12, 30).isocalendar()
print(ic, ic.year, ic.week, ic.weekday, ic[0], tuple(ic), ic == (2025, 1, 1))
print(d.timetuple())
print(dt.timetuple(), u.timetuple().tm_isdst, e.utctimetuple()[:6])
