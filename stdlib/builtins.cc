// The builtins namespace: built-in functions, the built-in types under their names, and the
// construction (__new__) of the built-in value types.
#include <unistd.h>

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "stdlib/io.h"
#include "stdlib/stdlib.h"
#include "vm/bigint.h"
#include "vm/bytes.h"
#include "vm/codecs.h"
#include "vm/dict.h"
#include "vm/exec.h"
#include "vm/errors.h"
#include "vm/float.h"
#include "vm/format.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/range.h"
#include "vm/str.h"
#include "vm/tuple.h"
#include "vm/utf8.h"
#include "vm/subclass.h"

namespace gilvm::stdlib {

using namespace vm;  // NOLINT: this file is a client of the whole native API

namespace {

CallArgs Rest(const CallArgs& a, size_t skip = 1) { return CallArgs{a.argv + skip, a.nargs - skip, a.kwnames}; }

// ---------------------------------------------------------------------------------------------
// output and input

// A print() sep/end value: Null means "use the default".
bool PrintString(ThreadState& ts, Value v, const char* what, const char* dflt, std::string* out) {
  if (v.is_null() || v.is_none()) {
    *out = dflt;
    return true;
  }
  if (!IsStr(v)) {
    RaiseTypeError(ts, absl::StrCat(what, " must be None or a string, not ", TypeName(ts, v)));
    return false;
  }
  *out = As<StrObject>(v)->view();
  return true;
}

Value Print(ThreadState& ts, const CallArgs& a) {
  Value kw[4];  // sep, end, file, flush
  CallArgs kwonly{a.argv + a.nargs, 0, a.kwnames};
  if (!ParseArgs(ts, kwonly, Params{"print", {"sep", "end", "file", "flush"}, 0, 0, 0}, kw)) return Value::Null();
  std::string sep, end;
  if (!PrintString(ts, kw[0], "sep", " ", &sep) || !PrintString(ts, kw[1], "end", "\n", &end)) return Value::Null();
  std::vector<std::string> parts;
  parts.reserve(2 * a.nargs + 1);
  for (size_t i = 0; i < a.nargs; ++i) {
    std::string s;
    if (!StrString(ts, a.argv[i], &s)) return Value::Null();
    if (i > 0) parts.push_back(sep);
    parts.push_back(std::move(s));
  }
  parts.push_back(end);
  if (!WriteText(ts, kw[2], parts)) return Value::Null();
  if (!kw[3].is_null()) {
    int flush = IsTrue(ts, kw[3]);
    if (flush < 0) return Value::Null();
    Value file = kw[2].is_null() || kw[2].is_none() ? DictGetStr(ts.interp.sys_module->dict, Intern(ts.interp, "stdout")) : kw[2];
    if (flush && !file.is_null() && !file.is_none() && CallMethod(ts, file, ts.interp.names.flush, nullptr, 0).is_null())
      return Value::Null();
  }
  return Value::None();
}

Value Input(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "input") || !ArgCountBetween(ts, a, "input", 0, 1)) return Value::Null();
  Value out = DictGetStr(ts.interp.sys_module->dict, Intern(ts.interp, "stdout"));
  Root stdout_obj(ts, out.is_null() ? Value::None() : out);
  if (a.nargs == 1) {
    std::string prompt;
    if (!StrString(ts, a.argv[0], &prompt) || !WriteText(ts, stdout_obj.get(), {prompt})) return Value::Null();
  }
  if (!stdout_obj.get().is_none() && CallMethod(ts, stdout_obj.get(), ts.interp.names.flush, nullptr, 0).is_null())
    return Value::Null();
  Value in = DictGetStr(ts.interp.sys_module->dict, Intern(ts.interp, "stdin"));
  if (in.is_null() || in.is_none()) return Raise(ts, ts.interp.exc.RuntimeError, "input(): lost sys.stdin");
  Root stdin_obj(ts, in);
  std::string line;
  if (!ReadInputLine(ts, stdin_obj.get(), &line)) return Value::Null();
  return NewStrValue(ts, line);
}

// ---------------------------------------------------------------------------------------------
// simple functions

Value Len(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "len", 1, 1)) return Value::Null();
  int64_t n = Length(ts, a.argv[0]);
  return n < 0 ? Value::Null() : Value::Int(n);
}

Value ReprFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "repr", 1, 1)) return Value::Null();
  return Repr(ts, a.argv[0]);
}

Value AbsFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "abs", 1, 1)) return Value::Null();
  return Absolute(ts, a.argv[0]);
}

Value HashFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "hash", 1, 1)) return Value::Null();
  int64_t h;
  return Hash(ts, a.argv[0], &h) ? Value::Int(h) : Value::Null();
}

Value Id(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "id", 1, 1)) return Value::Null();
  Value v = a.argv[0];
  if (v.is_object()) return Value::Int(static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.as_object())));
  // Unboxed values: odd numbers (object addresses are even), stable per value.
  uint64_t h = (v.bits() * 0x9E3779B97F4A7C15ull) ^ (static_cast<uint64_t>(v.tag()) << 56);
  return Value::Int(static_cast<int64_t>((h | 1) & 0x7fffffffffffffffull));
}

Value Callable(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "callable", 1, 1)) return Value::Null();
  return Value::Bool(IsCallable(ts.interp, a.argv[0]));
}

Value Ord(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "ord", 1, 1)) return Value::Null();
  std::string_view octets;
  if (BytesLikeView(a.argv[0], &octets)) {
    if (octets.size() != 1)
      return RaiseTypeError(ts, absl::StrCat("ord() expected a character, but string of length ", octets.size(), " found"));
    return Value::Int(static_cast<unsigned char>(octets[0]));
  }
  if (!IsStr(a.argv[0]))
    return RaiseTypeError(ts, absl::StrCat("ord() expected string of length 1, but ", TypeName(ts, a.argv[0]), " found"));
  auto* s = As<StrObject>(a.argv[0]);
  if (s->length() != 1)
    return RaiseTypeError(ts, absl::StrCat("ord() expected a character, but string of length ", s->length(), " found"));
  size_t i = 0;
  return Value::Int(DecodeUtf8(s->view(), &i));
}

