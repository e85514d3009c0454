# sys.modules is the cache: entries a script inserts, replaces or deletes are honoured.
import sys
import _inputs.counter as c1
c1.bump()
import _inputs.counter as c2
print(c1 is c2, c2.count)
del sys.modules["_inputs.counter"]
import _inputs.counter as c3
print(c3 is c1, c3.count, c1.count)


class Fake:
    answer = 42


sys.modules["fake_module"] = Fake()
import fake_module
print(fake_module.answer)
from fake_module import answer
print(answer)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
import _inputs.selfreplace
print(_inputs.selfreplace.name)
print(type(sys.modules["_inputs.selfreplace"]).__name__)
