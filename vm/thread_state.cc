#include "vm/thread_state.h"

#include <sys/eventfd.h>
#include <sys/mman.h>
#include <unistd.h>

#include <new>

#include "absl/strings/str_cat.h"
#include "vm/errors.h"
#include "vm/dict.h"
#include "vm/function.h"
#include "vm/generator.h"
#include "vm/instance.h"
#include "vm/interpreter.h"

namespace gilvm::vm {

namespace {
// Slots a Frame header occupies in the value stack.
constexpr size_t kFrameSlots = (sizeof(Frame) + sizeof(Value) - 1) / sizeof(Value);
}  // namespace

ThreadState::ThreadState(Interpreter& interp, size_t stack_slots) : interp(interp) {
  // Reserve address space only; pages are committed as frames touch them. Zero pages are
  // valid Null values (vm/value.h).
  region_bytes = stack_slots * sizeof(Value);
  void* p = mmap(nullptr, region_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  stack_region = static_cast<Value*>(p);
  stack_top = stack_region;
  stack_limit = stack_region + stack_slots;
  budget = budget_period = interp.gil.check_interval() > 0 ? interp.gil.check_interval() : kTimeOnlyPollInterval;
  interp.gil.Register(gil_slot);
}

ThreadState::~ThreadState() {
  munmap(stack_region, region_bytes);
  if (wake_fd_ >= 0) close(wake_fd_);
}

void ThreadState::ResetAfterFork() {
  // Another thread may have been inside Wake() at fork time; if so the mutex stays locked.
  if (block_mu_.try_lock()) block_mu_.unlock();
  else new (&block_mu_) std::mutex();
  blocked_mu_ = nullptr;
  blocked_cv_ = nullptr;
  blocked_on_fd_ = false;
  // The parent's Wake() would write to a shared eventfd and wake the child instead; a fresh one
  // is created by the next wait.
  if (wake_fd_ >= 0) close(wake_fd_);
  wake_fd_ = -1;
}

Frame* ThreadState::PushFrame(CodeObject* code, FunctionObject* func, DictObject* globals, DictObject* locals) {
  if (depth >= interp.recursion_limit) {
    Raise(*this, interp.exc.RecursionError, "maximum recursion depth exceeded");
    return nullptr;
  }
  size_t needed = kFrameSlots + code->nlocalsplus() + code->stack_size;
  if (stack_top + needed > stack_limit) {
    Raise(*this, interp.exc.RecursionError, "maximum recursion depth exceeded (value stack exhausted)");
    return nullptr;
  }
  Frame* f = reinterpret_cast<Frame*>(stack_top);
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->builtins = interp.builtins;
  f->locals = locals;
  f->back = frame;
  f->localsplus = stack_top + kFrameSlots;
  Value* end = f->localsplus + code->nlocalsplus();
  for (Value* v = f->localsplus; v < end; ++v) *v = Value();
  f->sp = end;
  f->pc = code->code.data();
  f->nblocks = 0;
  f->is_entry = false;
  f->gen = nullptr;
  stack_top += needed;
  frame = f;
  ++depth;
  return f;
}

void ThreadState::PopFrame() {
  Frame* f = frame;
  frame = f->back;
  stack_top = reinterpret_cast<Value*>(f);
  --depth;
}

bool ThreadState::EnterRecursion(const char* where) {
  if (depth >= interp.recursion_limit) {
    Raise(*this, interp.exc.RecursionError, absl::StrCat("maximum recursion depth exceeded", where));
    return false;
  }
  ++depth;
  return true;
}

void ThreadState::Trace(Tracer& tracer) {
  for (Frame* f = frame; f != nullptr; f = f->back) {
    tracer.Visit(f->code);
    tracer.Visit(f->func);
    tracer.Visit(f->globals);
    tracer.Visit(f->builtins);
    tracer.Visit(f->locals);
    tracer.Visit(f->gen);
    for (Value* v = f->localsplus; v < f->sp; ++v) tracer.Visit(*v);
  }
  tracer.Visit(exc);
  tracer.Visit(handled_exc);
  tracer.Visit(start_func);
  tracer.Visit(start_args);
  tracer.Visit(start_kwargs);
  tracer.VisitAll(sentinels);
  for (Root* r = roots; r != nullptr; r = r->prev()) tracer.Visit(r->get());
  for (RootedVector* rv = rooted_vectors; rv != nullptr; rv = rv->prev_) tracer.VisitAll(rv->items_);
}

void ThreadState::Wake() {
  wake_pending.store(true);
  std::lock_guard guard(block_mu_);
  if (blocked_on_fd_) {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(wake_fd_, &one, sizeof one);  // fails only if already full
    return;
  }
  if (blocked_mu_ == nullptr) return;
  // Taking the waiter's mutex orders this notify after its check of wake_pending, or before its
  // wait: the wake cannot be lost.
  std::lock_guard waiter(*blocked_mu_);
  blocked_cv_->notify_all();
}

bool ThreadState::InWakeableWait() {
  std::lock_guard guard(block_mu_);
  return blocked_on_fd_ || blocked_mu_ != nullptr;
}

BlockedOn::BlockedOn(ThreadState& ts, std::mutex& mu, std::condition_variable& cv) : ts_(ts) {
  std::lock_guard guard(ts.block_mu_);
  ts.blocked_mu_ = &mu;
  ts.blocked_cv_ = &cv;
}

BlockedOn::~BlockedOn() {
  std::lock_guard guard(ts_.block_mu_);
  ts_.blocked_mu_ = nullptr;
  ts_.blocked_cv_ = nullptr;
}

BlockedOnFd::BlockedOnFd(ThreadState& ts) : ts_(ts) {
  std::lock_guard guard(ts.block_mu_);
  if (ts.wake_fd_ < 0) {
    ts.wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (ts.wake_fd_ < 0) throw std::bad_alloc();  // out of descriptors: reported as MemoryError
  }
  fd_ = ts.wake_fd_;
  ts.blocked_on_fd_ = true;
}

BlockedOnFd::~BlockedOnFd() {
  std::lock_guard guard(ts_.block_mu_);
  ts_.blocked_on_fd_ = false;
}

void BlockedOnFd::Drain() {
  uint64_t count;
  [[maybe_unused]] ssize_t n = read(fd_, &count, sizeof count);
}

GilReleaseGuard::GilReleaseGuard(ThreadState& ts) : ts_(ts) {
  ts.CountInstructions();
  ts.interp.gil.Release(ts.gil_slot, GilReleaseReason::kIo);
}

GilReleaseGuard::~GilReleaseGuard() { ts_.interp.gil.Acquire(ts_.gil_slot); }

RootedVector::RootedVector(ThreadState& ts) : ts_(ts), prev_(ts.rooted_vectors) { ts.rooted_vectors = this; }
RootedVector::~RootedVector() { ts_.rooted_vectors = prev_; }

}  // namespace gilvm::vm
