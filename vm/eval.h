// The evaluation loop: runs bytecode frames on a thread.
//
// Invariants:
//  - Python-to-Python calls push a frame and continue in the same C++ loop; only calls that go
//    through C++ (a native calling back into Python, type construction, dunder dispatch from
//    vm/ops.cc) re-enter Eval. So Python recursion depth is bounded by the recursion limit, not
//    by the C++ stack.
//  - Every instruction boundary is a safe point. The instruction budget is decremented once per
//    instruction; when it runs out the loop reloads it from the check interval and reads the
//    GIL's safe-point word once (vm/gil.h). Nothing else in the loop reads a clock or the word.
//  - Before any operation that may allocate, raise or call out, the loop saves `sp` and `pc` in
//    the frame (see vm/frame.h).
#pragma once

#include "vm/value.h"

namespace gilvm::vm {

class ThreadState;
struct CodeObject;
struct DictObject;
struct Frame;

// Runs `code` (a module or exec body) with the given namespaces. Follows the error rule.
Value EvalCode(ThreadState& ts, CodeObject* code, DictObject* globals, DictObject* locals);

// Runs the already-pushed frame `entry` (and whatever it calls) until it returns; pops it.
Value Eval(ThreadState& ts, Frame* entry);

// callable(*args, **kwargs): `args` a tuple, `kwargs` a dict or Null.
Value CallWithArgsAndKwargs(ThreadState& ts, Value callable, Value args, Value kwargs);

// What happens at a safe point when the budget ran out and the safe-point word is non-zero:
// hands the GIL over, delivers signals and interrupts. false: an exception is pending.
bool HandleSafePoint(ThreadState& ts);

}  // namespace gilvm::vm
