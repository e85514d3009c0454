// Tracing for the callable and instance layouts, and the built-ins that make classes work:
// super, staticmethod, classmethod, property.
#include "absl/strings/str_cat.h"
#include "vm/call.h"
#include "vm/classes.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/thread_state.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

void CodeObject::Trace(Tracer& t) {
  t.VisitAll(consts);
  for (auto* v : {&names, &varnames, &cellvars, &freevars})
    for (StrObject* s : *v) t.Visit(s);
  // `caches` is not traced: a way is used only for a live object's type at the version it was
  // filled at (versions never repeat), and then that type's MRO dicts still hold type_attr.
}

void FunctionObject::Trace(Tracer& t) {
  t.Visit(code);
  t.Visit(globals);
  t.Visit(defaults);
  t.Visit(kwdefaults);
  t.Visit(annotations);
  for (CellObject* c : closure) t.Visit(c);
  t.Visit(name);
  t.Visit(qualname);
  t.Visit(module);
  t.Visit(doc);
  t.Visit(dict);
}

void NativeObject::Trace(Tracer& t) {
  t.Visit(owner);
  t.Visit(module);
}

void ExceptionObject::Trace(Tracer& t) {
  InstanceObject::Trace(t);
  t.Visit(args);
  t.Visit(traceback);
  t.Visit(cause);
  t.Visit(context);
  t.Visit(missing_name);
  t.Visit(missing_in);
}

void TracebackObject::Trace(Tracer& t) {
  t.Visit(next);
  t.Visit(code);
}

void ModuleObject::Trace(Tracer& t) { t.Visit(dict); }

namespace {

struct SuperObject : Object {
  SuperObject(TypeObject* t, TypeObject* start, Value obj, TypeObject* obj_type)
      : Object(t, Kind::kSuper), start(start), obj(obj), obj_type(obj_type) {}
  void Trace(Tracer& t) override {
    t.Visit(start);
    t.Visit(obj);
    t.Visit(obj_type);
  }
  TypeObject* start;     // the class super() was called in
  Value obj;             // the instance (or class, in a classmethod)
  TypeObject* obj_type;  // whose MRO is searched
};

// super() and super(type, obj).
Value Super(ThreadState& ts, const CallArgs& args) {
  Interpreter& interp = ts.interp;
  TypeObject* start = nullptr;
  Value obj;
  if (args.nargs == 0) {
    Frame* f = ts.frame;
    if (f == nullptr || f->code->argcount == 0) return Raise(ts, interp.exc.RuntimeError, "super(): no arguments");
    CodeObject* code = f->code;
    obj = f->localsplus[0];
    for (size_t j = 0; j < code->cellvars.size(); ++j)
      if (code->cell_of_arg[j] == 0) obj = As<CellObject>(f->localsplus[code->first_cell() + j])->value;
    for (size_t k = 0; k < code->freevars.size(); ++k) {
      if (code->freevars[k]->view() != "__class__") continue;
      Value c = As<CellObject>(f->localsplus[code->first_cell() + code->cellvars.size() + k])->value;
      if (IsObjectOfKind(c, Kind::kType)) start = As<TypeObject>(c);
    }
    if (start == nullptr) return Raise(ts, interp.exc.RuntimeError, "super(): __class__ cell not found");
    if (obj.is_null()) return Raise(ts, interp.exc.RuntimeError, "super(): arg[0] deleted");
  } else if (args.nargs == 2) {
    if (!IsObjectOfKind(args.argv[0], Kind::kType))
      return RaiseTypeError(ts, absl::StrCat("super() argument 1 must be a type, not ", TypeName(ts, args.argv[0])));
    start = As<TypeObject>(args.argv[0]);
    obj = args.argv[1];
  } else {
    return RaiseTypeError(ts, "super() takes 0 or 2 arguments");
  }
  TypeObject* obj_type = IsObjectOfKind(obj, Kind::kType) && As<TypeObject>(obj)->IsSubtypeOf(start)
                             ? As<TypeObject>(obj)
                             : TypeOf(interp, obj);
  if (!obj_type->IsSubtypeOf(start))
    return RaiseTypeError(ts, "super(type, obj): obj must be an instance or subtype of type");
  return Value::Obj(interp.heap.New<SuperObject>(interp.types.super, start, obj, obj_type));
}

Value NewWrapper(ThreadState& ts, const CallArgs& args, Kind kind, TypeObject* type, const char* name) {
  if (args.nargs != 2 || args.nkw() != 0)
    return RaiseTypeError(ts, absl::StrCat(name, " expected 1 argument, got ", args.nargs == 0 ? 0 : args.nargs - 1));
  return Value::Obj(ts.interp.heap.New<MethodWrapperObject>(type, kind, args.argv[1]));
}

Value StaticMethodNew(ThreadState& ts, const CallArgs& args) {
  return NewWrapper(ts, args, Kind::kStaticMethod, ts.interp.types.staticmethod, "staticmethod");
}
Value ClassMethodNew(ThreadState& ts, const CallArgs& args) {
  return NewWrapper(ts, args, Kind::kClassMethod, ts.interp.types.classmethod, "classmethod");
}

Value PropertyNew(ThreadState& ts, const CallArgs& args) {
  Value out[4];
  if (!ParseArgs(ts, CallArgs{args.argv + 1, args.nargs - 1, args.kwnames},
                 Params{"property", {"fget", "fset", "fdel", "doc"}, 0}, out))
    return Value::Null();
  // Without a doc, a property takes its getter's docstring, as CPython's does.
  Root doc(ts, out[3].is_null() ? Value::None() : out[3]);
  if (doc.get().is_none() && !out[0].is_null() && !out[0].is_none()) {
    Value d = GetAttrOrNull(ts, out[0], ts.interp.names.__doc__);
    if (d.is_null() && ts.exc) return Value::Null();
    if (!d.is_null()) doc.set(d);
  }
  PropertyObject* p = ts.interp.heap.New<PropertyObject>(ts.interp.types.property);
  p->fget = out[0].is_null() ? Value::None() : out[0];
  p->fset = out[1].is_null() ? Value::None() : out[1];
  p->fdel = out[2].is_null() ? Value::None() : out[2];
  p->doc = doc.get();
  return Value::Obj(p);
}

// property.setter / getter / deleter: a copy with one accessor replaced.
Value PropertyCopy(ThreadState& ts, const CallArgs& args, int which) {
  if (args.nargs != 2) return RaiseTypeError(ts, "expected 1 argument");
  PropertyObject* old = As<PropertyObject>(args.argv[0]);
  PropertyObject* p = ts.interp.heap.New<PropertyObject>(ts.interp.types.property);
  p->fget = which == 0 ? args.argv[1] : old->fget;
  p->fset = which == 1 ? args.argv[1] : old->fset;
  p->fdel = which == 2 ? args.argv[1] : old->fdel;
  p->doc = old->doc;
  return Value::Obj(p);
}
Value PropertyGetter(ThreadState& ts, const CallArgs& args) { return PropertyCopy(ts, args, 0); }
Value PropertySetter(ThreadState& ts, const CallArgs& args) { return PropertyCopy(ts, args, 1); }
Value PropertyDeleter(ThreadState& ts, const CallArgs& args) { return PropertyCopy(ts, args, 2); }

}  // namespace