Value Chr(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "chr", 1, 1)) return Value::Null();
  int64_t c;
  if (IsBigInt(a.argv[0])) return BigIntToIndexError(ts, "Python int too large to convert to C int"), Value::Null();
  if (!ToIndex(ts, a.argv[0], &c)) return Value::Null();
  if (c < 0 || c > 0x10FFFF) return RaiseValueError(ts, "chr() arg not in range(0x110000)");
  std::string out;
  AppendUtf8(out, static_cast<uint32_t>(c));
  return NewStrValue(ts, out);
}

// ---------------------------------------------------------------------------------------------
// attributes

StrObject* AttrName(ThreadState& ts, Value v) {
  if (IsStr(v)) return As<StrObject>(v);
  RaiseTypeError(ts, absl::StrCat("attribute name must be string, not '", TypeName(ts, v), "'"));
  return nullptr;
}

Value HasAttr(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "hasattr", 2, 2)) return Value::Null();
  StrObject* name = AttrName(ts, a.argv[1]);
  if (name == nullptr) return Value::Null();
  Value v = GetAttrOrNull(ts, a.argv[0], name);
  if (v.is_null() && ts.exc) return Value::Null();
  return Value::Bool(!v.is_null());
}

Value GetAttrFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "getattr", 2, 3)) return Value::Null();
  StrObject* name = AttrName(ts, a.argv[1]);
  if (name == nullptr) return Value::Null();
  if (a.nargs == 2) return GetAttr(ts, a.argv[0], name);
  Value v = GetAttrOrNull(ts, a.argv[0], name);
  if (v.is_null() && !ts.exc) return a.argv[2];
  return v;
}

Value SetAttrFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "setattr", 3, 3)) return Value::Null();
  StrObject* name = AttrName(ts, a.argv[1]);
  if (name == nullptr || !SetAttr(ts, a.argv[0], name, a.argv[2])) return Value::Null();
  return Value::None();
}

Value DelAttrFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "delattr", 2, 2)) return Value::Null();
  StrObject* name = AttrName(ts, a.argv[1]);
  if (name == nullptr || !DelAttr(ts, a.argv[0], name)) return Value::Null();
  return Value::None();
}

Value Vars(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "vars", 0, 1)) return Value::Null();
  if (a.nargs == 0) return FrameLocals(ts);
  Value d = GetAttrOrNull(ts, a.argv[0], ts.interp.names.__dict__);
  if (d.is_null() && !ts.exc) return RaiseTypeError(ts, "vars() argument must have __dict__ attribute");
  return d;
}

void AddKeys(ThreadState& ts, DictObject* names, DictObject* from) {
  if (from == nullptr) return;
  for (auto& e : from->entries)
    if (!e.key.is_null()) DictSet(ts, names, e.key, Value::None());
}

// The keys of `names` as a sorted list (dir()'s result).
Value SortedKeys(ThreadState& ts, DictObject* names) {
  std::vector<Value> keys;
  for (auto& e : names->entries)
    if (!e.key.is_null()) keys.push_back(e.key);
  RootedPtr<ListObject> list(ts, NewList(ts, std::move(keys)));
  if (!ListSort(ts, list.get(), Value::None(), false)) return Value::Null();
  return Value::Obj(list.get());
}

// Attributes gilvm answers outside the type dicts (vm/ops.cc, BuiltinDataAttr) that CPython's
// dir() lists, by kind of object.
void AddImplicitNames(ThreadState& ts, DictObject* names, Value v) {
  auto add = [&](std::initializer_list<const char*> list) {
    for (const char* n : list) DictSetStr(names, Intern(ts.interp, n), Value::None());
  };
  add({"__class__"});
  if (!v.is_object()) return;
  switch (v.as_object()->kind) {
    case Kind::kInstance:
      if (!TypeOf(ts.interp, v)->is_builtin) add({"__dict__"});
      break;
    case Kind::kType:
      if (!As<TypeObject>(v)->is_builtin) add({"__dict__", "__module__"});
      break;
    case Kind::kFunction:
      add({"__code__", "__defaults__", "__globals__", "__kwdefaults__", "__module__", "__name__", "__qualname__"});
      break;
    case Kind::kException:
      add({"__cause__", "__context__", "__dict__", "__suppress_context__", "__traceback__", "args"});
      break;
    case Kind::kRange: add({"start", "step", "stop"}); break;
    default: break;
  }
}

Value Dir(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "dir", 0, 1)) return Value::Null();
  RootedPtr<DictObject> names(ts, NewDict(ts));
  if (a.nargs == 0) {
    Value local = FrameLocals(ts);
    if (local.is_null()) return local;
    AddKeys(ts, names.get(), As<DictObject>(local));
    return SortedKeys(ts, names.get());
  }
  Value v = a.argv[0];
  if (IsObjectOfKind(v, Kind::kModule)) {
    // A module's own __dir__ (PEP 562) decides, sorted as dir() always is.
    Value hook = DictGetStr(As<ModuleObject>(v)->dict, Intern(ts.interp, "__dir__"));
    if (!hook.is_null()) {
      Value listed = Call(ts, hook, nullptr, 0);
      if (listed.is_null()) return listed;
      Root keep(ts, listed);
      return Call(ts, DictGetStr(ts.interp.builtins, Intern(ts.interp, "sorted")), keep.slot(), 1);
    }
    AddKeys(ts, names.get(), As<ModuleObject>(v)->dict);
  } else {
    if (IsObjectOfKind(v, Kind::kInstance) || IsObjectOfKind(v, Kind::kException))
      AddKeys(ts, names.get(), InstanceAttrDict(ts, As<InstanceObject>(v)));
    TypeObject* t = IsObjectOfKind(v, Kind::kType) ? As<TypeObject>(v) : TypeOf(ts.interp, v);
    for (TypeObject* m : t->mro) AddKeys(ts, names.get(), m->dict);
    AddImplicitNames(ts, names.get(), v);
  }
  return SortedKeys(ts, names.get());
}

// ---------------------------------------------------------------------------------------------
// types

// Whether `cls` is a class or (nested) tuples of classes only: the cases the fast path handles.
bool IsClassOrTuple(Value cls) {
  if (IsObjectOfKind(cls, Kind::kType)) return true;
  if (!IsTuple(cls)) return false;
  for (Value c : As<TupleObject>(cls)->items)
    if (!IsClassOrTuple(c)) return false;
  return true;
}

