// Generator objects: saving and restoring a generator's frame, and the generator type's methods
// (send, throw, close, __next__). The eval loop's side (YIELD_VALUE, YIELD_FROM, GEN_RETURN and
// FOR_ITER over a generator) is in vm/eval.cc; the invariants are in vm/generator.h.
#include "vm/generator.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/call.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/native.h"
#include "vm/opcodes.h"
#include "vm/ops.h"
#include "vm/protocol.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

void GeneratorObject::Trace(Tracer& t) {
  t.Visit(func);
  t.Visit(code);
  t.Visit(globals);
  t.Visit(name);
  t.Visit(qualname);
  t.Visit(exc_state);
  t.Visit(caller_exc);
  for (size_t i = 0; i < saved; ++i) t.Visit(slots[i]);
}

Value MakeGenerator(ThreadState& ts, Frame* frame) {
  Interpreter& interp = ts.interp;
  auto* gen = interp.heap.New<GeneratorObject>(interp.types.generator, frame->func, frame->code, frame->globals);
  CodeObject* code = frame->code;
  gen->nslots = static_cast<size_t>(code->nlocalsplus() + code->stack_size);
  gen->slots = std::make_unique<Value[]>(gen->nslots);
  gen->saved = static_cast<size_t>(frame->sp - frame->localsplus);
  std::copy(frame->localsplus, frame->sp, gen->slots.get());
  gen->pc = 0;
  gen->name = frame->func->name;
  gen->qualname = frame->func->qualname;
  ts.PopFrame();
  return Value::Obj(gen);
}

namespace {

bool HasExceptHandler(const Frame* f) {
  for (int i = 0; i < f->nblocks; ++i)
    if (f->blocks[i].type == Block::kExceptHandler) return true;
  return false;
}

void ReleaseFrameState(GeneratorObject* gen) {
  gen->state = GeneratorObject::kFinished;
  gen->saved = 0;
  gen->slots.reset();
  gen->nslots = 0;
  gen->blocks.clear();
  gen->delegating = false;
  gen->exc_state = Value::None();
}

// PEP 479: a StopIteration escaping a generator's frame becomes RuntimeError, caused by it.
void ConvertStopIteration(ThreadState& ts) {
  Root stop(ts, Value::Obj(ts.exc));
  ExceptionObject* err = NewException(ts, ts.interp.exc.RuntimeError, "generator raised StopIteration");
  err->cause = stop.get();
  err->context = stop.get();
  err->suppress_context = true;
  ts.exc = err;
}

}  // namespace

GenEnter GenEnterFrame(ThreadState& ts, GeneratorObject* gen, Value value, Frame** out) {
  switch (gen->state) {
    case GeneratorObject::kRunning:
      RaiseValueError(ts, "generator already executing");
      return GenEnter::kError;
    case GeneratorObject::kFinished: return GenEnter::kFinished;
    case GeneratorObject::kCreated:
      if (!value.is_null() && !value.is_none()) {
        RaiseTypeError(ts, "can't send non-None value to a just-started generator");
        return GenEnter::kError;
      }
      break;
    case GeneratorObject::kSuspended: break;
  }
  Frame* f = ts.PushFrame(gen->code, gen->func, gen->globals, nullptr);
  if (f == nullptr) return GenEnter::kError;
  std::copy(gen->slots.get(), gen->slots.get() + gen->saved, f->localsplus);
  f->sp = f->localsplus + gen->saved;
  if (gen->state == GeneratorObject::kSuspended && !value.is_null()) *f->sp++ = value;  // yield's result
  f->pc = gen->code->code.data() + gen->pc;
  f->nblocks = static_cast<int32_t>(gen->blocks.size());
  std::copy(gen->blocks.begin(), gen->blocks.end(), f->blocks);
  f->gen = gen;
  // The outermost except handler saved, as "the exception handled before", the resumer's
  // handled exception of the step that entered it; leaving it must restore this resumer's.
  for (int i = 0; i < f->nblocks; ++i) {
    if (f->blocks[i].type != Block::kExceptHandler) continue;
    f->stack_base()[f->blocks[i].level] = ts.handled_exc;
    break;
  }
  gen->saved = 0;
  gen->state = GeneratorObject::kRunning;
  gen->delegating = false;
  gen->caller_exc = ts.handled_exc;
  if (!gen->exc_state.is_none()) ts.handled_exc = gen->exc_state;
  *out = f;
  return GenEnter::kEntered;
}

