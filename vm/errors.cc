#include "vm/errors.h"

#include "vm/dict.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

ExceptionObject* NewException(ThreadState& ts, TypeObject* type, std::string_view msg) {
  Root text(ts, NewStrValue(ts, msg));
  RootedPtr<TupleObject> args(ts, NewTuple(ts, {text.get()}));
  DictObject* dict = NewDict(ts);
  return ts.interp.heap.New<ExceptionObject>(type, dict, args.get());
}

Value RaiseObject(ThreadState& ts, ExceptionObject* exc) {
  // Chain implicitly to the exception being handled, breaking any cycle it would create
  // (as CPython's _PyErr_SetObject does).
  Value handled = ts.handled_exc;
  if (handled.is_object() && handled.as_object() != exc && handled.as_object()->kind == Kind::kException) {
    ExceptionObject* o = As<ExceptionObject>(handled);
    while (true) {
      Value ctx = o->context;
      if (!ctx.is_object()) break;
      if (ctx.as_object() == exc) {
        o->context = Value();
        break;
      }
      o = As<ExceptionObject>(ctx);
    }
    exc->context = handled;
  }
  ts.exc = exc;
  return Value::Null();
}

Value Raise(ThreadState& ts, TypeObject* type, std::string_view msg) {
  return RaiseObject(ts, NewException(ts, type, msg));
}

Value RaiseNoArgs(ThreadState& ts, TypeObject* type) {
  RootedPtr<TupleObject> args(ts, NewTuple(ts, {}));
  DictObject* dict = NewDict(ts);
  return RaiseObject(ts, ts.interp.heap.New<ExceptionObject>(type, dict, args.get()));
}

Value RaiseTypeError(ThreadState& ts, std::string_view msg) { return Raise(ts, ts.interp.exc.TypeError, msg); }
Value RaiseValueError(ThreadState& ts, std::string_view msg) { return Raise(ts, ts.interp.exc.ValueError, msg); }
Value RaiseIndexError(ThreadState& ts, std::string_view msg) { return Raise(ts, ts.interp.exc.IndexError, msg); }
Value RaiseAttributeError(ThreadState& ts, std::string_view msg) {
  return Raise(ts, ts.interp.exc.AttributeError, msg);
}
Value RaiseOverflowError(ThreadState& ts, std::string_view msg) {
  return Raise(ts, ts.interp.exc.OverflowError, msg);
}
Value RaiseZeroDivision(ThreadState& ts, std::string_view msg) {
  return Raise(ts, ts.interp.exc.ZeroDivisionError, msg);
}

Value RaiseKeyError(ThreadState& ts, Value key) {
  Root k(ts, key);
  RootedPtr<TupleObject> args(ts, NewTuple(ts, {key}));
  DictObject* dict = NewDict(ts);
  return RaiseObject(ts, ts.interp.heap.New<ExceptionObject>(ts.interp.exc.KeyError, dict, args.get()));
}

Value RaiseMemoryError(ThreadState& ts) {
  // MemoryError must not need much memory: no message, and exempt from the heap limit.
  Heap::LimitExemption exempt(ts.interp.heap);
  return RaiseNoArgs(ts, ts.interp.exc.MemoryError);
}

bool ExceptionMatches(ThreadState& ts, TypeObject* type) {
  return ts.exc != nullptr && ts.exc->type->IsSubtypeOf(type);
}

void ClearException(ThreadState& ts) { ts.exc = nullptr; }

ExceptionObject* FetchException(ThreadState& ts) {
  ExceptionObject* e = ts.exc;
  ts.exc = nullptr;
  return e;
}

ExceptionObject* MakeException(ThreadState& ts, Value v) {
  Interpreter& interp = ts.interp;
  if (v.is_object() && v.as_object()->kind == Kind::kException) return As<ExceptionObject>(v);
  if (v.is_object() && v.as_object()->kind == Kind::kType &&
      As<TypeObject>(v)->IsSubtypeOf(interp.exc.BaseException)) {
    Value made = Call(ts, v, nullptr, 0);
    if (made.is_null()) return nullptr;
    if (!IsObjectOfKind(made, Kind::kException)) {
      RaiseTypeError(ts, "calling " + As<TypeObject>(v)->name +
                             "() should have returned an instance of BaseException, not " + TypeName(ts, made));
      return nullptr;
    }
    return As<ExceptionObject>(made);
  }
  RaiseTypeError(ts, "exceptions must derive from BaseException");
  return nullptr;
}

std::string TypeName(ThreadState& ts, Value v) { return TypeOf(ts.interp, v)->name; }

}  // namespace gilvm::vm