bool SubclassOfAny(TypeObject* t, Value cls) {
  if (IsObjectOfKind(cls, Kind::kType)) return t->IsSubtypeOf(As<TypeObject>(cls));
  for (Value c : As<TupleObject>(cls)->items)
    if (SubclassOfAny(t, c)) return true;
  return false;
}

// Whether any class in `cls` (a type or nested tuples of them) has a user metaclass with `hook`
// (__instancecheck__ / __subclasscheck__); only then is the slow path needed.
bool AnyUserCheck(ThreadState& ts, Value cls, StrObject* hook) {
  if (IsObjectOfKind(cls, Kind::kType)) {
    TypeObject* meta = cls.as_object()->type;
    return !meta->is_builtin && !LookupInType(meta, hook).is_null();
  }
  for (Value c : As<TupleObject>(cls)->items)
    if (AnyUserCheck(ts, c, hook)) return true;
  return false;
}

// isinstance/issubclass as CPython's PyObject_IsInstance/IsSubclass: an exact type match, then
// tuples item by item (so `isinstance(1, (int, 3))` is True), then the hook on the type of
// `cls` (any object may define it, as typing's aliases do), then the MRO. 1, 0, -1 raised.
int CheckWithHooks(ThreadState& ts, Value v, Value cls, bool instance) {
  if (instance && cls.is_object() && TypeOf(ts.interp, v) == cls.as_object()) return 1;
  if (IsTuple(cls)) {
    Root keep(ts, cls);
    for (size_t i = 0; i < As<TupleObject>(cls)->size(); ++i) {
      int r = CheckWithHooks(ts, v, As<TupleObject>(cls)->items[i], instance);
      if (r != 0) return r;
    }
    return 0;
  }
  StrObject* hook = Intern(ts.interp, instance ? "__instancecheck__" : "__subclasscheck__");
  TypeObject* meta = TypeOf(ts.interp, cls);
  Value f = meta->is_builtin ? Value::Null() : LookupInType(meta, hook);
  if (!f.is_null()) {
    Root r(ts, CallFound(ts, f, cls, &v, 1));
    if (r.get().is_null()) return -1;
    return IsTrue(ts, r.get());
  }
  if (!IsObjectOfKind(cls, Kind::kType)) {
    RaiseTypeError(ts, instance ? "isinstance() arg 2 must be a type, a tuple of types, or a union"
                                : "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  if (!instance && !IsObjectOfKind(v, Kind::kType)) {
    RaiseTypeError(ts, "issubclass() arg 1 must be a class");
    return -1;
  }
  TypeObject* sub = instance ? TypeOf(ts.interp, v) : As<TypeObject>(v);
  return sub->IsSubtypeOf(As<TypeObject>(cls));
}

Value IsInstanceFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "isinstance", 2, 2)) return Value::Null();
  if (IsClassOrTuple(a.argv[1]) && !AnyUserCheck(ts, a.argv[1], Intern(ts.interp, "__instancecheck__")))
    return Value::Bool(SubclassOfAny(TypeOf(ts.interp, a.argv[0]), a.argv[1]));
  int r = CheckWithHooks(ts, a.argv[0], a.argv[1], true);
  return r < 0 ? Value::Null() : Value::Bool(r);
}

Value IsSubclassFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "issubclass", 2, 2)) return Value::Null();
  if (IsClassOrTuple(a.argv[1]) && !AnyUserCheck(ts, a.argv[1], Intern(ts.interp, "__subclasscheck__"))) {
    if (!IsObjectOfKind(a.argv[0], Kind::kType)) return RaiseTypeError(ts, "issubclass() arg 1 must be a class");
    return Value::Bool(SubclassOfAny(As<TypeObject>(a.argv[0]), a.argv[1]));
  }
  int r = CheckWithHooks(ts, a.argv[0], a.argv[1], false);
  return r < 0 ? Value::Null() : Value::Bool(r);
}

// ---------------------------------------------------------------------------------------------
// iteration

// Calls fn(item) for each item of iterable until fn returns false (stop) or fails.
// Returns 1 when exhausted, 0 when fn stopped, -1 raised.
template <typename Fn>
int ForEach(ThreadState& ts, Value iterable, Fn fn) {
  Root it(ts, GetIter(ts, iterable));
  if (it.get().is_null()) return -1;
  Root item(ts);
  for (;;) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r <= 0) return r == 0 ? 1 : -1;
    item.set(v);
    int go = fn(v);
    if (go <= 0) return go;
  }
}

Value AnyAll(ThreadState& ts, const CallArgs& a, const char* name, bool want) {
  if (!ArgCountBetween(ts, a, name, 1, 1)) return Value::Null();
  bool hit = false;
  int r = ForEach(ts, a.argv[0], [&](Value v) {
    int t = IsTrue(ts, v);
    if (t < 0) return -1;
    if (static_cast<bool>(t) == want) hit = true;
    return hit ? 0 : 1;
  });
  if (r < 0) return Value::Null();
  return Value::Bool(want ? hit : !hit);
}

Value Any(ThreadState& ts, const CallArgs& a) { return AnyAll(ts, a, "any", true); }
Value All(ThreadState& ts, const CallArgs& a) { return AnyAll(ts, a, "all", false); }

Value MinMax(ThreadState& ts, const CallArgs& a, const char* name, CmpOp op) {
  Value kw[2];  // key, default
  CallArgs kwonly{a.argv + a.nargs, 0, a.kwnames};
  if (!ParseArgs(ts, kwonly, Params{name, {"key", "default"}, 0, 0, 0}, kw)) return Value::Null();
  if (a.nargs == 0) return RaiseTypeError(ts, absl::StrCat(name, " expected at least 1 argument, got 0"));
  if (a.nargs > 1 && !kw[1].is_null())
    return RaiseTypeError(ts, absl::StrCat("Cannot specify a default for ", name, "() with multiple positional arguments"));
  Value key = kw[0].is_null() ? Value::None() : kw[0];
  Root best(ts), best_key(ts), item_key(ts), seq(ts);
  if (a.nargs == 1) seq.set(a.argv[0]);
  else seq.set(Value::Obj(NewTuple(ts, std::span<const Value>(a.argv, a.nargs))));
  int r = ForEach(ts, seq.get(), [&](Value v) {
    item_key.set(key.is_none() ? v : Call(ts, key, &v, 1));
    if (item_key.get().is_null()) return -1;
    if (best.get().is_null()) {
      best.set(v);
      best_key.set(item_key.get());
      return 1;
    }
    Root cmp(ts, RichCompare(ts, item_key.get(), best_key.get(), op));
    if (cmp.get().is_null()) return -1;
    int t = IsTrue(ts, cmp.get());
    if (t < 0) return -1;
    if (t) {
      best.set(v);
      best_key.set(item_key.get());
    }
    return 1;
  });
  if (r < 0) return Value::Null();
  if (best.get().is_null()) {
    if (!kw[1].is_null()) return kw[1];
    return RaiseValueError(ts, absl::StrCat(name, "() arg is an empty sequence"));
  }
  return best.get();
}