void GenSuspend(ThreadState& ts, Frame* f) {
  GeneratorObject* gen = f->gen;
  gen->saved = static_cast<size_t>(f->sp - f->localsplus);
  std::copy(f->localsplus, f->sp, gen->slots.get());
  gen->pc = static_cast<int32_t>(f->pc - gen->code->code.data());
  gen->blocks.assign(f->blocks, f->blocks + f->nblocks);
  gen->delegating = DecodeOp(*f->pc) == Op::YIELD_FROM;
  gen->state = GeneratorObject::kSuspended;
  gen->exc_state = HasExceptHandler(f) ? ts.handled_exc : Value::None();
  ts.handled_exc = gen->caller_exc;
  gen->caller_exc = Value();
  ts.PopFrame();
}

void GenFinish(ThreadState& ts, Frame* f) {
  GeneratorObject* gen = f->gen;
  ReleaseFrameState(gen);
  ts.handled_exc = gen->caller_exc;
  gen->caller_exc = Value();
  if (ts.exc != nullptr && ts.exc->type->IsSubtypeOf(ts.interp.exc.StopIteration)) ConvertStopIteration(ts);
  ts.PopFrame();
}

namespace {

// Runs the entered frame `f` to its next yield or its end (see GenSend).
int RunEntered(ThreadState& ts, GeneratorObject* gen, Frame* f, Value* out) {
  RootedPtr<GeneratorObject> keep(ts, gen);
  f->is_entry = true;
  Value v = Eval(ts, f);
  if (v.is_null()) return -1;
  *out = v;
  return gen->state == GeneratorObject::kFinished ? 0 : 1;
}

// The value a StopIteration carries (its first argument, or None).
Value StopIterationValue(ExceptionObject* e) { return e->args->size() > 0 ? e->args->items[0] : Value::None(); }

// Takes a pending StopIteration as a sub-iterator's end: 0 with its value, else -1 unchanged.
int TakeStopIteration(ThreadState& ts, Value* out) {
  if (!ExceptionMatches(ts, ts.interp.exc.StopIteration)) return -1;
  *out = StopIterationValue(ts.exc);
  ClearException(ts);
  return 0;
}

// Closes a sub-iterator of `yield from`: a generator's close(), or its close method if it has one.
bool CloseSubIterator(ThreadState& ts, Value sub);

// Ends delegation after the sub-iterator finished or failed: drops it from the stack and moves
// past YIELD_FROM, so a send delivers the `yield from` result and a throw lands on its line.
void LeaveDelegation(GeneratorObject* gen) {
  --gen->saved;
  ++gen->pc;
  gen->delegating = false;
}

// gen.throw/close while suspended in `yield from`: the sub-iterator gets the exception first.
// Returns 2 when the exception is to be raised in `gen` itself (ts.exc may then be a new one).
int ThrowToDelegate(ThreadState& ts, GeneratorObject* gen, ExceptionObject* exc, Value* out) {
  Interpreter& interp = ts.interp;
  Root sub(ts, gen->slots[gen->saved - 1]);
  RootedPtr<ExceptionObject> keep(ts, exc);
  gen->state = GeneratorObject::kRunning;  // gi_running while the sub-iterator works
  int r;
  if (exc->type->IsSubtypeOf(interp.exc.GeneratorExit)) {
    bool ok = CloseSubIterator(ts, sub.get());
    gen->state = GeneratorObject::kSuspended;
    LeaveDelegation(gen);
    if (ok) ts.exc = exc;
    return 2;
  }
  if (IsObjectOfKind(sub.get(), Kind::kGenerator)) {
    r = GenThrow(ts, As<GeneratorObject>(sub.get()), exc, out);
  } else {
    Root meth(ts, GetAttrOrNull(ts, sub.get(), Intern(interp, "throw")));
    if (meth.get().is_null()) {
      gen->state = GeneratorObject::kSuspended;
      if (ts.exc != nullptr) return -1;
      LeaveDelegation(gen);
      ts.exc = exc;
      return 2;
    }
    Value arg = Value::Obj(exc);
    Value v = Call(ts, meth.get(), &arg, 1);
    r = v.is_null() ? TakeStopIteration(ts, out) : (*out = v, 1);
  }
  gen->state = GeneratorObject::kSuspended;
  if (r == 1) return 1;
  LeaveDelegation(gen);
  if (r == 0) return GenSend(ts, gen, *out, out);  // the sub-iterator returned: resume with its value
  return 2;  // the sub-iterator raised: that exception goes into gen
}

bool CloseSubIterator(ThreadState& ts, Value sub) {
  if (IsObjectOfKind(sub, Kind::kGenerator)) {
    Value r = CallMethod(ts, sub, Intern(ts.interp, "close"), nullptr, 0);
    return !r.is_null();
  }
  Root meth(ts, GetAttrOrNull(ts, sub, Intern(ts.interp, "close")));
  if (meth.get().is_null()) return ts.exc == nullptr;
  return !Call(ts, meth.get(), nullptr, 0).is_null();
}

}  // namespace

