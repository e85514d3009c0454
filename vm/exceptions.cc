// BaseException's methods: construction storing `args`, str/repr with CPython's formats,
// with_traceback; KeyError's str (the repr of the key); OSError's errno/strerror/filename
// attributes, its str, and the errno -> subclass mapping of OSError(errno, ...).
#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {


namespace {

ExceptionObject* Self(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kException)) {
    RaiseTypeError(ts, "descriptor requires a 'BaseException' object");
    return nullptr;
  }
  return As<ExceptionObject>(a.argv[0]);
}

TupleObject* PositionalTuple(ThreadState& ts, const CallArgs& a) {
  return NewTuple(ts, std::span<const Value>(a.argv + 1, a.nargs - 1));
}

// BaseException.__new__: args are set here too, so a subclass whose __init__ does not call
// super().__init__ still has them (as in CPython).
Value ExcNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType)) return RaiseTypeError(ts, "BaseException.__new__(X): X is not a type object");
  auto* type = As<TypeObject>(a.argv[0]);
  RootedPtr<TupleObject> args(ts, PositionalTuple(ts, a));
  RootedPtr<DictObject> dict(ts, NewDict(ts));
  return Value::Obj(ts.interp.heap.New<ExceptionObject>(type, dict.get(), args.get()));
}

Value ExcInit(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr) return Value::Null();
  if (a.nkw() > 0) return RaiseTypeError(ts, absl::StrCat(e->type->name, "() takes no keyword arguments"));
  e->args = PositionalTuple(ts, a);
  return Value::None();
}

Value ExcStr(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr) return Value::Null();
  switch (e->args->size()) {
    case 0: return NewStrValue(ts, "");
    case 1: return Str(ts, e->args->items[0]);
    default: return Repr(ts, Value::Obj(e->args));
  }
}

Value ExcRepr(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr) return Value::Null();
  std::string inner;
  if (e->args->size() == 1) {
    if (!ReprString(ts, e->args->items[0], &inner)) return Value::Null();
    inner = absl::StrCat("(", inner, ")");
  } else if (!ReprString(ts, Value::Obj(e->args), &inner)) {
    return Value::Null();
  }
  return NewStrValue(ts, absl::StrCat(e->type->name, inner));
}

Value ExcWithTraceback(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr || !ArgCountBetween(ts, a, "BaseException.with_traceback", 2, 2)) return Value::Null();
  Value tb = a.argv[1];
  if (!tb.is_none() && !IsObjectOfKind(tb, Kind::kTraceback))
    return RaiseTypeError(ts, "__traceback__ must be a traceback or None");
  e->traceback = tb.is_none() ? nullptr : As<TracebackObject>(tb);
  return a.argv[0];
}

// KeyError('a') prints as 'a' so that an empty-string key stays visible.
Value KeyErrorStr(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr) return Value::Null();
  if (e->args->size() == 1) return Repr(ts, e->args->items[0]);
  return ExcStr(ts, a);
}

// ---------------------------------------------------------------------------------------------
// OSError

// The subclass OSError(errno, ...) becomes, as CPython maps it; null: OSError itself.
TypeObject* OSErrorSubclass(const ExceptionTypes& exc, int64_t err) {
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return exc.BlockingIOError;
    case ECHILD: return exc.ChildProcessError;
    case EPIPE: case ESHUTDOWN: return exc.BrokenPipeError;
    case ECONNABORTED: return exc.ConnectionAbortedError;
    case ECONNREFUSED: return exc.ConnectionRefusedError;
    case ECONNRESET: return exc.ConnectionResetError;
    case EEXIST: return exc.FileExistsError;
    case ENOENT: return exc.FileNotFoundError;
    case EISDIR: return exc.IsADirectoryError;
    case ENOTDIR: return exc.NotADirectoryError;
    case EINTR: return exc.InterruptedError;
    case EACCES: case EPERM: return exc.PermissionError;
    case ESRCH: return exc.ProcessLookupError;
    case ETIMEDOUT: return exc.TimeoutError;
    default: return nullptr;
  }
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]) sets the attributes; with a
// filename, args keeps only (errno, strerror). Other argument counts set nothing.
void SetOSErrorFields(ThreadState& ts, ExceptionObject* e, const Value* argv, size_t n) {
  if (n < 2 || n > 5) return;
  Names& names = ts.interp.names;
  DictSetStr(e->dict, names.errno_, argv[0]);
  DictSetStr(e->dict, names.strerror_, argv[1]);
  if (n >= 3) DictSetStr(e->dict, names.filename, argv[2]);
  if (n == 5) DictSetStr(e->dict, names.filename2, argv[4]);
  if (n >= 3) e->args = NewTuple(ts, {argv[0], argv[1]});
}

Value OSErrorNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs >= 1 && IsObjectOfKind(a.argv[0], Kind::kType) && As<TypeObject>(a.argv[0]) == ts.interp.exc.OSError &&
      a.nargs >= 3 && a.nargs <= 6 && a.argv[1].is_int()) {
    if (TypeObject* sub = OSErrorSubclass(ts.interp.exc, a.argv[1].as_int())) {
      Value argv[6];
      std::copy(a.argv, a.argv + a.nargs, argv);
      argv[0] = Value::Obj(sub);
      return OSErrorNew(ts, CallArgs{argv, a.nargs, a.kwnames});
    }
  }
  Root e(ts, ExcNew(ts, a));
  if (e.get().is_null()) return Value::Null();
  SetOSErrorFields(ts, e.as<ExceptionObject>(), a.argv + 1, a.nargs - 1);
  return e.get();
}

