// Registering natives and parsing their arguments with CPython's messages (see vm/native.h).
#include "vm/native.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

NativeObject* NewNative(Interpreter& interp, std::string_view name, NativeFn fn, TypeObject* owner) {
  return interp.heap.New<NativeObject>(interp.types.builtin_function, std::string(name), fn, owner);
}

// The name is interned (interned strings are roots) before the native is allocated, and the
// native is stored in the dict before anything else allocates; mutating a dict never allocates.
void AddMethod(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn) {
  StrObject* key = Intern(interp, name);
  DictSetStr(type->dict, key, Value::Obj(NewNative(interp, name, fn, type)));
  ++interp.type_epoch;  // the type's dict changed: drop memoised lookups
}

namespace {

void AddWrapped(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn, Kind kind,
                TypeObject* wrapper_type) {
  StrObject* key = Intern(interp, name);
  NativeObject* f = NewNative(interp, name, fn);
  DictSetStr(type->dict, key, Value::Obj(f));  // keeps f alive while the wrapper is allocated
  auto* w = interp.heap.New<MethodWrapperObject>(wrapper_type, kind, Value::Obj(f));
  DictSetStr(type->dict, key, Value::Obj(w));
  ++interp.type_epoch;
}

std::string Plural(size_t n, std::string_view word) {
  return absl::StrCat(n, " ", std::string(word), n == 1 ? "" : "s");
}

}  // namespace

void AddClassMethod(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn) {
  AddWrapped(interp, type, name, fn, Kind::kClassMethod, interp.types.classmethod);
}

void AddStaticMethod(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn) {
  AddWrapped(interp, type, name, fn, Kind::kStaticMethod, interp.types.staticmethod);
}

void AddGetter(Interpreter& interp, TypeObject* type, std::string_view name, NativeFn fn) {
  StrObject* key = Intern(interp, name);
  NativeObject* getter = NewNative(interp, name, fn, type);
  DictSetStr(type->dict, key, Value::Obj(getter));  // keeps the getter alive while the property is allocated
  auto* p = interp.heap.New<PropertyObject>(interp.types.property);
  p->fget = Value::Obj(getter);
  p->fset = p->fdel = p->doc = Value::None();
  DictSetStr(type->dict, key, Value::Obj(p));
  ++interp.type_epoch;
}

void AddFunctions(Interpreter& interp, DictObject* ns, std::initializer_list<FunctionDef> fns) {
  for (const FunctionDef& f : fns) AddFunction(interp, ns, f.name, f.fn);
}

ModuleObject* NewNativeModule(ThreadState& ts, std::string_view name) {
  Interpreter& in = ts.interp;
  RootedPtr<DictObject> d(ts, NewDict(ts));
  DictSetStr(d.get(), in.names.__name__, Value::Obj(Intern(in, name)));
  return in.heap.New<ModuleObject>(in.types.module, d.get(), std::string(name));
}

void AddFunction(Interpreter& interp, DictObject* ns, std::string_view name, NativeFn fn) {
  StrObject* key = Intern(interp, name);
  NativeObject* f = NewNative(interp, name, fn);
  DictSetStr(ns, key, Value::Obj(f));
  Value modname = DictGetStr(ns, interp.names.__name__);
  if (!modname.is_null()) f->module = modname;
}

bool KeywordsGiven(ThreadState& ts, std::string_view fname) {
  RaiseTypeError(ts, absl::StrCat(std::string(fname), "() takes no keyword arguments"));
  return false;
}

// PyArg_UnpackTuple's and METH_O's wordings.
bool ArgCountOutside(ThreadState& ts, size_t n, std::string_view fname, size_t min, size_t max) {
  std::string f(fname);
  if (min == 1 && max == 1) {
    RaiseTypeError(ts, absl::StrCat(f, "() takes exactly one argument (", n, " given)"));
  } else if (max == 0) {
    RaiseTypeError(ts, absl::StrCat(f, "() takes no arguments (", n, " given)"));
  } else if (min == max) {
    RaiseTypeError(ts, absl::StrCat(f, " expected ", Plural(min, "argument"), ", got ", n));
  } else if (n < min) {
    RaiseTypeError(ts, absl::StrCat(f, " expected at least ", Plural(min, "argument"), ", got ", n));
  } else {
    RaiseTypeError(ts, absl::StrCat(f, " expected at most ", Plural(max, "argument"), ", got ", n));
  }
  return false;
}

bool ArgCountBetweenOld(ThreadState& ts, const CallArgs& args, std::string_view fname, size_t min, size_t max) {
  if (!NoKeywords(ts, args, fname)) return false;
  size_t n = args.nargs;
  if (n >= min && n <= max) return true;
  size_t bound = n < min ? min : max;
  RaiseTypeError(ts, absl::StrCat(std::string(fname), "() takes ", n < min ? "at least " : "at most ", bound,
                                  bound == 1 ? " argument (" : " arguments (", n, " given)"));
  return false;
}

