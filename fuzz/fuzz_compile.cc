// fuzz_compile: feeds arbitrary bytes to the parser (as a file and as a statement typed at the
// prompt) and, when they parse as a file, to the code generator.
//
// What it checks: compiler/parser.h promises that Parse never crashes, hangs or recurses without
// bound on any input, and that a failure comes with a filled SyntaxErrorInfo; the code generator
// must likewise turn any parsed module into a CodeObject or a SyntaxErrorInfo. ASan and UBSan
// (see fuzz/CMakeLists.txt) turn any memory error or undefined behaviour into a crash.
//
// Seeds: scripts/test.sh copies every tests/golden/**/*.py into a temporary corpus.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "compiler/ast.h"
#include "compiler/parser.h"

// ---- COMPILE STEP -----------------------------------------------------------------------------
// Off until the code generator and the VM are linkable. To switch it on, in fuzz/CMakeLists.txt
// add gilvm_vm to GILVM_FUZZED_LIBS and define GILVM_FUZZ_COMPILE=1 for fuzz_compile.
#if GILVM_FUZZ_COMPILE
#include "compiler/compiler.h"
#include "vm/interpreter.h"
#endif
// -----------------------------------------------------------------------------------------------

namespace {

// A failed parse or compile must say why; an empty message means the compiler lost track.
void CheckSyntaxError(const gilvm::compiler::SyntaxErrorInfo& err) {
  if (err.msg.empty() || err.type.empty()) std::abort();
}

#if GILVM_FUZZ_COMPILE
// One interpreter for the whole run: creating one per input would dominate the time. The code
// objects compiled from each input become garbage and are collected as the heap grows.
gilvm::vm::Interpreter& FuzzInterpreter() {
  static gilvm::vm::Interpreter* interp = new gilvm::vm::Interpreter();
  return *interp;
}
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  // The prompt's parse (ParseMode::kSingle, the REPL's "is this statement complete?") holds to
  // the same promise: a failure, incomplete or not, says why.
  {
    gilvm::compiler::SyntaxErrorInfo single_err;
    if (gilvm::compiler::Parse(source, gilvm::compiler::ParseMode::kSingle, &single_err) == nullptr)
      CheckSyntaxError(single_err);
  }
  gilvm::compiler::SyntaxErrorInfo err;
  std::unique_ptr<gilvm::compiler::Module> module =
      gilvm::compiler::Parse(source, gilvm::compiler::ParseMode::kFile, &err);
  if (module == nullptr) {
    CheckSyntaxError(err);
    return 0;
  }

#if GILVM_FUZZ_COMPILE
  // ---- COMPILE STEP: the parsed module goes through the code generator. ----------------------
  gilvm::compiler::SyntaxErrorInfo compile_err;
  gilvm::vm::CodeObject* code = gilvm::compiler::CompileModule(
      FuzzInterpreter().main_thread(), *module, "<fuzz>", gilvm::compiler::ParseMode::kFile,
      &compile_err);
  if (code == nullptr) CheckSyntaxError(compile_err);  // e.g. 'return' outside function
  // Compiling pauses the collector; reclaim the code objects of earlier inputs now and then.
  static int runs = 0;
  if (++runs % 256 == 0) FuzzInterpreter().heap.Collect();
#endif
  return 0;
}
