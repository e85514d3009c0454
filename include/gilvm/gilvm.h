// gilvm.h: the public C++ API for embedding gilvm, a Python 3 subset with a real GIL.
//
//   gilvm::Interpreter py;
//   py.Define("greet", [](std::string who) { return "hello, " + who; });
//   absl::Status st = py.Exec("print(greet('host'))");
//
// The rules, which every declaration below follows:
//  - Ownership. An Interpreter owns its heap, its GIL and its script threads. `Object` is an
//    owning handle: it keeps its script value alive until the handle (and every copy) is gone,
//    and may outlive the interpreter (it then reports FailedPrecondition). `Ref` is borrowed:
//    it is valid only inside the host function or `Scope` that produced it.
//  - Errors. Nothing here throws. What can fail returns absl::Status / absl::StatusOr; a
//    script exception becomes a Status whose message is "Type: message" and which carries the
//    exception's type name and its CPython-style traceback (ErrorType, ErrorTraceback). Status
//    codes follow the exception's class or its nearest listed base: SyntaxError, ValueError and
//    TypeError -> kInvalidArgument; KeyError, LookupError, FileNotFoundError and
//    ModuleNotFoundError -> kNotFound; IndexError -> kOutOfRange; PermissionError ->
//    kPermissionDenied; NotImplementedError -> kUnimplemented; TimeoutError and a passed time
//    limit -> kDeadlineExceeded; MemoryError, RecursionError and an exhausted instruction
//    budget -> kResourceExhausted; KeyboardInterrupt (Interrupt()) -> kCancelled; SystemExit ->
//    kAborted; any other exception -> kUnknown. Error() uses the same table.
//  - Threads and the GIL. Any host thread may call any method at any time: each call takes the
//    interpreter's GIL for its duration and lets it go on return, so script threads run
//    whenever the host is not inside a call. A thread that makes many calls attaches once with
//    a ThreadScope. Host functions run with the GIL held; they release it around their own
//    blocking work with GilReleaseGuard, and touch no Ref while it is released.
//  - Interpreters are independent: each has its own GIL, so several run in parallel.
//  - Misuse that C++ cannot reject at compile time (a Ref used after its scope, a Ref used
//    while the GIL is released, a call into the interpreter from a destructor the collector
//    runs, an interpreter destroyed with threads still attached) is reported: as a Status where
//    the call returns one, otherwise by aborting with a "gilvm: API misuse" message.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace gilvm {

class Interpreter;
class Object;
class Ref;
class Scope;
template <typename T, typename Enable = void>
struct Convert;  // defined below

namespace detail {
struct Core;       // the interpreter's state shared with its handles
struct ScopeImpl;  // one call's thread, GIL and temporaries
struct Slot;       // one Object handle's root
class HostFunction;
class HostClass;
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Options

enum class GilPolicy {
  kFair,      // FIFO handoff to the longest waiter (the default)
  kCpython2,  // release and compete again every check interval (CPython 2's GIL)
  kCpython3,  // timed drop requests with a forced switch (CPython 3.2+'s GIL)
};

// Limits for untrusted scripts. Each is per top-level call (Exec, Eval, RunFile, Call, and an
// Object's calls): the budget and the clock start when the call starts and count every thread
// of the interpreter while it runs. When one runs out, every thread running script code gets
// `gilvm.LimitExceeded` at its next safe point (every check interval). No handler runs for it:
// not `except` (even bare), not `finally`, not a `with` block's __exit__, so a script cannot
// catch it and carry on. Script threads left running after the call go on counting against
// the same limits, and stop too once they trip; the next top-level call starts afresh.
struct Limits {
  uint64_t max_instructions = 0;               // 0: no limit
  std::chrono::milliseconds time_limit{0};     // wall clock; 0: no limit
  size_t max_heap_bytes = 0;                   // MemoryError beyond it (whole interpreter); 0: no limit
  int max_recursion = 1000;                    // RecursionError beyond it (sys.setrecursionlimit)
};

// What scripts may reach outside the interpreter. Disabled by default (a trusted script can do
// what CPython can). Enabled, each kind of access not allowed raises PermissionError.
struct Sandbox {
  bool enabled = false;
  bool allow_files = false;        // open(), os file and directory calls, imports from sys.path
  bool allow_network = false;      // sockets
  bool allow_processes = false;    // subprocess, os.fork/exec/kill/system/wait
  bool allow_environment = false;  // os.environ, os.getenv/putenv
};

struct Options {
  std::vector<std::string> argv;  // sys.argv (default: [""])
  // GIL: instructions between safe-point checks (0: switch on the time slice only), the time a
  // waiter waits before it asks the holder to let go, and the policy.
  int64_t check_interval = 100;
  std::chrono::microseconds switch_interval{5000};
  GilPolicy gil_policy = GilPolicy::kFair;
  // Where the script's stdout and stderr go (print, tracebacks of threads); called with the GIL
  // held, from whichever thread writes. Default: the process's stdout and stderr.
  std::function<void(std::string_view)> on_stdout;
  std::function<void(std::string_view)> on_stderr;
  // Directories searched by `import`, before the embedded standard library.
  std::vector<std::string> module_path;
  Limits limits;
  Sandbox sandbox;
};

// ---------------------------------------------------------------------------------------------
// Errors

// The Python exception type a failed Status carries ("ValueError", "gilvm.LimitExceeded"), or
// empty for a Status that did not come from a script.
std::string ErrorType(const absl::Status& status);
// The traceback as CPython prints it ("Traceback (most recent call last):..."), or empty.
std::string ErrorTraceback(const absl::Status& status);
// A Status that a host function returns (or a ScriptError it throws) to raise `type` (a built-in
// exception name such as "ValueError") with `message` in the script.
absl::Status Error(std::string_view type, std::string_view message);

// Thrown by a host function to raise a Python exception. Any other C++ exception a host
// function throws is raised too: std::invalid_argument and std::domain_error as ValueError,
// std::out_of_range as IndexError, std::bad_alloc as MemoryError, the rest as RuntimeError.
class ScriptError : public std::runtime_error {
 public:
  ScriptError(std::string type, const std::string& message) : std::runtime_error(message), type_(std::move(type)) {}
  const std::string& type() const { return type_; }

