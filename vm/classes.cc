// Class creation: the `class` statement (__build_class__), type(name, bases, dict) and
// type.__new__, with CPython 3.11's rules: the most derived metaclass, __prepare__, the C3 method
// resolution order, the layout ("solid base") check behind multiple inheritance, __slots__,
// __set_name__, __init_subclass__ and class keyword arguments. Also the type's own methods that
// describe this structure: mro(), __subclasses__(), type.__init__ and type.__call__.
//
// Invariants:
//  - A class is complete (mro, bases, base, dict, kind) before any Python code sees it: hooks
//    (__set_name__, __init_subclass__, a metaclass __init__) run after that.
//  - `base` is the base whose C++ layout instances share (CPython's best base); `bases` is the
//    full __bases__ tuple; `mro` is the C3 linearisation of them.
//  - The class dict is a fresh exact dict (a copy of the namespace), so a __prepare__ that returns
//    a dict subclass never leaks into type attribute lookup.
#include <algorithm>
#include <iterator>
#include <utility>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "vm/call.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/classes.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

bool IsType(Value v) { return IsObjectOfKind(v, Kind::kType); }

// The built-in types whose instances have a layout of their own (CPython's "solid" bases).
// float shares kInstance with object in gilvm's enum, and int's kind is reserved for big ints,
// so both are named explicitly.
bool IsSolidBuiltin(Interpreter& in, TypeObject* t) {
  if (t->base == nullptr || t == in.types.int_ || t == in.types.float_) return true;
  return t->instance_kind != t->base->instance_kind;
}

// The ancestor that fixes the layout of t's instances: the nearest solid built-in, or the
// nearest user class whose __slots__ added slots.
TypeObject* SolidBase(Interpreter& in, TypeObject* t) {
  for (; t != nullptr; t = t->base) {
    if (t->is_builtin ? IsSolidBuiltin(in, t) : !t->slots.empty()) return t;
  }
  return in.types.object;
}

// CPython's best_base: the base whose solid base is the most derived; the others' solid bases
// must be its ancestors. Null with TypeError set on a conflict or an unusable base.
TypeObject* BestBase(ThreadState& ts, const std::vector<TypeObject*>& bases) {
  Interpreter& in = ts.interp;
  TypeObject* best = nullptr;
  TypeObject* winner = nullptr;
  for (TypeObject* b : bases) {
    if (!b->subclassable) {
      RaiseTypeError(ts, absl::StrCat("type '", b->name, "' is not an acceptable base type"));
      return nullptr;
    }
    TypeObject* solid = SolidBase(in, b);
    if (winner == nullptr || solid->IsSubtypeOf(winner)) {
      if (winner == nullptr || solid != winner) best = b;
      winner = solid;
    } else if (!winner->IsSubtypeOf(solid)) {
      RaiseTypeError(ts, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return best;
}

// C3 linearisation of `bases` for a new class `cls`; false with TypeError set when none exists.
bool ComputeMro(ThreadState& ts, TypeObject* cls, const std::vector<TypeObject*>& bases,
                std::vector<TypeObject*>* out) {
  for (size_t i = 0; i < bases.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (bases[i] == bases[j]) {
        RaiseTypeError(ts, absl::StrCat("duplicate base class ", bases[i]->name));
        return false;
      }
    }
  }
  std::vector<std::vector<TypeObject*>> seqs;
  for (TypeObject* b : bases) seqs.push_back(b->mro);
  seqs.push_back(bases);
  std::vector<size_t> pos(seqs.size(), 0);
  out->assign(1, cls);
  auto in_a_tail = [&](TypeObject* c) {
    for (size_t j = 0; j < seqs.size(); ++j)
      for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k)
        if (seqs[j][k] == c) return true;
    return false;
  };
  for (;;) {
    bool left = false;
    TypeObject* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && pick == nullptr; ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      left = true;
      if (!in_a_tail(seqs[i][pos[i]])) pick = seqs[i][pos[i]];
    }
    if (!left) return true;
    if (pick == nullptr) {
      std::vector<std::string> heads;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        const std::string& n = seqs[i][pos[i]]->name;
        if (std::find(heads.begin(), heads.end(), n) == heads.end()) heads.push_back(n);
      }
      RaiseTypeError(ts, absl::StrCat("Cannot create a consistent method resolution\norder (MRO) for bases ",
                                      absl::StrJoin(heads, ", ")));
      return false;
    }
    out->push_back(pick);
    for (size_t i = 0; i < seqs.size(); ++i)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) ++pos[i];
  }
}

