// Tracing for the callable and instance layouts, and the built-ins that make classes work:
// __build_class__, super, staticmethod, classmethod, property.
#include "absl/strings/str_cat.h"
#include "vm/call.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

void CodeObject::Trace(Tracer& t) {
  t.VisitAll(consts);
  for (auto* v : {&names, &varnames, &cellvars, &freevars})
    for (StrObject* s : *v) t.Visit(s);
}

void FunctionObject::Trace(Tracer& t) {
  t.Visit(code);
  t.Visit(globals);
  t.Visit(defaults);
  t.Visit(kwdefaults);
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
  t.Visit(data);
}

// The class too: an instance can outlive every other reference to a class made in a function.
void InstanceObject::Trace(Tracer& t) {
  t.Visit(type);
  t.Visit(dict);
}

void ExceptionObject::Trace(Tracer& t) {
  InstanceObject::Trace(t);
  t.Visit(args);
  t.Visit(traceback);
  t.Visit(cause);
  t.Visit(context);
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

// The metaclass of a class statement: the `metaclass=` keyword if given (the only class keyword
// gilvm accepts), else the base's type. Null with an exception set if unsupported.
TypeObject* ChooseMetaclass(ThreadState& ts, const CallArgs& args, TypeObject* base) {
  Interpreter& interp = ts.interp;
  TypeObject* meta = base->type;
  if (args.nkw() == 0) return meta;
  if (args.nkw() != 1 || As<StrObject>(args.kwnames->items[0])->view() != "metaclass") {
    RaiseTypeError(ts, "class keyword arguments other than metaclass= are not supported by gilvm yet");
    return nullptr;
  }
  Value m = args.argv[args.nargs];
  if (!IsObjectOfKind(m, Kind::kType) || !As<TypeObject>(m)->IsSubtypeOf(interp.types.type)) {
    RaiseTypeError(ts, "a metaclass that is not a subclass of type is not supported by gilvm yet");
    return nullptr;
  }
  TypeObject* explicit_meta = As<TypeObject>(m);
  // As in CPython, the most derived of the two wins; unrelated ones conflict.
  if (meta->IsSubtypeOf(explicit_meta)) return meta;
  if (explicit_meta->IsSubtypeOf(meta)) return explicit_meta;
  RaiseTypeError(ts, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                     "of the metaclasses of all its bases");
  return nullptr;
}

// gilvm's metaclasses are limited: the class is always made by type's own machinery, then the
// metaclass becomes its type (so its __iter__, __len__, __getitem__, __contains__, __repr__ and
// other methods apply to the class) and its __init__(cls, name, bases, namespace) runs.
// A metaclass __call__ replaces instance creation (vm/call.cc, CallType); type has no
// __call__ to delegate to. A metaclass that defines __new__ or __prepare__ is refused rather
// than ignored.
bool CheckMetaclass(ThreadState& ts, TypeObject* meta) {
  Interpreter& interp = ts.interp;
  for (const char* hook : {"__new__", "__prepare__"}) {
    StrObject* name = Intern(interp, hook);
    if (!LookupInType(meta, name).Is(LookupInType(interp.types.type, name))) {
      RaiseTypeError(ts, absl::StrCat("a metaclass defining ", hook, " is not supported by gilvm yet"));
      return false;
    }
  }
  return true;
}

Value RunMetaclassInit(ThreadState& ts, TypeObject* meta, TypeObject* cls, StrObject* name, const CallArgs& args,
                       DictObject* ns) {
  Interpreter& interp = ts.interp;
  Value init = LookupInType(meta, interp.names.__init__);
  if (init.is_null() || init.Is(LookupInType(interp.types.type, interp.names.__init__))) return Value::None();
  Root keep_init(ts, init);
  RootedPtr<TupleObject> bases(ts, NewTuple(ts, std::vector<Value>(args.argv + 2, args.argv + args.nargs)));
  Value argv[4] = {Value::Obj(cls), Value::Obj(name), Value::Obj(bases.get()), Value::Obj(ns)};
  return Call(ts, init, argv, 4);
}

// __build_class__(body, name, *bases, metaclass=None): runs the class body in a fresh namespace,
// then makes the class. Only single inheritance from object, a user class, an exception type or
// type (for a metaclass) is supported.
Value BuildClass(ThreadState& ts, const CallArgs& args) {
  Interpreter& interp = ts.interp;
  if (args.nargs < 2 || !IsObjectOfKind(args.argv[0], Kind::kFunction) || !IsStr(args.argv[1]))
    return RaiseTypeError(ts, "__build_class__: func and name are required");
  FunctionObject* body = As<FunctionObject>(args.argv[0]);
  StrObject* name = As<StrObject>(args.argv[1]);
  if (args.nargs > 3) return RaiseTypeError(ts, "multiple inheritance is not supported by gilvm yet");
  TypeObject* base = interp.types.object;
  if (args.nargs == 3) {
    Value b = args.argv[2];
    if (!IsObjectOfKind(b, Kind::kType)) return RaiseTypeError(ts, "bases must be types");
    base = As<TypeObject>(b);
    if (!base->subclassable)
      return RaiseTypeError(ts, absl::StrCat("type '", base->name, "' is not an acceptable base type"));
    if (base->instance_kind != Kind::kInstance && base->instance_kind != Kind::kException &&
        !base->IsSubtypeOf(interp.types.type))
      return RaiseTypeError(ts, absl::StrCat("subclassing the built-in type '", base->name,
                                             "' is not supported by gilvm yet"));
  }
  TypeObject* meta = ChooseMetaclass(ts, args, base);
  if (meta == nullptr) return Value::Null();
  if (meta != interp.types.type && !CheckMetaclass(ts, meta)) return Value::Null();

  RootedPtr<DictObject> ns(ts, NewDict(ts));
  Frame* frame = ts.PushFrame(body->code, body, body->globals, ns.get());
  if (frame == nullptr) return Value::Null();
  CodeObject* code = body->code;
  int first_cell = code->first_cell();
  for (size_t j = 0; j < code->cellvars.size(); ++j)
    frame->localsplus[first_cell + j] = Value::Obj(interp.heap.New<CellObject>(interp.types.cell, Value()));
  for (size_t k = 0; k < code->freevars.size(); ++k)
    frame->localsplus[first_cell + code->cellvars.size() + k] = Value::Obj(body->closure[k]);
  frame->is_entry = true;
  Root cell(ts, Eval(ts, frame));
  if (cell.get().is_null()) return Value::Null();

  TypeObject* cls = interp.heap.New<TypeObject>(interp.types.type, name->data, base->instance_kind);
  cls->base = base;
  cls->dict = ns.get();
  cls->epoch = &interp.type_epoch;
  cls->mro.push_back(cls);
  for (TypeObject* m : base->mro) cls->mro.push_back(m);
  Value qualname = DictGetStr(ns.get(), interp.names.__qualname__);
  cls->qualname = IsStr(qualname) ? As<StrObject>(qualname)->data : name->data;
  DictDelStr(ns.get(), interp.names.__qualname__);
  Value module = DictGetStr(ns.get(), interp.names.__module__);
  cls->module = IsStr(module) ? As<StrObject>(module)->data : "__main__";
  // A class that defines __eq__ but not __hash__ is unhashable, as in CPython.
  if (!DictGetStr(ns.get(), interp.names.__eq__).is_null() && DictGetStr(ns.get(), interp.names.__hash__).is_null())
    DictSetStr(ns.get(), interp.names.__hash__, Value::None());
  if (IsObjectOfKind(cell.get(), Kind::kCell)) {
    As<CellObject>(cell.get())->value = Value::Obj(cls);
    DictDelStr(ns.get(), Intern(interp, "__classcell__"));
  }
  if (meta == interp.types.type) return Value::Obj(cls);
  cls->type = meta;
  RootedPtr<TypeObject> keep_cls(ts, cls);
  if (RunMetaclassInit(ts, meta, cls, name, args, ns.get()).is_null()) return Value::Null();
  return Value::Obj(cls);
}

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
      if (code->freevars[k]->data != "__class__") continue;
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
  PropertyObject* p = ts.interp.heap.New<PropertyObject>(ts.interp.types.property);
  p->fget = out[0].is_null() ? Value::None() : out[0];
  p->fset = out[1].is_null() ? Value::None() : out[1];
  p->fdel = out[2].is_null() ? Value::None() : out[2];
  p->doc = out[3].is_null() ? Value::None() : out[3];
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
    bool on_class = IsObjectOfKind(s->obj, Kind::kType);
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
      default: return v;
    }
  }
  return RaiseAttributeError(ts, absl::StrCat("'super' object has no attribute '", name->data, "'"));
}

void InitFunctionTypes(Interpreter& interp) {
  AddFunction(interp, interp.builtins, "__build_class__", BuildClass);
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