 private:
  std::string type_;
};

// ---------------------------------------------------------------------------------------------
// Values

// A script value borrowed for the duration of one host call or Scope. Cheap to copy; never
// outlives the call that produced it (keep it with Keep()). Reading it needs the GIL, which the
// host function or Scope holds.
class Ref {
 public:
  enum class Kind { kNone, kBool, kInt, kFloat, kStr, kBytes, kList, kTuple, kDict, kOther };

  Ref() = default;
  bool valid() const { return scope_ != nullptr; }
  Kind kind() const;
  std::string type_name() const;  // "int", "list", a class's name
  bool is_none() const { return kind() == Kind::kNone; }

  // Exact reads: false when the value is not of that kind (or does not fit).
  bool GetBool(bool* out) const;           // bool only
  bool GetInt(int64_t* out) const;         // int (and bool) within int64
  bool GetDouble(double* out) const;       // float, or int
  bool GetString(std::string* out) const;  // str, as UTF-8
  bool GetBytes(std::string* out) const;   // bytes or bytearray
  // Lists and tuples: size() items; dicts: size() pairs.
  size_t size() const;
  Ref item(size_t i) const;                       // list or tuple item i < size()
  std::vector<std::pair<Ref, Ref>> items() const;  // a dict's (key, value) pairs, in order
  // repr() and str() of the value, as the script would compute them.
  absl::StatusOr<std::string> Repr() const;
  absl::StatusOr<std::string> Str() const;
  // An owning handle to the same value.
  Object Keep() const;

 private:
  friend class Scope;
  friend struct detail::ScopeImpl;
  Ref(detail::ScopeImpl* scope, uint32_t index, uint32_t generation)
      : scope_(scope), index_(index), generation_(generation) {}
  detail::ScopeImpl* scope_ = nullptr;
  uint32_t index_ = 0;
  uint32_t generation_ = 0;  // which use of the (reused) scope made it: catches a stale Ref
};

// The context of one call into script code on this thread, with the GIL held: it makes new
// script values (Refs valid until the Scope ends) and calls script code. Host functions may
// take a `gilvm::Scope&` first parameter; hosts open one with Interpreter::WithScope.
class Scope {
 public:
  Ref None();
  Ref Bool(bool v);
  Ref Int(int64_t v);
  Ref Float(double v);
  Ref Str(std::string_view utf8);  // invalid UTF-8 raises UnicodeDecodeError in the script
  Ref Bytes(std::string_view data);
  Ref NewList();
  void Append(Ref list, Ref item);
  Ref NewTuple(const std::vector<Ref>& items);
  Ref NewDict();
  void SetItem(Ref dict, Ref key, Ref value);
  // A handle's value in this scope; fails if it belongs to another interpreter or is empty.
  absl::StatusOr<Ref> Get(const Object& handle);
  // Script operations; a script exception comes back as its Status.
  absl::StatusOr<Ref> Call(Ref callable, const std::vector<Ref>& args);
  absl::StatusOr<Ref> GetAttr(Ref obj, std::string_view name);
  absl::Status SetAttr(Ref obj, std::string_view name, Ref value);
  absl::StatusOr<Ref> GetItem(Ref container, Ref key);
  absl::StatusOr<Ref> Global(std::string_view name);  // a global of __main__

  // Raises `error` in the script: the exception its ErrorType names (gilvm::Error makes one), or
  // else one chosen by its code (kInvalidArgument -> ValueError, kNotFound -> LookupError, ...).
  // Returns an invalid Ref, so a raw host function can end with `return s.Raise(...)`.
  Ref Raise(const absl::Status& error);

  // A conversion that failed (Str with invalid UTF-8...) leaves its exception pending: failed()
  // says so, and TakeError() clears it and returns it as a Status.
  bool failed() const;
  absl::Status TakeError();
  Interpreter& interpreter() const;

 private:
  friend struct detail::ScopeImpl;
  friend class GilReleaseGuard;
  explicit Scope(detail::ScopeImpl* impl) : impl_(impl) {}
  detail::ScopeImpl* impl_;
};

// An owning handle to a script value. Copyable and movable from any thread, with or without the
// GIL; its methods take the GIL as Interpreter's do. The value lives at least as long as the
// handle; the handle may outlive its interpreter, and then every method returns
// FailedPrecondition.
class Object {
 public:
  Object() = default;
  Object(const Object& other);
  Object(Object&& other) noexcept;
  Object& operator=(Object other) noexcept;
  ~Object();

  bool valid() const { return slot_ != nullptr; }  // false for an empty (default) handle
  absl::StatusOr<std::string> type_name() const;
  absl::StatusOr<std::string> Repr() const;
  absl::StatusOr<std::string> Str() const;
  // The value as a C++ type (see Convert): InvalidArgument if it is not one.
  template <typename T>
  absl::StatusOr<T> as() const;
  // Calls the value with C++ arguments; R is Object (a handle to the result) or a C++ type.
  template <typename R = Object, typename... A>
  absl::StatusOr<R> Call(const A&... args) const;
  template <typename R = Object, typename... A>
  absl::StatusOr<R> CallMethod(std::string_view name, const A&... args) const;
  template <typename R = Object>
  absl::StatusOr<R> Attr(std::string_view name) const;
  template <typename T>
  absl::Status SetAttr(std::string_view name, const T& value) const;

