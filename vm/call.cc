#include "vm/call.h"

#include <new>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/generator.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/str.h"
#include "vm/subclass.h"
#include "vm/thread_state.h"
#include "vm/tuple.h"

namespace gilvm::vm {

size_t CallArgs::nkw() const { return kwnames == nullptr ? 0 : kwnames->size(); }

namespace {

std::string FnName(FunctionObject* f) {
  return IsStr(f->qualname) ? As<StrObject>(f->qualname)->str() : f->code->qualname;
}

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists missing arguments.
std::string NameList(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& n : names) quoted.push_back("'" + n + "'");
  if (quoted.size() == 1) return quoted[0];
  if (quoted.size() == 2) return quoted[0] + " and " + quoted[1];
  std::string head = absl::StrJoin(quoted.begin(), quoted.end() - 1, ", ");
  return head + ", and " + quoted.back();
}

Value TooManyPositional(ThreadState& ts, FunctionObject* f, size_t given, size_t kw_given) {
  CodeObject* code = f->code;
  size_t ndefaults = f->defaults ? f->defaults->size() : 0;
  size_t max = static_cast<size_t>(code->argcount);
  size_t min = max - std::min(ndefaults, max);
  std::string takes = min < max ? absl::StrCat("from ", min, " to ", max) : absl::StrCat(max);
  std::string msg = absl::StrCat(FnName(f), "() takes ", takes, " positional argument", max == 1 && min == max ? "" : "s",
                                 " but ", given);
  if (kw_given > 0) {
    absl::StrAppend(&msg, " positional argument", given == 1 ? "" : "s", " (and ", kw_given, " keyword-only argument",
                    kw_given == 1 ? "" : "s", ") were given");
  } else {
    absl::StrAppend(&msg, given == 1 ? " was given" : " were given");
  }
  return RaiseTypeError(ts, msg);
}

Value Missing(ThreadState& ts, FunctionObject* f, const std::vector<std::string>& names, const char* kind) {
  return RaiseTypeError(ts, absl::StrCat(FnName(f), "() missing ", names.size(), " required ", kind, " argument",
                                         names.size() == 1 ? "" : "s", ": ", NameList(names)));
}

// BindArguments for any call but the plain one: keywords, *args, **kwargs, defaults, errors.
bool BindGeneral(ThreadState& ts, FunctionObject* func, Value* L, const Value* argv, size_t nargs,
                 TupleObject* kwnames) {
  CodeObject* code = func->code;
  size_t argcount = static_cast<size_t>(code->argcount);
  size_t kwonly = static_cast<size_t>(code->kwonlyargcount);
  bool varargs = code->flags & kCodeVarargs;
  bool varkw = code->flags & kCodeVarkeywords;
  size_t varargs_slot = argcount + kwonly;
  size_t varkw_slot = varargs_slot + (varargs ? 1 : 0);

  size_t n = std::min(nargs, argcount);
  for (size_t i = 0; i < n; ++i) L[i] = argv[i];
  if (varkw) L[varkw_slot] = Value::Obj(NewDict(ts));
  if (varargs) {
    std::vector<Value> extra;
    if (nargs > argcount) extra.assign(argv + argcount, argv + nargs);
    L[varargs_slot] = Value::Obj(NewTuple(ts, std::move(extra)));
  }

  size_t nkw = kwnames ? kwnames->size() : 0;
  size_t kw_only_given = 0;
  std::vector<std::string> posonly_as_kw;
  for (size_t k = 0; k < nkw; ++k) {
    StrObject* name = As<StrObject>(kwnames->items[k]);
    Value value = argv[nargs + k];
    size_t slot = SIZE_MAX;
    for (size_t i = static_cast<size_t>(code->posonlyargcount); i < argcount + kwonly; ++i) {
      if (StrEquals(code->varnames[i], name)) {
        slot = i;
        break;
      }
    }
    if (slot == SIZE_MAX) {
      bool is_posonly = false;
      for (int i = 0; i < code->posonlyargcount; ++i) is_posonly |= StrEquals(code->varnames[i], name);
      if (varkw) {
        if (!DictSet(ts, As<DictObject>(L[varkw_slot]), kwnames->items[k], value)) return false;
        continue;
      }
      if (is_posonly) {
        posonly_as_kw.push_back(name->str());
        continue;
      }
      RaiseTypeError(ts, absl::StrCat(FnName(func), "() got an unexpected keyword argument '", name->str(), "'"));
      return false;
    }
    if (!L[slot].is_null()) {
      RaiseTypeError(ts, absl::StrCat(FnName(func), "() got multiple values for argument '", name->str(), "'"));
      return false;
    }
    if (slot >= argcount) ++kw_only_given;
    L[slot] = value;
  }
  if (!posonly_as_kw.empty()) {
    RaiseTypeError(ts, absl::StrCat(FnName(func), "() got some positional-only arguments passed as keyword arguments: '",
                                    absl::StrJoin(posonly_as_kw, ", "), "'"));
    return false;
  }
  if (nargs > argcount && !varargs) {
    TooManyPositional(ts, func, nargs, kw_only_given);
    return false;
  }

  // Positional defaults, then the missing ones.
  size_t ndefaults = func->defaults ? func->defaults->size() : 0;
  size_t first_default = argcount - std::min(ndefaults, argcount);
  std::vector<std::string> missing;
  for (size_t i = n; i < argcount; ++i) {
    if (!L[i].is_null()) continue;
    if (i >= first_default) L[i] = func->defaults->items[i - first_default];
    else missing.push_back(code->varnames[i]->str());
  }
  if (!missing.empty()) {
    Missing(ts, func, missing, "positional");
    return false;
  }
  for (size_t i = argcount; i < argcount + kwonly; ++i) {
    if (!L[i].is_null()) continue;
    Value d = func->kwdefaults ? DictGetStr(func->kwdefaults, code->varnames[i]) : Value();
    if (d.is_null()) missing.push_back(code->varnames[i]->str());
    else L[i] = d;
  }
  if (!missing.empty()) {
    Missing(ts, func, missing, "keyword-only");
    return false;
  }
  return true;
}

bool BindArguments(ThreadState& ts, FunctionObject* func, Frame* frame, const Value* argv, size_t nargs,
                   TupleObject* kwnames) {
  CodeObject* code = func->code;
  Value* L = frame->localsplus;
  if (kwnames == nullptr && nargs == static_cast<size_t>(code->argcount) && code->kwonlyargcount == 0 &&
      (code->flags & (kCodeVarargs | kCodeVarkeywords)) == 0) {
    for (size_t i = 0; i < nargs; ++i) L[i] = argv[i];  // the common call: exactly the positionals
  } else if (!BindGeneral(ts, func, L, argv, nargs, kwnames)) {
    return false;
  }

  // Cells: fresh ones for cellvars (initialised from their parameter), the closure's for freevars.
  int first_cell = code->first_cell();
  for (size_t j = 0; j < code->cellvars.size(); ++j) {
    int from = code->cell_of_arg[j];
    Value init = from >= 0 ? L[from] : Value();
    L[first_cell + j] = Value::Obj(ts.interp.heap.New<CellObject>(ts.interp.types.cell, init));
  }
  for (size_t k = 0; k < code->freevars.size(); ++k) L[first_cell + code->cellvars.size() + k] = Value::Obj(func->closure[k]);
  return true;
}

// An int or float method called on an instance of a subclass: the method sees the number, and
// so does a positional argument that is one.
Value CallUnboxed(ThreadState& ts, NativeObject* n, const Value* argv, size_t nargs, TupleObject* kwnames) {
  size_t total = nargs + (kwnames ? kwnames->size() : 0);
  RootedVector copy(ts);
  copy.items().assign(argv, argv + total);
  for (size_t i = 0; i < nargs; ++i) copy.items()[i] = UnboxNumber(argv[i]);  // I(3) + I(4) too
  if (!ts.EnterRecursion(" while calling a Python object")) return Value::Null();
  Value r = n->fn(ts, CallArgs{copy.items().data(), nargs, kwnames});
  ts.LeaveRecursion();
  return r;
}

}  // namespace