int GenSend(ThreadState& ts, GeneratorObject* gen, Value value, Value* out) {
  Frame* f;
  switch (GenEnterFrame(ts, gen, value, &f)) {
    case GenEnter::kError: return -1;
    case GenEnter::kFinished: *out = Value::None(); return 0;
    case GenEnter::kEntered: break;
  }
  return RunEntered(ts, gen, f, out);
}

int GenThrow(ThreadState& ts, GeneratorObject* gen, ExceptionObject* exc, Value* out) {
  if (gen->state == GeneratorObject::kRunning) {
    RaiseValueError(ts, "generator already executing");
    return -1;
  }
  if (gen->delegating) {
    int r = ThrowToDelegate(ts, gen, exc, out);
    if (r != 2) return r;
    exc = ts.exc;
  }
  ts.exc = nullptr;
  if (gen->state == GeneratorObject::kFinished) {
    ts.exc = exc;  // raised at the caller
    return -1;
  }
  bool fresh = gen->state == GeneratorObject::kCreated;
  RootedPtr<ExceptionObject> keep(ts, exc);
  Frame* f;
  if (GenEnterFrame(ts, gen, Value(), &f) != GenEnter::kEntered) return -1;
  // A generator that never ran fails on its first instruction, the NOP on the `def` line.
  if (fresh) ++f->pc;
  // Chained to the exception the generator was handling, if any, as a raise there would be.
  if (!gen->exc_state.is_none()) RaiseObject(ts, exc);
  else ts.exc = exc;
  return RunEntered(ts, gen, f, out);
}

int YieldFromStep(ThreadState& ts, Value sub, Value sent, Value* out) {
  Value v;
  if (sent.is_none()) {
    if (IsObjectOfKind(sub, Kind::kIterator) && sub.as_object()->type->is_builtin) {
      int r = IterNext(ts, sub, out);
      if (r == 0) *out = Value::None();
      return r;
    }
    bool found;
    v = CallSpecial(ts, sub, ts.interp.names.__next__, nullptr, 0, &found);
    if (!found) {
      RaiseTypeError(ts, absl::StrCat("'", TypeName(ts, sub), "' object is not an iterator"));
      return -1;
    }
  } else {
    v = CallMethod(ts, sub, Intern(ts.interp, "send"), &sent, 1);
  }
  if (v.is_null()) return TakeStopIteration(ts, out);
  *out = v;
  return 1;
}

// ---- the generator type ---------------------------------------------------------------------