 private:
  friend class Ref;
  friend class Scope;
  friend class Interpreter;
  friend struct detail::ScopeImpl;
  Object(std::shared_ptr<detail::Core> core, detail::Slot* slot) : core_(std::move(core)), slot_(slot) {}
  std::shared_ptr<detail::Core> core_;
  detail::Slot* slot_ = nullptr;
};

// ---------------------------------------------------------------------------------------------
// Conversions between C++ and script values. Specialise Convert<T> to teach gilvm a type:
//   static constexpr const char* kName;                     // the script type, for messages
//   static bool FromScript(Ref v, T* out, std::string* why); // why: " item 2" style detail
//   static Ref ToScript(Scope& s, const T& v);
// Built in: bool, integers, float/double, std::string, std::string_view (to script only),
// const char*, std::nullptr_t (None), std::optional<T> (None <-> nullopt), std::vector<T>,
// std::map<std::string, T> / std::unordered_map, std::pair, std::tuple, Object, Ref, and the
// classes bound with Class<T> (by reference or pointer, or by value to script).

namespace detail {
// " must be int, not str" style detail for a failed conversion.
std::string Mismatch(const char* expected, Ref got);
}  // namespace detail

template <>
struct Convert<bool> {
  static constexpr const char* kName = "bool";
  static bool FromScript(Ref v, bool* out, std::string* why) {
    if (v.GetBool(out)) return true;
    *why = detail::Mismatch(kName, v);
    return false;
  }
  static Ref ToScript(Scope& s, bool v) { return s.Bool(v); }
};

template <typename T>
struct Convert<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static constexpr const char* kName = "int";
  static bool FromScript(Ref v, T* out, std::string* why) {
    int64_t i;
    if (!v.GetInt(&i)) {
      *why = detail::Mismatch(kName, v);
      return false;
    }
    if constexpr (std::is_unsigned_v<T>) {
      if (i < 0 || static_cast<uint64_t>(i) > std::numeric_limits<T>::max()) {
        *why = " is out of range";
        return false;
      }
    } else {
      if (i < std::numeric_limits<T>::min() || i > std::numeric_limits<T>::max()) {
        *why = " is out of range";
        return false;
      }
    }
    *out = static_cast<T>(i);
    return true;
  }
  static Ref ToScript(Scope& s, T v) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(int64_t)) {
      if (v > static_cast<T>(std::numeric_limits<int64_t>::max())) return s.Float(static_cast<double>(v));
    }
    return s.Int(static_cast<int64_t>(v));
  }
};

template <typename T>
struct Convert<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static constexpr const char* kName = "float";
  static bool FromScript(Ref v, T* out, std::string* why) {
    double d;
    if (!v.GetDouble(&d)) {
      *why = detail::Mismatch(kName, v);
      return false;
    }
    *out = static_cast<T>(d);
    return true;
  }
  static Ref ToScript(Scope& s, T v) { return s.Float(static_cast<double>(v)); }
};

template <>
struct Convert<std::string> {
  static constexpr const char* kName = "str";
  static bool FromScript(Ref v, std::string* out, std::string* why) {
    if (v.GetString(out)) return true;
    *why = detail::Mismatch(kName, v);
    return false;
  }
  static Ref ToScript(Scope& s, const std::string& v) { return s.Str(v); }
};

template <>
struct Convert<std::string_view> {  // to script only: a view cannot own what it reads
  static constexpr const char* kName = "str";
  static Ref ToScript(Scope& s, std::string_view v) { return s.Str(v); }
};

template <>
struct Convert<const char*> {
  static constexpr const char* kName = "str";
  static Ref ToScript(Scope& s, const char* v) { return v == nullptr ? s.None() : s.Str(v); }
};

template <std::size_t N>
struct Convert<char[N]> {
  static constexpr const char* kName = "str";
  static Ref ToScript(Scope& s, const char (&v)[N]) { return s.Str(std::string_view(v)); }
};

template <>
struct Convert<std::nullptr_t> {
  static constexpr const char* kName = "None";
  static bool FromScript(Ref v, std::nullptr_t* out, std::string* why) {
    if (v.is_none()) return true;
    *why = detail::Mismatch(kName, v);
    return false;
  }
  static Ref ToScript(Scope& s, std::nullptr_t) { return s.None(); }
};

template <typename T>
struct Convert<std::optional<T>> {
  static constexpr const char* kName = Convert<T>::kName;
  static bool FromScript(Ref v, std::optional<T>* out, std::string* why) {
    if (v.is_none()) {
      out->reset();
      return true;
    }
    T value{};
    if (!Convert<T>::FromScript(v, &value, why)) return false;
    *out = std::move(value);
    return true;
  }
  static Ref ToScript(Scope& s, const std::optional<T>& v) { return v ? Convert<T>::ToScript(s, *v) : s.None(); }
};

template <typename T>
struct Convert<std::vector<T>> {
  static constexpr const char* kName = "list";
  static bool FromScript(Ref v, std::vector<T>* out, std::string* why) {
    Ref::Kind k = v.kind();
    if (k != Ref::Kind::kList && k != Ref::Kind::kTuple) {
      *why = detail::Mismatch(kName, v);
      return false;
    }
    out->clear();
    size_t n = v.size();
    out->reserve(n);
    for (size_t i = 0; i < n; ++i) {
      T item{};
      if (!Convert<T>::FromScript(v.item(i), &item, why)) {
        *why = " item " + std::to_string(i) + *why;
        return false;
      }
      out->push_back(std::move(item));
    }
    return true;
  }
  static Ref ToScript(Scope& s, const std::vector<T>& v) {
    Ref list = s.NewList();
    for (const T& item : v) s.Append(list, Convert<T>::ToScript(s, item));
    return list;
  }
};

namespace detail {
template <typename M>
struct ConvertMap {
  using K = typename M::key_type;
  using V = typename M::mapped_type;
  static constexpr const char* kName = "dict";
  static bool FromScript(Ref v, M* out, std::string* why) {
    if (v.kind() != Ref::Kind::kDict) {
      *why = Mismatch(kName, v);
      return false;
    }
    out->clear();
    for (auto& [key, value] : v.items()) {
      K k{};
      V val{};
      if (!Convert<K>::FromScript(key, &k, why)) {
        *why = " key" + *why;
        return false;
      }
      if (!Convert<V>::FromScript(value, &val, why)) {
        *why = " value" + *why;
        return false;
      }
      out->emplace(std::move(k), std::move(val));
    }
    return true;
  }
  static Ref ToScript(Scope& s, const M& m) {
    Ref dict = s.NewDict();
    for (const auto& [k, v] : m) s.SetItem(dict, Convert<K>::ToScript(s, k), Convert<V>::ToScript(s, v));
    return dict;
  }
};
}  // namespace detail