Frame* PrepareFrame(ThreadState& ts, FunctionObject* func, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Frame* frame = ts.PushFrame(func->code, func, func->globals, nullptr);
  if (frame == nullptr) return nullptr;
  if (!BindArguments(ts, func, frame, argv, nargs, kwnames)) {
    ts.PopFrame();
    return nullptr;
  }
  return frame;
}

Value Call(ThreadState& ts, Value callable, const CallArgs& args) {
  return Call(ts, callable, args.argv, args.nargs, args.kwnames);
}

Value Call(ThreadState& ts, Value callable, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Interpreter& interp = ts.interp;
  if (!callable.is_object()) return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, callable), "' object is not callable"));
  Object* o = callable.as_object();
  switch (o->kind) {
    case Kind::kFunction: {
      Frame* f = PrepareFrame(ts, static_cast<FunctionObject*>(o), argv, nargs, kwnames);
      if (f == nullptr) return Value::Null();
      if (f->code->flags & kCodeGenerator) return MakeGenerator(ts, f);
      f->is_entry = true;
      return Eval(ts, f);
    }
    case Kind::kNative: {
      auto* n = static_cast<NativeObject*>(o);
      if (n->owner != nullptr) {
        if (nargs == 0)
          return RaiseTypeError(ts, absl::StrCat("unbound method ", n->owner->name, ".", n->name, "() needs an argument"));
        if (!TypeOf(interp, argv[0])->IsSubtypeOf(n->owner) &&
            !(n->owner == interp.types.int_ && argv[0].is_bool()))
          return RaiseTypeError(ts, absl::StrCat("descriptor '", n->name, "' for '", n->owner->name,
                                                 "' objects doesn't apply to a '", TypeName(ts, argv[0]), "' object"));
      }
      if (n->owner != nullptr && argv[0].is_object() && argv[0].as_object()->kind == Kind::kInstance &&
          (n->owner == interp.types.int_ || n->owner == interp.types.float_))
        return CallUnboxed(ts, n, argv, nargs, kwnames);
      if (!ts.EnterRecursion(" while calling a Python object")) return Value::Null();
      Value r;
      try {
        r = n->host ? n->host->Call(ts, CallArgs{argv, nargs, kwnames}) : n->fn(ts, CallArgs{argv, nargs, kwnames});
      } catch (const std::bad_alloc&) {
        // Raised here, so the script's own `except MemoryError` sees it (scoped roots and
        // guards have unwound).
        ts.exc = nullptr;
        r = RaiseMemoryError(ts);
      }
      ts.LeaveRecursion();
      return r;
    }
    case Kind::kBoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      size_t total = nargs + (kwnames ? kwnames->size() : 0);
      std::vector<Value> full;
      full.reserve(total + 1);
      full.push_back(m->self);
      full.insert(full.end(), argv, argv + total);
      Root keep(ts, callable);
      return Call(ts, m->func, full.data(), nargs + 1, kwnames);
    }
    case Kind::kType: return CallType(ts, static_cast<TypeObject*>(o), argv, nargs, kwnames);
    case Kind::kStaticMethod:
    case Kind::kClassMethod: break;
    default: break;
  }
  Value call = LookupInType(o->type, interp.names.__call__);
  if (call.is_null()) return RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, callable), "' object is not callable"));
  size_t total = nargs + (kwnames ? kwnames->size() : 0);
  std::vector<Value> full;
  full.reserve(total + 1);
  full.push_back(callable);
  full.insert(full.end(), argv, argv + total);
  Root keep(ts, call);
  return Call(ts, call, full.data(), nargs + 1, kwnames);
}