// The most derived of `meta` and the metaclasses of `bases`; null with TypeError on a conflict.
TypeObject* WinningMetaclass(ThreadState& ts, TypeObject* meta, const std::vector<TypeObject*>& bases) {
  TypeObject* winner = meta;
  for (TypeObject* b : bases) {
    TypeObject* m = b->type;
    if (winner->IsSubtypeOf(m)) continue;
    if (m->IsSubtypeOf(winner)) {
      winner = m;
      continue;
    }
    RaiseTypeError(ts, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                       "of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// The names of a __slots__ value (a string or an iterable of strings), checked as CPython does.
bool ReadSlots(ThreadState& ts, Value slots, std::vector<std::string>* names) {
  if (IsStr(slots)) {
    names->push_back(As<StrObject>(slots)->str());
  } else {
    Root it(ts, GetIter(ts, slots));
    if (it.get().is_null()) return false;
    Root item(ts);
    for (;;) {
      Value v;
      int r = IterNext(ts, it.get(), &v);
      if (r < 0) return false;
      if (r == 0) break;
      if (!IsStr(v)) {
        RaiseTypeError(ts, absl::StrCat("__slots__ items must be strings, not '", TypeName(ts, v), "'"));
        return false;
      }
      names->push_back(As<StrObject>(v)->str());
    }
  }
  for (const std::string& n : *names) {
    bool ok = !n.empty() && !(n[0] >= '0' && n[0] <= '9');
    for (char c : n) ok = ok && (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                  static_cast<unsigned char>(c) >= 0x80);
    if (!ok) {
      RaiseTypeError(ts, "__slots__ must be identifiers");
      return false;
    }
  }
  return true;
}

// Applies __slots__ from the class dict: records the names, decides whether instances get a
// __dict__, and refuses names that clash with class attributes.
bool ApplySlots(ThreadState& ts, TypeObject* cls) {
  Interpreter& in = ts.interp;
  Value slots = DictGetStr(cls->dict, in.names.__slots__);
  bool base_has_dict = false;
  for (TypeObject* b : cls->bases.empty() ? std::vector<TypeObject*>{cls->base} : cls->bases)
    if (!b->is_builtin && b->instances_have_dict) base_has_dict = true;
  if (slots.is_null()) {
    cls->instances_have_dict = true;
    return true;
  }
  cls->has_slots = true;
  std::vector<std::string> names;
  if (!ReadSlots(ts, slots, &names)) return false;
  bool wants_dict = false;
  for (const std::string& n : names) {
    if (n == "__dict__") {
      if (wants_dict || base_has_dict) {
        RaiseTypeError(ts, "__dict__ slot disallowed: we already got one");
        return false;
      }
      wants_dict = true;
      continue;
    }
    if (std::count(names.begin(), names.end(), n) > 1 ||
        !DictGetStr(cls->dict, Intern(in, n)).is_null()) {
      RaiseValueError(ts, absl::StrCat("'", n, "' in __slots__ conflicts with class variable"));
      return false;
    }
    if (n != "__weakref__") cls->slots.push_back(n);
  }
  cls->instances_have_dict = wants_dict || base_has_dict;
  return true;
}

// __new__ is an implicit staticmethod, __init_subclass__ and __class_getitem__ implicit
// classmethods, when the class body defines them as plain functions.
void WrapImplicitMethods(Interpreter& in, DictObject* dict) {
  auto wrap = [&](StrObject* name, Kind kind, TypeObject* type) {
    Value f = DictGetStr(dict, name);
    if (IsObjectOfKind(f, Kind::kFunction))
      DictSetStr(dict, name, Value::Obj(in.heap.New<MethodWrapperObject>(type, kind, f)));
  };
  wrap(in.names.__new__, Kind::kStaticMethod, in.types.staticmethod);
  wrap(in.names.__init_subclass__, Kind::kClassMethod, in.types.classmethod);
  wrap(in.names.__class_getitem__, Kind::kClassMethod, in.types.classmethod);
}

std::string ModuleOfCaller(ThreadState& ts) {
  if (ts.frame == nullptr || ts.frame->globals == nullptr) return "builtins";
  Value n = DictGetStr(ts.frame->globals, ts.interp.names.__name__);
  return IsStr(n) ? As<StrObject>(n)->str() : "builtins";
}

// Calls value.__set_name__(cls, name) for every attribute whose type has one. As in 3.11, an
// error is re-raised as RuntimeError with the original as its cause.
bool CallSetNames(ThreadState& ts, TypeObject* cls) {
  Interpreter& in = ts.interp;
  RootedVector items(ts);
  for (const auto& e : cls->dict->entries) {
    if (e.key.is_null()) continue;
    items.push_back(e.key);
    items.push_back(e.value);
  }
  for (size_t i = 0; i + 1 < items.size(); i += 2) {
    Value v = items.items()[i + 1];
    if (!v.is_object() || v.as_object()->type->is_builtin) continue;
    Value hook = LookupInType(v.as_object()->type, in.names.__set_name__);
    if (hook.is_null()) continue;
    Value args[2] = {Value::Obj(cls), items.items()[i]};
    if (!CallFound(ts, hook, v, args, 2).is_null()) continue;
    RootedPtr<ExceptionObject> cause(ts, FetchException(ts));
    std::string key = IsStr(items.items()[i]) ? As<StrObject>(items.items()[i])->str() : "?";
    Raise(ts, in.exc.RuntimeError, absl::StrCat("Error calling __set_name__ on '", TypeName(ts, v), "' instance '",
                                                key, "' in '", cls->name, "'"));
    ts.exc->cause = Value::Obj(cause.get());
    ts.exc->context = Value::Obj(cause.get());
    ts.exc->suppress_context = true;
    return false;
  }
  return true;
}

// super(cls, cls).__init_subclass__(**kwargs).
bool CallInitSubclass(ThreadState& ts, TypeObject* cls, const Value* kwvalues, TupleObject* kwnames) {
  Interpreter& in = ts.interp;
  Value hook;
  for (size_t i = 1; i < cls->mro.size() && hook.is_null(); ++i)
    if (cls->mro[i]->dict != nullptr) hook = DictGetStr(cls->mro[i]->dict, in.names.__init_subclass__);
  if (hook.is_null()) return true;
  Root f(ts, BindAttr(ts, hook, Value::Obj(cls), cls));
  if (f.get().is_null()) return false;
  return !Call(ts, f.get(), kwvalues, 0, kwnames).is_null();
}

}  // namespace

// type.__new__(meta, name, bases, namespace, **kwargs): makes the class.
Value CreateClass(ThreadState& ts, TypeObject* meta, Value name_v, Value bases_v, Value ns_v, const Value* kwvalues,
                  TupleObject* kwnames) {
  Interpreter& in = ts.interp;
  if (!IsStr(name_v))
    return RaiseTypeError(ts, absl::StrCat("type.__new__() argument 1 must be str, not ", TypeName(ts, name_v)));
  if (!IsTuple(bases_v))
    return RaiseTypeError(ts, absl::StrCat("type.__new__() argument 2 must be tuple, not ", TypeName(ts, bases_v)));
  if (!IsDict(ns_v))
    return RaiseTypeError(ts, absl::StrCat("type.__new__() argument 3 must be dict, not ", TypeName(ts, ns_v)));
  std::vector<TypeObject*> bases;
  for (Value b : As<TupleObject>(bases_v)->items) {
    if (!IsType(b)) {
      if (!LookupInType(TypeOf(in, b), Intern(in, "__mro_entries__")).is_null())
        return RaiseTypeError(ts, "type() doesn't support MRO entry resolution; use types.new_class()");
      return RaiseTypeError(ts, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                "subclass of the metaclasses of all its bases");
    }
    bases.push_back(As<TypeObject>(b));
  }
  TypeObject* winner = WinningMetaclass(ts, meta, bases);
  if (winner == nullptr) return Value::Null();
  if (winner != meta) {
    // A more derived metaclass among the bases makes the class instead, as in CPython.
    Value wnew = LookupInType(winner, in.names.__new__);
    if (!wnew.Is(LookupInType(in.types.type, in.names.__new__))) {
      std::vector<Value> argv = {Value::Obj(winner), name_v, bases_v, ns_v};
      size_t nkw = kwnames ? kwnames->size() : 0;
      argv.insert(argv.end(), kwvalues, kwvalues + nkw);
      Root keep(ts, wnew);
      if (IsObjectOfKind(wnew, Kind::kStaticMethod)) keep.set(As<MethodWrapperObject>(wnew)->callable);
      return Call(ts, keep.get(), argv.data(), 4, kwnames);
    }
    meta = winner;
  }
  bool no_bases = bases.empty();
  if (no_bases) bases.push_back(in.types.object);
  TypeObject* best = BestBase(ts, bases);
  if (best == nullptr) return Value::Null();

  RootedPtr<DictObject> dict(ts, NewDict(ts));
  for (const auto& e : As<DictObject>(ns_v)->entries)
    if (!e.key.is_null() && !DictSet(ts, dict.get(), e.key, e.value)) return Value::Null();
  StrObject* name = As<StrObject>(name_v);
  Kind kind = best->instance_kind;
  // Subclasses of int and float hold their number in a BoxedNumber, an ordinary instance.
  if (best->IsSubtypeOf(in.types.int_) || best->IsSubtypeOf(in.types.float_)) kind = Kind::kInstance;
  TypeObject* cls = in.heap.New<TypeObject>(meta, name->str(), kind);
  RootedPtr<TypeObject> keep_cls(ts, cls);
  cls->dict = dict.get();
  cls->base = best;
  if (!no_bases) cls->bases = bases;
  cls->epoch = &in.type_epoch;
  if (!ComputeMro(ts, cls, bases, &cls->mro)) return Value::Null();

  Value qualname = DictGetStr(dict.get(), in.names.__qualname__);
  if (!qualname.is_null() && !IsStr(qualname))
    return RaiseTypeError(ts, absl::StrCat("type __qualname__ must be a str, not ", TypeName(ts, qualname)));
  cls->qualname = IsStr(qualname) ? As<StrObject>(qualname)->view() : name->view();
  DictDelStr(dict.get(), in.names.__qualname__);
  Value module = DictGetStr(dict.get(), in.names.__module__);
  if (module.is_null()) {
    cls->module = ModuleOfCaller(ts);
    Value m = NewStrValue(ts, cls->module);
    if (m.is_null()) return m;
    DictSetStr(dict.get(), in.names.__module__, m);
  } else {
    cls->module = IsStr(module) ? As<StrObject>(module)->view() : "";
  }
  if (DictGetStr(dict.get(), in.names.__doc__).is_null()) DictSetStr(dict.get(), in.names.__doc__, Value::None());
  // A class that defines __eq__ but not __hash__ is unhashable, as in CPython.
  if (!DictGetStr(dict.get(), in.names.__eq__).is_null() && DictGetStr(dict.get(), in.names.__hash__).is_null())
    DictSetStr(dict.get(), in.names.__hash__, Value::None());
  WrapImplicitMethods(in, dict.get());
  if (!ApplySlots(ts, cls)) return Value::Null();
  StrObject* classcell = Intern(in, "__classcell__");
  Value cell = DictGetStr(dict.get(), classcell);
  if (IsObjectOfKind(cell, Kind::kCell)) {
    As<CellObject>(cell)->value = Value::Obj(cls);
    DictDelStr(dict.get(), classcell);
  }
  for (TypeObject* b : bases) b->subclasses.push_back(cls);

  if (!CallSetNames(ts, cls)) return Value::Null();
  if (!CallInitSubclass(ts, cls, kwvalues, kwnames)) return Value::Null();
  return Value::Obj(cls);
}

namespace {

// The namespace the class body runs in: meta.__prepare__(name, bases, **kwargs), or a new dict.
Value PrepareNamespace(ThreadState& ts, Value meta, Value name, Value bases, const Value* kwvalues,
                       TupleObject* kwnames) {
  Interpreter& in = ts.interp;
  StrObject* prepare = Intern(in, "__prepare__");
  if (IsType(meta) && LookupInType(As<TypeObject>(meta), prepare).Is(LookupInType(in.types.type, prepare)))
    return Value::Obj(NewDict(ts));
  Root f(ts, GetAttrOrNull(ts, meta, prepare));
  if (f.get().is_null()) return ts.exc ? Value::Null() : Value::Obj(NewDict(ts));
  std::vector<Value> argv = {name, bases};
  size_t nkw = kwnames ? kwnames->size() : 0;
  argv.insert(argv.end(), kwvalues, kwvalues + nkw);
  Root ns(ts, Call(ts, f.get(), argv.data(), 2, kwnames));
  if (ns.get().is_null()) return Value::Null();
  if (!IsDict(ns.get())) {
    std::string mname = IsType(meta) ? As<TypeObject>(meta)->name : "<metaclass>";
    if (LookupInType(TypeOf(in, ns.get()), in.names.__getitem__).is_null())
      return RaiseTypeError(ts, absl::StrCat(mname, ".__prepare__() must return a mapping, not ", TypeName(ts, ns.get())));
    return RaiseTypeError(ts, "a __prepare__ namespace that is not a dict (or dict subclass) is not supported by gilvm yet");
  }
  return ns.get();
}

// Runs the class body with `ns` as its locals; returns the __class__ cell (or None), Null on error.
Value RunClassBody(ThreadState& ts, FunctionObject* body, DictObject* ns) {
  Interpreter& in = ts.interp;
  Frame* frame = ts.PushFrame(body->code, body, body->globals, ns);
  if (frame == nullptr) return Value::Null();
  CodeObject* code = body->code;
  int first_cell = code->first_cell();
  for (size_t j = 0; j < code->cellvars.size(); ++j)
    frame->localsplus[first_cell + j] = Value::Obj(in.heap.New<CellObject>(in.types.cell, Value()));
  for (size_t k = 0; k < code->freevars.size(); ++k)
    frame->localsplus[first_cell + code->cellvars.size() + k] = Value::Obj(body->closure[k]);
  frame->is_entry = true;
  return Eval(ts, frame);
}

// PEP 560: a base that is not a class but has __mro_entries__ is replaced by the classes its
// __mro_entries__(bases) returns. Null on error; `orig` itself when nothing changed.
Value ResolveMroEntries(ThreadState& ts, TupleObject* orig) {
  Interpreter& in = ts.interp;
  StrObject* hook = Intern(in, "__mro_entries__");
  bool changed = false;
  RootedVector out(ts);
  for (size_t i = 0; i < orig->size(); ++i) {
    Value b = orig->items[i];
    Value f = IsType(b) ? Value::Null() : LookupInType(TypeOf(in, b), hook);
    if (f.is_null()) {
      out.push_back(b);
      continue;
    }
    changed = true;
    Value arg = Value::Obj(orig);
    Value r = CallFound(ts, f, b, &arg, 1);
    if (r.is_null()) return r;
    if (!IsTuple(r)) return RaiseTypeError(ts, "__mro_entries__ must return a tuple");
    for (Value v : As<TupleObject>(r)->items) out.push_back(v);
  }
  if (!changed) return Value::Obj(orig);
  return Value::Obj(NewTuple(ts, out.items()));
}

// __build_class__(func, name, *bases, metaclass=None, **kwargs).
Value BuildClass(ThreadState& ts, const CallArgs& args) {
  Interpreter& in = ts.interp;
  if (args.nargs < 2) return RaiseTypeError(ts, "__build_class__: not enough arguments");
  if (!IsObjectOfKind(args.argv[0], Kind::kFunction)) return RaiseTypeError(ts, "__build_class__: func must be a function");
  if (!IsStr(args.argv[1])) return RaiseTypeError(ts, "__build_class__: name is not a string");
  FunctionObject* body = As<FunctionObject>(args.argv[0]);
  RootedPtr<TupleObject> orig_bases(ts, NewTuple(ts, std::span<const Value>(args.argv + 2, args.nargs - 2)));
  Root resolved(ts, ResolveMroEntries(ts, orig_bases.get()));
  if (resolved.get().is_null()) return Value::Null();
  TupleObject* bases = As<TupleObject>(resolved.get());
  // Split off metaclass=; the other keywords go to __prepare__, the metaclass and __init_subclass__.
  Root meta(ts);
  RootedVector kwvalues(ts);
  std::vector<Value> kwname_list;
  for (size_t i = 0; i < args.nkw(); ++i) {
    Value key = args.kwnames->items[i];
    if (As<StrObject>(key)->view() == "metaclass") {
      meta.set(args.argv[args.nargs + i]);
    } else {
      kwname_list.push_back(key);
      kwvalues.push_back(args.argv[args.nargs + i]);
    }
  }
  RootedPtr<TupleObject> kwnames(ts, kwname_list.empty() ? nullptr : NewTuple(ts, kwname_list));
  std::vector<TypeObject*> base_types;
  for (Value b : bases->items) {
    if (!IsType(b)) {
      // Its type joins the metaclass calculation, where (not being a metaclass) it conflicts.
      if (meta.get().is_null() || IsType(meta.get()))
        return RaiseTypeError(ts, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                  "subclass of the metaclasses of all its bases");
      continue;
    }
    base_types.push_back(As<TypeObject>(b));
  }
  if (meta.get().is_null()) meta.set(Value::Obj(base_types.empty() ? in.types.type : base_types[0]->type));
  if (IsType(meta.get()) && As<TypeObject>(meta.get())->IsSubtypeOf(in.types.type)) {
    TypeObject* winner = WinningMetaclass(ts, As<TypeObject>(meta.get()), base_types);
    if (winner == nullptr) return Value::Null();
    meta.set(Value::Obj(winner));
  }
  Root ns(ts, PrepareNamespace(ts, meta.get(), args.argv[1], Value::Obj(bases), kwvalues.items().data(), kwnames.get()));
  if (ns.get().is_null()) return Value::Null();
  if (bases != orig_bases.get() &&
      !SetItem(ts, ns.get(), Value::Obj(Intern(in, "__orig_bases__")), Value::Obj(orig_bases.get())))
    return Value::Null();
  Root cell(ts, RunClassBody(ts, body, As<DictObject>(ns.get())));
  if (cell.get().is_null()) return Value::Null();
  std::vector<Value> argv = {args.argv[1], Value::Obj(bases), ns.get()};
  argv.insert(argv.end(), kwvalues.items().data(), kwvalues.items().data() + kwvalues.items().size());
  Root cls(ts, Call(ts, meta.get(), argv.data(), 3, kwnames.get()));
  if (cls.get().is_null()) return Value::Null();
  if (IsObjectOfKind(cell.get(), Kind::kCell) && As<CellObject>(cell.get())->value.is_null())
    As<CellObject>(cell.get())->value = cls.get();
  return cls.get();
}

// type.__new__ as a static method: type(x) and type(name, bases, dict, **kwargs).
Value TypeNewMethod(ThreadState& ts, const CallArgs& a) {
  Interpreter& in = ts.interp;
  if (a.nargs < 1 || !IsType(a.argv[0])) return RaiseTypeError(ts, "type.__new__(X): X is not a type object");
  TypeObject* meta = As<TypeObject>(a.argv[0]);
  if (!meta->IsSubtypeOf(in.types.type))
    return RaiseTypeError(ts, absl::StrCat("type.__new__(", meta->name, "): ", meta->name, " is not a subtype of type"));
  if (meta == in.types.type && a.nargs == 2 && a.nkw() == 0) return Value::Obj(TypeOf(in, a.argv[1]));
  if (a.nargs != 4) {
    if (meta == in.types.type) return RaiseTypeError(ts, "type() takes 1 or 3 arguments");
    return RaiseTypeError(ts, absl::StrCat("type.__new__() takes exactly 3 arguments (", a.nargs - 1, " given)"));
  }
  return CreateClass(ts, meta, a.argv[1], a.argv[2], a.argv[3], a.argv + a.nargs, a.kwnames);
}

Value TypeInit(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2 && a.nargs != 4) return RaiseTypeError(ts, "type.__init__() takes 1 or 3 arguments");
  if (a.nargs == 2 && a.nkw() != 0) return RaiseTypeError(ts, "type.__init__() takes no keyword arguments");
  return Value::None();
}

Value TypePrepare(ThreadState& ts, const CallArgs& a) { return Value::Obj(NewDict(ts)); }

Value TypeCallMethod(ThreadState& ts, const CallArgs& a) {
  if (a.nargs < 1 || !IsType(a.argv[0])) return RaiseTypeError(ts, "descriptor '__call__' requires a 'type' object");
  return ConstructInstance(ts, As<TypeObject>(a.argv[0]), a.argv + 1, a.nargs - 1, a.kwnames);
}

Value TypeMro(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 1 || !IsType(a.argv[0])) return RaiseTypeError(ts, "mro() takes no arguments");
  std::vector<Value> items;
  for (TypeObject* t : As<TypeObject>(a.argv[0])->mro) items.push_back(Value::Obj(t));
  return Value::Obj(NewList(ts, std::move(items)));
}

Value TypeSubclasses(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 1 || !IsType(a.argv[0])) return RaiseTypeError(ts, "__subclasses__() takes no arguments");
  std::vector<Value> items;
  for (TypeObject* t : As<TypeObject>(a.argv[0])->subclasses) items.push_back(Value::Obj(t));
  return Value::Obj(NewList(ts, std::move(items)));
}

