// Dynamic code: the builtins eval, exec, compile, globals and locals, and the running frame's
// namespaces that vars() and dir() without arguments read.
//
// Invariants:
//  - A native runs on its caller's frame (ts.frame), so these builtins see the namespaces of
//    the Python code that called them, as in CPython.
//  - In a function, locals() is a fresh snapshot dict (assigning to it changes nothing); in a
//    module or class body it is the namespace dict itself. globals() is always the dict itself.
//  - Source given to eval/exec is compiled under the file name "<string>", whose lines tracebacks
//    never print (gilvm remembers only real files' sources).
#pragma once

#include "vm/value.h"

namespace gilvm::vm {

class Interpreter;
class ThreadState;

// locals() of the running Python frame (see above). Follows the error rule.
Value FrameLocals(ThreadState& ts);
// Adds eval, exec, compile, globals and locals to the builtins.
void InitDynamicCode(Interpreter& interp);

}  // namespace gilvm::vm