template <typename K, typename V>
struct Convert<std::map<K, V>> : detail::ConvertMap<std::map<K, V>> {};
template <typename K, typename V>
struct Convert<std::unordered_map<K, V>> : detail::ConvertMap<std::unordered_map<K, V>> {};

template <typename... T>
struct Convert<std::tuple<T...>> {
  static constexpr const char* kName = "tuple";
  static bool FromScript(Ref v, std::tuple<T...>* out, std::string* why) {
    if ((v.kind() != Ref::Kind::kTuple && v.kind() != Ref::Kind::kList) || v.size() != sizeof...(T)) {
      *why = v.kind() == Ref::Kind::kTuple || v.kind() == Ref::Kind::kList
                 ? " must have " + std::to_string(sizeof...(T)) + " items, not " + std::to_string(v.size())
                 : detail::Mismatch(kName, v);
      return false;
    }
    return Items(v, out, why, std::index_sequence_for<T...>{});
  }
  static Ref ToScript(Scope& s, const std::tuple<T...>& t) {
    return std::apply([&s](const T&... item) { return s.NewTuple({Convert<T>::ToScript(s, item)...}); }, t);
  }

 private:
  template <std::size_t... I>
  static bool Items(Ref v, std::tuple<T...>* out, std::string* why, std::index_sequence<I...>) {
    bool ok = true;
    ((ok = ok && Item<I>(v, out, why)), ...);
    return ok;
  }
  template <std::size_t I>
  static bool Item(Ref v, std::tuple<T...>* out, std::string* why) {
    using E = std::tuple_element_t<I, std::tuple<T...>>;
    if (Convert<E>::FromScript(v.item(I), &std::get<I>(*out), why)) return true;
    *why = " item " + std::to_string(I) + *why;
    return false;
  }
};

template <typename A, typename B>
struct Convert<std::pair<A, B>> {
  static constexpr const char* kName = "tuple";
  static bool FromScript(Ref v, std::pair<A, B>* out, std::string* why) {
    std::tuple<A, B> t;
    if (!Convert<std::tuple<A, B>>::FromScript(v, &t, why)) return false;
    *out = {std::move(std::get<0>(t)), std::move(std::get<1>(t))};
    return true;
  }
  static Ref ToScript(Scope& s, const std::pair<A, B>& p) { return s.NewTuple({Convert<A>::ToScript(s, p.first), Convert<B>::ToScript(s, p.second)}); }
};

template <>
struct Convert<Ref> {
  static constexpr const char* kName = "object";
  static bool FromScript(Ref v, Ref* out, std::string*) {
    *out = v;
    return true;
  }
  static Ref ToScript(Scope&, Ref v) { return v; }
};

template <>
struct Convert<Object> {
  static constexpr const char* kName = "object";
  static bool FromScript(Ref v, Object* out, std::string*) {
    *out = v.Keep();
    return true;
  }
  static Ref ToScript(Scope& s, const Object& v);
};

// ---------------------------------------------------------------------------------------------
// Host functions and classes

// A host function's arguments, for the raw form `Ref f(gilvm::Scope&, const gilvm::Args&)`.
class Args {
 public:
  size_t size() const { return positional_.size(); }
  Ref operator[](size_t i) const { return positional_[i]; }
  const std::vector<Ref>& positional() const { return positional_; }
  const std::vector<std::pair<std::string, Ref>>& keywords() const { return keywords_; }
  const std::string& function_name() const { return name_; }

 private:
  friend struct detail::ScopeImpl;
  std::string name_;
  std::vector<Ref> positional_;
  std::vector<std::pair<std::string, Ref>> keywords_;
};

