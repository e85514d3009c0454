#include "cli/sigint.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "vm/gil.h"
#include "vm/interpreter.h"
#include "vm/threads.h"

namespace gilvm::cli {
namespace {

// Where the handler writes: a signal handler may do little more than write(2).
std::atomic<int> g_sigint_fd{-1};

void OnSigint(int) {
  int saved = errno;
  int fd = g_sigint_fd.load();
  if (fd >= 0) {
    char c = 'i';
    [[maybe_unused]] ssize_t n = write(fd, &c, 1);
  }
  errno = saved;
}

}  // namespace

SigintWatcher::SigintWatcher(vm::Interpreter& interp) : owner_(getpid()) {
  if (pipe2(fds_, O_CLOEXEC) != 0) return;
  // A SIGINT delivered to the watcher would cut its read short.
  vm::AsyncSignalsBlocked signals_elsewhere;
  thread_ = std::thread([this, &interp] {
    for (;;) {
      char c;
      ssize_t n = read(fds_[0], &c, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n != 1 || c != 'i') break;
      std::lock_guard<std::mutex> lock(route_mu_);
      if (route_fd_ >= 0) {
        [[maybe_unused]] ssize_t written = write(route_fd_, &c, 1);
      } else {
        vm::InterruptMainThread(interp, vm::Gil::kSignal);
      }
    }
  });
  g_sigint_fd.store(fds_[1]);
  // A child made by os.fork has no watcher thread, and the pipe is the parent's: Ctrl-C there
  // takes the default action (the child dies by SIGINT) instead of interrupting the parent twice.
  static bool atfork_registered = false;
  if (!atfork_registered) {
    atfork_registered = true;
    pthread_atfork(nullptr, nullptr, [] {
      g_sigint_fd.store(-1);
      std::signal(SIGINT, SIG_DFL);
    });
  }
  struct sigaction sa = {};
  sa.sa_handler = OnSigint;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
}

SigintWatcher::~SigintWatcher() {
  if (!thread_.joinable()) return;
  if (getpid() != owner_) {
    // A child made by os.fork: the watcher thread was not copied into it, so there is nothing
    // to join, and the pipe belongs to the parent's watcher.
    thread_.detach();
    return;
  }
  std::signal(SIGINT, SIG_DFL);
  g_sigint_fd.store(-1);
  char quit = 'q';
  [[maybe_unused]] ssize_t n = write(fds_[1], &quit, 1);
  thread_.join();
  close(fds_[0]);
  close(fds_[1]);
}

}  // namespace gilvm::cli
