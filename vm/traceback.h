// Tracebacks: recording where an exception passed, and printing it as CPython 3.11 does.
//
// Invariants:
//  - An entry is added when an exception is raised in a frame or arrives in it from a call;
//    a bare `raise` / RERAISE adds none (as CPython).
//  - Printing follows CPython's traceback module: cause/context chains, "Traceback (most recent
//    call last):", `File "f", line N, in name`, the stripped source line, and 3.11's carets
//    (`~~~^~~~`) when the failing expression does not span the whole line.
#pragma once

#include <string>

namespace gilvm::vm {

class ThreadState;
struct Frame;
struct ExceptionObject;

// Prepends an entry for `frame` at its current instruction to the pending exception's traceback.
void AddTraceback(ThreadState& ts, Frame* frame);

// Where the thread's innermost frame is, as "file:line in function" (for the GIL statistics).
std::string ScriptPosition(ThreadState& ts);

// The full report of `exc`, ending in a newline; with `chain`, its causes and contexts first.
// With `suggestions`, a NameError or AttributeError line ends in ". Did you mean: 'x'?" when a
// close name exists, as the interpreter's own report (sys.excepthook) prints it in 3.11; the
// traceback module's text has none (its suggestions came in 3.12).
std::string FormatException(ThreadState& ts, ExceptionObject* exc, bool chain = true, bool suggestions = true);

}  // namespace gilvm::vm
