// Ctrl-C for the gilvm program: SIGINT becomes a KeyboardInterrupt in the running script, or,
// while the REPL waits at its prompt, a wake-up of the prompt's reader.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace gilvm::vm {
class Interpreter;
}

namespace gilvm::cli {

// The handler writes to a pipe, and a watcher thread turns each byte into a KeyboardInterrupt
// for the interpreter's main thread, waking it if it is blocked in sleep, join, a lock or a
// queue. While a prompt is routed (RouteTo), the byte goes to the prompt's descriptor instead,
// so that Ctrl-C cancels the line being typed rather than the next statement. Destroying the
// watcher restores the default SIGINT action.
class SigintWatcher {
 public:
  explicit SigintWatcher(vm::Interpreter& interp);
  ~SigintWatcher();
  SigintWatcher(const SigintWatcher&) = delete;
  SigintWatcher& operator=(const SigintWatcher&) = delete;

  // Ctrl-C writes one byte to `fd` until RouteTo(-1) (the prompt is done). Once RouteTo
  // returns, every Ctrl-C not yet delivered goes to the new place, and every one delivered
  // before has had its effect (Gil::kSignal set): none falls between the two.
  void RouteTo(int fd) {
    std::lock_guard<std::mutex> lock(route_mu_);
    route_fd_ = fd;
  }

 private:
  int fds_[2] = {-1, -1};
  pid_t owner_;
  std::mutex route_mu_;
  int route_fd_ = -1;  // guarded by route_mu_
  std::thread thread_;
};

}  // namespace gilvm::cli
