// The embedding API's Interpreter: creation, entering it from any thread, limits, threads.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "api/core.h"
#include "compiler/compiler.h"
#include "vm/classes.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/gil_stats.h"
#include "vm/host.h"
#include "vm/str.h"
#include "vm/threads.h"
#include "vm/traceback.h"

namespace gilvm {
namespace detail {

namespace {

thread_local Attachment* tls_attachments = nullptr;
// Scopes are reused LIFO; entries are never freed before the thread ends, so a stale Ref's
// pointer always points at a ScopeImpl whose generation tells it is stale.
thread_local std::vector<std::unique_ptr<ScopeImpl>> tls_scopes;
thread_local size_t tls_scope_depth = 0;

vm::GilPolicy VmPolicy(GilPolicy p) {
  switch (p) {
    case GilPolicy::kCpython2: return vm::GilPolicy::kCpython2;
    case GilPolicy::kCpython3: return vm::GilPolicy::kCpython3;
    case GilPolicy::kFair: break;
  }
  return vm::GilPolicy::kFair;
}

// A top-level call (one that took the GIL) starts: the limits are re-armed and the thread is
// listed for Interrupt().
void BeginTopLevel(Core* core, vm::ThreadState& ts) {
  {
    std::lock_guard lock(core->calls_mu);
    core->running.push_back(&ts);
  }
  const Limits& l = core->options.limits;
  if (l.max_instructions == 0 && l.time_limit.count() == 0) return;
  vm::ScriptLimits& limits = core->vm->limits;
  ts.CountInstructions();
  ts.limits_counted = ts.gil_slot.instructions;
  limits.used.store(0);
  limits.tripped.store(vm::ScriptLimits::kNone);
  limits.max_instructions.store(l.max_instructions);
  if (l.max_instructions != 0) core->vm->gil.Set(vm::Gil::kLimits);
  else core->vm->gil.Clear(vm::Gil::kLimits);
  if (l.time_limit.count() > 0) core->ArmDeadline(vm::Gil::NowNs() + l.time_limit.count() * 1'000'000);
}

void EndTopLevel(Core* core, vm::ThreadState& ts) {
  std::lock_guard lock(core->calls_mu);
  std::erase(core->running, &ts);
}

absl::Status Destroyed() { return absl::FailedPreconditionError("gilvm: the interpreter was destroyed"); }

}  // namespace

void Misuse(const char* what) {
  std::fprintf(stderr, "gilvm: API misuse: %s\n", what);
  std::fflush(stderr);
  std::abort();
}

Attachment* FindAttachment(Core* core) {
  for (Attachment* a = tls_attachments; a != nullptr; a = a->next)
    if (a->core == core) return a;
  return nullptr;
}

void PushAttachment(Attachment* att) {
  att->next = tls_attachments;
  tls_attachments = att;
}

void PopAttachment(Attachment* att) {
  for (Attachment** link = &tls_attachments; *link != nullptr; link = &(*link)->next) {
    if (*link == att) {
      *link = att->next;
      return;
    }
  }
}

std::unique_ptr<Attachment> AttachThread(Core* core) {
  auto att = std::make_unique<Attachment>();
  att->core = core;
  vm::Interpreter& interp = *core->vm;
  if (pthread_equal(core->creator, pthread_self())) {
    att->ts = &interp.main_thread();
  } else {
    auto owned = std::make_unique<vm::ThreadState>(interp, vm::kThreadValueStackSlots);
    att->ts = owned.get();
    att->owns_ts = true;
    att->ts->ident = static_cast<uint64_t>(pthread_self());
    att->ts->native_id = static_cast<uint64_t>(gettid());
    interp.gil.Acquire(att->ts->gil_slot);
    interp.gil.Describe(att->ts->gil_slot, absl::StrCat("host-", att->ts->native_id), att->ts->ident, att->ts->native_id);
    interp.AddThread(std::move(owned));
    att->ts->CountInstructions();
    interp.gil.Release(att->ts->gil_slot, vm::GilReleaseReason::kIo);
  }
  PushAttachment(att.get());
  return att;
}

void DetachThread(std::unique_ptr<Attachment> att) {
  PopAttachment(att.get());
  if (!att->owns_ts) return;
  vm::Interpreter& interp = att->ts->interp;
  vm::ThreadState* ts = att->ts;
  interp.gil.Acquire(ts->gil_slot);
  std::unique_ptr<vm::ThreadState> owned = interp.RemoveThread(ts);
  ts->CountInstructions();
  interp.gil.ReleaseAndRetire(ts->gil_slot);
}

ScopeImpl* PushScope(Core* core, Attachment* att) {
  if (tls_scope_depth == tls_scopes.size()) tls_scopes.push_back(std::make_unique<ScopeImpl>());
  ScopeImpl* s = tls_scopes[tls_scope_depth++].get();
  s->core = core;
  s->att = att;
  s->ts = att->ts;
  s->owner = std::this_thread::get_id();
  ++s->generation;
  s->active = true;
  s->temps.emplace(*att->ts);
  return s;
}

void PopScope(ScopeImpl* s) {
  if (tls_scope_depth == 0 || tls_scopes[tls_scope_depth - 1].get() != s) Misuse("scopes ended out of order");
  s->temps.reset();
  s->active = false;
  ++s->generation;
  --tls_scope_depth;
}

// ---------------------------------------------------------------------------------------------
// Core

Core::~Core() { StopWatchdog(); }

void Core::Trace(vm::Tracer& tracer) {
  tracer.Visit(main_globals);
  for (auto& c : classes) tracer.Visit(c->type);
  std::lock_guard lock(slots_mu);
  for (Slot& s : slots)
    if (s.refs.load(std::memory_order_relaxed) > 0) tracer.Visit(s.value);
}

Slot* Core::NewSlot(vm::Value v) {
  std::lock_guard lock(slots_mu);
  Slot* s;
  if (!free_slots.empty()) {
    s = free_slots.back();
    free_slots.pop_back();
  } else {
    s = &slots.emplace_back();
  }
  s->value = v;
  s->refs.store(1);
  return s;
}

void Core::Release(Slot* slot) {
  if (slot->refs.fetch_sub(1) != 1) return;
  std::lock_guard lock(slots_mu);
  slot->value = vm::Value();
  free_slots.push_back(slot);
}

void Core::ArmDeadline(int64_t deadline_ns) {
  std::lock_guard lock(watchdog_mu_);
  deadline_ns_ = deadline_ns;
  if (!watchdog_.joinable()) watchdog_ = std::thread([this] { WatchdogLoop(); });
  watchdog_cv_.notify_one();
}

void Core::StopWatchdog() {
  {
    std::lock_guard lock(watchdog_mu_);
    stop_ = true;
    watchdog_cv_.notify_one();
  }
  if (watchdog_.joinable()) watchdog_.join();
}

void Core::WatchdogLoop() {
  std::unique_lock lock(watchdog_mu_);
  while (!stop_) {
    if (deadline_ns_ < 0) {
      watchdog_cv_.wait(lock);
      continue;
    }
    int64_t now = vm::Gil::NowNs();
    if (now < deadline_ns_) {
      watchdog_cv_.wait_for(lock, std::chrono::nanoseconds(deadline_ns_ - now));
      continue;
    }
    deadline_ns_ = -1;
    int none = vm::ScriptLimits::kNone;
    vm->limits.tripped.compare_exchange_strong(none, vm::ScriptLimits::kTime);
    vm->gil.Set(vm::Gil::kLimits);
    // Wake the callers blocked in sleep, a lock or IO, so they see it now.
    std::lock_guard calls(calls_mu);
    for (vm::ThreadState* ts : running) ts->Wake();
  }
}

// ---------------------------------------------------------------------------------------------
// Entering the interpreter

absl::Status RunInScope(const std::shared_ptr<Core>& core, const std::function<absl::Status(Scope&)>& fn) {
  if (core == nullptr) return absl::FailedPreconditionError("gilvm: empty handle");
  if (!core->alive.load()) return Destroyed();
  if (vm::InHostDestructor())
    return absl::FailedPreconditionError("gilvm: cannot call into the interpreter from a destructor the garbage collector runs");
  Attachment* att = FindAttachment(core.get());
  std::unique_ptr<Attachment> temporary;
  if (att == nullptr) {
    temporary = AttachThread(core.get());
    att = temporary.get();
  }
  if (att->released)
    return absl::FailedPreconditionError("gilvm: called inside a GilReleaseGuard, which has released the GIL");
  vm::ThreadState& ts = *att->ts;
  vm::Interpreter& interp = ts.interp;
  bool acquired = !att->holds_gil;
  if (acquired) {
    interp.gil.Acquire(ts.gil_slot);
    att->holds_gil = true;
    BeginTopLevel(core.get(), ts);
  }
  absl::Status status;
  try {
    ScopedScope scoped(core.get(), att);
    ScopeImpl* s = scoped.get();
    Scope scope = s->handle();
    status = fn(scope);
    absl::Status pending = s->TakeError();  // a failed conversion the caller did not collect
    if (status.ok()) status = pending;
  } catch (const std::bad_alloc&) {
    ts.exc = nullptr;
    status = absl::ResourceExhaustedError("MemoryError");
  } catch (const std::exception& e) {
    status = absl::InternalError(absl::StrCat("gilvm: C++ exception from the host's callback: ", e.what()));
  } catch (...) {
    status = absl::InternalError("gilvm: unknown C++ exception from the host's callback");
  }
  if (ts.exc != nullptr) vm::ClearException(ts);
  if (acquired) {
    EndTopLevel(core.get(), ts);
    ts.CountInstructions();
    att->holds_gil = false;
    interp.gil.Release(ts.gil_slot, vm::GilReleaseReason::kIo);
  }
  if (temporary != nullptr) DetachThread(std::move(temporary));
  return status;
}

absl::StatusOr<Ref> MainGlobal(Scope& s, std::string_view name) {
  ScopeImpl* impl = ScopeImpl::Of(s);
  vm::Interpreter& in = impl->ts->interp;
  vm::StrObject* key = vm::Intern(in, name);
  vm::Value v = vm::DictGetStr(impl->core->main_globals, key);
  if (v.is_null()) v = vm::DictGetStr(in.builtins, key);
  if (v.is_null()) return absl::NotFoundError(absl::StrCat("name '", std::string(name), "' is not defined"));
  return impl->Add(v);
}

absl::Status SetMainGlobal(Scope& s, std::string_view name, Ref value) {
  ScopeImpl* impl = ScopeImpl::Of(s);
  vm::DictSetStr(impl->core->main_globals, vm::Intern(impl->ts->interp, name), ScopeImpl::Get(value));
  return absl::OkStatus();
}

namespace {

// Compiles `source` in `mode` and runs it in __main__: the result, or the error.
absl::StatusOr<Ref> RunSource(Scope& s, std::string_view source, std::string_view filename, compiler::ParseMode mode) {
  ScopeImpl* impl = ScopeImpl::Of(s);
  vm::ThreadState& ts = *impl->ts;
  if (!filename.starts_with("<")) ts.interp.RememberSource(std::string(filename), source);
  vm::CodeObject* code = compiler::CompileSource(ts, source, filename, mode);
  if (code == nullptr) return impl->TakeError();
  vm::Root code_root(ts, vm::Value::Obj(code));
  vm::DictObject* globals = impl->core->main_globals;
  vm::Value r = vm::EvalCode(ts, code, globals, globals);
  if (r.is_null()) return impl->TakeError();
  return impl->Add(r);
}

}  // namespace

absl::StatusOr<Ref> EvalIn(Scope& s, std::string_view expression) {
  return RunSource(s, expression, "<string>", compiler::ParseMode::kEval);
}

}  // namespace detail

using detail::Core;
using detail::ScopeImpl;

// ---------------------------------------------------------------------------------------------
// Interpreter

Interpreter::Interpreter(Options options) : core_(std::make_shared<Core>()) {
  core_->options = std::move(options);
  const Options& o = core_->options;
  vm::InterpreterOptions vo;
  vo.argv = o.argv.empty() ? std::vector<std::string>{""} : o.argv;
  vo.check_interval = o.check_interval;
  vo.switch_interval_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(o.switch_interval).count();
  vo.policy = detail::VmPolicy(o.gil_policy);
  vo.recursion_limit = o.limits.max_recursion;
  vo.write_stdout = o.on_stdout;
  vo.write_stderr = o.on_stderr;
  vo.max_heap_bytes = o.limits.max_heap_bytes;
  vo.sandbox.enabled = o.sandbox.enabled;
  vo.sandbox.files = o.sandbox.allow_files;
  vo.sandbox.network = o.sandbox.allow_network;
  vo.sandbox.processes = o.sandbox.allow_processes;
  vo.sandbox.environment = o.sandbox.allow_environment;
  core_->creator = pthread_self();
  core_->vm = std::make_unique<vm::Interpreter>(std::move(vo));  // holds the GIL
  vm::Interpreter& in = *core_->vm;
  vm::ThreadState& ts = in.main_thread();
  in.host_roots = core_.get();
  in.limits.exc_type = vm::NewBuiltinType(in, "LimitExceeded", in.exc.BaseException, vm::Kind::kException, "gilvm");
  in.limits.time_limit_ms = o.limits.time_limit.count();  // before any other thread can read it
  core_->main_globals = in.PrepareEmbedded(ts, o.module_path);
  if (core_->main_globals == nullptr) {
    // Only a broken build can get here (the embedded sys module failed to finish).
    std::string report = vm::FormatException(ts, vm::FetchException(ts));
    std::fprintf(stderr, "gilvm: interpreter start-up failed:\n%s", report.c_str());
    std::abort();
  }
  in.FlushStdout();
  core_->alive.store(true);
  // From here the GIL is held only inside calls.
  ts.CountInstructions();
  in.gil.Release(ts.gil_slot, vm::GilReleaseReason::kIo);
}

Interpreter::~Interpreter() {
  if (core_->scoped_threads.load() != 0) detail::Misuse("Interpreter destroyed while a ThreadScope is still attached");
  if (detail::FindAttachment(core_.get()) != nullptr) detail::Misuse("Interpreter destroyed from inside one of its own calls");
  core_->StopWatchdog();
  vm::Interpreter& in = *core_->vm;
  vm::ThreadState& main = in.main_thread();
  in.gil.Acquire(main.gil_slot);
  core_->alive.store(false);
  in.FlushStdout();
  in.host_roots = nullptr;
  core_->vm.reset();  // stops the script threads, frees the heap, releases the GIL
  core_->classes.clear();
  core_->class_by_type.clear();
}

absl::Status Interpreter::Exec(std::string_view source, std::string_view filename) {
  return detail::RunInScope(core_, [&](Scope& s) -> absl::Status {
    return detail::RunSource(s, source, filename, compiler::ParseMode::kFile).status();
  });
}

absl::Status Interpreter::RunFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("gilvm: can't open file '", path, "'"));
  std::ostringstream text;
  text << in.rdbuf();
  std::string source = text.str();
  return detail::RunInScope(core_, [&](Scope& s) -> absl::Status {
    ScopeImpl* impl = ScopeImpl::Of(s);
    vm::ThreadState& ts = *impl->ts;
    vm::DictSetStr(impl->core->main_globals, ts.interp.names.__file__, vm::NewStrValue(ts, path));
    return detail::RunSource(s, source, path, compiler::ParseMode::kFile).status();
  });
}