Value SuperGetAttr(ThreadState& ts, Value super, StrObject* name) {
  Interpreter& interp = ts.interp;
  SuperObject* s = As<SuperObject>(super);
  const auto& mro = s->obj_type->mro;
  size_t i = 0;
  while (i < mro.size() && mro[i] != s->start) ++i;
  for (++i; i < mro.size(); ++i) {
    Value v = DictGetStr(mro[i]->dict, name);
    if (v.is_null()) continue;
    // super(C, cls): the class itself, so functions stay unbound; in a metaclass's method obj is
    // a class too, but an instance of obj_type, so they bind.
    bool on_class = s->obj.is_object() && s->obj.as_object() == s->obj_type;
    switch (v.is_object() ? v.as_object()->kind : Kind::kSingleton) {
      case Kind::kFunction:
      case Kind::kNative:
        if (on_class) return v;
        return Value::Obj(interp.heap.New<BoundMethodObject>(interp.types.method, s->obj, v));
      case Kind::kClassMethod:
        return Value::Obj(interp.heap.New<BoundMethodObject>(interp.types.method, Value::Obj(s->obj_type),
                                                             As<MethodWrapperObject>(v)->callable));
      case Kind::kStaticMethod: return As<MethodWrapperObject>(v)->callable;
      case Kind::kProperty: {
        if (on_class) return v;
        Value fget = As<PropertyObject>(v)->fget;
        Value argv[1] = {s->obj};
        return Call(ts, fget, argv, 1);
      }
      case Kind::kInstance: {
        // A user descriptor: __get__(obj, type), or (None, type) through super(C, cls).
        Value get = LookupInType(v.as_object()->type, interp.names.__get__);
        if (get.is_null()) return v;
        Value args[2] = {on_class ? Value::None() : s->obj, Value::Obj(s->obj_type)};
        return CallFound(ts, get, v, args, 2);
      }
      default: return v;
    }
  }
  if (name == interp.names.__class__) return Value::Obj(interp.types.super);
  return RaiseAttributeError(ts, absl::StrCat("'super' object has no attribute '", name->str(), "'"));
}

void InitFunctionTypes(Interpreter& interp) {
  InitClassCreation(interp);
  AddFunction(interp, interp.builtins, "super", Super);
  AddStaticMethod(interp, interp.types.staticmethod, "__new__", StaticMethodNew);
  AddStaticMethod(interp, interp.types.classmethod, "__new__", ClassMethodNew);
  AddStaticMethod(interp, interp.types.property, "__new__", PropertyNew);
  AddMethod(interp, interp.types.property, "getter", PropertyGetter);
  AddMethod(interp, interp.types.property, "setter", PropertySetter);
  AddMethod(interp, interp.types.property, "deleter", PropertyDeleter);
  DictSetStr(interp.builtins, Intern(interp, "staticmethod"), Value::Obj(interp.types.staticmethod));
  DictSetStr(interp.builtins, Intern(interp, "classmethod"), Value::Obj(interp.types.classmethod));
  DictSetStr(interp.builtins, Intern(interp, "property"), Value::Obj(interp.types.property));
}

}  // namespace gilvm::vm