// object.__init_subclass__: accepts no keyword arguments.
Value ObjectInitSubclass(ThreadState& ts, const CallArgs& a) {
  if (a.nkw() != 0 || a.nargs > 1) {
    std::string q = a.nargs >= 1 && IsType(a.argv[0]) ? As<TypeObject>(a.argv[0])->qualname : "object";
    if (a.nkw() != 0) return RaiseTypeError(ts, absl::StrCat(q, ".__init_subclass__() takes no keyword arguments"));
    return RaiseTypeError(ts, absl::StrCat(q, ".__init_subclass__() takes no arguments (", a.nargs - 1, " given)"));
  }
  return Value::None();
}

}  // namespace

void InitClassCreation(Interpreter& in) {
  AddFunction(in, in.builtins, "__build_class__", BuildClass);
  TypeObject* t = in.types.type;
  AddStaticMethod(in, t, "__new__", TypeNewMethod);
  AddMethod(in, t, "__init__", TypeInit);
  AddMethod(in, t, "__call__", TypeCallMethod);
  AddMethod(in, t, "mro", TypeMro);
  AddMethod(in, t, "__subclasses__", TypeSubclasses);
  AddClassMethod(in, t, "__prepare__", TypePrepare);
  AddClassMethod(in, in.types.object, "__init_subclass__", ObjectInitSubclass);
  InitMappingProxyType(in);
  InitGenericAlias(in);
}

}  // namespace gilvm::vm