Value Min(ThreadState& ts, const CallArgs& a) { return MinMax(ts, a, "min", CmpOp::kLt); }
Value Max(ThreadState& ts, const CallArgs& a) { return MinMax(ts, a, "max", CmpOp::kGt); }

Value Sum(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, a, Params{"sum", {"iterable", "start"}, 1, 1}, args)) return Value::Null();
  Root total(ts, args[1].is_null() ? Value::Int(0) : args[1]);
  if (IsStr(total.get())) return RaiseTypeError(ts, "sum() can't sum strings [use ''.join(seq) instead]");
  if (IsObjectOfKind(total.get(), Kind::kBytes)) return RaiseTypeError(ts, "sum() can't sum bytes [use b''.join(seq) instead]");
  int r = ForEach(ts, args[0], [&](Value v) {
    total.set(BinaryOp(ts, total.get(), v, static_cast<uint32_t>(BinOp::kAdd)));
    return total.get().is_null() ? -1 : 1;
  });
  return r < 0 ? Value::Null() : total.get();
}

Value Sorted(ThreadState& ts, const CallArgs& a) {
  if (a.nargs != 1) return RaiseTypeError(ts, absl::StrCat("sorted expected 1 argument, got ", a.nargs));
  Value kw[2];
  CallArgs kwonly{a.argv + a.nargs, 0, a.kwnames};
  if (!ParseArgs(ts, kwonly, Params{"sort", {"key", "reverse"}, 0, 0, 0}, kw)) return Value::Null();
  RootedPtr<ListObject> list(ts, NewList(ts));
  if (!ListExtend(ts, list.get(), a.argv[0])) return Value::Null();
  int reverse = kw[1].is_null() ? 0 : IsTrue(ts, kw[1]);
  if (reverse < 0) return Value::Null();
  if (!ListSort(ts, list.get(), kw[0].is_null() ? Value::None() : kw[0], reverse)) return Value::Null();
  return Value::Obj(list.get());
}

Value IterFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "iter", 1, 2)) return Value::Null();
  if (a.nargs == 2) {
    if (!IsCallable(ts.interp, a.argv[0])) return RaiseTypeError(ts, "iter(v, w): v must be callable");
    IteratorObject* it = NewIterator(ts, IterKind::kCallable, a.argv[1]);
    it->func = a.argv[0];
    return Value::Obj(it);
  }
  return GetIter(ts, a.argv[0]);
}

Value Next(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "next", 1, 2)) return Value::Null();
  if (!IsObjectOfKind(a.argv[0], Kind::kIterator)) {
    // A user __next__'s own StopIteration (with its value) propagates unchanged.
    bool found;
    Value r = CallSpecial(ts, a.argv[0], ts.interp.names.__next__, nullptr, 0, &found);
    if (!found) return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, a.argv[0]), "' object is not an iterator"));
    if (r.is_null() && a.nargs == 2 && ExceptionMatches(ts, ts.interp.exc.StopIteration)) {
      ClearException(ts);
      return a.argv[1];
    }
    return r;
  }
  Value out;
  int r = IterNext(ts, a.argv[0], &out);
  if (r > 0) return out;
  if (r < 0) return Value::Null();
  if (a.nargs == 2) return a.argv[1];
  return RaiseNoArgs(ts, ts.interp.exc.StopIteration);
}

// reversed(seq): __reversed__, else the sequence protocol over __len__ and __getitem__.
Value ReversedNew(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "reversed") || !ArgCountBetween(ts, Rest(a), "reversed", 1, 1)) return Value::Null();
  Value seq = a.argv[1];
  bool found;
  Value r = CallSpecial(ts, seq, ts.interp.names.__reversed__, nullptr, 0, &found);
  if (found) return r;
  TypeObject* t = TypeOf(ts.interp, seq);
  if (LookupInType(t, ts.interp.names.__getitem__).is_null() || IsDict(seq) ||
      LookupInType(t, ts.interp.names.__len__).is_null())
    return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, seq), "' object is not reversible"));
  int64_t n = Length(ts, seq);
  if (n < 0) return Value::Null();
  IteratorObject* it = NewIterator(ts, IterKind::kReversed, seq);
  it->index = n - 1;
  return Value::Obj(it);
}

Value EnumerateNew(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, Rest(a), Params{"enumerate", {"iterable", "start"}, 0}, args)) return Value::Null();
  if (args[0].is_null()) return RaiseTypeError(ts, "enumerate() missing required argument 'iterable'");
  int64_t start = 0;
  if (!args[1].is_null() && !ToIndex(ts, args[1], &start)) return Value::Null();
  Root it(ts, GetIter(ts, args[0]));
  if (it.get().is_null()) return Value::Null();
  IteratorObject* e = NewIterator(ts, IterKind::kEnumerate, it.get());
  e->index = start;
  return Value::Obj(e);
}

// Iterators over argv[0..n), for zip and map.
bool IterAll(ThreadState& ts, const Value* argv, size_t n, RootedVector& out) {
  for (size_t i = 0; i < n; ++i) {
    Value it = GetIter(ts, argv[i]);
    if (it.is_null()) return false;
    out.push_back(it);
  }
  return true;
}

Value ZipNew(ThreadState& ts, const CallArgs& a) {
  Value strict;
  CallArgs kwonly{a.argv + a.nargs, 0, a.kwnames};
  if (!ParseArgs(ts, kwonly, Params{"zip", {"strict"}, 0, 0, 0}, &strict)) return Value::Null();
  int s = strict.is_null() ? 0 : IsTrue(ts, strict);
  if (s < 0) return Value::Null();
  RootedVector its(ts);
  if (!IterAll(ts, a.argv + 1, a.nargs - 1, its)) return Value::Null();
  IteratorObject* z = NewIterator(ts, IterKind::kZip, Value::None());
  z->sources = its.items();
  z->strict = s;
  return Value::Obj(z);
}

