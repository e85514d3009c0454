# User-defined exception classes with extra attributes.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__("not found: " + name)
        self.name = name
class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
    def __str__(self):
        return self.field + " is invalid (" + self.reason + ")"
def lookup(db, key):
    if key not in db:
        raise NotFound(key)
    return db[key]
db = {"a": 1}
print(lookup(db, "a"))
try:
    lookup(db, "zz")
except AppError as e:
    print(type(e).__name__, e, e.name, e.args)
try:
    raise Invalid("email", "missing @")
except NotFound:
    print("wrong")
except Invalid as e:
    print(e, "|", e.field, "|", e.args)
try:
    raise AppError
except AppError as e:
    print("raised class, got instance:", type(e).__name__, repr(e))
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception))