namespace detail {

// The type-erased form every host function takes; Invoke returns an invalid Ref with the
// exception pending in `s` on failure.
class HostFunction {
 public:
  virtual ~HostFunction() = default;
  virtual Ref Invoke(Scope& s, const Args& args) = 0;
};

// Raises in the script: a TypeError, a Status, or the exception in flight in a catch block.
Ref RaiseTypeError(Scope& s, std::string message);
Ref RaiseStatus(Scope& s, const absl::Status& status);
Ref RaiseCurrentException(Scope& s, const std::string& function);

template <typename T>
struct Plain {
  using type = std::remove_cv_t<std::remove_reference_t<T>>;
};

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

// Call signatures of lambdas, function objects and function pointers.
template <typename F>
struct Signature : Signature<decltype(&F::operator())> {};
template <typename R, typename... A>
struct Signature<R (*)(A...)> {
  using Result = R;
  using Params = std::tuple<A...>;
};
template <typename R, typename... A>
struct Signature<R(A...)> : Signature<R (*)(A...)> {};
template <typename C, typename R, typename... A>
struct Signature<R (C::*)(A...) const> : Signature<R (*)(A...)> {};
template <typename C, typename R, typename... A>
struct Signature<R (C::*)(A...)> : Signature<R (*)(A...)> {};

template <typename T>
struct IsStatusOr : std::false_type {};
template <typename T>
struct IsStatusOr<absl::StatusOr<T>> : std::true_type {};

template <typename R>
Ref ResultToScript(Scope& s, R&& r) {
  using T = typename Plain<R>::type;
  if constexpr (std::is_same_v<T, absl::Status>) {
    return r.ok() ? s.None() : RaiseStatus(s, r);
  } else if constexpr (IsStatusOr<T>::value) {
    return r.ok() ? ResultToScript(s, *std::move(r)) : RaiseStatus(s, r.status());
  } else {
    Ref out = Convert<T>::ToScript(s, r);
    return s.failed() ? Ref() : out;
  }
}

template <typename... P>
struct FirstIsScope : std::false_type {};
template <typename First, typename... Rest>
struct FirstIsScope<First, Rest...> : std::is_same<First, Scope&> {};

// How a host function's parameter of type P is converted and held: by value, except a
// non-const reference to a class, and a class with no default constructor, which point into
// the script object (a bound class).
template <typename P>
struct Param {
  using Plain = typename detail::Plain<P>::type;
  static constexpr bool kByPointer =
      std::is_class_v<Plain> && ((std::is_lvalue_reference_v<P> && !std::is_const_v<std::remove_reference_t<P>>) ||
                                 !std::is_default_constructible_v<Plain>);
  using Stored = std::conditional_t<kByPointer, Plain*, Plain>;
  static P Pass(Stored& v) {
    if constexpr (kByPointer) {
      return *v;
    } else {
      return static_cast<P>(std::move(v));
    }
  }
};

// Converts argument i of a host call into `out`; false with TypeError raised.
template <typename S>
bool ArgFromScript(Scope& s, const Args& args, size_t i, S* out) {
  if (i >= args.size()) return true;  // an omitted optional parameter stays nullopt
  std::string why;
  if (Convert<S>::FromScript(args[i], out, &why)) return true;
  RaiseTypeError(s, args.function_name() + "() argument " + std::to_string(i + 1) + why);
  return false;
}

bool CheckArity(Scope& s, const Args& args, size_t min, size_t max);

// A callable F whose parameters are converted from script values. An optional first parameter
// `gilvm::Scope&` receives the call's scope; trailing std::optional parameters may be omitted.
template <typename F, typename Params = typename Signature<F>::Params>
class TypedFunction;

template <typename F, typename... P>
class TypedFunction<F, std::tuple<P...>> : public HostFunction {
 public:
  explicit TypedFunction(F f) : f_(std::move(f)) {}

  Ref Invoke(Scope& s, const Args& args) override {
    if constexpr (FirstIsScope<P...>::value) {
      return Bind<1>(s, args, std::make_index_sequence<sizeof...(P) - 1>{});
    } else {
      return Bind<0>(s, args, std::index_sequence_for<P...>{});
    }
  }

 private:
  template <std::size_t I>
  using Nth = std::tuple_element_t<I, std::tuple<P...>>;

  template <std::size_t Skip, std::size_t... I>
  Ref Bind(Scope& s, const Args& args, std::index_sequence<I...>) {
    constexpr size_t n = sizeof...(I);
    constexpr size_t optional_tail = CountOptionalTail<Skip>(std::make_index_sequence<n>{});
    if (!CheckArity(s, args, n - optional_tail, n)) return Ref();
    std::tuple<typename Param<Nth<I + Skip>>::Stored...> values;
    bool ok = true;
    ((ok = ok && ArgFromScript(s, args, I, &std::get<I>(values))), ...);
    if (!ok) return Ref();
    try {
      if constexpr (Skip == 1) {
        return Finish(s, [&] { return f_(s, Param<Nth<I + Skip>>::Pass(std::get<I>(values))...); });
      } else {
        return Finish(s, [&] { return f_(Param<Nth<I + Skip>>::Pass(std::get<I>(values))...); });
      }
    } catch (...) {
      return RaiseCurrentException(s, args.function_name());
    }
  }

  template <std::size_t Skip, std::size_t... I>
  static constexpr size_t CountOptionalTail(std::index_sequence<I...>) {
    constexpr bool optional[] = {false, IsOptional<typename Plain<Nth<I + Skip>>::type>::value...};
    size_t n = 0;
    for (size_t i = sizeof...(I); i > 0 && optional[i]; --i) ++n;
    return n;
  }

  template <typename Call>
  static Ref Finish(Scope& s, Call call) {
    using R = decltype(call());
    if constexpr (std::is_void_v<R>) {
      call();
      return s.None();
    } else if constexpr (std::is_same_v<typename Plain<R>::type, Ref>) {
      return call();
    } else {
      return ResultToScript(s, call());
    }
  }

  F f_;
};

// The raw form: Ref f(Scope&, const Args&).
template <typename F>
class RawFunction : public HostFunction {
 public:
  explicit RawFunction(F f) : f_(std::move(f)) {}
  Ref Invoke(Scope& s, const Args& args) override {
    try {
      return f_(s, args);
    } catch (...) {
      return RaiseCurrentException(s, args.function_name());
    }
  }

 private:
  F f_;
};

template <typename F>
std::unique_ptr<HostFunction> MakeHostFunction(F f) {
  if constexpr (std::is_invocable_r_v<Ref, F&, Scope&, const Args&>) {
    return std::make_unique<RawFunction<F>>(std::move(f));
  } else {
    return std::make_unique<TypedFunction<F>>(std::move(f));
  }
}

// Instances of bound classes: the C++ object lives inside the script object; the collector
// destroys it when the script object dies.
class InstanceBox {
 public:
  virtual ~InstanceBox() = default;
  void* get() const { return ptr_; }

 protected:
  void* ptr_ = nullptr;
};
template <typename T>
class TypedBox : public InstanceBox {
 public:
  template <typename... A>
  explicit TypedBox(A&&... args) : value_(std::forward<A>(args)...) {
    ptr_ = &value_;
  }

 private:
  T value_;
};

// The class registry of an interpreter, by C++ type (internal; see Class<T>).
void* InstancePointer(Ref v, std::type_index type);            // null if v is not one
Ref NewInstance(Scope& s, std::type_index type, std::unique_ptr<InstanceBox> box);
std::string ClassName(Scope& s, std::type_index type);
}  // namespace detail

namespace detail {
std::string MismatchBound(Ref got, std::type_index type);
}  // namespace detail