Value MapNew(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "map")) return Value::Null();
  if (a.nargs < 3) return RaiseTypeError(ts, "map() must have at least two arguments.");
  RootedVector its(ts);
  if (!IterAll(ts, a.argv + 2, a.nargs - 2, its)) return Value::Null();
  IteratorObject* m = NewIterator(ts, IterKind::kMap, Value::None());
  m->sources = its.items();
  m->func = a.argv[1];
  return Value::Obj(m);
}

Value FilterNew(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "filter") || !ArgCountBetween(ts, Rest(a), "filter", 2, 2)) return Value::Null();
  Root it(ts, GetIter(ts, a.argv[2]));
  if (it.get().is_null()) return Value::Null();
  IteratorObject* f = NewIterator(ts, IterKind::kFilter, it.get());
  f->func = a.argv[1];
  return Value::Obj(f);
}

// ---------------------------------------------------------------------------------------------
// numbers

Value FloatToInt(ThreadState& ts, double d) { return IntFromDouble(ts, d); }

Value Round(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, a, Params{"round", {"number", "ndigits"}, 1}, args)) return Value::Null();
  Value x = args[0];
  bool has_nd = !args[1].is_null() && !args[1].is_none();
  int64_t nd = 0;
  // A huge ndigits clamps, as CPython's conversion to Py_ssize_t does here.
  if (has_nd && IsBigInt(args[1])) nd = IntRef(args[1])->negative() ? INT64_MIN : INT64_MAX;
  else if (has_nd && !ToIndex(ts, args[1], &nd)) return Value::Null();
  if (IsAnyInt(x)) return IntRoundDigits(ts, x, nd);
  if (x.is_float()) {
    if (!has_nd) return FloatToInt(ts, std::nearbyint(x.as_float()));
    return Value::Float(RoundFloat(x.as_float(), nd));
  }
  bool found;
  Value r = CallSpecial(ts, x, ts.interp.names.__round__, has_nd ? &args[1] : nullptr, has_nd ? 1 : 0, &found);
  if (found) return r;
  return RaiseTypeError(ts, absl::StrCat("type ", TypeName(ts, x), " doesn't define __round__ method"));
}

Value DivMod(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "divmod", 2, 2)) return Value::Null();
  Value x = a.argv[0], y = a.argv[1];
  bool xi = IsAnyInt(x), yi = IsAnyInt(y);
  bool xnum = xi || x.is_float(), ynum = yi || y.is_float();
  if (xnum && ynum) {
    if (xi && yi) return IntDivmodValues(ts, x, y);
    // float divmod converts both operands first: a huge int overflows before a zero divides.
    double ignored;
    if ((IsBigInt(x) && !AnyIntToDouble(ts, x, &ignored)) || (IsBigInt(y) && !AnyIntToDouble(ts, y, &ignored)))
      return Value::Null();
    if (y.is_float() ? y.as_float() == 0.0 : (y.is_intlike() && y.as_int() == 0))
      return RaiseZeroDivision(ts, "float divmod()");
    Root q(ts, BinaryOp(ts, x, y, static_cast<uint32_t>(BinOp::kFloorDiv)));
    if (q.get().is_null()) return Value::Null();
    Root r(ts, BinaryOp(ts, x, y, static_cast<uint32_t>(BinOp::kMod)));
    if (r.get().is_null()) return Value::Null();
    return Value::Obj(NewTuple(ts, {q.get(), r.get()}));
  }
  StrObject* dm = Intern(ts.interp, "__divmod__");
  StrObject* rdm = Intern(ts.interp, "__rdivmod__");
  bool found;
  Value r = CallSpecial(ts, x, dm, &y, 1, &found);
  if (found && (r.is_null() || !r.Is(ts.interp.not_implemented))) return r;
  if (TypeOf(ts.interp, x) != TypeOf(ts.interp, y)) {
    r = CallSpecial(ts, y, rdm, &x, 1, &found);
    if (found && (r.is_null() || !r.Is(ts.interp.not_implemented))) return r;
  }
  return RaiseTypeError(ts, absl::StrCat("unsupported operand type(s) for divmod(): '", TypeName(ts, x), "' and '",
                                         TypeName(ts, y), "'"));
}

// format(value, format_spec='', /)
Value FormatFn(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "format") || !ArgCountBetween(ts, a, "format", 1, 2)) return Value::Null();
  Value spec = a.nargs == 2 ? a.argv[1] : Value::Null();
  if (!spec.is_null() && !IsStr(spec))
    return RaiseTypeError(ts, absl::StrCat("format() argument 2 must be str, not ", TypeName(ts, spec)));
  return FormatObject(ts, a.argv[0], spec);
}

Value Pow(ThreadState& ts, const CallArgs& a) {
  Value args[3];
  if (!ParseArgs(ts, a, Params{"pow", {"base", "exp", "mod"}, 2}, args)) return Value::Null();
  if (args[2].is_null() || args[2].is_none()) return BinaryOp(ts, args[0], args[1], static_cast<uint32_t>(BinOp::kPow));
  if (!IsAnyInt(args[0]) || !IsAnyInt(args[1]) || !IsAnyInt(args[2]))
    return RaiseTypeError(ts, "pow() 3rd argument not allowed unless all arguments are integers");
  return AnyIntPowMod(ts, args[0], args[1], args[2]);
}

// hex(), oct(), bin(): any int (or __index__ object) with its base prefix.
template <int base>
Value IntToBaseFn(ThreadState& ts, const CallArgs& a) {
  static constexpr const char* kNames[] = {"", "", "bin", "", "", "", "", "", "oct", "", "", "", "", "", "", "", "hex"};
  static constexpr const char* kPrefixes[] = {"", "", "0b", "", "", "", "", "", "0o", "", "", "", "", "", "", "", "0x"};
  if (!ArgCountBetween(ts, a, kNames[base], 1, 1)) return Value::Null();
  Value v = a.argv[0];
  if (!IsAnyInt(v)) {
    bool found;
    v = CallSpecial(ts, a.argv[0], ts.interp.names.__index__, nullptr, 0, &found);
    if (!found)
      return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, a.argv[0]), "' object cannot be interpreted as an integer"));
    if (v.is_null()) return v;
    if (!IsAnyInt(v)) return RaiseTypeError(ts, absl::StrCat("__index__ returned non-int (type ", TypeName(ts, v), ")"));
  }
  std::string digits = AnyIntToBase(v, base);
  bool neg = digits[0] == '-';
  return NewStrValue(ts, absl::StrCat(neg ? "-" : "", kPrefixes[base], neg ? digits.substr(1) : digits));
}