namespace gilvm::vm {

// Every class is reachable from a built-in type through `subclasses` links, so a walk from the
// built-ins reaches every list that may hold a dead class.
void PruneDeadSubclasses(Interpreter& in) {
  std::vector<TypeObject*> work(in.extra_types.begin(), in.extra_types.end());
  absl::flat_hash_set<TypeObject*> seen(work.begin(), work.end());
  while (!work.empty()) {
    TypeObject* t = work.back();
    work.pop_back();
    auto& subs = t->subclasses;
    subs.erase(std::remove_if(subs.begin(), subs.end(), [](TypeObject* s) { return !s->marked; }), subs.end());
    for (TypeObject* s : subs)
      if (seen.insert(s).second) work.push_back(s);
  }
}

}  // namespace gilvm::vm

// ---------------------------------------------------------------------------------------------
// mappingproxy: what C.__dict__ returns, a live read-only view of the class's dict.

namespace gilvm::vm {

namespace {

struct MappingProxyObject final : Object {
  MappingProxyObject(TypeObject* t, DictObject* d) : Object(t, Kind::kMappingProxy), dict(d) {}
  void Trace(Tracer& t) override { t.Visit(reinterpret_cast<Object*>(dict)); }
  DictObject* dict;
};

// The read-only dict methods, applied to the viewed dict.
constexpr const char* kProxyMethods[] = {"__getitem__", "__len__", "__iter__", "__contains__", "keys",
                                         "values",      "items",   "get",      "copy",         "__reversed__"};

template <int I>
Value ProxyForward(ThreadState& ts, const CallArgs& a) {
  Interpreter& in = ts.interp;
  RootedVector argv(ts);
  argv.items().assign(a.argv, a.argv + a.nargs + a.nkw());
  argv.items()[0] = Value::Obj(As<MappingProxyObject>(a.argv[0])->dict);
  Value f = DictGetStr(in.types.dict->dict, Intern(in, kProxyMethods[I]));
  return Call(ts, f, argv.items().data(), a.nargs, a.kwnames);
}

Value ProxyRepr(ThreadState& ts, const CallArgs& a) {
  std::string inner;
  if (!ReprString(ts, Value::Obj(As<MappingProxyObject>(a.argv[0])->dict), &inner)) return Value::Null();
  return NewStrValue(ts, absl::StrCat("mappingproxy(", inner, ")"));
}

Value ProxyEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return RaiseTypeError(ts, "expected 1 argument");
  return RichCompare(ts, Value::Obj(As<MappingProxyObject>(a.argv[0])->dict), a.argv[1], CmpOp::kEq);
}

template <int... I>
void AddProxyMethods(Interpreter& in, TypeObject* t, std::integer_sequence<int, I...>) {
  (AddMethod(in, t, kProxyMethods[I], ProxyForward<I>), ...);
}

}  // namespace

