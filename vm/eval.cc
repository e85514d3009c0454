#include "vm/eval.h"

#include <bit>
#include <cstring>
#include <limits>
#include <new>

#include "absl/strings/str_cat.h"
#include "vm/call.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/float.h"
#include "vm/format.h"
#include "vm/function.h"
#include "vm/generator.h"
#include "vm/import.h"
#include "vm/instance.h"
#include "vm/int.h"
#include "vm/interpreter.h"
#include "vm/iterators.h"
#include "vm/list.h"
#include "vm/match.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/set.h"
#include "vm/slice.h"
#include "vm/str.h"
#include "vm/suggestions.h"
#include "vm/threads.h"
#include "vm/traceback.h"
#include "vm/tuple.h"

namespace gilvm::vm {

namespace {

// ---- out-of-line slow paths (kept out of the dispatch loop) ------------------------------------

[[gnu::noinline]] Value UnboundLocal(ThreadState& ts, StrObject* name) {
  return Raise(ts, ts.interp.exc.UnboundLocalError,
               absl::StrCat("cannot access local variable '", name->str(), "' where it is not associated with a value"));
}

[[gnu::noinline]] Value UnboundFree(ThreadState& ts, StrObject* name) {
  return Raise(ts, ts.interp.exc.NameError,
               absl::StrCat("cannot access free variable '", name->str(),
                            "' where it is not associated with a value in enclosing scope"));
}

[[gnu::noinline]] Value NameNotDefined(ThreadState& ts, const Frame* frame, StrObject* name) {
  Raise(ts, ts.interp.exc.NameError, absl::StrCat("name '", name->str(), "' is not defined"));
  NoteNameErrorSuggestion(ts, frame, name);
  return Value::Null();
}

// Whether the instance's own attributes have `name`, for a way that describes its class: the
// way's slot says where the name is inline (and -1 that no inline attribute has it).
inline bool InstanceShadows(InstanceObject* inst, const NameCache::Way& w, StrObject* name) {
  if (inst->dict == nullptr) return w.slot >= 0 && w.slot < inst->inline_count;
  return DictFindStr(inst->dict, name) >= 0;
}

Value LoadGlobal(ThreadState& ts, Frame* f, StrObject* name) {
  Value v = DictGetStr(f->globals, name);
  if (!v.is_null()) return v;
  v = DictGetStr(f->builtins, name);
  if (!v.is_null()) return v;
  return NameNotDefined(ts, f, name);
}

Value LoadName(ThreadState& ts, Frame* f, StrObject* name, NameCache& cache) {
  if (f->locals == f->globals && f->globals->type == ts.interp.types.dict) {
    // Module level: the globals, then the builtins, each tried at the index found last time.
    int64_t ix = DictFindStrHinted(f->globals, name, &cache.global_hint);
    if (ix >= 0) return f->globals->entries[ix].value;
    ix = DictFindStrHinted(f->builtins, name, &cache.builtins_hint);
    if (ix >= 0) return f->builtins->entries[ix].value;
    return NameNotDefined(ts, f, name);
  }
  if (f->locals != nullptr && f->locals->type != ts.interp.types.dict) {
    // A class body whose __prepare__ returned a dict subclass: its __getitem__ (and so
    // __missing__) answers, as in CPython; KeyError means "not here".
    Value v = GetItem(ts, Value::Obj(f->locals), Value::Obj(name));
    if (!v.is_null()) return v;
    if (!ExceptionMatches(ts, ts.interp.exc.KeyError)) return v;
    ClearException(ts);
    return LoadGlobal(ts, f, name);
  }
  if (f->locals != nullptr) {
    Value v = DictGetStr(f->locals, name);
    if (!v.is_null()) return v;
  }
  return LoadGlobal(ts, f, name);
}

bool DeleteFromDict(ThreadState& ts, DictObject* d, StrObject* name) {
  if (DictDelStr(d, name)) return true;
  NameNotDefined(ts, ts.frame, name);
  return false;
}

// `raise` with 0, 1 or 2 operands. Returns true when the exception is a bare re-raise (no new
// traceback entry).
bool DoRaise(ThreadState& ts, Value exc, Value cause) {
  Interpreter& interp = ts.interp;
  if (exc.is_null()) {
    if (!IsObjectOfKind(ts.handled_exc, Kind::kException)) {
      Raise(ts, interp.exc.RuntimeError, "No active exception to reraise");
      return false;
    }
    ts.exc = As<ExceptionObject>(ts.handled_exc);
    return true;
  }
  ExceptionObject* e = MakeException(ts, exc);
  if (e == nullptr) return false;
  RootedPtr<ExceptionObject> root(ts, e);
  if (!cause.is_null()) {
    if (cause.is_none()) {
      e->cause = Value::None();
    } else if (IsObjectOfKind(cause, Kind::kType) || IsObjectOfKind(cause, Kind::kException)) {
      if (IsObjectOfKind(cause, Kind::kType) && !As<TypeObject>(cause)->IsSubtypeOf(interp.exc.BaseException)) {
        RaiseTypeError(ts, "exception causes must derive from BaseException");
        return false;
      }
      ExceptionObject* c = MakeException(ts, cause);
      if (c == nullptr) return false;
      e->cause = Value::Obj(c);
    } else {
      RaiseTypeError(ts, "exception causes must derive from BaseException");
      return false;
    }
    e->suppress_context = true;
  }
  RaiseObject(ts, e);
  return false;
}

// except-clause matching: `type` is a class or a tuple of classes.
int ExceptionMatchesValue(ThreadState& ts, Value exc, Value type) {
  TypeObject* et = TypeOf(ts.interp, exc);
  auto check = [&](Value t) -> int {
    if (!IsObjectOfKind(t, Kind::kType) || !As<TypeObject>(t)->IsSubtypeOf(ts.interp.exc.BaseException)) {
      RaiseTypeError(ts, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    return et->IsSubtypeOf(As<TypeObject>(t)) ? 1 : 0;
  };
  if (IsTuple(type)) {
    int found = 0;
    for (Value t : As<TupleObject>(type)->items) {
      int r = check(t);
      if (r < 0) return -1;
      found |= r;
    }
    return found;
  }
  return check(type);
}

// The eval loop's shortcuts for strs, out of line: inlined, their code changed how GCC
// allocates registers across the whole loop and cost int-heavy programs 3-7% more instructions.

// `l op r` for two exact strs: true with *result set; false for anything else.
[[gnu::noinline]] bool CompareExactStrs(Interpreter& interp, Value l, Value r, CmpOp op, bool* result) {
  if (!IsExact(l, interp.types.str) || !IsExact(r, interp.types.str)) return false;
  // UTF-8 byte order is code point order.
  int order = l.Is(r) ? 0 : As<StrObject>(l)->view().compare(As<StrObject>(r)->view());
  *result = CompareOrdered(order, 0, op);
  return true;
}

// s[i] for an exact ASCII str and an int `key` in range: the interpreter's shared
// one-character str, or null (anything else, or that str not made yet).
[[gnu::noinline]] StrObject* SharedCharAt(Interpreter& interp, Value container, Value key) {
  if (!IsExact(container, interp.types.str)) return nullptr;
  auto* s = As<StrObject>(container);
  int64_t i = key.as_int();
  if (i < 0) i += s->length();
  if (!s->ascii() || i < 0 || i >= s->length()) return nullptr;
  return interp.small_strs[static_cast<unsigned char>(s->view()[i])];
}

// Unpacks `seq` into out[0..n) (in order). false on error, with CPython's messages.
bool UnpackIterable(ThreadState& ts, Value seq, size_t before, size_t after, bool starred, RootedVector& out) {
  if (IsTuple(seq) || IsList(seq)) {
    for (Value v : SequenceItems(seq)) out.push_back(v);
  } else {
    Root it(ts, GetIter(ts, seq));
    if (it.get().is_null()) {
      if (ExceptionMatches(ts, ts.interp.exc.TypeError) && !IsObjectOfKind(seq, Kind::kInstance)) {
        ClearException(ts);
        RaiseTypeError(ts, absl::StrCat("cannot unpack non-iterable ", TypeName(ts, seq), " object"));
      }
      return false;
    }
    while (true) {
      Value v;
      int r = IterNext(ts, it.get(), &v);
      if (r < 0) return false;
      if (r == 0) break;
      out.push_back(v);
      if (!starred && out.size() > before) break;  // enough to report "too many"
    }
  }
  size_t got = out.size();
  if (!starred) {
    if (got < before) {
      RaiseValueError(ts, absl::StrCat("not enough values to unpack (expected ", before, ", got ", got, ")"));
      return false;
    }
    if (got > before) {
      RaiseValueError(ts, absl::StrCat("too many values to unpack (expected ", before, ")"));
      return false;
    }
    return true;
  }
  if (got < before + after) {
    RaiseValueError(ts, absl::StrCat("not enough values to unpack (expected at least ", before + after, ", got ", got, ")"));
    return false;
  }
  return true;
}

// UNPACK_SEQUENCE / UNPACK_EX: replaces the sequence at slot[0] by its items, laid out so that
// the first item ends on top (slot[0] .. slot[n-1] hold them last-to-first). The caller's stack
// has room: the compiler counted the unpacked items in the stack depth.
bool UnpackOntoStack(ThreadState& ts, Value* slot, size_t before, size_t after, bool starred) {
  RootedVector items(ts);
  if (!UnpackIterable(ts, *slot, before, after, starred, items)) return false;
  std::vector<Value>& v = items.items();
  if (!starred) {
    for (size_t i = 0; i < before; ++i) slot[i] = v[before - 1 - i];
    return true;
  }
  Root middle(ts, Value::Obj(NewList(ts, std::vector<Value>(v.begin() + before, v.end() - after))));
  size_t k = 0;
  for (size_t i = 0; i < after; ++i) slot[k++] = v[v.size() - 1 - i];
  slot[k++] = middle.get();
  for (size_t i = before; i > 0; --i) slot[k++] = v[i - 1];
  return true;
}

std::string FunctionStr(ThreadState& ts, Value callable);

// % // & | ^ << >> on two ints, where they cannot raise or need a big int: IntFastOp's other
// cases. Out of line: inlined into the loop, its code changed GCC's register allocation there
// (fib ran 1.5% more instructions). The result comes back in registers; `ok` false: take the
// slow path (vm/ops.cc).
struct IntResult {
  int64_t value;
  bool ok;
};
[[gnu::noinline]] IntResult IntOtherFastOp(BinOp op, int64_t a, int64_t b) {
  switch (op) {
    // Python's % and // round towards minus infinity: the remainder takes the divisor's sign.
    // b == -1 is left to the slow path, as INT64_MIN / -1 overflows; b == 0 raises there.
    case BinOp::kMod: {
      if (b == 0 || b == -1) return {0, false};
      int64_t r = a % b;
      return {r != 0 && (r ^ b) < 0 ? r + b : r, true};
    }
    case BinOp::kFloorDiv:
      if (b == 0 || b == -1) return {0, false};
      return {a / b - ((a % b != 0 && (a ^ b) < 0) ? 1 : 0), true};
    case BinOp::kAnd: return {a & b, true};
    case BinOp::kOr: return {a | b, true};
    case BinOp::kXor: return {a ^ b, true};
    case BinOp::kLShift: {
      if (b < 0 || b > 62) return {0, false};  // a negative count raises; a big one needs a big int
      int64_t r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
      if ((r >> b) != a) return {0, false};  // bits fell off: the result needs a big int
      return {r, true};
    }
    case BinOp::kRShift:
      if (b < 0) return {0, false};
      return {a >> std::min<int64_t>(b, 63), true};
    default: return {0, false};
  }
}

// BINARY_OP's fast path for two ints: + - * here, the other operators in IntOtherFastOp.
// false: take the slow path (vm/ops.cc).
inline bool IntFastOp(BinOp op, int64_t a, int64_t b, int64_t* out) {
  switch (op) {
    case BinOp::kAdd: return !__builtin_add_overflow(a, b, out);
    case BinOp::kSub: return !__builtin_sub_overflow(a, b, out);
    case BinOp::kMul: return !__builtin_mul_overflow(a, b, out);
    default: {
      IntResult r = IntOtherFastOp(op, a, b);
      *out = r.value;
      return r.ok;
    }
  }
}

// + - * on two floats (the cases that cannot raise).
inline bool FloatFastOp(BinOp op, double a, double b, double* out) {
  switch (op) {
    case BinOp::kAdd: *out = a + b; return true;
    case BinOp::kSub: *out = a - b; return true;
    case BinOp::kMul: *out = a * b; return true;
    default: return false;
  }
}

// BUILD_STRING: the f-string's parts (all str) joined.
Value ConcatStrings(ThreadState& ts, const Value* parts, size_t n) {
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) total += As<StrObject>(parts[i])->view().size();
  std::string s;
  s.reserve(total);
  for (size_t i = 0; i < n; ++i) s += As<StrObject>(parts[i])->view();
  return NewStrValue(ts, s);
}
bool SpreadKwargs(ThreadState& ts, Value kwargs, RootedVector& args, Root& names);

// [*iterable] and f(*iterable): appends every item to `list`. `callable` is the function being
// called for f(*iterable) (named in the error), or Null.
bool ListExtendFrom(ThreadState& ts, ListObject* list, Value iterable, Value callable) {
  if (IsList(iterable) || IsTuple(iterable)) {
    const auto& src = IsList(iterable) ? As<ListObject>(iterable)->items : As<TupleObject>(iterable)->items;
    ChargeItemsGrowth(ts.interp.heap, list->items, src.size(), /*may_collect=*/false);
    list->items.insert(list->items.end(), src.begin(), src.end());
    return true;
  }
  Root it(ts, GetIter(ts, iterable));
  if (it.get().is_null()) {
    if (ExceptionMatches(ts, ts.interp.exc.TypeError)) {
      ClearException(ts);
      std::string who = callable.is_null() ? "Value" : FunctionStr(ts, callable) + " argument";
      RaiseTypeError(ts, absl::StrCat(who, " after * must be an iterable, not ", TypeName(ts, iterable)));
    }
    return false;
  }
  while (true) {
    Value v;
    int r = IterNext(ts, it.get(), &v);
    if (r <= 0) return r == 0;
    ChargeItemsGrowth(ts.interp.heap, list->items, 1, /*may_collect=*/false);
    list->items.push_back(v);
  }
}

// f(*args, **kwargs). All arguments are rooted by the caller's stack.
Value CallFunctionEx(ThreadState& ts, Value null_or_self, Value callable, Value args_tuple, Value kwargs) {
  RootedVector argv(ts);
  if (!null_or_self.is_null()) argv.push_back(null_or_self);
  for (Value v : As<TupleObject>(args_tuple)->items) argv.push_back(v);
  size_t npos = argv.size();
  Root names(ts);
  if (!kwargs.is_null() && !SpreadKwargs(ts, kwargs, argv, names)) return Value::Null();
  TupleObject* kwn = names.get().is_null() ? nullptr : As<TupleObject>(names.get());
  if (kwn != nullptr && kwn->size() == 0) kwn = nullptr;
  return Call(ts, callable, argv.items().data(), npos, kwn);
}

// f-string conversion and format spec.
Value FormatValue(ThreadState& ts, Value v, uint32_t conv, Value spec) {
  Root value(ts, v);
  if (conv == 1) value.set(Str(ts, v));
  else if (conv == 2) value.set(Repr(ts, v));
  else if (conv == 3) value.set(Ascii(ts, v));
  if (value.get().is_null()) return Value::Null();
  return FormatObject(ts, value.get(), spec);
}

// Whether a user subclass of a built-in layout (vm/subclass.h) has `name` in its own __dict__.
bool InExtraDict(Object* o, StrObject* name) {
  DictObject** slot = o->ExtraDictSlot();
  return slot != nullptr && *slot != nullptr && !DictGetStr(*slot, name).is_null();
}

// Special-method lookup on the type, bound to `obj`, for the `with` statement.
Value LookupSpecial(ThreadState& ts, Value obj, StrObject* name) {
  Value f = LookupInType(TypeOf(ts.interp, obj), name);
  if (f.is_null()) return f;
  if (IsObjectOfKind(f, Kind::kFunction) || IsObjectOfKind(f, Kind::kNative))
    return Value::Obj(ts.interp.heap.New<BoundMethodObject>(ts.interp.types.method, obj, f));
  return f;
}

// Converts a **kwargs mapping into (values appended to `args`, names tuple).
bool SpreadKwargs(ThreadState& ts, Value kwargs, RootedVector& args, Root& names) {
  if (!IsDict(kwargs)) {
    RaiseTypeError(ts, absl::StrCat("argument after ** must be a mapping, not ", TypeName(ts, kwargs)));
    return false;
  }
  std::vector<Value> keys;
  for (const auto& e : As<DictObject>(kwargs)->entries) {
    if (e.key.is_null()) continue;
    if (!IsStr(e.key)) {
      RaiseTypeError(ts, "keywords must be strings");
      return false;
    }
    keys.push_back(e.key);
    args.push_back(e.value);
  }
  names.set(Value::Obj(NewTuple(ts, std::move(keys))));
  return true;
}

// How CPython names a callable in call errors: "mod.qualname()" or "qualname()" for builtins.
std::string FunctionStr(ThreadState& ts, Value callable) {
  if (IsObjectOfKind(callable, Kind::kFunction)) {
    FunctionObject* f = As<FunctionObject>(callable);
    std::string q = IsStr(f->qualname) ? As<StrObject>(f->qualname)->str() : f->code->qualname;
    if (IsStr(f->module) && As<StrObject>(f->module)->view() != "builtins")
      return absl::StrCat(As<StrObject>(f->module)->str(), ".", q, "()");
    return q + "()";
  }
  if (IsObjectOfKind(callable, Kind::kNative)) return As<NativeObject>(callable)->name + "()";
  if (IsObjectOfKind(callable, Kind::kType)) {
    TypeObject* t = As<TypeObject>(callable);
    return (t->module == "builtins" ? t->qualname : absl::StrCat(t->module, ".", t->qualname)) + "()";
  }
  return absl::StrCat(TypeName(ts, callable), " object");
}

// Adds one keyword argument of a call being assembled with ** unpacking.
bool AddCallKeyword(ThreadState& ts, Value callable, DictObject* d, Value key, Value value) {
  if (!IsStr(key)) {
    RaiseTypeError(ts, absl::StrCat(FunctionStr(ts, callable), " keywords must be strings"));
    return false;
  }
  if (!DictGetStr(d, As<StrObject>(key)).is_null()) {
    RaiseTypeError(ts, absl::StrCat(FunctionStr(ts, callable), " got multiple values for keyword argument '",
                                    As<StrObject>(key)->str(), "'"));
    return false;
  }
  DictSetStr(d, As<StrObject>(key), value);
  return true;
}

void PrintExpr(ThreadState& ts, Value v) {
  Value hook = DictGetStr(ts.interp.sys_module->dict, Intern(ts.interp, "displayhook"));
  if (hook.is_null()) {
    Raise(ts, ts.interp.exc.RuntimeError, "lost sys.displayhook");
    return;
  }
  Root hook_root(ts, hook);
  Root arg(ts, v);
  Call(ts, hook_root.get(), arg.slot(), 1);
}


// BUILD_SET: a set of the n values at items[0..n), added left to right as CPython does (the
// order of insertion decides the order of iteration). The values stay rooted on the stack.
Value BuildSet(ThreadState& ts, const Value* items, uint32_t n) {
  RootedPtr<SetObject> set(ts, NewSet(ts, ts.interp.types.set));
  for (uint32_t i = 0; i < n; ++i)
    if (!SetAdd(ts, set.get(), items[i])) return Value::Null();
  return Value::Obj(set.get());
}

// SET_UPDATE: the set below the iterable absorbs it; with kSetUpdateViaFrozen, through a
// frozenset first (a constant display, which CPython stores as a frozenset).
bool SetUpdateOp(ThreadState& ts, Value* sp, uint32_t arg) {
  int depth = static_cast<int>(arg & ~(kSetUpdateViaFrozen | kSetUpdateFrozenResult));
  auto* set = As<SetObject>(sp[-1 - depth]);
  if (arg & kSetUpdateFrozenResult) {
    SetObject* frozen = ConstantFrozenSet(ts, sp[-1]);
    if (frozen == nullptr) return false;
    sp[-1 - depth] = Value::Obj(frozen);
    return true;
  }
  if (arg & kSetUpdateViaFrozen) return SetUpdateViaFrozen(ts, set, sp[-1]);
  return SetUpdate(ts, set, sp[-1]);
}

}  // namespace

bool HandleSafePoint(ThreadState& ts) {
  Gil& gil = ts.interp.gil;
  gil.SafePoint(ts.gil_slot);  // decides from the safe-point word whether to switch
  if (unsigned windows = gil.TakeNewUnpolledMax(ts.gil_slot)) gil.SetUnpolledWhere(ts.gil_slot, windows, ScriptPosition(ts));
  return CheckInterrupts(ts);
}

Value CallWithArgsAndKwargs(ThreadState& ts, Value callable, Value args, Value kwargs) {
  return CallFunctionEx(ts, Value::Null(), callable, args, kwargs);
}

Value EvalCode(ThreadState& ts, CodeObject* code, DictObject* globals, DictObject* locals) {
  Frame* f = ts.PushFrame(code, nullptr, globals, locals);
  if (f == nullptr) return Value::Null();
  f->is_entry = true;
  return Eval(ts, f);
}

// The dispatch loop. No RAII object (Root, RootedVector) may live in an instruction's block: a
// computed goto leaves the block without running destructors. Slow paths that need roots are
// helper functions above. Conventions: `sp` points one past the top of the operand stack; PUSH/POP
// move it; SAVE() publishes sp and pc to the frame before anything that may allocate or call.
namespace {

// Pops the frames above `frame` (pushed by an instruction that then ran out of memory), finishing
// generators whose frames go; false if `frame` is not on this Eval's part of the stack.
bool DropFramesAbove(ThreadState& ts, Frame* frame, Frame* entry) {
  bool found = false;
  for (Frame* f = ts.frame; f != nullptr; f = f->back) {
    if (f == frame) {
      found = true;
      break;
    }
    if (f == entry) break;
  }
  if (!found) return false;
  while (ts.frame != frame) {
    Frame* f = ts.frame;
    if (f->gen != nullptr) GenFinish(ts, f);
    else ts.PopFrame();
  }
  return true;
}

}  // namespace

Value Eval(ThreadState& ts, Frame* entry) {
  Interpreter& interp = ts.interp;
  Frame* frame = entry;
  const uint32_t* pc = frame->pc;
  Value* sp = frame->sp;
  Value* locals = frame->localsplus;
  const Value* consts = frame->code->consts.data();
  StrObject* const* names = frame->code->names.data();
  NameCache* caches = frame->code->caches.data();
  TupleObject* kwnames = nullptr;
  uint32_t word = 0;
  uint32_t arg = 0;
  // The thread's instruction budget lives in this local while the loop runs straight-line code,
  // so that counting an instruction costs a register decrement (and a branch on reaching zero:
  // it is at least 1 whenever an instruction starts). SAVE() parks it: writes it back to
  // ts.budget, which natives, nested Evals and the statistics read and change, and sets the
  // local to 1, so that the next DISPATCH takes the safe-point path, which reloads it. Every
  // exit from Eval parks it too (PARK_BUDGET). So an instruction always starts with the budget
  // in the local, at least 1.
  int64_t budget = ts.budget;
  bool budget_parked = false;
  bool compared = false;  // COMPARE_OP's result, for the jump that may follow (compare_result)
  Value yielded;  // what a generator frame yields or returns (the yield_value/gen_return paths)

#define PARK_BUDGET()                                         \
  do {                                                         \
    if (!budget_parked) {                                      \
      ts.budget = budget;                                      \
      budget = 1;                                              \
      budget_parked = true;                                    \
    }                                                          \
  } while (0)
#define SAVE()        \
  do {                \
    frame->sp = sp;   \
    frame->pc = pc;   \
    PARK_BUDGET();   \
  } while (0)
#define LOAD_FRAME()                          \
  do {                                        \
    pc = frame->pc;                           \
    sp = frame->sp;                           \
    locals = frame->localsplus;               \
    consts = frame->code->consts.data();      \
    names = frame->code->names.data();        \
    caches = frame->code->caches.data();      \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define GOTO_ERROR() goto error
#define CHECK(v)                  \
  do {                            \
    if ((v).is_null()) goto error; \
  } while (0)

#if defined(__GNUC__) && !defined(GILVM_SWITCH_DISPATCH)
  static const void* const kTargets[256] = {
#define GILVM_OP_LABEL(name, pops, pushes, a) &&op_##name,
      GILVM_OPCODES(GILVM_OP_LABEL)
#undef GILVM_OP_LABEL
  };
#define TARGET(name) op_##name:
#define NEXT()                      \
  do {                              \
    word = *pc++;                   \
    arg = word >> 8;                \
    goto* kTargets[word & 0xff];    \
  } while (0)
#else
#define TARGET(name) case Op::name:
#define NEXT() goto dispatch
#endif
#if GILVM_NO_GIL_POLL
  // Benchmark-only build (bench/gil_bench.py, section "overhead"): no safe points at all, to
  // measure what the poll costs. Threads then switch only when they block.
#define DISPATCH() NEXT()
#else
#define DISPATCH()                                              \
  do {                                                          \
    if (__builtin_expect(--budget == 0, 0)) goto safe_point;    \
    NEXT();                                                     \
  } while (0)
#endif

  // Set while a MemoryError from std::bad_alloc is being raised in `frame` (see the catch below);
  // cleared when a handler takes it.
  bool raising_oom = false;
resume:
  try {
    // GenThrow resumes a generator with the exception to raise at its yield already pending.
    if (__builtin_expect(entry->gen != nullptr && ts.exc != nullptr, 0)) goto error;
    if (__builtin_expect(raising_oom, 0)) goto error;
    NEXT();
  safe_point: {
    if (budget_parked) {
      // Parked by SAVE(): ts.budget is current (a nested Eval may have spent some of it). Count
      // the instruction that just ended against it.
      budget_parked = false;
      budget = ts.budget - 1;
      if (__builtin_expect(budget > 0, 1)) NEXT();
    }
    int64_t interval = interp.gil.check_interval();
    ts.budget = budget;
    ts.CountInstructions();
    budget = ts.budget = ts.budget_period = interval > 0 ? interval : kTimeOnlyPollInterval;
    if (interp.gil.breaker() != 0) {
      SAVE();
      if (!HandleSafePoint(ts)) {
        // Raised before the instruction at pc runs: report that instruction (instr() is pc - 1).
        frame->pc = ++pc;
        goto error;
      }
    }
    NEXT();
  }

#if !(defined(__GNUC__) && !defined(GILVM_SWITCH_DISPATCH))
  dispatch:
    word = *pc++;
    arg = word >> 8;
    switch (static_cast<Op>(word & 0xff)) {
#endif

    TARGET(NOP) { DISPATCH(); }
    TARGET(POP_TOP) {
      --sp;
      DISPATCH();
    }
    TARGET(DUP_TOP) {
      Value v = TOP();
      PUSH(v);
      DISPATCH();
    }
    TARGET(DUP_TOP_TWO) {
      Value a = SECOND(), b = TOP();
      PUSH(a);
      PUSH(b);
      DISPATCH();
    }
    TARGET(ROT_TWO) {
      std::swap(sp[-1], sp[-2]);
      DISPATCH();
    }
    TARGET(ROT_THREE) {
      Value top = sp[-1];
      sp[-1] = sp[-2];
      sp[-2] = sp[-3];
      sp[-3] = top;
      DISPATCH();
    }
    TARGET(ROT_FOUR) {
      Value top = sp[-1];
      sp[-1] = sp[-2];
      sp[-2] = sp[-3];
      sp[-3] = sp[-4];
      sp[-4] = top;
      DISPATCH();
    }
    TARGET(PUSH_NULL) {
      PUSH(Value());
      DISPATCH();
    }
    TARGET(LOAD_CONST) {
      PUSH(consts[arg]);
      DISPATCH();
    }
    TARGET(LOAD_FAST) {
      Value v = locals[arg];
      if (__builtin_expect(v.is_null(), 0)) {
        SAVE();
        UnboundLocal(ts, frame->code->varnames[arg]);
        goto error;
      }
      PUSH(v);
      DISPATCH();
    }
    TARGET(STORE_FAST) {
      locals[arg] = POP();
      DISPATCH();
    }
    TARGET(DELETE_FAST) {
      if (locals[arg].is_null()) {
        SAVE();
        UnboundLocal(ts, frame->code->varnames[arg]);
        goto error;
      }
      locals[arg] = Value();
      DISPATCH();
    }
    TARGET(LOAD_DEREF) {
      CellObject* cell = static_cast<CellObject*>(locals[frame->code->first_cell() + arg].as_object());
      if (cell->value.is_null()) {
        SAVE();
        int ncell = static_cast<int>(frame->code->cellvars.size());
        if (static_cast<int>(arg) < ncell) UnboundLocal(ts, frame->code->cellvars[arg]);
        else UnboundFree(ts, frame->code->freevars[arg - ncell]);
        goto error;
      }
      PUSH(cell->value);
      DISPATCH();
    }
    TARGET(STORE_DEREF) {
      static_cast<CellObject*>(locals[frame->code->first_cell() + arg].as_object())->value = POP();
      DISPATCH();
    }
    TARGET(DELETE_DEREF) {
      CellObject* cell = static_cast<CellObject*>(locals[frame->code->first_cell() + arg].as_object());
      if (cell->value.is_null()) {
        SAVE();
        UnboundLocal(ts, frame->code->cellvars[arg]);
        goto error;
      }
      cell->value = Value();
      DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
      PUSH(locals[frame->code->first_cell() + arg]);
      DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
      // A class body reading a variable of an enclosing function: its namespace first.
      int ncell = static_cast<int>(frame->code->cellvars.size());
      StrObject* name = static_cast<int>(arg) < ncell ? frame->code->cellvars[arg] : frame->code->freevars[arg - ncell];
      Value v = DictGetStr(frame->locals, name);
      if (v.is_null()) {
        v = static_cast<CellObject*>(locals[frame->code->first_cell() + arg].as_object())->value;
        if (v.is_null()) {
          SAVE();
          UnboundFree(ts, name);
          goto error;
        }
      }
      PUSH(v);
      DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
      NameCache& c = caches[arg];
      DictObject* d = frame->globals;
      int64_t ix = DictFindStrHinted(d, names[arg], &c.global_hint);
      if (ix < 0) {
        d = frame->builtins;
        ix = DictFindStrHinted(d, names[arg], &c.builtins_hint);
        if (ix < 0) {
          SAVE();
          NameNotDefined(ts, frame, names[arg]);
          goto error;
        }
      }
      PUSH(d->entries[ix].value);
      DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
      DictSetStr(frame->globals, names[arg], POP());
      DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
      SAVE();
      if (!DeleteFromDict(ts, frame->globals, names[arg])) goto error;
      DISPATCH();
    }
    TARGET(LOAD_NAME) {
      SAVE();
      Value v = LoadName(ts, frame, names[arg], caches[arg]);
      CHECK(v);
      PUSH(v);
      DISPATCH();
    }
    TARGET(STORE_NAME) {
      if (frame->locals->type != interp.types.dict) {
        SAVE();
        if (!SetItem(ts, Value::Obj(frame->locals), Value::Obj(names[arg]), TOP())) goto error;
        --sp;
        DISPATCH();
      }
      DictSetStrHinted(frame->locals, names[arg], POP(), &caches[arg].global_hint);
      DISPATCH();
    }
    TARGET(DELETE_NAME) {
      SAVE();
      if (!DeleteFromDict(ts, frame->locals, names[arg])) goto error;
      DISPATCH();
    }
    TARGET(LOAD_ATTR) {
      Value obj = TOP();
      if (IsObjectOfKind(obj, Kind::kInstance) || IsObjectOfKind(obj, Kind::kModule)) {
        // An attribute in the instance dict, on a class without descriptors or hooks for it; a
        // module's global.
        Object* o = obj.as_object();
        NameCache::Way* w = caches[arg].Find(o->type, interp.type_epoch);
        if (w != nullptr && (w->flags & NameCache::kGet)) {
          DictObject* d;
          if (o->kind == Kind::kModule) {
            d = static_cast<ModuleObject*>(o)->dict;
          } else {
            auto* inst = static_cast<InstanceObject*>(o);
            d = inst->dict;
            if (d == nullptr && w->slot >= 0 && w->slot < inst->inline_count) {
              TOP() = inst->inline_values()[w->slot];
              DISPATCH();
            }
          }
          int64_t ix = d == nullptr ? -1 : DictFindStrHinted(d, names[arg], &w->dict_hint);
          if (ix >= 0) {
            TOP() = d->entries[ix].value;
            DISPATCH();
          }
        }
      }
      SAVE();
      Value v = IsObjectOfKind(obj, Kind::kSuper) ? SuperGetAttr(ts, obj, names[arg]) : GetAttr(ts, obj, names[arg]);
      CHECK(v);
      TOP() = v;
      if ((IsObjectOfKind(obj, Kind::kInstance) || IsObjectOfKind(obj, Kind::kModule)) &&
          caches[arg].Find(obj.as_object()->type, interp.type_epoch) == nullptr)
        FillNameCache(ts, caches[arg], obj.as_object(), names[arg]);
      DISPATCH();
    }
    TARGET(STORE_ATTR) {
      Value obj = TOP();
      if (IsObjectOfKind(obj, Kind::kInstance)) {
        Object* o = obj.as_object();
        NameCache::Way* w = caches[arg].Find(o->type, interp.type_epoch);
        auto* inst = static_cast<InstanceObject*>(o);
        if (w != nullptr && (w->flags & NameCache::kSet) && inst->dict == nullptr) {
          // Inline: an attribute the instance has, or the class's next one while there is room.
          int slot = w->slot;
          uint8_t n = inst->inline_count;
          if (slot >= 0 && (slot < n || (slot == n && n < inst->inline_capacity))) {
            inst->inline_values()[slot] = SECOND();
            if (slot == n) {
              inst->inline_count = ++n;
              NoteAttributeCount(o->type, n);
            }
            sp -= 2;
            DISPATCH();
          }
        } else if (w != nullptr && (w->flags & NameCache::kSet)) {
          DictObject* d = inst->dict;
          int64_t ix = DictFindStrHinted(d, names[arg], &w->dict_hint);
          if (ix >= 0) {
            d->entries[ix].value = SECOND();
            ++d->version;
          } else {
            SAVE();  // a new key: the dict grows, which a heap limit may refuse
            InstanceSet(ts, inst, names[arg], SECOND());
          }
          sp -= 2;
          DISPATCH();
        }
      }
      SAVE();
      if (!SetAttr(ts, obj, names[arg], SECOND())) goto error;
      if (IsObjectOfKind(obj, Kind::kInstance) && caches[arg].Find(obj.as_object()->type, interp.type_epoch) == nullptr)
        FillNameCache(ts, caches[arg], obj.as_object(), names[arg]);
      sp -= 2;
      DISPATCH();
    }
    TARGET(DELETE_ATTR) {
      SAVE();
      if (!DelAttr(ts, TOP(), names[arg])) goto error;
      --sp;
      DISPATCH();
    }
    TARGET(LOAD_METHOD) {
      Value obj = TOP();
      StrObject* name = names[arg];
      // A plain method found on the type, not shadowed by the instance: call it unbound.
      if (obj.is_object()) {
        Object* o = obj.as_object();
        NameCache::Way* w = caches[arg].Find(o->type, interp.type_epoch);
        if (w == nullptr) {
          FillNameCache(ts, caches[arg], o, name);
          w = caches[arg].Find(o->type, interp.type_epoch);
        }
        if (w != nullptr && o->kind == Kind::kModule && (w->flags & NameCache::kGet)) {
          DictObject* d = static_cast<ModuleObject*>(o)->dict;
          int64_t ix = DictFindStrHinted(d, name, &w->dict_hint);
          if (ix >= 0) {  // module.function(...): called without a self
            TOP() = Value();
            PUSH(d->entries[ix].value);
            DISPATCH();
          }
        }
        if (w != nullptr && (w->flags & NameCache::kMethod) &&
            ((w->flags & NameCache::kNoShadow) ||
             (o->kind == Kind::kInstance && !InstanceShadows(static_cast<InstanceObject*>(o), *w, name)))) {
          TOP() = w->type_attr;
          PUSH(obj);
          DISPATCH();
        }
      }
      if (obj.is_object() && obj.as_object()->kind != Kind::kType && obj.as_object()->kind != Kind::kSuper &&
          obj.as_object()->kind != Kind::kModule) {
        TypeObject* type = obj.as_object()->type;
        Value f = LookupInType(type, name);
        if (!f.is_null() && (IsObjectOfKind(f, Kind::kFunction) || IsObjectOfKind(f, Kind::kNative))) {
          bool shadowed = false;
          Kind k = obj.as_object()->kind;
          if (k == Kind::kInstance || k == Kind::kException)
            shadowed = !InstanceGet(As<InstanceObject>(obj), name).is_null();
          else if (!type->is_builtin)
            shadowed = InExtraDict(obj.as_object(), name);
          if (!shadowed && !IsObjectOfKind(LookupInType(type, interp.names.__getattribute__), Kind::kFunction)) {
            TOP() = f;
            PUSH(obj);
            DISPATCH();
          }
        }
      }
      SAVE();
      Value v = IsObjectOfKind(obj, Kind::kSuper) ? SuperGetAttr(ts, obj, name) : GetAttr(ts, obj, name);
      CHECK(v);
      TOP() = Value();
      PUSH(v);
      DISPATCH();
    }
    TARGET(BINARY_OP) {
      Value r = TOP(), l = SECOND();
      uint32_t op = arg & ~kInplace;
      if (l.is_int() && r.is_int()) {
        int64_t out;
        if (IntFastOp(static_cast<BinOp>(op), l.as_int(), r.as_int(), &out)) {
          --sp;
          TOP() = Value::Int(out);
          DISPATCH();
        }
      } else if (l.is_float() && r.is_float()) {
        double out;
        if (FloatFastOp(static_cast<BinOp>(op), l.as_float(), r.as_float(), &out)) {
          --sp;
          TOP() = Value::Float(out);
          DISPATCH();
        }
      }
      SAVE();
      Value v = BinaryOp(ts, l, r, arg);
      CHECK(v);
      --sp;
      TOP() = v;
      DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
      Value v = TOP();
      if (v.is_int() && v.as_int() != std::numeric_limits<int64_t>::min()) {
        TOP() = Value::Int(-v.as_int());
        DISPATCH();
      }
      if (v.is_float()) {
        TOP() = Value::Float(-v.as_float());
        DISPATCH();
      }
      SAVE();
      Value r = Negative(ts, v);
      CHECK(r);
      TOP() = r;
      DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
      SAVE();
      Value r = Positive(ts, TOP());
      CHECK(r);
      TOP() = r;
      DISPATCH();
    }
    TARGET(UNARY_INVERT) {
      SAVE();
      Value r = Invert(ts, TOP());
      CHECK(r);
      TOP() = r;
      DISPATCH();
    }
    TARGET(UNARY_NOT) {
      Value v = TOP();
      if (v.is_bool()) {
        TOP() = Value::Bool(!v.as_bool());
        DISPATCH();
      }
      SAVE();
      int t = IsTrue(ts, v);
      if (t < 0) goto error;
      TOP() = Value::Bool(t == 0);
      DISPATCH();
    }
    TARGET(COMPARE_OP) {
      Value r = TOP(), l = SECOND();
      if (l.is_int() && r.is_int()) {
        compared = CompareOrdered(l.as_int(), r.as_int(), static_cast<CmpOp>(arg));
        goto compare_result;
      }
      if (CompareExactStrs(interp, l, r, static_cast<CmpOp>(arg), &compared)) goto compare_result;
      SAVE();
      Value v = RichCompare(ts, l, r, static_cast<CmpOp>(arg));
      CHECK(v);
      --sp;
      TOP() = v;
      DISPATCH();
    }
  compare_result: {
    // A conditional jump right after an int comparison runs here, without its own dispatch or
    // a bool on the stack. It still counts as the instruction it is: the budget pays for it.
    // When the budget would run out between the two, the jump is left to run on its own, so the
    // safe point falls where it always does.
    uint32_t next = *pc;
    Op next_op = DecodeOp(next);
    if ((next_op == Op::POP_JUMP_IF_FALSE || next_op == Op::POP_JUMP_IF_TRUE) && budget > 1) {
      --budget;
      sp -= 2;
      pc = compared == (next_op == Op::POP_JUMP_IF_TRUE) ? frame->code->code.data() + DecodeArg(next) : pc + 1;
      DISPATCH();
    }
    --sp;
    TOP() = Value::Bool(compared);
    DISPATCH();
  }
    TARGET(IS_OP) {
      bool same = SECOND().Is(TOP());
      --sp;
      TOP() = Value::Bool(same != (arg != 0));
      DISPATCH();
    }
    TARGET(CONTAINS_OP) {
      SAVE();
      int r = Contains(ts, TOP(), SECOND());
      if (r < 0) goto error;
      --sp;
      TOP() = Value::Bool((r != 0) != (arg != 0));
      DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
      Value key = TOP(), container = SECOND();
      if (key.is_int() && IsList(container) && container.as_object()->type == interp.types.list) {
        auto& items = As<ListObject>(container)->items;
        int64_t i = key.as_int();
        if (i < 0) i += static_cast<int64_t>(items.size());
        if (i >= 0 && i < static_cast<int64_t>(items.size())) {
          --sp;
          TOP() = items[i];
          DISPATCH();
        }
      }
      if (key.is_int()) {
        if (StrObject* c = SharedCharAt(interp, container, key)) {
          --sp;
          TOP() = Value::Obj(c);
          DISPATCH();
        }
      }
      SAVE();
      Value v = GetItem(ts, container, key);
      CHECK(v);
      --sp;
      TOP() = v;
      DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
      Value key = TOP(), container = SECOND(), value = THIRD();
      if (key.is_int() && IsList(container) && container.as_object()->type == interp.types.list) {
        auto& items = As<ListObject>(container)->items;
        int64_t i = key.as_int();
        if (i < 0) i += static_cast<int64_t>(items.size());
        if (i >= 0 && i < static_cast<int64_t>(items.size())) {
          items[i] = value;
          sp -= 3;
          DISPATCH();
        }
      }
      SAVE();
      if (!SetItem(ts, container, key, value)) goto error;
      sp -= 3;
      DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
      SAVE();
      if (!DelItem(ts, SECOND(), TOP())) goto error;
      sp -= 2;
      DISPATCH();
    }
    TARGET(BUILD_SLICE) {
      SAVE();
      Value step = arg == 3 ? TOP() : Value::None();
      Value* base = sp - arg;
      SliceObject* s = interp.heap.New<SliceObject>(interp.types.slice, base[0], base[1], step);
      sp = base;
      PUSH(Value::Obj(s));
      DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
      SAVE();
      TupleObject* t = NewTuple(ts, std::span<const Value>(sp - arg, arg));
      sp -= arg;
      PUSH(Value::Obj(t));
      DISPATCH();
    }
    TARGET(BUILD_LIST) {
      SAVE();
      ListObject* l = NewList(ts, std::vector<Value>(sp - arg, sp));
      sp -= arg;
      PUSH(Value::Obj(l));
      DISPATCH();
    }
    TARGET(BUILD_SET) {
      SAVE();
      Value set = BuildSet(ts, sp - arg, arg);
      if (set.is_null()) goto error;
      sp -= arg;
      PUSH(set);
      DISPATCH();
    }
    TARGET(BUILD_MAP) {
      SAVE();
      DictObject* d = NewDict(ts);
      PUSH(Value::Obj(d));
      SAVE();
      Value* items = sp - 1 - 2 * arg;
      for (uint32_t i = 0; i < arg; ++i) {
        if (!DictSet(ts, d, items[2 * i], items[2 * i + 1])) goto error;
      }
      sp = items;
      PUSH(Value::Obj(d));
      DISPATCH();
    }
    TARGET(BUILD_STRING) {
      SAVE();
      Value r = ConcatStrings(ts, sp - arg, arg);
      sp -= arg;
      PUSH(r);
      DISPATCH();
    }
    TARGET(LIST_APPEND) {
      std::vector<Value>& items = As<ListObject>(sp[-static_cast<int>(arg) - 1])->items;
      if (__builtin_expect(items.size() == items.capacity(), 0)) {
        SAVE();  // the value is still on the stack: a collection here is safe
        ChargeItemsGrowth(interp.heap, items, 1, /*may_collect=*/true);
      }
      items.push_back(POP());
      DISPATCH();
    }
    TARGET(SET_ADD) {
      SAVE();
      if (!SetAdd(ts, As<SetObject>(sp[-1 - static_cast<int>(arg)]), TOP())) goto error;
      --sp;
      DISPATCH();
    }
    TARGET(MAP_ADD) {
      SAVE();
      int depth = static_cast<int>(arg & ~kMapAddCallKeyword);
      DictObject* d = As<DictObject>(sp[-2 - depth]);
      if ((arg & kMapAddCallKeyword) && !AddCallKeyword(ts, sp[-4 - depth], d, SECOND(), TOP())) goto error;
      if (!(arg & kMapAddCallKeyword) && !DictSet(ts, d, SECOND(), TOP())) goto error;
      sp -= 2;
      DISPATCH();
    }
    TARGET(DICT_MERGE) {
      SAVE();
      Value src = TOP();
      DictObject* d = As<DictObject>(sp[-1 - static_cast<int>(arg)]);
      Value callable = sp[-3 - static_cast<int>(arg)];
      if (!IsDict(src)) {
        RaiseTypeError(ts, absl::StrCat(FunctionStr(ts, callable), " argument after ** must be a mapping, not ",
                                        TypeName(ts, src)));
        goto error;
      }
      for (const auto& e : As<DictObject>(src)->entries) {
        if (e.key.is_null()) continue;
        if (!AddCallKeyword(ts, callable, d, e.key, e.value)) goto error;
      }
      --sp;
      DISPATCH();
    }
    TARGET(LIST_EXTEND) {
      SAVE();
      int depth = static_cast<int>(arg & ~kListExtendCallArgs);
      Value callable = (arg & kListExtendCallArgs) ? sp[-3 - depth] : Value();
      if (!ListExtendFrom(ts, As<ListObject>(sp[-1 - depth]), TOP(), callable)) goto error;
      --sp;
      DISPATCH();
    }
    TARGET(SET_UPDATE) {
      SAVE();
      if (!SetUpdateOp(ts, sp, arg)) goto error;
      --sp;
      DISPATCH();
    }
    TARGET(DICT_UPDATE) {
      SAVE();
      Value src = TOP();
      DictObject* d = As<DictObject>(sp[-1 - static_cast<int>(arg)]);
      if (!IsDict(src)) {
        RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, src), "' object is not a mapping"));
        goto error;
      }
      for (const auto& e : As<DictObject>(src)->entries) {
        if (e.key.is_null()) continue;
        if (!DictSet(ts, d, e.key, e.value)) goto error;
      }
      --sp;
      DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
      SAVE();
      TupleObject* t = NewTuple(ts, As<ListObject>(TOP())->items);
      TOP() = Value::Obj(t);
      DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
      SAVE();
      Value spec = (arg & kFormatHasSpec) ? TOP() : Value();
      Value v = (arg & kFormatHasSpec) ? SECOND() : TOP();
      Value r = FormatValue(ts, v, arg & 3, spec);
      CHECK(r);
      if (arg & kFormatHasSpec) --sp;
      TOP() = r;
      DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
      Value seq = TOP();
      if (IsTuple(seq) && As<TupleObject>(seq)->size() == arg) {
        auto& items = As<TupleObject>(seq)->items;
        --sp;
        for (uint32_t i = arg; i > 0; --i) PUSH(items[i - 1]);
        DISPATCH();
      }
      SAVE();
      if (!UnpackOntoStack(ts, sp - 1, arg, 0, false)) goto error;
      sp += static_cast<int>(arg) - 1;
      DISPATCH();
    }
    TARGET(UNPACK_EX) {
      SAVE();
      if (!UnpackOntoStack(ts, sp - 1, arg & 0xff, arg >> 8, true)) goto error;
      sp += static_cast<int>((arg & 0xff) + (arg >> 8));
      DISPATCH();
    }
    TARGET(JUMP) {
      pc = frame->code->code.data() + arg;
      DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
      Value v = POP();
      int t;
      if (v.is_bool()) t = v.as_bool();
      else {
        SAVE();
        t = IsTrue(ts, v);
        if (t < 0) goto error;
      }
      if (!t) pc = frame->code->code.data() + arg;
      DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
      Value v = POP();
      int t;
      if (v.is_bool()) t = v.as_bool();
      else {
        SAVE();
        t = IsTrue(ts, v);
        if (t < 0) goto error;
      }
      if (t) pc = frame->code->code.data() + arg;
      DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
      Value v = TOP();
      int t;
      if (v.is_bool()) t = v.as_bool();
      else {
        SAVE();
        t = IsTrue(ts, v);
        if (t < 0) goto error;
      }
      if (!t) pc = frame->code->code.data() + arg;
      else --sp;
      DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
      Value v = TOP();
      int t;
      if (v.is_bool()) t = v.as_bool();
      else {
        SAVE();
        t = IsTrue(ts, v);
        if (t < 0) goto error;
      }
      if (t) pc = frame->code->code.data() + arg;
      else --sp;
      DISPATCH();
    }
    TARGET(GET_ITER) {
      SAVE();
      Value it = GetIter(ts, TOP());
      CHECK(it);
      TOP() = it;
      DISPATCH();
    }
    TARGET(FOR_ITER) {
      if (IsObjectOfKind(TOP(), Kind::kIterator) && TOP().as_object()->type->is_builtin) {
        // A range and a list step right here, without a call; other built-in iterators below.
        auto* it = As<IteratorObject>(TOP());
        if (it->ikind == IterKind::kRange) {
          if (it->stop <= 0) {
            --sp;
            pc = frame->code->code.data() + arg;
            DISPATCH();
          }
          PUSH(Value::Int(it->index));
          --it->stop;
          if (it->stop > 0) it->index += it->step;  // as BuiltinIterNext: never steps past the end
          DISPATCH();
        }
        if (it->ikind == IterKind::kList && !it->source.is_none()) {
          const std::vector<Value>& items = As<ListObject>(it->source)->items;
          if (it->index < static_cast<int64_t>(items.size())) {
            PUSH(items[it->index++]);
            DISPATCH();
          }
        }
      } else if (IsObjectOfKind(TOP(), Kind::kGenerator)) {
        goto for_iter_generator;
      }
      SAVE();
      Value v;
      int r = IterNext(ts, TOP(), &v);
      if (r < 0) goto error;
      if (r == 0) {
        --sp;
        pc = frame->code->code.data() + arg;
      } else {
        PUSH(v);
      }
      DISPATCH();
    }
    TARGET(KW_NAMES) {
      kwnames = As<TupleObject>(consts[arg]);
      DISPATCH();
    }
    TARGET(CALL) {
      // arg counts positional and keyword arguments; KW_NAMES named the keyword ones.
      Value* base = sp - arg - 2;
      size_t nargs = arg - (kwnames != nullptr ? kwnames->size() : 0);
      Value* argv = base + 2;
      Value callable = base[1];
      if (!base[0].is_null()) {
        callable = base[0];
        argv = base + 1;
        ++nargs;
      } else if (IsObjectOfKind(callable, Kind::kBoundMethod)) {
        // Unpack obj.method into (function, self) in place: no argument copy.
        BoundMethodObject* m = As<BoundMethodObject>(callable);
        base[0] = m->func;
        base[1] = m->self;
        callable = m->func;
        argv = base + 1;
        ++nargs;
      }
      TupleObject* names_for_call = kwnames;
      kwnames = nullptr;
      SAVE();
      if (IsObjectOfKind(callable, Kind::kFunction) &&
          (As<FunctionObject>(callable)->code->flags & kCodeGenerator) == 0) {
        Frame* callee = PrepareFrame(ts, As<FunctionObject>(callable), argv, nargs, names_for_call);
        if (callee == nullptr) goto error;
        frame->sp = base;  // the arguments now live in the callee
        frame = callee;
        LOAD_FRAME();
        DISPATCH();
      }
      Value r = Call(ts, callable, argv, nargs, names_for_call);
      CHECK(r);
      sp = base;
      PUSH(r);
      DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
      // Stack: NULL|self, callable, args tuple [, kwargs dict]; all stay rooted during the call.
      SAVE();
      Value* base = sp - 3 - (arg & 1);
      Value r = CallFunctionEx(ts, base[0], base[1], base[2], (arg & 1) ? base[3] : Value());
      CHECK(r);
      sp = base;
      PUSH(r);
      DISPATCH();
    }
    TARGET(RETURN_VALUE) {
      Value result = POP();
      if (frame->is_entry) {
        ts.PopFrame();
        PARK_BUDGET();
        return result;
      }
      ts.PopFrame();
      frame = ts.frame;
      LOAD_FRAME();
      PUSH(result);
      DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
      // Stack: [defaults] [kwdefaults] [closure] code. They stay on the stack (rooted) while the
      // function object is allocated.
      SAVE();
      Value* base = sp - 1 - std::popcount(arg);
      CodeObject* code = As<CodeObject>(TOP());
      FunctionObject* fn = interp.heap.New<FunctionObject>(interp.types.function, code, frame->globals);
      Value* part = base;
      if (arg & kFnDefaults) fn->defaults = As<TupleObject>(*part++);
      if (arg & kFnKwDefaults) fn->kwdefaults = As<DictObject>(*part++);
      if (arg & kFnAnnotations) fn->annotations = As<DictObject>(*part++);
      if (arg & kFnClosure)
        for (Value c : As<TupleObject>(*part++)->items) fn->closure.push_back(As<CellObject>(c));
      sp = base;
      PUSH(Value::Obj(fn));
      SAVE();
      fn->name = Value::Obj(Intern(interp, code->name));
      fn->qualname = Value::Obj(Intern(interp, code->qualname));
      if (code->flags & kCodeDocstring) fn->doc = code->consts[0];
      Value modname = DictGetStr(frame->globals, interp.names.__name__);
      fn->module = modname.is_null() ? Value::None() : modname;
      DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
      Value v = DictGetStr(frame->builtins, interp.names.__build_class__);
      if (v.is_null()) {
        SAVE();
        Raise(ts, interp.exc.NameError, "__build_class__ not found");
        goto error;
      }
      PUSH(v);
      DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
      SAVE();
      Value cause = arg == 2 ? POP() : Value();
      Value exc = arg >= 1 ? POP() : Value();
      SAVE();
      if (DoRaise(ts, exc, cause)) goto exception_unwind;
      goto error;
    }
    TARGET(SETUP_FINALLY) {
      Block& b = frame->blocks[frame->nblocks++];
      b.type = Block::kSetupFinally;
      b.handler = static_cast<int32_t>(arg);
      b.level = static_cast<int32_t>(sp - frame->stack_base());
      DISPATCH();
    }
    TARGET(POP_BLOCK) {
      --frame->nblocks;
      DISPATCH();
    }
    TARGET(POP_EXCEPT) {
      --frame->nblocks;  // the except-handler block
      ts.handled_exc = POP();
      DISPATCH();
    }
    TARGET(RERAISE) {
      Value exc = POP();
      SAVE();
      ts.exc = As<ExceptionObject>(exc);
      goto exception_unwind;
    }
    TARGET(CHECK_EXC_MATCH) {
      SAVE();
      int r = ExceptionMatchesValue(ts, SECOND(), TOP());
      if (r < 0) goto error;
      TOP() = Value::Bool(r != 0);
      DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
      PUSH(Value::Obj(interp.exc.AssertionError));
      DISPATCH();
    }
    TARGET(SETUP_WITH) {
      SAVE();
      Value mgr = TOP();
      Value enter = LookupSpecial(ts, mgr, interp.names.__enter__);
      if (enter.is_null()) {
        RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, mgr), "' object does not support the context manager protocol"));
        goto error;
      }
      PUSH(enter);
      SAVE();
      Value exit = LookupSpecial(ts, mgr, interp.names.__exit__);
      if (exit.is_null()) {
        RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, mgr),
                                        "' object does not support the context manager protocol (missed __exit__ method)"));
        goto error;
      }
      sp[-2] = exit;  // replaces the manager: (exit, enter)
      Value result = Call(ts, TOP(), nullptr, 0);
      CHECK(result);
      --sp;
      Block& b = frame->blocks[frame->nblocks++];
      b.type = Block::kSetupFinally;
      b.handler = static_cast<int32_t>(arg);
      b.level = static_cast<int32_t>(sp - frame->stack_base());
      PUSH(result);
      DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
      // Stack: exit, prev_exc, exc.
      SAVE();
      Value exc = TOP();
      ExceptionObject* e = As<ExceptionObject>(exc);
      Value args[3] = {Value::Obj(e->type), exc, e->traceback ? Value::Obj(e->traceback) : Value::None()};
      Value r = Call(ts, THIRD(), args, 3);
      CHECK(r);
      PUSH(r);
      DISPATCH();
    }
    TARGET(IMPORT_NAME) {
      SAVE();
      Value m = ImportName(ts, names[arg], TOP(), SECOND(), frame);
      CHECK(m);
      sp -= 2;
      PUSH(m);
      DISPATCH();
    }
    TARGET(IMPORT_FROM) {
      SAVE();
      Value v = ImportFromModule(ts, TOP(), names[arg]);
      CHECK(v);
      PUSH(v);
      DISPATCH();
    }
    TARGET(IMPORT_STAR) {
      SAVE();
      if (!ImportStarInto(ts, TOP(), frame->locals)) goto error;
      --sp;
      DISPATCH();
    }
    TARGET(YIELD_VALUE) {
      yielded = POP();
      goto yield_value;
    }
    TARGET(GET_YIELD_FROM_ITER) {
      if (!IsObjectOfKind(TOP(), Kind::kGenerator)) {
        SAVE();
        Value it = GetIter(ts, TOP());
        CHECK(it);
        TOP() = it;
      }
      DISPATCH();
    }
    TARGET(YIELD_FROM) {
      // Stack: sub-iterator, value to send. A sub-generator runs in this loop.
      SAVE();
      if (IsObjectOfKind(SECOND(), Kind::kGenerator)) goto yield_from_generator;
      int r = YieldFromStep(ts, SECOND(), TOP(), &yielded);
      if (r < 0) goto error;
      --sp;
      if (r == 0) {
        TOP() = yielded;  // the `yield from` result replaces the sub-iterator
        DISPATCH();
      }
      --pc;  // suspended on YIELD_FROM: the next resume sends to the sub-iterator again
      goto yield_value;
    }
    TARGET(GEN_RETURN) {
      yielded = POP();
      SAVE();
      goto gen_return;
    }
    TARGET(PRINT_EXPR) {
      SAVE();
      PrintExpr(ts, TOP());
      if (ts.exc != nullptr) goto error;
      --sp;
      DISPATCH();
    }
    TARGET(ROT_N) {
      Value top = sp[-1];
      std::memmove(sp - arg + 1, sp - arg, (arg - 1) * sizeof(Value));
      sp[-static_cast<int>(arg)] = top;
      DISPATCH();
    }
    TARGET(LIFT_N) {
      Value item = sp[-static_cast<int>(arg)];
      std::memmove(sp - arg, sp - arg + 1, (arg - 1) * sizeof(Value));
      sp[-1] = item;
      DISPATCH();
    }
    TARGET(MATCH_SEQUENCE) {
      Value v = TOP();
      PUSH(Value::Bool(IsMatchSequence(ts, v)));
      DISPATCH();
    }
    TARGET(MATCH_MAPPING) {
      Value v = TOP();
      PUSH(Value::Bool(IsMatchMapping(ts, v)));
      DISPATCH();
    }
    TARGET(GET_LEN) {
      SAVE();
      int64_t n = Length(ts, TOP());
      if (n < 0) goto error;
      PUSH(Value::Int(n));
      DISPATCH();
    }
    TARGET(MATCH_KEYS) {
      SAVE();
      Value values = MatchKeys(ts, SECOND(), TOP());
      if (values.is_null()) goto error;
      PUSH(values);
      DISPATCH();
    }
    TARGET(COPY_DICT_WITHOUT_KEYS) {
      SAVE();
      Value rest = CopyDictWithoutKeys(ts, SECOND(), TOP());
      if (rest.is_null()) goto error;
      sp[-1] = rest;
      DISPATCH();
    }
    TARGET(MATCH_CLASS) {
      SAVE();
      Value attrs = MatchClass(ts, sp[-3], sp[-2], sp[-1], arg);
      if (attrs.is_null()) goto error;
      sp -= 2;
      sp[-1] = attrs;
      DISPATCH();
    }