// Bound classes convert by pointer or non-const reference (the script object keeps ownership)
// and by value (copied). This is the primary template: a type with no specialisation above is
// converted as a bound class, and fails at run time if it was never bound.
template <typename T, typename Enable>
struct Convert {
  static_assert(std::is_class_v<T>,
                "gilvm::Convert<T>: no conversion for this type; specialise gilvm::Convert or bind it with DefineClass");
  static constexpr const char* kName = "object";
  static bool FromScript(Ref v, T* out, std::string* why) {
    void* p = detail::InstancePointer(v, typeid(T));
    if (p == nullptr) {
      *why = detail::MismatchBound(v, typeid(T));
      return false;
    }
    *out = *static_cast<T*>(p);
    return true;
  }
  static Ref ToScript(Scope& s, const T& v) { return detail::NewInstance(s, typeid(T), std::make_unique<detail::TypedBox<T>>(v)); }
};

template <typename T>
struct Convert<T*, std::enable_if_t<std::is_class_v<T>>> {
  static constexpr const char* kName = "object";
  static bool FromScript(Ref v, T** out, std::string* why) {
    *out = static_cast<T*>(detail::InstancePointer(v, typeid(std::remove_const_t<T>)));
    if (*out != nullptr) return true;
    *why = detail::MismatchBound(v, typeid(std::remove_const_t<T>));
    return false;
  }
};

// A C++ class exposed as a script type, built with chained calls:
//   py.DefineClass<Counter>("Counter")
//       .Init<int64_t>()                       // Counter(start) calls Counter(int64_t)
//       .Method("add", &Counter::Add)          // a member function...
//       .Method("twice", [](Counter& c) { return 2 * c.value(); })  // ...or a lambda on T&
//       .Property("value", &Counter::value);   // read-only; pass a setter for read-write
// Methods receive the object as `T&`; their other parameters convert as a host function's.
// Script code cannot subclass a bound class. Every call is made with the GIL held.
template <typename T>
class Class {
 public:
  template <typename... A>
  Class& Init() {
    AddInit([](Scope& s, const Args& args) -> Ref {
      auto make = [&s](A... a) { return detail::NewInstance(s, typeid(T), std::make_unique<detail::TypedBox<T>>(std::move(a)...)); };
      detail::TypedFunction<decltype(make)> f(make);
      return f.Invoke(s, args);
    });
    return *this;
  }

  template <typename M>
  Class& Method(std::string_view name, M method) {
    AddMethod(name, detail::MakeHostFunction(SelfBinder<M>(std::move(method))));
    return *this;
  }

  template <typename G>
  Class& Property(std::string_view name, G getter) {
    AddProperty(name, detail::MakeHostFunction(SelfBinder<G>(std::move(getter))), nullptr);
    return *this;
  }
  template <typename G, typename S>
  Class& Property(std::string_view name, G getter, S setter) {
    AddProperty(name, detail::MakeHostFunction(SelfBinder<G>(std::move(getter))),
                detail::MakeHostFunction(SelfBinder<S>(std::move(setter))));
    return *this;
  }

 private:
  friend class Interpreter;
  friend class Module;
  explicit Class(detail::HostClass* cls) : cls_(cls) {}

  // Turns a member function or a lambda taking T& into a raw host function that checks self.
  template <typename M>
  struct SelfBinder {
    M m;
    Ref operator()(Scope& s, const Args& args) {
      T* self = args.size() > 0 ? static_cast<T*>(detail::InstancePointer(args[0], typeid(T))) : nullptr;
      if (self == nullptr)
        return detail::RaiseTypeError(s, "descriptor '" + args.function_name() + "' requires a '" +
                                             detail::ClassName(s, typeid(T)) + "' object");
      Args rest = Rest(args);
      if constexpr (std::is_member_function_pointer_v<M>) {
        auto bound = MemberLambda(self, std::make_index_sequence<std::tuple_size_v<typename detail::Signature<M>::Params>>{});
        return detail::TypedFunction<decltype(bound)>(bound).Invoke(s, rest);
      } else if constexpr (std::is_member_object_pointer_v<M>) {
        using Field = typename detail::Plain<decltype(self->*m)>::type;
        if (rest.size() == 0) return Convert<Field>::ToScript(s, self->*m);
        auto assign = [self, this](Field v) { self->*m = std::move(v); };  // a property's setter
        return detail::TypedFunction<decltype(assign)>(assign).Invoke(s, rest);
      } else {
        auto bound = LambdaOnSelf(self, std::make_index_sequence<std::tuple_size_v<typename detail::Signature<M>::Params> - 1>{});
        return detail::TypedFunction<decltype(bound)>(bound).Invoke(s, rest);
      }
    }
    template <std::size_t... I>
    auto MemberLambda(T* self, std::index_sequence<I...>) {
      using P = typename detail::Signature<M>::Params;
      return [this, self](std::tuple_element_t<I, P>... a) { return (self->*m)(std::forward<std::tuple_element_t<I, P>>(a)...); };
    }
    template <std::size_t... I>
    auto LambdaOnSelf(T* self, std::index_sequence<I...>) {
      using P = typename detail::Signature<M>::Params;
      return [this, self](std::tuple_element_t<I + 1, P>... a) { return m(*self, std::forward<std::tuple_element_t<I + 1, P>>(a)...); };
    }
    static Args Rest(const Args& args);
  };

  void AddInit(std::function<Ref(Scope&, const Args&)> init);
  void AddMethod(std::string_view name, std::unique_ptr<detail::HostFunction> fn);
  void AddProperty(std::string_view name, std::unique_ptr<detail::HostFunction> getter,
                   std::unique_ptr<detail::HostFunction> setter);
  detail::HostClass* cls_;
};

namespace detail {
// The non-template side of Class<T> (api/host.cc).
void ClassAddInit(HostClass* cls, std::function<Ref(Scope&, const Args&)> init);
void ClassAddMethod(HostClass* cls, std::string_view name, std::unique_ptr<HostFunction> fn);
void ClassAddProperty(HostClass* cls, std::string_view name, std::unique_ptr<HostFunction> getter,
                      std::unique_ptr<HostFunction> setter);
Args DropFirst(const Args& args);
}  // namespace detail