Value NewMappingProxy(ThreadState& ts, DictObject* dict) {
  return Value::Obj(ts.interp.heap.New<MappingProxyObject>(ts.interp.types.mappingproxy, dict));
}

void InitMappingProxyType(Interpreter& in) {
  TypeObject* t = NewBuiltinType(in, "mappingproxy", nullptr, Kind::kMappingProxy);
  t->subclassable = false;
  in.types.mappingproxy = t;
  AddProxyMethods(in, t, std::make_integer_sequence<int, std::size(kProxyMethods)>());
  AddMethod(in, t, "__repr__", ProxyRepr);
  AddMethod(in, t, "__eq__", ProxyEq);
  DictSetStr(t->dict, in.names.__hash__, Value::None());
}

}  // namespace gilvm::vm

// ---------------------------------------------------------------------------------------------
// types.GenericAlias: what list[int] returns. An ordinary instance whose dict holds __origin__
// and __args__ (always a tuple), printed as CPython prints it.

namespace gilvm::vm {

namespace {

// One item of an alias's repr: "..." for Ellipsis, a nested alias's repr, a class's
// module-qualified name (bare for builtins), else repr().
bool AliasItemRepr(ThreadState& ts, Value v, std::string* out) {
  Interpreter& in = ts.interp;
  if (v.Is(in.ellipsis)) {
    *out = "...";
    return true;
  }
  if (IsType(v)) {
    TypeObject* t = As<TypeObject>(v);
    Value m = t->dict ? DictGetStr(t->dict, in.names.__module__) : Value::Null();
    std::string mod = IsStr(m) ? As<StrObject>(m)->str() : t->module;
    const std::string& q = t->qualname.empty() ? t->name : t->qualname;
    *out = mod == "builtins" || mod.empty() ? q : absl::StrCat(mod, ".", q);
    return true;
  }
  return ReprString(ts, v, out);
}

// types.GenericAlias, found among the built-in types (made once, by InitGenericAlias).
TypeObject* GenericAliasType(Interpreter& in) {
  for (TypeObject* t : in.extra_types)
    if (t->name == "GenericAlias" && t->module == "types") return t;
  return nullptr;
}

Value AliasField(ThreadState& ts, Value alias, const char* name) {
  return InstanceGet(As<InstanceObject>(alias), Intern(ts.interp, name));
}

Value AliasRepr(ThreadState& ts, const CallArgs& a) {
  std::string origin;
  if (!AliasItemRepr(ts, AliasField(ts, a.argv[0], "__origin__"), &origin)) return Value::Null();
  Value args = AliasField(ts, a.argv[0], "__args__");
  std::vector<std::string> parts;
  if (IsTuple(args)) {
    for (Value v : As<TupleObject>(args)->items) {
      std::string s;
      if (!AliasItemRepr(ts, v, &s)) return Value::Null();
      parts.push_back(std::move(s));
    }
  }
  std::string inner = parts.empty() ? "()" : absl::StrJoin(parts, ", ");
  return NewStrValue(ts, absl::StrCat(origin, "[", inner, "]"));
}

Value AliasCall(ThreadState& ts, const CallArgs& a) {
  Root origin(ts, AliasField(ts, a.argv[0], "__origin__"));
  return Call(ts, origin.get(), a.argv + 1, a.nargs - 1, a.kwnames);
}

Value AliasEq(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 2) return RaiseTypeError(ts, "expected 1 argument");
  if (!IsObjectOfKind(a.argv[1], Kind::kInstance) || a.argv[1].as_object()->type != a.argv[0].as_object()->type)
    return ts.interp.not_implemented;
  if (!AliasField(ts, a.argv[0], "__origin__").Is(AliasField(ts, a.argv[1], "__origin__"))) return Value::Bool(false);
  return RichCompare(ts, AliasField(ts, a.argv[0], "__args__"), AliasField(ts, a.argv[1], "__args__"), CmpOp::kEq);
}

Value AliasMroEntries(ThreadState& ts, const CallArgs& a) {
  return Value::Obj(NewTuple(ts, {AliasField(ts, a.argv[0], "__origin__")}));
}

// list.__class_getitem__(item) and the other built-in generics'.
Value BuiltinClassGetItem(ThreadState& ts, const CallArgs& a) {
  Interpreter& in = ts.interp;
  if (a.nargs != 2) return RaiseTypeError(ts, "__class_getitem__ expected 1 argument");
  RootedPtr<TupleObject> args(ts, IsTuple(a.argv[1]) && a.argv[1].as_object()->type == in.types.tuple
                                      ? As<TupleObject>(a.argv[1])
                                      : NewTuple(ts, {a.argv[1]}));
  RootedPtr<DictObject> d(ts, NewDict(ts));
  DictSetStr(d.get(), Intern(in, "__origin__"), a.argv[0]);
  DictSetStr(d.get(), Intern(in, "__args__"), Value::Obj(args.get()));
  return Value::Obj(in.heap.New<InstanceObject>(GenericAliasType(in), d.get()));
}

}  // namespace

void InitGenericAlias(Interpreter& in) {
  TypeObject* t = NewBuiltinType(in, "GenericAlias", nullptr, Kind::kInstance, "types");
  AddMethod(in, t, "__repr__", AliasRepr);
  AddMethod(in, t, "__call__", AliasCall);
  AddMethod(in, t, "__eq__", AliasEq);
  AddMethod(in, t, "__mro_entries__", AliasMroEntries);
  for (TypeObject* g : {in.types.list, in.types.dict, in.types.tuple, in.types.type, in.types.set, in.types.frozenset})
    AddClassMethod(in, g, "__class_getitem__", BuiltinClassGetItem);
}

}  // namespace gilvm::vm