Value IntToFloatValue(ThreadState& ts, Value v) {
  double d;
  if (!AnyIntToDouble(ts, v, &d)) return Value::Null();
  return Value::Float(d);
}

// ---------------------------------------------------------------------------------------------
// construction of the built-in value types (static __new__: argv[0] is the class)

Value IntFromValue(ThreadState& ts, Value x) {
  if (x.is_intlike()) return Value::Int(x.as_int());
  if (IsBigInt(x)) return x;
  if (x.is_float()) return FloatToInt(ts, std::trunc(x.as_float()));
  if (IsStr(x)) return ParseInt(ts, As<StrObject>(x)->view(), 10);
  Interpreter& in = ts.interp;
  for (StrObject* name : {in.names.__int__, in.names.__index__}) {
    bool found;
    Value r = CallSpecial(ts, x, name, nullptr, 0, &found);
    if (!found) continue;
    if (r.is_null() || r.is_intlike()) return r.is_null() ? r : Value::Int(r.as_int());
    if (IsBigInt(r)) return r;
    return RaiseTypeError(ts, absl::StrCat(name->str(), " returned non-int (type ", TypeName(ts, r), ")"));
  }
  return RaiseTypeError(ts, absl::StrCat("int() argument must be a string, a bytes-like object or a real number, not '",
                                         TypeName(ts, x), "'"));
}

Value IntNewExact(ThreadState& ts, const CallArgs& a);
Value FloatNewExact(ThreadState& ts, const CallArgs& a);

// int(...) and float(...) for a subclass: the number, boxed with the subclass (vm/subclass.h).
Value NewNumberOfType(ThreadState& ts, const CallArgs& a, TypeObject* exact, NativeFn make) {
  if (a.nargs < 1 || !IsObjectOfKind(a.argv[0], Kind::kType))
    return RaiseTypeError(ts, absl::StrCat(exact->name, ".__new__(X): X is not a type object"));
  auto* cls = As<TypeObject>(a.argv[0]);
  if (!cls->IsSubtypeOf(exact))
    return RaiseTypeError(ts, absl::StrCat(exact->name, ".__new__(", cls->name, "): ", cls->name, " is not a subtype of ",
                                           exact->name));
  Value n = make(ts, a);
  if (n.is_null() || cls == exact) return n;
  if (n.is_object()) {
    // A big-int result (or anything not unboxed) cannot be boxed yet.
    return RaiseTypeError(ts, absl::StrCat("gilvm cannot yet make a ", cls->name, " from this value"));
  }
  if (exact == ts.interp.types.int_ && n.is_bool()) n = Value::Int(n.as_int());
  return NewBoxedNumber(ts, cls, n);
}

Value IntNew(ThreadState& ts, const CallArgs& a) {
  return NewNumberOfType(ts, a, ts.interp.types.int_, IntNewExact);
}
Value FloatNew(ThreadState& ts, const CallArgs& a) {
  return NewNumberOfType(ts, a, ts.interp.types.float_, FloatNewExact);
}

Value IntNewExact(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, Rest(a), Params{"int", {"x", "base"}, 0, 1}, args)) return Value::Null();
  if (args[0].is_null()) {
    if (!args[1].is_null()) return RaiseTypeError(ts, "int() missing string argument");
    return Value::Int(0);
  }
  if (args[1].is_null()) return IntFromValue(ts, args[0]);
  int64_t base;
  if (!ToIndex(ts, args[1], &base)) return Value::Null();
  if (!IsStr(args[0])) return RaiseTypeError(ts, "int() can't convert non-string with explicit base");
  if (base != 0 && (base < 2 || base > 36)) return RaiseValueError(ts, "int() base must be >= 2 and <= 36, or 0");
  return ParseInt(ts, As<StrObject>(args[0])->view(), static_cast<int>(base));
}

Value FloatNewExact(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "float") || !ArgCountBetween(ts, Rest(a), "float", 0, 1)) return Value::Null();
  if (a.nargs == 1) return Value::Float(0.0);
  Value x = a.argv[1];
  if (x.is_float()) return x;
  if (x.is_intlike()) return Value::Float(static_cast<double>(x.as_int()));
  if (IsBigInt(x)) return IntToFloatValue(ts, x);
  if (IsStr(x)) return ParseFloat(ts, As<StrObject>(x)->view());
  bool found;
  Value r = CallSpecial(ts, x, ts.interp.names.__float__, nullptr, 0, &found);
  if (found) {
    if (r.is_null() || r.is_float()) return r;
    return RaiseTypeError(ts, absl::StrCat(TypeName(ts, x), ".__float__ returned non-float (type ", TypeName(ts, r), ")"));
  }
  r = CallSpecial(ts, x, ts.interp.names.__index__, nullptr, 0, &found);
  if (found) return IsAnyInt(r) ? IntToFloatValue(ts, r) : r;
  return RaiseTypeError(ts, absl::StrCat("float() argument must be a string or a real number, not '", TypeName(ts, x), "'"));
}

// str(object, encoding, errors): object's octets decoded.
Value StrFromBytes(ThreadState& ts, const Value* args) {
  std::string_view octets;
  if (IsStr(args[0])) return RaiseTypeError(ts, "decoding str is not supported");
  if (!BytesLikeView(args[0], &octets))
    return RaiseTypeError(ts, absl::StrCat("decoding to str: need a bytes-like object, ", TypeName(ts, args[0]), " found"));
  std::string_view names[2] = {"utf-8", "strict"};
  const char* what[2] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i) {
    Value v = args[i + 1];
    if (v.is_null()) continue;
    if (!IsStr(v)) return RaiseTypeError(ts, absl::StrCat("str() argument '", what[i], "' must be str, not ", TypeName(ts, v)));
    names[i] = As<StrObject>(v)->view();
  }
  std::string text;
  if (!DecodeBytes(ts, octets, names[0], names[1], &text)) return Value::Null();
  return NewStrValue(ts, text);
}

