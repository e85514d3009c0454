// The embedding API's internals: what include/gilvm/gilvm.h's opaque types are.
//
// Invariants:
//  - Core is shared (std::shared_ptr) by the Interpreter and every Object handle, so a handle
//    can outlive its interpreter; `vm` is null once the interpreter is destroyed, and `alive`
//    (read without the GIL) says so first.
//  - A thread is "attached" to a Core while an Attachment for it is on the thread's list
//    (thread-local: the question is always "what is this thread doing now"). An attachment
//    names the ThreadState the thread runs with and whether it holds the GIL. Attachments
//    come from: a ThreadScope, a temporary one for one call, or a host function called by a
//    script thread (borrowed: the script's own ThreadState).
//  - Scopes nest LIFO per thread and are reused (a per-thread pool); each use bumps its
//    generation, so a Ref that outlived its scope is detected instead of read.
//  - A scope's temporaries are a RootedVector on its ThreadState: every Ref's value is rooted
//    while the scope lives.
//  - Handle slots are guarded by `slots_mu` (a handle may be dropped on any thread, without
//    the GIL); their values are written only with the GIL held, and traced under `slots_mu`.
#pragma once

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <typeindex>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gilvm/gilvm.h"
#include "vm/function.h"
#include "vm/interpreter.h"
#include "vm/thread_state.h"

namespace gilvm::detail {

struct Slot {
  vm::Value value;
  std::atomic<int> refs{0};
};

struct Attachment {
  Core* core = nullptr;
  vm::ThreadState* ts = nullptr;
  bool owns_ts = false;    // made for this attachment; removed from the interpreter when it ends
  bool holds_gil = false;
  bool released = false;   // a GilReleaseGuard let go of the GIL
  Attachment* next = nullptr;
};

// A bound C++ class (Class<T>): its script type and constructor.
class HostClass {
 public:
  HostClass(Core* core, vm::TypeObject* type, std::type_index cpp_type) : core(core), type(type), cpp_type(cpp_type) {}
  Core* core;
  vm::TypeObject* type;  // rooted by Core::Trace
  std::type_index cpp_type;
  std::function<Ref(Scope&, const Args&)> init;  // empty: the class cannot be instantiated
};

struct Core : vm::HostRoots, std::enable_shared_from_this<Core> {
  ~Core() override;
  void Trace(vm::Tracer& tracer) override;

  // Handles.
  Slot* NewSlot(vm::Value v);  // GIL held
  void Release(Slot* slot);    // any thread

  // The deadline watchdog: wakes at the armed deadline and trips the time limit.
  void ArmDeadline(int64_t deadline_ns);
  void StopWatchdog();

  std::unique_ptr<vm::Interpreter> vm;
  std::atomic<bool> alive{false};
  pthread_t creator{};
  Options options;
  vm::DictObject* main_globals = nullptr;  // rooted by Trace

  std::mutex slots_mu;
  std::deque<Slot> slots;
  std::vector<Slot*> free_slots;

  // Threads running a top-level call (what Interrupt() interrupts), and the ThreadScopes.
  std::mutex calls_mu;
  std::vector<vm::ThreadState*> running;
  std::atomic<int> scoped_threads{0};

  // Bound classes (GIL held).
  std::vector<std::unique_ptr<HostClass>> classes;
  absl::flat_hash_map<std::type_index, HostClass*> class_by_type;

 private:
  void WatchdogLoop();
  std::mutex watchdog_mu_;
  std::condition_variable watchdog_cv_;
  std::thread watchdog_;
  int64_t deadline_ns_ = -1;  // guarded by watchdog_mu_
  bool stop_ = false;         // guarded by watchdog_mu_
};

struct ScopeImpl {
  Core* core = nullptr;
  Attachment* att = nullptr;
  vm::ThreadState* ts = nullptr;
  uint32_t generation = 0;
  bool active = false;
  std::thread::id owner;
  std::optional<vm::RootedVector> temps;

  Scope handle() { return Scope(this); }
  Ref Add(vm::Value v);
  // The value of a Ref of this scope; aborts on a stale Ref or one used without the GIL.
  static vm::Value Get(const Ref& r);
  static ScopeImpl* Of(const Ref& r);
  static ScopeImpl* Of(Scope& s) { return s.impl_; }
  // The pending script exception as a Status (cleared), or OK if none is pending.
  absl::Status TakeError();
  static void SetName(Args& args, std::string name) { args.name_ = std::move(name); }
  static std::vector<Ref>& Positional(Args& args) { return args.positional_; }
  static std::vector<std::pair<std::string, Ref>>& Keywords(Args& args) { return args.keywords_; }
  static Object MakeObject(Core* core, vm::Value v);
  static Slot* SlotOf(const Object& o) { return o.slot_; }
  static Core* CoreOf(const Object& o) { return o.core_.get(); }
};

// Scope push/pop on this thread (LIFO), with its temporaries rooted on `att->ts`.
ScopeImpl* PushScope(Core* core, Attachment* att);
void PopScope(ScopeImpl* scope);

// A scope for a C++ block: popped however the block is left (a std::bad_alloc unwinding
// through it must not leave its rooted temporaries on the thread's root chain).
class ScopedScope {
 public:
  ScopedScope(Core* core, Attachment* att) : scope_(PushScope(core, att)) {}
  ~ScopedScope() { PopScope(scope_); }
  ScopedScope(const ScopedScope&) = delete;
  ScopedScope& operator=(const ScopedScope&) = delete;
  ScopeImpl* get() const { return scope_; }

 private:
  ScopeImpl* scope_;
};

// This thread's attachment to `core`, or null.
Attachment* FindAttachment(Core* core);
void PushAttachment(Attachment* att);
void PopAttachment(Attachment* att);

// Attaches this thread with a ThreadState of its own (made, registered, GIL not held), or the
// interpreter's main ThreadState when this is the thread that created it.
std::unique_ptr<Attachment> AttachThread(Core* core);
void DetachThread(std::unique_ptr<Attachment> att);

// Prints "gilvm: API misuse: <what>" and aborts: for misuse no Status can report.
[[noreturn]] void Misuse(const char* what);

// The script-visible name of an exception type: "ValueError", "gilvm.LimitExceeded".
std::string QualifiedTypeName(vm::TypeObject* type);

// The host function behind a vm native (vm/function.h, HostCallable).
std::unique_ptr<vm::HostCallable> MakeHostCallable(Core* core, std::string name, std::unique_ptr<HostFunction> fn);

}  // namespace gilvm::detail