bool OptionalSliceIndex(ThreadState& ts, const CallArgs& args, size_t i, int64_t* out) {
  if (i >= args.nargs || args.argv[i].is_none()) return true;
  if (args.argv[i].is_intlike()) {
    *out = args.argv[i].as_int();
    return true;
  }
  if (ToIndex(ts, args.argv[i], out)) return true;
  ClearException(ts);
  RaiseTypeError(ts, "slice indices must be integers or None or have an __index__ method");
  return false;
}

void AdjustSliceIndices(int64_t len, int64_t* start, int64_t* end) {
  if (*end > len) *end = len;
  else if (*end < 0) *end = std::max<int64_t>(*end + len, 0);
  if (*start < 0) *start = std::max<int64_t>(*start + len, 0);
}

namespace {

int FindParam(const Params& p, const StrObject* name) {
  int i = 0;
  for (std::string_view n : p.names) {
    if (n == name->view()) return i;
    ++i;
  }
  return -1;
}

// _PyArg_UnpackKeywords' count checks.
bool CheckCounts(ThreadState& ts, const CallArgs& args, const Params& p, const std::string& f) {
  size_t maxargs = p.names.size();
  size_t maxpos = p.kwonly_from < 0 ? maxargs : static_cast<size_t>(p.kwonly_from);
  size_t given = args.nargs + args.nkw();
  if (given > maxargs) {
    RaiseTypeError(ts, absl::StrCat(f, "() takes at most ", maxargs, " ", args.nargs == 0 ? "keyword " : "",
                                    maxargs == 1 ? "argument" : "arguments", " (", given, " given)"));
    return false;
  }
  if (args.nargs > maxpos) {
    if (maxpos == 0) {
      RaiseTypeError(ts, absl::StrCat(f, "() takes no positional arguments"));
    } else {
      RaiseTypeError(ts, absl::StrCat(f, "() takes ", static_cast<size_t>(p.required) < maxpos ? "at most " : "exactly ",
                                      Plural(maxpos, "positional argument"), " (", args.nargs, " given)"));
    }
    return false;
  }
  size_t minposonly = std::min(p.posonly, p.required);
  if (args.nargs < minposonly) {
    RaiseTypeError(ts, absl::StrCat(f, "() takes ", minposonly < maxpos ? "at least " : "exactly ",
                                    Plural(minposonly, "positional argument"), " (", args.nargs, " given)"));
    return false;
  }
  return true;
}

}  // namespace

bool ParseArgs(ThreadState& ts, const CallArgs& args, const Params& p, Value* out) {
  std::string f(p.fname);
  if (!CheckCounts(ts, args, p, f)) return false;
  size_t n = p.names.size();
  for (size_t i = 0; i < n; ++i) out[i] = i < args.nargs ? args.argv[i] : Value::Null();
  size_t nkw = args.nkw();
  int bad = -1;  // first keyword that matches no parameter
  for (size_t k = 0; k < nkw; ++k) {
    auto* name = static_cast<StrObject*>(args.kwnames->items[k].as_object());
    int i = FindParam(p, name);
    if (i < p.posonly || static_cast<size_t>(i) < args.nargs) {
      if (bad < 0) bad = static_cast<int>(k);
      continue;
    }
    out[i] = args.kwvalue(k);
  }
  size_t maxpos = p.kwonly_from < 0 ? n : static_cast<size_t>(p.kwonly_from);
  auto it = p.names.begin();
  for (int i = 0; i < p.required; ++i, ++it) {
    if (!out[i].is_null()) continue;
    if (static_cast<size_t>(i) < maxpos)
      RaiseTypeError(ts, absl::StrCat(f, "() missing required argument '", std::string(*it), "' (pos ", i + 1, ")"));
    else
      RaiseTypeError(ts, absl::StrCat(f, "() missing required keyword-only argument '", std::string(*it), "'"));
    return false;
  }
  if (bad >= 0) {
    auto* name = static_cast<StrObject*>(args.kwnames->items[bad].as_object());
    int i = FindParam(p, name);
    if (i >= p.posonly && static_cast<size_t>(i) < args.nargs)
      RaiseTypeError(ts, absl::StrCat("argument for ", f, "() given by name ('", name->str(), "') and position (", i + 1, ")"));
    else
      RaiseTypeError(ts, absl::StrCat("'", name->str(), "' is an invalid keyword argument for ", f, "()"));
    return false;
  }
  return true;
}

}  // namespace gilvm::vm
