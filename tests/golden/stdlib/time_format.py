# time: gmtime and struct_time, strftime, asctime/ctime on fixed timestamps (UTC only, so the
# output does not depend on the machine's time zone), with CPython's errors.
import time


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[1:3], len(t), tuple(t), list(t)[:2], t.tm_zone, t.tm_gmtoff)
print(t == (2023, 11, 14, 22, 13, 20, 1, 318, 0), t == time.gmtime(1700000000), t != t)
print(time.gmtime(0), time.gmtime(-1.5))
print(time.gmtime(951782400)[:8], time.gmtime(2**31)[:6])
print(time.strftime('%Y-%m-%d %H:%M:%S', t))
print(time.strftime('%a %A %b %B %d %H %I %j %m %M %p %S %U %w %W %y %Y %%', t))
print(time.strftime('%c | %x | %X | %Z', t))
print(time.strftime('%Y %m %d %j', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(repr(time.strftime('', t)), time.strftime('%H:%M', (2024, 1, 1, 9, 5, 0, 0, 1, 0)))
print(time.asctime(t), time.asctime((2024, 1, 1, 0, 0, 0, 0, 1, 0)))
st = time.struct_time((2020, 2, 29, 12, 0, 0, 5, 60, 0))
print(st, st.tm_zone, time.strftime('%d/%m/%Y', st))
print(type(time.timezone), type(time.altzone), type(time.daylight), len(time.tzname))
print(type(time.localtime()).__name__, type(time.ctime()), len(time.localtime(0)))
attempt(time.strftime, '%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, '%Y', (2024, 1, 32, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, '%Y', (2024, 1, 1, 24, 0, 0, 0, 1, 0))
attempt(time.strftime, '%Y', (2024, 1, 1, 0, 60, 0, 0, 1, 0))
attempt(time.strftime, '%Y', (2024, 1, 1, 0, 0, 62, 0, 1, 0))
attempt(time.strftime, '%Y', (2024, 1, 1, 0, 0, 0, -2, 1, 0))
attempt(time.strftime, '%Y', (2024, 1, 1, 0, 0, 0, 0, 367, 0))
attempt(time.strftime, '%Y', (1, 2))
attempt(time.strftime, '%Y', [1] * 9)
attempt(time.strftime, 1)
attempt(time.strftime, '%Y', (2024, 1, 1, 0, 0, 0, 0, 1, 'x'))
attempt(time.asctime, (2024, 13, 1, 0, 0, 0, 0, 1, 0))
attempt(time.mktime, (1, 2))
attempt(time.gmtime, 'x')
attempt(time.gmtime, float('nan'))
attempt(time.struct_time, (1, 2))