Value OSErrorInit(ThreadState& ts, const CallArgs& a) {
  if (ExcInit(ts, a).is_null()) return Value::Null();
  SetOSErrorFields(ts, As<ExceptionObject>(a.argv[0]), a.argv + 1, a.nargs - 1);
  return Value::None();
}

// "[Errno 2] No such file or directory: 'x'" (and "... 'a' -> 'b'" with a second filename).
Value OSErrorStr(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr) return Value::Null();
  Names& names = ts.interp.names;
  auto field = [&](StrObject* name) {
    Value v = DictGetStr(e->dict, name);
    return v.is_null() ? Value::None() : v;
  };
  Root err(ts, field(names.errno_)), msg(ts, field(names.strerror_));
  Root file(ts, field(names.filename)), file2(ts, field(names.filename2));
  if (err.get().is_none() && msg.get().is_none()) return ExcStr(ts, a);
  std::string errs, msgs, out;
  if (!StrString(ts, err.get(), &errs) || !StrString(ts, msg.get(), &msgs)) return Value::Null();
  out = absl::StrCat("[Errno ", errs, "] ", msgs);
  const char* joiner = ": ";
  for (Value f : {file.get(), file2.get()}) {
    if (f.is_none()) break;
    std::string r;
    if (!ReprString(ts, f, &r)) return Value::Null();
    absl::StrAppend(&out, joiner, r);
    joiner = " -> ";
  }
  return NewStrValue(ts, out);
}

// "invalid syntax (file.py, line 3)": the message, then the file's base name and the line
// when the compiler recorded them (a SyntaxError raised by hand has neither).
Value SyntaxErrorStr(ThreadState& ts, const CallArgs& a) {
  ExceptionObject* e = Self(ts, a);
  if (e == nullptr) return Value::Null();
  Value msg = DictGetStr(e->dict, Intern(ts.interp, "msg"));
  if (msg.is_null() || msg.is_none()) return ExcStr(ts, a);
  Value file = DictGetStr(e->dict, ts.interp.names.filename);
  Value line = DictGetStr(e->dict, Intern(ts.interp, "lineno"));
  std::string text;
  if (!StrString(ts, msg, &text)) return Value::Null();
  bool has_file = IsStr(file), has_line = line.is_int();
  std::string base;
  if (has_file) {
    const std::string& f = As<StrObject>(file)->str();
    base = f.substr(f.rfind('/') == std::string::npos ? 0 : f.rfind('/') + 1);
  }
  if (has_file && has_line) absl::StrAppend(&text, " (", base, ", line ", line.as_int(), ")");
  else if (has_file) absl::StrAppend(&text, " (", base, ")");
  else if (has_line) absl::StrAppend(&text, " (line ", line.as_int(), ")");
  return NewStrValue(ts, text);
}

}  // namespace

Value RaiseOSError(ThreadState& ts, int err, Value filename, Value filename2) {
  TypeObject* type = OSErrorSubclass(ts.interp.exc, err);
  if (type == nullptr) type = ts.interp.exc.OSError;
  Root msg(ts, NewStrValue(ts, strerror(err)));
  Value argv[6] = {Value::Obj(type), Value::Int(err), msg.get(), filename, Value::None(), filename2};
  size_t n = !filename2.is_null() ? 6 : !filename.is_null() ? 4 : 3;
  Root e(ts, OSErrorNew(ts, CallArgs{argv, n, nullptr}));
  if (e.get().is_null()) return Value::Null();
  return RaiseObject(ts, e.as<ExceptionObject>());
}

// BaseException.add_note(note): appends to the __notes__ list, creating it on first use.
Value ExcAddNote(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "BaseException.add_note")) return Value::Null();
  if (a.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat("BaseException.add_note() takes exactly one argument (", a.nargs - 1, " given)"));
  if (!IsObjectOfKind(a.argv[1], Kind::kStr))
    return RaiseTypeError(ts, absl::StrCat("note must be a str, not '", TypeName(ts, a.argv[1]), "'"));
  StrObject* name = Intern(ts.interp, "__notes__");
  Root notes(ts, GetAttrOrNull(ts, a.argv[0], name));
  if (ts.exc) return Value::Null();
  if (notes.get().is_null()) {
    notes.set(Value::Obj(NewList(ts)));
    if (!SetAttr(ts, a.argv[0], name, notes.get())) return Value::Null();
  }
  if (!IsObjectOfKind(notes.get(), Kind::kList)) return RaiseTypeError(ts, "Cannot add note: __notes__ is not a list");
  As<ListObject>(notes.get())->items.push_back(a.argv[1]);
  return Value::None();
}

void InitExceptionTypes(Interpreter& in) {
  TypeObject* base = in.exc.BaseException;
  AddStaticMethod(in, base, "__new__", ExcNew);
  AddMethod(in, base, "__init__", ExcInit);
  AddMethod(in, base, "__str__", ExcStr);
  AddMethod(in, base, "__repr__", ExcRepr);
  AddMethod(in, base, "with_traceback", ExcWithTraceback);
  AddMethod(in, base, "add_note", ExcAddNote);
  AddMethod(in, in.exc.KeyError, "__str__", KeyErrorStr);
  AddMethod(in, in.exc.SyntaxError, "__str__", SyntaxErrorStr);
  TypeObject* os_error = in.exc.OSError;
  AddStaticMethod(in, os_error, "__new__", OSErrorNew);
  AddMethod(in, os_error, "__init__", OSErrorInit);
  AddMethod(in, os_error, "__str__", OSErrorStr);
  // Unset attributes read as None through the class.
  for (StrObject* name : {in.names.errno_, in.names.strerror_, in.names.filename, in.names.filename2})
    DictSetStr(os_error->dict, name, Value::None());
}

}  // namespace gilvm::vm
