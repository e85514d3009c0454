// BaseException's methods: construction storing `args`, str/repr with CPython's formats,
// with_traceback; KeyError's str (the repr of the key).
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
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
  return NewTuple(ts, std::vector<Value>(a.argv + 1, a.argv + a.nargs));
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

}  // namespace

void InitExceptionTypes(Interpreter& in) {
  TypeObject* base = in.exc.BaseException;
  AddStaticMethod(in, base, "__new__", ExcNew);
  AddMethod(in, base, "__init__", ExcInit);
  AddMethod(in, base, "__str__", ExcStr);
  AddMethod(in, base, "__repr__", ExcRepr);
  AddMethod(in, base, "with_traceback", ExcWithTraceback);
  AddMethod(in, in.exc.KeyError, "__str__", KeyErrorStr);
}

}  // namespace gilvm::vm