namespace {

GeneratorObject* Self(const CallArgs& a) { return As<GeneratorObject>(a.argv[0]); }

// A generator's return, seen from send()/__next__(): StopIteration carrying the value.
Value RaiseStop(ThreadState& ts, Value result) {
  if (result.is_none()) return RaiseNoArgs(ts, ts.interp.exc.StopIteration);
  Root r(ts, result);
  RootedPtr<TupleObject> args(ts, NewTuple(ts, {result}));
  DictObject* dict = NewDict(ts);
  return RaiseObject(ts, ts.interp.heap.New<ExceptionObject>(ts.interp.exc.StopIteration, dict, args.get()));
}

Value StepResult(ThreadState& ts, int r, Value out) {
  if (r > 0) return out;
  if (r < 0) return Value::Null();
  return RaiseStop(ts, out);
}

Value GenNext(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "__next__", 1, 1)) return Value::Null();
  Value out;
  return StepResult(ts, GenSend(ts, Self(a), Value::None(), &out), out);
}

Value GenSendM(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "send")) return Value::Null();
  if (a.nargs != 2)
    return RaiseTypeError(ts, absl::StrCat("generator.send() takes exactly one argument (", a.nargs - 1, " given)"));
  Value out;
  return StepResult(ts, GenSend(ts, Self(a), a.argv[1], &out), out);
}

// throw(exc), throw(type[, value[, traceback]]): the exception to raise, as CPython builds it.
ExceptionObject* ThrowArgument(ThreadState& ts, const CallArgs& a) {
  Interpreter& interp = ts.interp;
  Value typ = a.argv[1];
  Value val = a.nargs > 2 ? a.argv[2] : Value::None();
  Value tb = a.nargs > 3 ? a.argv[3] : Value::None();
  if (!tb.is_none() && !IsObjectOfKind(tb, Kind::kTraceback)) {
    RaiseTypeError(ts, "throw() third argument must be a traceback object");
    return nullptr;
  }
  ExceptionObject* e = nullptr;
  if (IsObjectOfKind(typ, Kind::kType) && As<TypeObject>(typ)->IsSubtypeOf(interp.exc.BaseException)) {
    if (IsObjectOfKind(val, Kind::kException) && TypeOf(interp, val)->IsSubtypeOf(As<TypeObject>(typ))) {
      e = As<ExceptionObject>(val);
    } else {
      Value r = val.is_none() ? Call(ts, typ, nullptr, 0)
                : IsTuple(val) ? CallWithArgsAndKwargs(ts, typ, val, Value())
                               : Call(ts, typ, &val, 1);
      if (r.is_null()) return nullptr;
      if (!IsObjectOfKind(r, Kind::kException)) {
        RaiseTypeError(ts, absl::StrCat("calling ", As<TypeObject>(typ)->name,
                                        " should have returned an instance of BaseException, not ", TypeName(ts, r)));
        return nullptr;
      }
      e = As<ExceptionObject>(r);
    }
  } else if (IsObjectOfKind(typ, Kind::kException)) {
    if (!val.is_none()) {
      RaiseTypeError(ts, "instance exception may not have a separate value");
      return nullptr;
    }
    e = As<ExceptionObject>(typ);
  } else {
    RaiseTypeError(ts, absl::StrCat("exceptions must be classes or instances deriving from BaseException, not ",
                                    TypeName(ts, typ)));
    return nullptr;
  }
  if (!tb.is_none()) e->traceback = As<TracebackObject>(tb);
  return e;
}

Value GenThrowM(ThreadState& ts, const CallArgs& a) {
  if (!NoKeywords(ts, a, "throw")) return Value::Null();
  if (a.nargs < 2) return RaiseTypeError(ts, absl::StrCat("throw expected at least 1 argument, got ", a.nargs - 1));
  if (a.nargs > 4) return RaiseTypeError(ts, absl::StrCat("throw expected at most 3 arguments, got ", a.nargs - 1));
  ExceptionObject* e = ThrowArgument(ts, a);
  if (e == nullptr) return Value::Null();
  Value out;
  return StepResult(ts, GenThrow(ts, Self(a), e, &out), out);
}

Value GenCloseM(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "close", 1, 1)) return Value::Null();
  GeneratorObject* gen = Self(a);
  if (gen->state == GeneratorObject::kCreated || gen->state == GeneratorObject::kFinished) {
    ReleaseFrameState(gen);
    return Value::None();
  }
  RaiseNoArgs(ts, ts.interp.exc.GeneratorExit);
  ExceptionObject* exit = FetchException(ts);
  Value out;
  int r = GenThrow(ts, gen, exit, &out);
  if (r > 0) return Raise(ts, ts.interp.exc.RuntimeError, "generator ignored GeneratorExit");
  if (r == 0) return Value::None();
  if (ExceptionMatches(ts, ts.interp.exc.GeneratorExit) || ExceptionMatches(ts, ts.interp.exc.StopIteration)) {
    ClearException(ts);
    return Value::None();
  }
  return Value::Null();
}

