// Runs a script in a fresh Interpreter and captures what it printed: the unit tests' one way to
// drive the whole pipeline (compiler, VM, stdlib) from C++.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "vm/gil.h"
#include "vm/interpreter.h"
#include "vm/threads.h"

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

// RunSource while another thread sends the main thread a Ctrl-C (Gil::kSignal) whenever it finds
// it in a blocking wait (looking every `period`) until the script ends, so each blocking wait the
// script reaches in turn is interrupted, and nothing else is, however slowly the script runs up
// to it (GC stress, sanitizers).
inline RunResult RunSourceInterrupted(std::string_view source, std::chrono::milliseconds period) {
  RunResult r{};
  InterpreterOptions options;
  options.write_stdout = [&r](std::string_view s) { r.out.append(s); };
  options.write_stderr = [&r](std::string_view s) { r.err.append(s); };
  Interpreter interp(std::move(options));
  std::atomic<bool> finished{false};
  std::thread interrupter([&] {
    while (!finished.load()) {
      std::this_thread::sleep_for(period);
      if (interp.main_thread().InWakeableWait()) InterruptMainThread(interp, Gil::kSignal);
    }
  });
  r.status = interp.RunMain(source, "test.py");
  finished.store(true);
  interrupter.join();
  r.switches = interp.gil.switches();
  return r;
}

}  // namespace gilvm::vm
