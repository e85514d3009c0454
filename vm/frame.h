// Frame: one activation of a code object on a thread's value stack.
//
// Invariants:
//  - Frames live inside their thread's value-stack region, laid out as
//    [Frame][localsplus: nlocalsplus slots][operand stack: code->stack_size slots], and are pushed
//    and popped strictly LIFO by ThreadState.
//  - `sp` and `pc` are saved by the eval loop before anything that may allocate, raise or call
//    out, so the collector and tracebacks always see a consistent frame.
//  - Slots in [localsplus, sp) hold valid Values (Null for unbound locals); nothing above `sp`
//    is read by the collector.
//  - A Block records a try/except region: kSetupFinally jumps to `handler` when an exception
//    escapes the protected range; kExceptHandler marks "inside a handler" and restores the
//    previously handled exception (stored at stack slot `level`) when unwound.
#pragma once

#include <cstdint>

#include "vm/code.h"
#include "vm/config.h"

namespace gilvm::vm {

struct FunctionObject;
struct DictObject;
struct GeneratorObject;

struct Block {
  enum Type : uint8_t { kSetupFinally, kExceptHandler };
  Type type;
  int32_t handler;  // instruction index (kSetupFinally)
  int32_t level;    // operand-stack depth to unwind to
};

struct Frame {
  CodeObject* code;
  FunctionObject* func;  // null for module bodies and exec()
  DictObject* globals;
  DictObject* builtins;
  DictObject* locals;    // the namespace of module and class bodies; null in functions
  Frame* back;           // the caller, or null
  Value* localsplus;     // code->nlocalsplus() slots: locals, then cells
  Value* sp;             // top of the operand stack (saved)
  const uint32_t* pc;    // next instruction to run (saved)
  int32_t nblocks;
  bool is_entry;         // returning from this frame leaves the Eval() call that entered it
  GeneratorObject* gen;  // the generator whose frame this is, or null (vm/generator.h)
  Block blocks[kMaxBlocks];

  Value* stack_base() const { return localsplus + code->nlocalsplus(); }
  // Index of the instruction being run (the one before pc).
  int instr() const { return static_cast<int>(pc - code->code.data()) - 1; }
};

}  // namespace gilvm::vm