Value StrNew(ThreadState& ts, const CallArgs& a) {
  Value args[3];
  if (!ParseArgs(ts, Rest(a), Params{"str", {"object", "encoding", "errors"}, 0}, args)) return Value::Null();
  bool decode = !args[0].is_null() && (!args[1].is_null() || !args[2].is_null());
  Root s(ts, args[0].is_null() ? NewStrValue(ts, "") : decode ? StrFromBytes(ts, args) : Str(ts, args[0]));
  if (s.get().is_null()) return Value::Null();
  auto* cls = As<TypeObject>(a.argv[0]);
  if (cls == ts.interp.types.str) return s.get();
  return Value::Obj(NewStrOfType(ts, cls, As<StrObject>(s.get())));
}

Value BoolNew(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "bool") || !ArgCountBetween(ts, Rest(a), "bool", 0, 1)) return Value::Null();
  if (a.nargs == 1) return Value::Bool(false);
  int t = IsTrue(ts, a.argv[1]);
  return t < 0 ? Value::Null() : Value::Bool(t);
}

Value TypeNew(ThreadState& ts, const CallArgs& a) {
  if (a.nargs == 2 && a.nkw() == 0) return Value::Obj(TypeOf(ts.interp, a.argv[1]));
  return RaiseTypeError(ts, "type() takes 1 or 3 arguments");
}

void Bind(Interpreter& in, std::string_view name, Value v) { DictSetStr(in.builtins, Intern(in, name), v); }
void BindType(Interpreter& in, TypeObject* t) { Bind(in, t->name, Value::Obj(t)); }

// Builtins gilvm leaves out: calling one says so by name (a NameError would suggest a typo).
Value MemoryViewFn(ThreadState& ts, const CallArgs& a) {
  return Raise(ts, ts.interp.exc.NotImplementedError, "memoryview is not supported by gilvm (use bytes or bytearray)");
}
Value HelpFn(ThreadState& ts, const CallArgs& a) {
  return Raise(ts, ts.interp.exc.NotImplementedError, "help() is not supported by gilvm (it has no pydoc)");
}

Value AsciiFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "ascii", 1, 1)) return Value::Null();
  return Ascii(ts, a.argv[0]);
}

// exit and quit: objects that tell a REPL user how to leave when shown, and raise SystemExit
// when called (CPython's _sitebuiltins.Quitter).
Value QuitterRepr(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  Value name = InstanceGet(As<InstanceObject>(a.argv[0]), ts.interp.names.__name__);
  std::string_view n = IsObjectOfKind(name, Kind::kStr) ? As<StrObject>(name)->view() : "exit";
  return NewStrValue(ts, absl::StrCat("Use ", std::string(n), "() or Ctrl-D (i.e. EOF) to exit"));
}

Value QuitterCall(ThreadState& ts, const CallArgs& a) {
  Value code;
  if (!ParseArgs(ts, Rest(a), Params{"__call__", {"code"}, 0}, &code)) return Value::Null();
  Value argv[1] = {code.is_null() ? Value::None() : code};
  Value exc = Call(ts, Value::Obj(ts.interp.exc.SystemExit), argv, 1);
  if (exc.is_null()) return Value::Null();
  return RaiseObject(ts, As<ExceptionObject>(exc));
}

void InstallQuitters(Interpreter& in) {
  TypeObject* type = NewBuiltinType(in, "Quitter", nullptr, Kind::kInstance, "_sitebuiltins");
  AddMethod(in, type, "__repr__", QuitterRepr);
  AddMethod(in, type, "__call__", QuitterCall);
  for (const char* name : {"exit", "quit"}) {
    DictObject* dict = in.heap.New<DictObject>(in.types.dict);
    Bind(in, name, Value::Obj(dict));  // keeps the dict alive while the instance is allocated
    auto* q = in.heap.New<InstanceObject>(type, dict);
    Bind(in, name, Value::Obj(q));
    DictSetStr(dict, in.names.__name__, Value::Obj(Intern(in, name)));
  }
}

// help: shown, it says what CPython's does (_sitebuiltins._Helper); called, it fails and names
// what is missing, since the interactive help is pydoc, which gilvm does not have.
Value HelperRepr(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  return NewStrValue(ts, "Type help() for interactive help, or help(object) for help about object.");
}

Value HelperCall(ThreadState& ts, const CallArgs& a) {
  return Raise(ts, ts.interp.exc.NotImplementedError,
               "help() is not supported by gilvm: it needs pydoc; print(obj.__doc__) shows an object's docstring");
}

void InstallHelper(Interpreter& in) {
  TypeObject* type = NewBuiltinType(in, "_Helper", nullptr, Kind::kInstance, "_sitebuiltins");
  AddMethod(in, type, "__repr__", HelperRepr);
  AddMethod(in, type, "__call__", HelperCall);
  DictObject* dict = in.heap.New<DictObject>(in.types.dict);
  Bind(in, "help", Value::Obj(dict));  // keeps the dict alive while the instance is allocated
  Bind(in, "help", Value::Obj(in.heap.New<InstanceObject>(type, dict)));
}

// Installs `__new__` unless the type's own engineer already did.
void AddNew(Interpreter& in, TypeObject* t, NativeFn fn) {
  if (DictGetStr(t->dict, in.names.__new__).is_null()) AddStaticMethod(in, t, "__new__", fn);
}

// ---------------------------------------------------------------------------------------------
// object's protocol methods that dir() shows on every object

Value ObjectSizeOf(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  Value v = a.argv[0];
  return Value::Int(16 + (v.is_object() ? static_cast<int64_t>(v.as_object()->ExtraBytes()) : 0));
}

Value ObjectDirMethod(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  return Dir(ts, CallArgs{a.argv, 1, nullptr});
}