absl::StatusOr<bool> Interpreter::ExecInteractive(std::string_view lines) {
  bool complete = true;
  absl::Status st = detail::RunInScope(core_, [&](Scope& s) -> absl::Status {
    ScopeImpl* impl = ScopeImpl::Of(s);
    vm::ThreadState& ts = *impl->ts;
    bool incomplete = false;
    vm::CodeObject* code = compiler::CompileInteractive(ts, lines, "<stdin>", &incomplete);
    if (incomplete) {
      complete = false;
      return absl::OkStatus();
    }
    if (code == nullptr) return impl->TakeError();
    vm::Root code_root(ts, vm::Value::Obj(code));
    vm::DictObject* globals = impl->core->main_globals;
    if (vm::EvalCode(ts, code, globals, globals).is_null()) return impl->TakeError();
    return absl::OkStatus();
  });
  if (!st.ok()) return st;
  return complete;
}

absl::Status Interpreter::WithScope(const std::function<absl::Status(Scope&)>& fn) {
  return detail::RunInScope(core_, fn);
}

void Interpreter::Interrupt() {
  std::lock_guard lock(core_->calls_mu);
  for (vm::ThreadState* ts : core_->running) vm::InterruptThread(*ts);
}

namespace {
// The GIL report (taken under the GIL) in one of its formats; empty if the interpreter is gone.
std::string GilReportAs(const std::shared_ptr<Core>& core, std::string (*format)(const vm::GilReport&)) {
  std::string out;
  detail::RunInScope(core, [&](Scope& s) {
    out = format(vm::CollectGilReport(*ScopeImpl::Of(s)->ts, false));
    return absl::OkStatus();
  }).IgnoreError();
  return out;
}
}  // namespace