Value CallMethod(ThreadState& ts, Value obj, StrObject* name, const Value* argv, size_t nargs) {
  Root method(ts, GetAttr(ts, obj, name));
  if (method.get().is_null()) return Value::Null();
  return Call(ts, method.get(), argv, nargs);
}

namespace {

// fn(first, *argv) with the keyword arguments kwnames names (their values follow argv's nargs
// positional ones): a metaclass's __call__, a __new__ or an __init__. The arguments are copied
// next to `first` on the C++ stack (up to 8 of them), not into a malloc'd vector; the caller
// keeps them rooted.
Value CallWithFirst(ThreadState& ts, Value fn, Value first, const Value* argv, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  absl::InlinedVector<Value, 8> full;
  full.reserve(1 + nargs + nkw);
  full.push_back(first);
  full.insert(full.end(), argv, argv + nargs + nkw);
  return Call(ts, fn, full.data(), nargs + 1, kwnames);
}

}  // namespace

Value CallType(ThreadState& ts, TypeObject* type, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Interpreter& interp = ts.interp;
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (type == interp.types.type && nargs == 1 && nkw == 0) return Value::Obj(TypeOf(interp, argv[0]));
  if (type->type != interp.types.type) {
    // A class made by a user metaclass: the metaclass's __call__, if any, makes the instance.
    Value meta_call = LookupInType(type->type, interp.names.__call__);
    if (!meta_call.is_null() && !meta_call.Is(DictGetStr(interp.types.type->dict, interp.names.__call__))) {
      Root keep(ts, meta_call);
      return CallWithFirst(ts, meta_call, Value::Obj(type), argv, nargs, kwnames);
    }
  }
  return ConstructInstance(ts, type, argv, nargs, kwnames);
}

