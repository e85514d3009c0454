// The code generator: AST (compiler/ast.h) to a vm::CodeObject.
//
// Invariants:
//  - Runs with the GIL held; the collector is paused while it builds (NoGcScope), so the
//    constants and code objects it creates need no rooting until the result is returned.
//  - Each scope's name resolution (local, cell, free, global, class namespace) is decided by a
//    symbol-table pass before any code is emitted, with CPython's rules.
//  - Errors found here (e.g. "nonlocal declaration not allowed at module level") are reported as
//    SyntaxErrorInfo, like the parser's.
#pragma once

#include <string_view>

#include "compiler/ast.h"
#include "compiler/parser.h"

namespace gilvm::vm {
class ThreadState;
struct CodeObject;
}  // namespace gilvm::vm

namespace gilvm::compiler {

// Compiles a parsed module. Returns null and fills *error on a compile-time SyntaxError.
vm::CodeObject* CompileModule(vm::ThreadState& ts, const Module& module, std::string_view filename,
                              ParseMode mode, SyntaxErrorInfo* error);

// Parses and compiles. On a syntax error, raises SyntaxError (with filename, lineno, offset,
// text, end_lineno, end_offset attributes, as CPython's) on `ts` and returns null.
vm::CodeObject* CompileSource(vm::ThreadState& ts, std::string_view source, std::string_view filename,
                              ParseMode mode);

// Compiles one statement typed at an interactive prompt (ParseMode::kSingle): `source` is the
// lines typed so far, each ending in "\n". While the statement is unfinished (an open bracket
// or string, a block header, a compound statement not yet ended by a blank line) returns null
// with *incomplete set and nothing raised; otherwise as CompileSource. A null `incomplete`
// says the input has ended (Ctrl-D): what is unfinished then is a SyntaxError.
vm::CodeObject* CompileInteractive(vm::ThreadState& ts, std::string_view source, std::string_view filename,
                                   bool* incomplete);

// The disassembly `gilvm --dis` prints: one instruction a line, with line numbers; nested code
// objects follow their parent.
std::string Disassemble(const vm::CodeObject& code);

}  // namespace gilvm::compiler