#if !(defined(__GNUC__) && !defined(GILVM_SWITCH_DISPATCH))
    }
#endif

    // ---- generators (vm/generator.h): resuming and leaving generator frames in this loop ----
  for_iter_generator: {
    // `for` over a generator: its frame runs here; its yield pushes onto this stack, its return
    // ends the loop (see gen_return).
    SAVE();
    Frame* callee;
    GenEnter how = GenEnterFrame(ts, As<GeneratorObject>(TOP()), Value::None(), &callee);
    if (how == GenEnter::kError) goto error;
    if (how == GenEnter::kFinished) {
      --sp;
      pc = frame->code->code.data() + arg;
      DISPATCH();
    }
    frame = callee;
    LOAD_FRAME();
    DISPATCH();
  }
  yield_from_generator: {
    Frame* callee;
    GenEnter how = GenEnterFrame(ts, As<GeneratorObject>(SECOND()), TOP(), &callee);
    if (how == GenEnter::kError) goto error;
    --sp;
    if (how == GenEnter::kFinished) {
      TOP() = Value::None();
      DISPATCH();
    }
    frame->sp = sp;  // [..., sub-generator]: where its yield or return comes back to
    frame = callee;
    LOAD_FRAME();
    DISPATCH();
  }
  yield_value: {
    // `frame` (a generator's) yields `yielded`: save it, then hand the value to whoever resumed it.
    SAVE();
    bool was_entry = frame->is_entry;
    GenSuspend(ts, frame);
    if (was_entry) return yielded;  // SAVE() parked the budget
    frame = ts.frame;
    LOAD_FRAME();
    if (DecodeOp(pc[-1]) == Op::YIELD_FROM) {
      --pc;  // a delegating generator yields the value on, staying on its YIELD_FROM
      goto yield_value;
    }
    PUSH(yielded);  // FOR_ITER's next item
    DISPATCH();
  }
  gen_return: {
    bool was_entry = frame->is_entry;
    GenFinish(ts, frame);
    if (was_entry) {
      PARK_BUDGET();
      return yielded;  // GenSend sees the generator finished
    }
    frame = ts.frame;
    LOAD_FRAME();
    if (DecodeOp(pc[-1]) == Op::FOR_ITER) {
      --sp;  // the exhausted generator
      pc = frame->code->code.data() + DecodeArg(pc[-1]);
      DISPATCH();
    }
    TOP() = yielded;  // YIELD_FROM: the result replaces the sub-generator
    DISPATCH();
  }

  error:
    // An exception arrives in `frame`: record where, then look for a handler.
    AddTraceback(ts, frame);
  exception_unwind:
    while (true) {
      while (frame->nblocks > 0) {
        Block b = frame->blocks[--frame->nblocks];
        Value* stack_base = frame->stack_base();
        if (b.type == Block::kExceptHandler) {
          // Leaving an except clause by an exception: restore the previously handled one.
          sp = stack_base + b.level + 1;
          ts.handled_exc = POP();
          continue;
        }
        // A host limit (gilvm.LimitExceeded) ends the call: no except, finally or __exit__ runs.
        if (__builtin_expect(ts.exc->type == interp.limits.exc_type, 0)) continue;
        sp = stack_base + b.level;
        Block& h = frame->blocks[frame->nblocks++];
        h.type = Block::kExceptHandler;
        h.handler = -1;
        h.level = static_cast<int32_t>(sp - stack_base);
        PUSH(ts.handled_exc);
        Value exc = Value::Obj(ts.exc);
        PUSH(exc);
        ts.handled_exc = exc;
        ts.exc = nullptr;
        raising_oom = false;
        pc = frame->code->code.data() + b.handler;
        SAVE();
        DISPATCH();
      }
      // No handler here: the exception leaves this frame.
      bool was_entry = frame->is_entry;
      if (frame->gen != nullptr) GenFinish(ts, frame);
      else ts.PopFrame();
      if (was_entry) {
        PARK_BUDGET();
        return Value::Null();
      }
      frame = ts.frame;
      LOAD_FRAME();
      AddTraceback(ts, frame);
    }
  } catch (const std::bad_alloc&) {
    // Out of memory (or over the heap limit) inside an instruction of `frame`: raise MemoryError
    // there, so the script's own handlers see it. Frames pushed above it and not yet entered go.
    // If that fails in turn (out of memory while raising), unwind this Eval's frames instead.
    ts.exc = nullptr;
    if (!raising_oom && DropFramesAbove(ts, frame, entry)) {
      raising_oom = true;
      RaiseMemoryError(ts);
      LOAD_FRAME();
      goto resume;
    }
    // Generators whose frames go are finished (GenFinish allocates nothing with no exception).
    while (true) {
      Frame* f = ts.frame;
      if (f->gen != nullptr) GenFinish(ts, f);
      else ts.PopFrame();
      if (f == entry) break;
    }
    RaiseMemoryError(ts);
    PARK_BUDGET();
    return Value::Null();
  }
#undef SAVE
#undef PARK_BUDGET
#undef LOAD_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef THIRD
#undef CHECK
#undef TARGET
#undef NEXT
#undef DISPATCH
}

}  // namespace gilvm::vm