Value ConstructInstance(ThreadState& ts, TypeObject* type, const Value* argv, size_t nargs, TupleObject* kwnames) {
  Interpreter& interp = ts.interp;
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (interp.object_new.is_null() || interp.object_init.is_null()) {  // kept once object has both
    interp.object_new = DictGetStr(interp.types.object->dict, interp.names.__new__);
    interp.object_init = DictGetStr(interp.types.object->dict, interp.names.__init__);
  }
  Value new_fn = LookupInType(type, interp.names.__new__);
  bool custom_new = !new_fn.is_null() && !new_fn.Is(interp.object_new);
  Root obj(ts);
  if (custom_new) {
    Root keep(ts, new_fn);
    if (IsObjectOfKind(new_fn, Kind::kStaticMethod)) keep.set(As<MethodWrapperObject>(new_fn)->callable);
    obj.set(CallWithFirst(ts, keep.get(), Value::Obj(type), argv, nargs, kwnames));
    if (obj.get().is_null()) return Value::Null();
    if (!TypeOf(interp, obj.get())->IsSubtypeOf(type)) return obj.get();
  } else if (type->instance_kind == Kind::kInstance) {
    obj.set(Value::Obj(NewInstance(ts, type)));
  } else if (type->instance_kind == Kind::kException) {
    RootedPtr<TupleObject> args(ts, NewTuple(ts, std::span<const Value>(argv, nargs)));
    DictObject* dict = NewDict(ts);
    obj.set(Value::Obj(interp.heap.New<ExceptionObject>(type, dict, args.get())));
  } else {
    return RaiseTypeError(ts, absl::StrCat("cannot create '", type->name, "' instances"));
  }

  Value init = LookupInType(type, interp.names.__init__);
  if (init.is_null() || init.Is(interp.object_init)) {
    if ((nargs > 0 || nkw > 0) && !custom_new && type->instance_kind == Kind::kInstance)
      return RaiseTypeError(ts, absl::StrCat(type->name, "() takes no arguments"));
    return obj.get();
  }
  Root keep(ts, init);
  Value r = CallWithFirst(ts, init, obj.get(), argv, nargs, kwnames);
  if (r.is_null()) return r;
  if (!r.is_none())
    return RaiseTypeError(ts, absl::StrCat("__init__() should return None, not '", TypeName(ts, r), "'"));
  return obj.get();
}

}  // namespace gilvm::vm
