# datetime.timedelta and timezone: normalization, repr/str, arithmetic, total_seconds, errors.
from datetime import timedelta, timezone


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


for td in (timedelta(), timedelta(1), timedelta(seconds=90061), timedelta(hours=-1),
           timedelta(microseconds=-1), timedelta(weeks=2, days=1, hours=3, minutes=4, seconds=5,
                                                  milliseconds=6, microseconds=7),
           timedelta(days=1.5), timedelta(seconds=0.5), timedelta(minutes=-2.25), timedelta(days=-2)):
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds())
a = timedelta(hours=5)
b = timedelta(minutes=45)
print(a + b, a - b, b - a, -a, +a, abs(-a), a * 2, 3 * b, a * 0.5, a / 4, a / b, a // b, a % b)
print(divmod(a, b), a // 7, a > b, a == timedelta(seconds=18000), bool(timedelta(0)), bool(b))
print(timedelta.max, timedelta.min, timedelta.resolution)
print(sorted([a, b, -b, timedelta(0)]))
print({timedelta(1): 'x'}[timedelta(hours=24)])
attempt(timedelta, 1000000000)
attempt(timedelta, 'x')
attempt(lambda: a / 0)
attempt(lambda: a // timedelta(0))
print(timezone.utc, repr(timezone.utc), repr(timezone(timedelta(hours=1))), timezone(timedelta(hours=-3, minutes=-30)))
print(repr(timezone(timedelta(hours=9), 'JST')), timezone(timedelta(hours=9), 'JST'))
print(timezone.utc.utcoffset(None), timezone(timedelta(hours=1)).tzname(None), timezone.utc.dst(None))
print(timezone(timedelta(0)) == timezone.utc, timezone.min, timezone.max)
attempt(timezone, timedelta(hours=24))
attempt(timezone, 5)