Value GenIter(ThreadState& ts, const CallArgs& a) { return a.argv[0]; }

Value GenRepr(ThreadState& ts, const CallArgs& a) {
  GeneratorObject* gen = Self(a);
  std::string q = IsStr(gen->qualname) ? As<StrObject>(gen->qualname)->str() : gen->code->qualname;
  return NewStrValue(ts, absl::StrCat("<generator object ", q, " at ", absl::StrFormat("%p", gen), ">"));
}

// gi_frame: a small stand-in for a frame object (f_lineno, f_code), made on demand.
Value FrameStandIn(ThreadState& ts, GeneratorObject* gen) {
  Interpreter& interp = ts.interp;
  int line = gen->code->firstlineno;
  if (gen->state == GeneratorObject::kSuspended) {
    int i = gen->pc - (gen->delegating ? 0 : 1);
    if (i >= 0 && i < static_cast<int>(gen->code->positions.size())) line = gen->code->positions[i].line;
  } else if (gen->state == GeneratorObject::kRunning) {
    for (Frame* f = ts.frame; f != nullptr; f = f->back)
      if (f->gen == gen) {
        int i = std::max(f->instr(), 0);
        if (i < static_cast<int>(gen->code->positions.size())) line = gen->code->positions[i].line;
        break;
      }
  }
  RootedPtr<DictObject> dict(ts, NewDict(ts));
  DictSetStr(dict.get(), Intern(interp, "f_lineno"), Value::Int(line));
  DictSetStr(dict.get(), Intern(interp, "f_code"), Value::Obj(gen->code));
  DictSetStr(dict.get(), Intern(interp, "f_globals"), Value::Obj(gen->globals));
  return Value::Obj(interp.heap.New<InstanceObject>(interp.types.frame, dict.get()));
}

}  // namespace

Value GeneratorAttr(ThreadState& ts, GeneratorObject* gen, StrObject* name) {
  std::string_view n = name->view();
  if (n == "__name__") return gen->name;
  if (n == "__qualname__") return gen->qualname;
  if (n == "gi_running") return Value::Bool(gen->state == GeneratorObject::kRunning);
  if (n == "gi_suspended") return Value::Bool(gen->state == GeneratorObject::kSuspended);
  if (n == "gi_code") return Value::Obj(gen->code);
  if (n == "gi_yieldfrom") return gen->delegating ? gen->slots[gen->saved - 1] : Value::None();
  if (n == "gi_frame") return gen->state == GeneratorObject::kFinished ? Value::None() : FrameStandIn(ts, gen);
  return Value::Null();
}

bool SetGeneratorAttr(ThreadState& ts, GeneratorObject* gen, StrObject* name, Value value, bool* handled) {
  *handled = name->view() == "__name__" || name->view() == "__qualname__";
  if (!*handled) return true;
  if (!IsStr(value)) {
    RaiseTypeError(ts, absl::StrCat(name->str(), " must be set to a string object"));
    return false;
  }
  (name->view() == "__name__" ? gen->name : gen->qualname) = value;
  return true;
}

void InitGeneratorType(Interpreter& in) {
  TypeObject* t = NewBuiltinType(in, "generator", nullptr, Kind::kGenerator);
  t->subclassable = false;
  in.types.generator = t;
  AddMethod(in, t, "__iter__", GenIter);
  AddMethod(in, t, "__next__", GenNext);
  AddMethod(in, t, "send", GenSendM);
  AddMethod(in, t, "throw", GenThrowM);
  AddMethod(in, t, "close", GenCloseM);
  AddMethod(in, t, "__repr__", GenRepr);
  in.types.frame = NewBuiltinType(in, "frame", nullptr, Kind::kInstance);
  in.types.frame->subclassable = false;
}

}  // namespace gilvm::vm