template <typename T>
void Class<T>::AddInit(std::function<Ref(Scope&, const Args&)> init) { detail::ClassAddInit(cls_, std::move(init)); }
template <typename T>
void Class<T>::AddMethod(std::string_view name, std::unique_ptr<detail::HostFunction> fn) {
  detail::ClassAddMethod(cls_, name, std::move(fn));
}
template <typename T>
void Class<T>::AddProperty(std::string_view name, std::unique_ptr<detail::HostFunction> getter,
                           std::unique_ptr<detail::HostFunction> setter) {
  detail::ClassAddProperty(cls_, name, std::move(getter), std::move(setter));
}
template <typename T>
template <typename M>
Args Class<T>::SelfBinder<M>::Rest(const Args& args) { return detail::DropFirst(args); }

// A host module that scripts import by name: functions, constants and classes.
class Module {
 public:
  template <typename F>
  Module& Function(std::string_view name, F f) {
    AddFunction(name, detail::MakeHostFunction(std::move(f)));
    return *this;
  }
  template <typename T>
  Module& Constant(std::string_view name, const T& value);
  template <typename T>
  Class<T> DefineClass(std::string_view name) {
    return Class<T>(AddClass(name, typeid(T)));
  }

 private:
  friend class Interpreter;
  Module(Interpreter* interp, std::string name) : interp_(interp), name_(std::move(name)) {}
  void AddFunction(std::string_view name, std::unique_ptr<detail::HostFunction> fn);
  void AddConstant(std::string_view name, const std::function<Ref(Scope&)>& make);
  detail::HostClass* AddClass(std::string_view name, std::type_index type);
  Interpreter* interp_;
  std::string name_;
};

// ---------------------------------------------------------------------------------------------
// The interpreter

class Interpreter {
 public:
  // Creates an interpreter: its heap, its built-in modules, an empty __main__. Never fails
  // (memory exhaustion aside, which throws std::bad_alloc like any C++ allocation).
  explicit Interpreter(Options options = {});
  // Stops script threads still running (they never run again, as daemon threads at CPython's
  // exit) and frees everything. No ThreadScope may still be attached, and no call may be in
  // progress on another thread (misuse: aborts with a message).
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs `source` as statements in __main__. `filename` appears in tracebacks; a name that does
  // not start with '<' makes tracebacks show the source lines, as for a file.
  absl::Status Exec(std::string_view source, std::string_view filename = "<string>");
  // Runs a file as __main__ runs a script (sets __file__); a missing file is NotFound.
  absl::Status RunFile(const std::string& path);
  // A console: `lines` are what the user typed at a prompt so far, each ending in "\n". While
  // they are not yet a whole statement (an open bracket, a `def` or `if` not ended by a blank
  // line) nothing runs and the result is false: show a continuation prompt and call again with
  // one more line. Otherwise the statement runs in __main__ as CPython's REPL runs it (an
  // expression's value is echoed to on_stdout, and kept in `_`) and the result is true, or the
  // exception's Status (a SyntaxError at once, when a line cannot be valid).
  absl::StatusOr<bool> ExecInteractive(std::string_view lines);
  // Evaluates one expression in __main__'s namespace.
  template <typename T = Object>
  absl::StatusOr<T> Eval(std::string_view expression);
  // Reads and writes a global of __main__. Get of an unbound name is NotFound.
  template <typename T = Object>
  absl::StatusOr<T> Get(std::string_view name);
  template <typename T>
  absl::Status Set(std::string_view name, const T& value);
  // Calls the global function `name` of __main__ with C++ arguments.
  template <typename R = Object, typename... A>
  absl::StatusOr<R> Call(std::string_view name, const A&... args);

  // Runs `fn` with this thread's scope (the GIL held), for work with Refs: building values,
  // several calls without a handle each. Fails if the thread cannot enter (see the rules).
  absl::Status WithScope(const std::function<absl::Status(Scope&)>& fn);

  // Makes a host function callable from every module as a built-in, like len().
  template <typename F>
  void Define(std::string_view name, F f) {
    DefineBuiltin(name, detail::MakeHostFunction(std::move(f)));
  }
  // A host module, imported by `import name`; add functions, constants and classes to it.
  Module DefineModule(std::string_view name);
  // A bound class, available to every module as a built-in name.
  template <typename T>
  Class<T> DefineClass(std::string_view name) {
    return Class<T>(DefineBuiltinClass(name, typeid(T)));
  }

  // Stops the script code running for host calls at their next safe point (any thread may call
  // it, at any time): each such call fails with kCancelled, its script having seen
  // KeyboardInterrupt, which `except Exception` does not catch. A thread blocked in sleep, a
  // lock or IO is woken for it. Does nothing when no call is running.
  void Interrupt();

  // GIL statistics since the interpreter started: the table `gilvm --gil-stats` prints, and the
  // JSON of `--gil-stats-json` (schema: tests/gil/gil-stats.schema.json).
  std::string GilStatsTable();
  std::string GilStatsJson();

  // The heap's live object count after a full collection (for tests and leak checks).
  size_t CollectGarbage();

 private:
  friend class ThreadScope;
  friend class Object;
  friend class Module;
  friend struct detail::ScopeImpl;
  void DefineBuiltin(std::string_view name, std::unique_ptr<detail::HostFunction> fn);
  detail::HostClass* DefineBuiltinClass(std::string_view name, std::type_index type);
  std::shared_ptr<detail::Core> core_;
};

// Attaches the calling host thread to an interpreter for its scope, so that its calls reuse one
// thread state instead of making one per call. The GIL is not held between calls: script
// threads and other host threads run meanwhile. Must end before the interpreter is destroyed.
class ThreadScope {
 public:
  explicit ThreadScope(Interpreter& interp);
  ~ThreadScope();
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;