// object.__init_subclass__: the hook a class's creation would call on its base; does nothing.
Value ObjectInitSubclass(ThreadState& ts, const CallArgs& a) {
  if (a.nargs > 1 || a.nkw() > 0) {
    std::string cls = IsObjectOfKind(a.argv[0], Kind::kType) ? As<TypeObject>(a.argv[0])->name : "object";
    return RaiseTypeError(ts, a.nkw() > 0 ? cls + ".__init_subclass__() takes no keyword arguments"
                                          : cls + ".__init_subclass__() takes no arguments (" + std::to_string(a.nargs - 1) + " given)");
  }
  return Value::None();
}

Value ObjectSubclassHook(ThreadState& ts, const CallArgs& a) { return ts.interp.not_implemented; }

// The instance's __dict__ when it has entries, else None (object.__getstate__ in 3.11).
Value ObjectGetState(ThreadState& ts, const CallArgs& a) {
  if (!CheckSlotArity(ts, a, 1, 1)) return Value::Null();
  Value d = GetAttrOrNull(ts, a.argv[0], ts.interp.names.__dict__);
  if (d.is_null()) return ts.exc ? d : Value::None();
  if (IsDict(d) && As<DictObject>(d)->size() > 0) return d;
  return Value::None();
}

Value ObjectReduce(ThreadState& ts, const CallArgs& a) {
  return Raise(ts, ts.interp.exc.NotImplementedError,
               "object.__reduce__() and __reduce_ex__() are not supported by gilvm (copy and pickle work without them)");
}

void InstallObjectProtocol(Interpreter& in) {
  TypeObject* t = in.types.object;
  AddMethod(in, t, "__sizeof__", ObjectSizeOf);
  AddMethod(in, t, "__dir__", ObjectDirMethod);
  AddMethod(in, t, "__getstate__", ObjectGetState);
  AddMethod(in, t, "__reduce__", ObjectReduce);
  AddMethod(in, t, "__reduce_ex__", ObjectReduce);
  AddClassMethod(in, t, "__init_subclass__", ObjectInitSubclass);
  AddClassMethod(in, t, "__subclasshook__", ObjectSubclassHook);
  // Every object has a __doc__; gilvm keeps no docstrings for built-in types, so it reads None.
  DictSetStr(t->dict, in.names.__doc__, Value::None());
}


void InstallFunctions(Interpreter& in) {
  AddFunctions(in, in.builtins, {
      {"print", Print},       {"input", Input},       {"len", Len},           {"repr", ReprFn},
      {"abs", AbsFn},         {"hash", HashFn},       {"id", Id},             {"callable", Callable},
      {"ord", Ord},           {"chr", Chr},           {"hex", IntToBaseFn<16>}, {"oct", IntToBaseFn<8>}, {"bin", IntToBaseFn<2>},           {"hasattr", HasAttr},   {"getattr", GetAttrFn},
      {"setattr", SetAttrFn}, {"delattr", DelAttrFn}, {"vars", Vars},         {"dir", Dir},
      {"isinstance", IsInstanceFn}, {"issubclass", IsSubclassFn}, {"any", Any}, {"all", All},
      {"min", Min},           {"max", Max},           {"sum", Sum},           {"sorted", Sorted},
      {"iter", IterFn},       {"next", Next},         {"round", Round},       {"divmod", DivMod},
      {"pow", Pow},           {"format", FormatFn},     {"ascii", AsciiFn},
      {"memoryview", MemoryViewFn}, {"help", HelpFn},
  });
}

void InstallTypes(Interpreter& in) {
  BuiltinTypes& t = in.types;
  AddNew(in, t.int_, IntNew);
  AddNew(in, t.float_, FloatNew);
  AddNew(in, t.str, StrNew);
  AddNew(in, t.bool_, BoolNew);
  AddNew(in, t.type, TypeNew);
  AddStaticMethod(in, IteratorType(in, IterKind::kReversed), "__new__", ReversedNew);
  AddStaticMethod(in, IteratorType(in, IterKind::kEnumerate), "__new__", EnumerateNew);
  AddStaticMethod(in, IteratorType(in, IterKind::kZip), "__new__", ZipNew);
  AddStaticMethod(in, IteratorType(in, IterKind::kMap), "__new__", MapNew);
  AddStaticMethod(in, IteratorType(in, IterKind::kFilter), "__new__", FilterNew);
  for (IterKind k : {IterKind::kReversed, IterKind::kEnumerate, IterKind::kZip, IterKind::kMap, IterKind::kFilter})
    BindType(in, IteratorType(in, k));
  for (TypeObject* type : {t.object, t.type, t.int_, t.float_, t.str, t.bytes, t.bytearray, t.bool_, t.list, t.tuple, t.dict, t.range,
                           t.set, t.frozenset, t.slice, t.property, t.staticmethod, t.classmethod})
    BindType(in, type);
#define GILVM_BIND_EXC(name, base) BindType(in, in.exc.name);
  GILVM_EXCEPTION_TYPES(GILVM_BIND_EXC)
#undef GILVM_BIND_EXC
  Bind(in, "EnvironmentError", Value::Obj(in.exc.OSError));
  Bind(in, "IOError", Value::Obj(in.exc.OSError));
  Bind(in, "NotImplemented", in.not_implemented);
  Bind(in, "Ellipsis", in.ellipsis);
}

}  // namespace

void InitBuiltins(Interpreter& in) {
  InitObjectType(in);
  if (DictGetStr(in.builtins, in.names.__name__).is_null())
    DictSetStr(in.builtins, in.names.__name__, Value::Obj(Intern(in, "builtins")));
  InstallFunctions(in);
  InstallTypes(in);
  InstallQuitters(in);
  InstallHelper(in);
  InstallObjectProtocol(in);
}

ModuleObject* MakeMathModule(ThreadState& ts);  // stdlib/math.cc

void RegisterModules(Interpreter& in) {
  in.native_modules["math"] = MakeMathModule;
  RegisterIoModule(in);
  RegisterThreadModules(in);
  RegisterTimeModule(in);
  RegisterRandomModule(in);
  RegisterOsModule(in);
  RegisterErrnoModule(in);
  RegisterReModule(in);
  RegisterFrozenModules(in);
  RegisterJsonModule(in);
  RegisterHeapqModule(in);
  RegisterSocketModule(in);
  RegisterSelectModule(in);
  RegisterSubprocessModule(in);
  RegisterStructModule(in);
  RegisterGilModule(in);
  RegisterWarningsModule(in);
  RegisterTracebackModule(in);
}

}  // namespace gilvm::stdlib