std::string Interpreter::GilStatsTable() { return GilReportAs(core_, vm::FormatGilStatsTable); }
std::string Interpreter::GilStatsJson() { return GilReportAs(core_, vm::GilStatsJson); }

size_t Interpreter::CollectGarbage() {
  size_t live = 0;
  detail::RunInScope(core_, [&](Scope& s) {
    vm::Interpreter& in = ScopeImpl::Of(s)->ts->interp;
    in.heap.Collect();
    live = in.heap.live_objects();
    return absl::OkStatus();
  }).IgnoreError();
  return live;
}

// ---------------------------------------------------------------------------------------------
// Threads

ThreadScope::ThreadScope(Interpreter& interp) : core_(interp.core_), attachment_(nullptr) {
  if (!core_->alive.load()) detail::Misuse("ThreadScope on a destroyed interpreter");
  if (detail::FindAttachment(core_.get()) != nullptr) return;  // already attached: nothing to do
  attachment_ = detail::AttachThread(core_.get()).release();
  core_->scoped_threads.fetch_add(1);
}

ThreadScope::~ThreadScope() {
  if (attachment_ == nullptr) return;
  auto* att = static_cast<detail::Attachment*>(attachment_);
  if (att->holds_gil) detail::Misuse("ThreadScope ended inside a call");
  detail::DetachThread(std::unique_ptr<detail::Attachment>(att));
  core_->scoped_threads.fetch_sub(1);
}

GilReleaseGuard::GilReleaseGuard(Scope& scope) : scope_(ScopeImpl::Of(scope)) {
  detail::Attachment* att = scope_->att;
  if (!att->holds_gil || att->released) detail::Misuse("GilReleaseGuard without the GIL");
  att->released = true;
  att->holds_gil = false;
  guard_ = new vm::GilReleaseGuard(*scope_->ts);
}

GilReleaseGuard::~GilReleaseGuard() {
  delete static_cast<vm::GilReleaseGuard*>(guard_);  // takes the GIL back
  scope_->att->holds_gil = true;
  scope_->att->released = false;
}

}  // namespace gilvm