 private:
  std::shared_ptr<detail::Core> core_;
  void* attachment_;
};

// Inside a host function: releases the GIL for its scope and takes it back at the end, as the
// standard library does around blocking IO. Script threads run meanwhile; the host code must
// not touch a Ref or the Scope until the guard ends.
class GilReleaseGuard {
 public:
  explicit GilReleaseGuard(Scope& scope);
  ~GilReleaseGuard();
  GilReleaseGuard(const GilReleaseGuard&) = delete;
  GilReleaseGuard& operator=(const GilReleaseGuard&) = delete;

 private:
  detail::ScopeImpl* scope_;
  void* guard_;  // the VM's own guard (vm/thread_state.h), which the standard library uses
};

// ---------------------------------------------------------------------------------------------
// Template definitions

namespace detail {
// Runs `fn` in a scope of `core` on this thread (entering the interpreter if needed).
absl::Status RunInScope(const std::shared_ptr<Core>& core, const std::function<absl::Status(Scope&)>& fn);
absl::StatusOr<Ref> MainGlobal(Scope& s, std::string_view name);
absl::Status SetMainGlobal(Scope& s, std::string_view name, Ref value);
absl::StatusOr<Ref> EvalIn(Scope& s, std::string_view expression);

template <typename T>
absl::StatusOr<T> FromRef(Ref v) {
  if constexpr (std::is_same_v<T, Object>) {
    return v.Keep();
  } else {
    T out{};
    std::string why;
    if (!Convert<T>::FromScript(v, &out, &why)) return absl::InvalidArgumentError("value" + why);
    return out;
  }
}

template <typename T>
absl::StatusOr<T> InScope(const std::shared_ptr<Core>& core, const std::function<absl::StatusOr<Ref>(Scope&)>& fn) {
  absl::StatusOr<T> result = absl::UnknownError("gilvm: no result");
  absl::Status st = RunInScope(core, [&](Scope& s) -> absl::Status {
    absl::StatusOr<Ref> r = fn(s);
    if (!r.ok()) return r.status();
    result = FromRef<T>(*r);
    return absl::OkStatus();
  });
  if (!st.ok()) return st;
  return result;
}

template <typename... A>
std::vector<Ref> ArgsToScript(Scope& s, const A&... args) {
  return {Convert<typename Plain<A>::type>::ToScript(s, args)...};
}
}  // namespace detail

template <typename T>
absl::StatusOr<T> Interpreter::Eval(std::string_view expression) {
  return detail::InScope<T>(core_, [&](Scope& s) { return detail::EvalIn(s, expression); });
}

template <typename T>
absl::StatusOr<T> Interpreter::Get(std::string_view name) {
  return detail::InScope<T>(core_, [&](Scope& s) { return detail::MainGlobal(s, name); });
}

template <typename T>
absl::Status Interpreter::Set(std::string_view name, const T& value) {
  return detail::RunInScope(core_, [&](Scope& s) -> absl::Status {
    Ref v = Convert<typename detail::Plain<T>::type>::ToScript(s, value);
    if (s.failed()) return s.TakeError();
    return detail::SetMainGlobal(s, name, v);
  });
}

template <typename R, typename... A>
absl::StatusOr<R> Interpreter::Call(std::string_view name, const A&... args) {
  return detail::InScope<R>(core_, [&](Scope& s) -> absl::StatusOr<Ref> {
    absl::StatusOr<Ref> fn = detail::MainGlobal(s, name);
    if (!fn.ok()) return fn.status();
    std::vector<Ref> argv = detail::ArgsToScript(s, args...);
    if (s.failed()) return s.TakeError();
    return s.Call(*fn, argv);
  });
}

template <typename T>
absl::StatusOr<T> Object::as() const {
  return detail::InScope<T>(core_, [&](Scope& s) { return s.Get(*this); });
}

template <typename R, typename... A>
absl::StatusOr<R> Object::Call(const A&... args) const {
  return detail::InScope<R>(core_, [&](Scope& s) -> absl::StatusOr<Ref> {
    absl::StatusOr<Ref> self = s.Get(*this);
    if (!self.ok()) return self.status();
    std::vector<Ref> argv = detail::ArgsToScript(s, args...);
    if (s.failed()) return s.TakeError();
    return s.Call(*self, argv);
  });
}

template <typename R, typename... A>
absl::StatusOr<R> Object::CallMethod(std::string_view name, const A&... args) const {
  return detail::InScope<R>(core_, [&](Scope& s) -> absl::StatusOr<Ref> {
    absl::StatusOr<Ref> self = s.Get(*this);
    if (!self.ok()) return self.status();
    absl::StatusOr<Ref> method = s.GetAttr(*self, name);
    if (!method.ok()) return method.status();
    std::vector<Ref> argv = detail::ArgsToScript(s, args...);
    if (s.failed()) return s.TakeError();
    return s.Call(*method, argv);
  });
}

template <typename R>
absl::StatusOr<R> Object::Attr(std::string_view name) const {
  return detail::InScope<R>(core_, [&](Scope& s) -> absl::StatusOr<Ref> {
    absl::StatusOr<Ref> self = s.Get(*this);
    if (!self.ok()) return self.status();
    return s.GetAttr(*self, name);
  });
}

template <typename T>
absl::Status Object::SetAttr(std::string_view name, const T& value) const {
  return detail::RunInScope(core_, [&](Scope& s) -> absl::Status {
    absl::StatusOr<Ref> self = s.Get(*this);
    if (!self.ok()) return self.status();
    Ref v = Convert<typename detail::Plain<T>::type>::ToScript(s, value);
    if (s.failed()) return s.TakeError();
    return s.SetAttr(*self, name, v);
  });
}

template <typename T>
Module& Module::Constant(std::string_view name, const T& value) {
  AddConstant(name, [&value](Scope& s) { return Convert<typename detail::Plain<T>::type>::ToScript(s, value); });
  return *this;
}

}  // namespace gilvm
