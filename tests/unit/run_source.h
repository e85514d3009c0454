// Runs a script in a fresh Interpreter and captures what it printed: the unit tests' one way to
// drive the whole pipeline (compiler, VM, stdlib) from C++.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "vm/interpreter.h"

namespace gilvm::vm {

struct RunResult {
  int status;
  std::string out;
  std::string err;
  uint64_t switches;  // GIL switches during the run
};

inline RunResult RunSource(std::string_view source, InterpreterOptions options = {}) {
  RunResult r{};
  options.write_stdout = [&r](std::string_view s) { r.out.append(s); };
  options.write_stderr = [&r](std::string_view s) { r.err.append(s); };
  Interpreter interp(std::move(options));
  r.status = interp.RunMain(source, "test.py");
  r.switches = interp.gil.switches();
  return r;
}

}  // namespace gilvm::vm
