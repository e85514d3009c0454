// Generators: calling a function whose code has kCodeGenerator (a `def` with `yield`, or a
// generator expression) returns a GeneratorObject that runs the body a step at a time.
//
// Invariants:
//  - A generator's frame is on a thread's value stack only while it runs (state kRunning). While
//    suspended, its locals, operand stack, block stack and pc are copied into the GeneratorObject
//    (`slots[0, saved)`, `blocks`, `pc`), which the collector traces. Resuming pushes a fresh
//    frame on the resuming thread's stack (any thread, under the GIL) and copies the state in;
//    `yield` copies it out and pops the frame. Block levels are relative to the stack base, so
//    nothing needs relocating.
//  - `saved` is 0 while the generator runs or after it finished, so the collector never reads
//    stale slots: while it runs, the thread stack is what holds its values.
//  - A running generator's Frame has `gen` set. Who gets control back at `yield` or `return`
//    depends on who resumed it:
//      * is_entry: a C++ caller (send, throw, close, __next__, IterNext), through Eval's result;
//      * otherwise the caller's frame, paused at FOR_ITER (a `for` loop) or YIELD_FROM
//        (delegation), which the eval loop continues in place. So `for` loops over generators
//        and `yield from` chains never recurse on the C++ stack. next(), send(), throw() and
//        close() resume through C++ (one Eval per call), as do built-ins consuming generators;
//        throw/close into a `yield from` chain recurse once per level, as CPython's do.
//  - A generator suspended inside `yield from` has `delegating` set: its pc is rewound to the
//    YIELD_FROM instruction and the sub-iterator is its top stack slot, so a resume re-sends.
//  - Instructions run in a generator count toward the thread's instruction budget like any
//    others: they run in the same eval loop.
//  - Not done: CPython closes an unreachable suspended generator (running its finally blocks);
//    the collector here frees it without running Python code.
#pragma once

#include <memory>
#include <vector>

#include "vm/frame.h"
#include "vm/object.h"

namespace gilvm::vm {

class ThreadState;
class Interpreter;
struct CodeObject;
struct DictObject;
struct ExceptionObject;
struct FunctionObject;
struct StrObject;

struct GeneratorObject : Object {
  enum State : uint8_t { kCreated, kSuspended, kRunning, kFinished };
  GeneratorObject(TypeObject* t, FunctionObject* func, CodeObject* code, DictObject* globals)
      : Object(t, Kind::kGenerator), func(func), code(code), globals(globals) {}
  void Trace(Tracer& t) override;
  size_t ExtraBytes() const override { return nslots * sizeof(Value) + blocks.capacity() * sizeof(Block); }

  FunctionObject* func;
  CodeObject* code;
  DictObject* globals;
  Value name, qualname;            // str; settable, as CPython's
  std::unique_ptr<Value[]> slots;  // nlocalsplus + stack_size Values
  size_t nslots = 0;
  size_t saved = 0;                // valid prefix of `slots` (see the invariants)
  int32_t pc = 0;                  // index of the next instruction to run
  std::vector<Block> blocks;
  State state = kCreated;
  bool delegating = false;
  Value exc_state = Value::None();  // the exception being handled inside it while suspended
  Value caller_exc;                 // the resumer's handled exception while it runs
};

// Call() of a generator function: `frame`, just pushed with the arguments bound, becomes the
// generator's saved state and is popped. Returns the generator (never fails but for memory).
Value MakeGenerator(ThreadState& ts, Frame* frame);

enum class GenEnter { kEntered, kFinished, kError };
// Pushes `gen`'s frame on ts, sending `value` (Null: nothing is sent, for throw). kFinished: the
// generator is exhausted (nothing pushed); kError: ValueError/TypeError/RecursionError pending.
GenEnter GenEnterFrame(ThreadState& ts, GeneratorObject* gen, Value value, Frame** out);
// `yield` in the running generator frame `f` (the innermost): saves its state and pops it.
void GenSuspend(ThreadState& ts, Frame* f);
// The generator frame `f` ends, by a return or (ts.exc pending) an exception: marks it finished,
// turns an escaping StopIteration into RuntimeError (PEP 479) and pops it.
void GenFinish(ThreadState& ts, Frame* f);

// Resumes from C++: 1 yielded (*out), 0 returned (*out: the return value), -1 raised.
int GenSend(ThreadState& ts, GeneratorObject* gen, Value value, Value* out);
// Raises `exc` inside the generator at its `yield` (delegating to a sub-iterator first); same
// results as GenSend.
int GenThrow(ThreadState& ts, GeneratorObject* gen, ExceptionObject* exc, Value* out);
// One step of `yield from` over a sub-iterator that is not a generator: 1 yielded (*out),
// 0 finished (*out: the StopIteration value), -1 raised.
int YieldFromStep(ThreadState& ts, Value sub, Value sent, Value* out);

// gi_running, gi_frame, gi_code, gi_yieldfrom, __name__, __qualname__; Null when not one of them.
Value GeneratorAttr(ThreadState& ts, GeneratorObject* gen, StrObject* name);
// __name__/__qualname__ assignment; *handled says whether `name` was one of them.
bool SetGeneratorAttr(ThreadState& ts, GeneratorObject* gen, StrObject* name, Value value, bool* handled);

void InitGeneratorType(Interpreter& interp);

}  // namespace gilvm::vm
