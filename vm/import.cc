// The import system (see vm/import.h for the invariants): resolving relative names, finding a
// module on sys.path or a package's __path__, loading source files and packages, and the
// fromlist handling of __import__, all with CPython 3.11's observable behaviour and messages.
#include "vm/import.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "compiler/compiler.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/sandbox.h"
#include "vm/str.h"
#include "vm/tuple.h"

namespace gilvm::vm {

Value BuiltinImport(ThreadState& ts, const CallArgs& a);

namespace {

// Modules CPython finds before sys.path (built in, frozen, or imported before the script
// starts), so that a script's file of the same name never shadows them.
constexpr std::string_view kCoreModules[] = {
    "builtins", "sys", "_thread", "time", "errno", "posix", "itertools", "io", "_io", "os",
    "posixpath", "abc", "stat", "codecs", "importlib", "_structseq",
};
constexpr std::string_view kStdlibEntry = "<stdlib>";
// gilvm's embedded modules that are packages (a directory) in CPython's standard library.
constexpr std::string_view kStdlibPackages[] = {"json", "collections", "concurrent", "multiprocessing", "re",
                                                "importlib", "email", "http", "urllib", "xml", "logging"};

StrObject* Name(ThreadState& ts, std::string_view s) { return Intern(ts.interp, s); }

constexpr std::string_view kSpecType = "ModuleSpec";
constexpr std::string_view kLoaderType = "SourceFileLoader";

// The ModuleSpec and loader classes InitImportSystem made; they are among the interpreter's
// extra types (its roots), found by name so that the Interpreter needs no field of ours.
TypeObject* ImportType(Interpreter& in, std::string_view name) {
  for (TypeObject* t : in.extra_types)
    if (t->name == name && t->module.starts_with("_frozen_importlib")) return t;
  return nullptr;
}

bool IsCore(std::string_view name) {
  for (std::string_view c : kCoreModules)
    if (c == name) return true;
  return false;
}

bool IsEmbedded(Interpreter& in, const std::string& name) {
  return in.native_modules.contains(name) || in.frozen_modules.contains(name) || in.host_modules.contains(name);
}

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string Cwd() {
  std::string buf(4096, '\0');
  if (getcwd(buf.data(), buf.size()) == nullptr) return ".";
  return buf.c_str();
}

// A sys.path entry as the directory CPython's FileFinder would search: '' is the current
// directory, a relative entry is joined to it (not normalised, as CPython does not).
std::string EntryDir(std::string_view entry) {
  if (entry.empty() || entry == ".") return Cwd();
  if (entry.front() == '/') return std::string(entry);
  return Cwd() + "/" + std::string(entry);
}

// os.path.abspath: `path` joined to the current directory, with ".", ".." and repeated
// slashes resolved lexically (CPython's sys.path holds PYTHONPATH entries this way).
std::string AbsPath(std::string_view path) {
  std::string full = !path.empty() && path.front() == '/' ? std::string(path) : Cwd() + "/" + std::string(path);
  std::vector<std::string> parts;
  std::vector<std::string> pieces = absl::StrSplit(full, '/', absl::SkipEmpty());
  for (const std::string& part : pieces) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (const std::string& part : parts) out += "/" + part;
  return out.empty() ? "/" : out;
}

std::string JoinPath(const std::string& dir, std::string_view name) {
  if (!dir.empty() && dir.back() == '/') return dir + std::string(name);
  return dir + "/" + std::string(name);
}

Value RaiseModuleNotFound(ThreadState& ts, std::string_view msg, std::string_view name) {
  StrObject* key = Name(ts, "name");
  Root value(ts, NewStrValue(ts, name));
  Raise(ts, ts.interp.exc.ModuleNotFoundError, msg);
  DictSetStr(ts.exc->dict, key, value.get());
  return Value::Null();
}

// `name` is not embedded and the sandbox kept the search out of sys.path's directories: a
// ModuleNotFoundError (so `except ImportError` fallbacks still work) in the sandbox's words.
Value RaiseSandboxedImport(ThreadState& ts, std::string_view name) {
  std::string op = absl::StrCat("importing ", StrRepr(name), " from sys.path");
  return RaiseModuleNotFound(ts, SandboxDenial(SandboxAccess::kFiles, op), name);
}

// Raises ImportError(msg) with its name and path attributes (None when not given).
Value RaiseImportError(ThreadState& ts, std::string_view msg, Value name, Value path) {
  Root n(ts, name), p(ts, path);
  Raise(ts, ts.interp.exc.ImportError, msg);
  DictSetStr(ts.exc->dict, Name(ts, "name"), n.get().is_null() ? Value::None() : n.get());
  DictSetStr(ts.exc->dict, Name(ts, "path"), p.get().is_null() ? Value::None() : p.get());
  return Value::Null();
}

// Where a module was found.
struct Found {
  enum Kind { kNone, kEmbedded, kSource, kPackage, kNamespace } kind = kNone;
  std::string file;                // the .py file (kSource, kPackage)
  std::vector<std::string> paths;  // __path__ (kPackage: its directory; kNamespace: the portions)
  bool sandboxed = false;          // directories were skipped: the sandbox denies file access
};

// The error for a module `f` did not find.
Value RaiseNotFound(ThreadState& ts, const Found& f, std::string_view name) {
  if (f.sandboxed) return RaiseSandboxedImport(ts, name);
  return RaiseModuleNotFound(ts, absl::StrCat("No module named ", StrRepr(name)), name);
}

// The str entries of a list (sys.path or a package's __path__).
std::vector<std::string> StrEntries(Value list) {
  std::vector<std::string> out;
  if (!IsList(list)) return out;
  for (Value v : As<ListObject>(list)->items)
    if (IsStr(v)) out.push_back(As<StrObject>(v)->str());
  return out;
}

// Searches `entries` for `last` (the final component of `full`), as CPython's PathFinder: per
// entry a package directory with __init__.py, then a module file; directories without
// __init__.py are remembered as portions of a namespace package, used if nothing else matches.
// In a sandbox without file access directories are not even probed (whether a file exists is
// itself information about the host): only the embedded modules can be found.
Found FindInEntries(Interpreter& in, const std::string& full, std::string_view last,
                    const std::vector<std::string>& entries, bool top_level) {
  Found f;
  bool saw_stdlib = false;
  std::vector<std::string> portions;
  for (const std::string& entry : entries) {
    if (top_level && entry == kStdlibEntry) {
      saw_stdlib = true;
      if (IsEmbedded(in, full)) return Found{Found::kEmbedded, {}, {}};
      continue;
    }
    if (!SandboxPermits(in, SandboxAccess::kFiles)) {
      f.sandboxed = true;
      continue;
    }
    std::string dir = EntryDir(entry);
    std::string pkg = JoinPath(dir, last);
    if (IsDir(pkg) && IsFile(JoinPath(pkg, "__init__.py"))) return Found{Found::kPackage, JoinPath(pkg, "__init__.py"), {pkg}};
    std::string file = absl::StrCat(pkg, ".py");
    if (IsFile(file)) return Found{Found::kSource, file, {}};
    if (IsDir(pkg)) portions.push_back(pkg);
  }
  if (!portions.empty()) return Found{Found::kNamespace, {}, std::move(portions)};
  // A script that rebuilt sys.path without "<stdlib>" still reaches the standard library.
  if (top_level && !saw_stdlib && IsEmbedded(in, full)) return Found{Found::kEmbedded, {}, {}};
  return f;
}

Value SysAttr(ThreadState& ts, std::string_view name) {
  if (ts.interp.sys_module == nullptr) return Value::Null();
  return DictGetStr(ts.interp.sys_module->dict, Name(ts, name));
}

// Reads a whole file; false if it cannot be read.
bool ReadSource(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Reads a source file, remembers it for tracebacks and compiles it as a module body. Null with
// *unreadable set when the file cannot be read (each caller raises its own error), or with the
// SyntaxError pending.
CodeObject* CompileFile(ThreadState& ts, const std::string& path, bool* unreadable) {
  std::string source;
  *unreadable = false;
  if (!SandboxAllows(ts, SandboxAccess::kFiles, absl::StrCat("loading ", path))) return nullptr;
  *unreadable = !ReadSource(path, &source);
  if (*unreadable) return nullptr;
  ts.interp.RememberSource(path, source);
  return compiler::CompileSource(ts, source, path, compiler::ParseMode::kFile);
}

// A ModuleSpec for a module found at `origin` (empty: none), CPython's attributes included.
Value NewSpec(ThreadState& ts, StrObject* name, const Found& f) {
  Interpreter& in = ts.interp;
  RootedPtr<DictObject> d(ts, NewDict(ts));
  DictSetStr(d.get(), Name(ts, "name"), Value::Obj(name));
  RootedPtr<DictObject> ld(ts, NewDict(ts));
  Root loader(ts, Value::Obj(in.heap.New<InstanceObject>(ImportType(in, kLoaderType), ld.get())));
  DictSetStr(ld.get(), Name(ts, "name"), Value::Obj(name));
  DictSetStr(d.get(), Name(ts, "loader"), f.kind == Found::kNamespace ? Value::None() : loader.get());
  Root origin(ts, f.file.empty() ? Value::None() : NewStrValue(ts, f.file));
  if (!f.file.empty()) DictSetStr(ld.get(), Name(ts, "path"), origin.get());
  DictSetStr(d.get(), Name(ts, "origin"), origin.get());
  DictSetStr(d.get(), Name(ts, "loader_state"), Value::None());
  Root locations(ts, Value::None());
  if (f.kind == Found::kPackage || f.kind == Found::kNamespace) {
    locations.set(Value::Obj(NewList(ts)));
    for (const std::string& p : f.paths) As<ListObject>(locations.get())->items.push_back(NewStrValue(ts, p));
  }
  DictSetStr(d.get(), Name(ts, "submodule_search_locations"), locations.get());
  DictSetStr(d.get(), Name(ts, "cached"), Value::None());
  std::string_view full = name->view();
  bool package = f.kind == Found::kPackage || f.kind == Found::kNamespace;
  size_t dot = full.rfind('.');
  std::string_view parent = package ? full : (dot == std::string_view::npos ? "" : full.substr(0, dot));
  StrObject* parent_key = Name(ts, "parent");
  DictSetStr(d.get(), parent_key, NewStrValue(ts, parent));
  DictSetStr(d.get(), Name(ts, "has_location"), Value::Bool(!f.file.empty() && f.file != "built-in"));
  DictSetStr(d.get(), Name(ts, "_initializing"), Value::Bool(false));
  return Value::Obj(in.heap.New<InstanceObject>(ImportType(in, kSpecType), d.get()));
}

// The pyc path CPython would use for `file` (gilvm writes none; __cached__ only names it).
std::string CachedPath(const std::string& file) {
  size_t slash = file.rfind('/');
  std::string dir = file.substr(0, slash + 1);
  std::string stem = file.substr(slash + 1, file.size() - slash - 4);
  return absl::StrCat(dir, "__pycache__/", stem, ".cpython-311.pyc");
}

// A new module for `f`, its attributes in CPython's order.
ModuleObject* NewFoundModule(ThreadState& ts, StrObject* name, const Found& f, Value spec) {
  Interpreter& in = ts.interp;
  Root spec_root(ts, spec);
  RootedPtr<DictObject> g(ts, NewDict(ts));
  DictSetStr(g.get(), in.names.__name__, Value::Obj(name));
  DictSetStr(g.get(), in.names.__doc__, Value::None());
  DictSetStr(g.get(), Name(ts, "__package__"), GetAttr(ts, spec, Name(ts, "parent")));
  DictSetStr(g.get(), Name(ts, "__loader__"), GetAttr(ts, spec, Name(ts, "loader")));
  DictSetStr(g.get(), Name(ts, "__spec__"), spec);
  if (f.kind == Found::kPackage || f.kind == Found::kNamespace)
    DictSetStr(g.get(), Name(ts, "__path__"), GetAttr(ts, spec, Name(ts, "submodule_search_locations")));
  if (!f.file.empty()) {
    DictSetStr(g.get(), in.names.__file__, NewStrValue(ts, f.file));
    Root cached(ts, NewStrValue(ts, CachedPath(f.file)));
    DictSetStr(g.get(), Name(ts, "__cached__"), cached.get());
    InstanceSet(ts, As<InstanceObject>(spec), Name(ts, "cached"), cached.get());
  } else {
    DictSetStr(g.get(), in.names.__file__, Value::None());
  }
  if (f.kind != Found::kNamespace) DictSetStr(g.get(), in.names.__builtins__, Value::Obj(in.builtins));
  return in.heap.New<ModuleObject>(in.types.module, g.get(), name->str());
}

void SetInitializing(ThreadState& ts, Value spec, bool on) {
  if (IsObjectOfKind(spec, Kind::kInstance))
    InstanceSet(ts, As<InstanceObject>(spec), Name(ts, "_initializing"), Value::Bool(on));
}

// Runs `code` as the body of `module` (already in sys.modules); on failure the module leaves
// sys.modules again. Returns sys.modules[name] (a module may replace itself there).
Value ExecModuleBody(ThreadState& ts, StrObject* name, CodeObject* code, ModuleObject* module) {
  Interpreter& in = ts.interp;
  RootedPtr<ModuleObject> m(ts, module);
  Root spec(ts, DictGetStr(module->dict, Name(ts, "__spec__")));
  SetInitializing(ts, spec.get(), true);
  Value r = EvalCode(ts, code, module->dict, module->dict);
  SetInitializing(ts, spec.get(), false);
  if (r.is_null()) {
    RootedPtr<ExceptionObject> exc(ts, FetchException(ts));
    DictDelStr(in.modules, name);
    RaiseObject(ts, exc.get());
    return Value::Null();
  }
  Value now = DictGetStr(in.modules, name);
  if (now.is_null())
    return RaiseImportError(ts, absl::StrCat("module ", StrRepr(name->view()), " not in sys.modules"), Value::Obj(name), Value::Null());
  return now;
}

// Loads a source module or package found at `f` into sys.modules.
Value LoadFound(ThreadState& ts, StrObject* name, const Found& f) {
  Interpreter& in = ts.interp;
  Root code(ts);
  if (f.kind != Found::kNamespace) {
    bool unreadable;
    CodeObject* c = CompileFile(ts, f.file, &unreadable);
    if (unreadable)
      return RaiseImportError(ts, absl::StrCat("cannot read ", f.file), Value::Obj(name), Value::Null());
    if (c == nullptr) return Value::Null();
    code.set(Value::Obj(c));
  }
  Root spec(ts, NewSpec(ts, name, f));
  RootedPtr<ModuleObject> module(ts, NewFoundModule(ts, name, f, spec.get()));
  DictSetStr(in.modules, name, Value::Obj(module.get()));
  if (f.kind == Found::kNamespace) return Value::Obj(module.get());
  return ExecModuleBody(ts, name, code.as<CodeObject>(), module.get());
}

// Gives an embedded module the __spec__ and __package__ every imported module has (its origin
// is its "<stdlib>/..." file for a frozen module, "built-in" for a native one).
void AddEmbeddedSpec(ThreadState& ts, StrObject* name, ModuleObject* mod) {
  if (!DictGetStr(mod->dict, Name(ts, "__spec__")).is_null()) return;
  RootedPtr<ModuleObject> m(ts, mod);
  Value file = DictGetStr(mod->dict, ts.interp.names.__file__);
  Found f{Found::kEmbedded, IsStr(file) ? As<StrObject>(file)->str() : "built-in", {}};
  Root spec(ts, NewSpec(ts, name, f));
  // Modules that are packages in CPython's standard library are their own __package__.
  for (std::string_view pkg : kStdlibPackages) {
    if (pkg != name->view()) continue;
    StrObject* parent_key = Name(ts, "parent");
    InstanceSet(ts, As<InstanceObject>(spec.get()), parent_key, Value::Obj(name));
  }
  StrObject* spec_key = Name(ts, "__spec__");
  StrObject* package_key = Name(ts, "__package__");
  DictSetStr(m->dict, spec_key, spec.get());
  if (DictGetStr(m->dict, package_key).is_null())
    DictSetStr(m->dict, package_key, InstanceGet(As<InstanceObject>(spec.get()), Name(ts, "parent")));
}

// A native or frozen module of the embedded standard library, into sys.modules.
Value LoadEmbedded(ThreadState& ts, StrObject* name) {
  Interpreter& in = ts.interp;
  if (auto host = in.host_modules.find(name->str()); host != in.host_modules.end()) {
    DictSetStr(in.modules, name, Value::Obj(host->second));
    return Value::Obj(host->second);
  }
  auto it = in.native_modules.find(name->str());
  ModuleObject* mod = it == in.native_modules.end() ? in.ImportFrozen(ts, name) : it->second(ts);
  if (mod == nullptr) return Value::Null();
  RootedPtr<ModuleObject> root(ts, mod);
  if (it != in.native_modules.end()) DictSetStr(in.modules, name, Value::Obj(mod));
  AddEmbeddedSpec(ts, name, mod);
  // A frozen module may have replaced itself in sys.modules.
  Value now = DictGetStr(in.modules, name);
  return now.is_null() ? Value::Obj(mod) : now;
}

// Finds and loads `name` (not in sys.modules); its parent, if any, is `parent` (loaded).
Value FindAndLoadOne(ThreadState& ts, StrObject* name, Value parent) {
  Interpreter& in = ts.interp;
  const std::string& full = name->str();
  size_t dot = full.rfind('.');
  if (dot == std::string::npos) {
    if (IsCore(full) && IsEmbedded(in, full)) return LoadEmbedded(ts, name);
    Found f = FindInEntries(in, full, full, StrEntries(SysAttr(ts, "path")), true);
    if (f.kind == Found::kEmbedded) return LoadEmbedded(ts, name);
    if (f.kind == Found::kNone) return RaiseNotFound(ts, f, full);
    return LoadFound(ts, name, f);
  }
  std::string parent_name = full.substr(0, dot);
  Value path = IsObjectOfKind(parent, Kind::kModule) ? DictGetStr(As<ModuleObject>(parent)->dict, Name(ts, "__path__"))
                                                     : GetAttrOrNull(ts, parent, Name(ts, "__path__"));
  if (path.is_null() && ts.exc != nullptr) return Value::Null();
  if (path.is_null()) {
    // Embedded modules are not packages, but register submodules of their own (os.path).
    if (IsEmbedded(in, full)) return LoadEmbedded(ts, name);
    return RaiseModuleNotFound(ts, absl::StrCat("No module named ", StrRepr(full), "; ", StrRepr(parent_name), " is not a package"), full);
  }
  Found f = FindInEntries(in, full, std::string_view(full).substr(dot + 1), StrEntries(path), false);
  if (f.kind == Found::kNone) return RaiseNotFound(ts, f, full);
  return LoadFound(ts, name, f);
}

Value RaiseNoneInModules(ThreadState& ts, const std::string& name) {
  return RaiseModuleNotFound(ts, absl::StrCat("import of ", name, " halted; None in sys.modules"), name);
}

// CPython's _gcd_import: the module named by the absolute dotted `full`, importing each parent
// first and binding each new submodule as an attribute of its parent.
Value ImportAbsolute(ThreadState& ts, std::string_view full) {
  Interpreter& in = ts.interp;
  StrObject* name = Name(ts, full);
  Value cached = DictGetStr(in.modules, name);
  if (!cached.is_null()) return cached.is_none() ? RaiseNoneInModules(ts, name->str()) : cached;
  Root parent(ts);
  size_t dot = full.rfind('.');
  if (dot != std::string_view::npos) {
    parent.set(ImportAbsolute(ts, full.substr(0, dot)));
    if (parent.get().is_null()) return Value::Null();
    cached = DictGetStr(in.modules, name);  // importing the parent may have imported this too
    if (!cached.is_null()) return cached.is_none() ? RaiseNoneInModules(ts, name->str()) : cached;
  }
  Root module(ts, FindAndLoadOne(ts, name, parent.get()));
  if (module.get().is_null()) return Value::Null();
  if (dot != std::string_view::npos) {
    // The parent as sys.modules now has it (its body may have replaced it).
    Value p = DictGetStr(in.modules, Name(ts, full.substr(0, dot)));
    if (!p.is_null()) parent.set(p);
    if (!SetAttr(ts, parent.get(), Name(ts, full.substr(dot + 1)), module.get())) return Value::Null();
  }
  return module.get();
}

bool HasAttr(ThreadState& ts, Value obj, StrObject* name, bool* has) {
  Value v = GetAttrOrNull(ts, obj, name);
  if (v.is_null() && ts.exc != nullptr) return false;
  *has = !v.is_null();
  return true;
}

// CPython's _calc___package__: the package a relative import in `globals` is relative to.
bool PackageOf(ThreadState& ts, DictObject* globals, std::string* out) {
  Interpreter& in = ts.interp;
  Value package = globals == nullptr ? Value::Null() : DictGetStr(globals, Name(ts, "__package__"));
  Value spec = globals == nullptr ? Value::Null() : DictGetStr(globals, Name(ts, "__spec__"));
  if (!package.is_null() && !package.is_none()) {
    if (!IsStr(package)) {
      RaiseTypeError(ts, "package must be a string");
      return false;
    }
    *out = As<StrObject>(package)->view();
    return true;
  }
  if (!spec.is_null() && !spec.is_none()) {
    Value parent = GetAttr(ts, spec, Name(ts, "parent"));
    if (parent.is_null()) return false;
    if (!IsStr(parent)) {
      RaiseTypeError(ts, "package must be a string");
      return false;
    }
    *out = As<StrObject>(parent)->view();
    return true;
  }
  Value name = globals == nullptr ? Value::Null() : DictGetStr(globals, in.names.__name__);
  if (name.is_null()) {
    RaiseKeyError(ts, NewStrValue(ts, "'__name__' not in globals"));
    return false;
  }
  if (!IsStr(name)) {
    RaiseTypeError(ts, "package must be a string");
    return false;
  }
  std::string n = As<StrObject>(name)->str();
  if (DictGetStr(globals, Name(ts, "__path__")).is_null()) {
    size_t dot = n.rfind('.');
    n = dot == std::string::npos ? "" : n.substr(0, dot);
  }
  *out = std::move(n);
  return true;
}

// The absolute name of `name` imported with `level` leading dots from `package`.
bool ResolveRelative(ThreadState& ts, std::string_view name, const std::string& package, int64_t level,
                     std::string* out) {
  if (package.empty()) {
    RaiseImportError(ts, "attempted relative import with no known parent package", Value::Null(), Value::Null());
    return false;
  }
  std::string_view base = package;
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string_view::npos) {
      RaiseImportError(ts, "attempted relative import beyond top-level package", Value::Null(), Value::Null());
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = name.empty() ? std::string(base) : std::string(base) + "." + std::string(name);
  return true;
}

// CPython's _handle_fromlist: for a package, imports each fromlist entry that is not already an
// attribute as a submodule ('*' expands to __all__), ignoring the ones that do not exist.
bool HandleFromlist(ThreadState& ts, Value module, Value fromlist, bool recursive) {
  Root mod(ts, module);
  RootedVector items(ts);
  Root iter(ts, GetIter(ts, fromlist));
  if (iter.get().is_null()) return false;
  for (;;) {
    Value x;
    int r = IterNext(ts, iter.get(), &x);
    if (r < 0) return false;
    if (r == 0) break;
    items.push_back(x);
  }
  Value modname_v = GetAttr(ts, mod.get(), ts.interp.names.__name__);
  if (modname_v.is_null()) return false;
  Root modname(ts, modname_v);
  for (size_t i = 0; i < items.size(); ++i) {
    Value x = items[i];
    if (!IsStr(x)) {
      std::string where = recursive ? absl::StrCat(As<StrObject>(modname.get())->str(), ".__all__") : "``from list''";
      RaiseTypeError(ts, absl::StrCat("Item in ", where, " must be str, not ", TypeName(ts, x)));
      return false;
    }
    StrObject* s = As<StrObject>(x);
    if (s->view() == "*") {
      if (recursive) continue;
      Value all = GetAttrOrNull(ts, mod.get(), Name(ts, "__all__"));
      if (all.is_null() && ts.exc != nullptr) return false;
      if (!all.is_null() && !HandleFromlist(ts, mod.get(), all, true)) return false;
      continue;
    }
    bool has = false;
    if (!HasAttr(ts, mod.get(), s, &has)) return false;
    if (has || !IsStr(modname.get())) continue;
    std::string from_name = absl::StrCat(As<StrObject>(modname.get())->str(), ".", s->str());
    if (!ImportAbsolute(ts, from_name).is_null()) continue;
    if (!ts.exc->type->IsSubtypeOf(ts.interp.exc.ModuleNotFoundError)) return false;
    Value exc_name = DictGetStr(ts.exc->dict, Name(ts, "name"));
    bool same = IsStr(exc_name) && As<StrObject>(exc_name)->view() == from_name;
    Value entry = DictGetStr(ts.interp.modules, Name(ts, from_name));
    if (same && !(!entry.is_null() && entry.is_none())) {
      ClearException(ts);
      continue;
    }
    return false;
  }
  return true;
}

bool IsEmptyFromlist(Value fromlist) {
  if (fromlist.is_null() || fromlist.is_none()) return true;
  if (IsTuple(fromlist)) return As<TupleObject>(fromlist)->size() == 0;
  if (IsList(fromlist)) return As<ListObject>(fromlist)->items.empty();
  return false;
}

// __import__(name, globals, locals, fromlist, level) with the built-in machinery.
Value DoImport(ThreadState& ts, StrObject* name, DictObject* globals, Value fromlist, int64_t level) {
  Interpreter& in = ts.interp;
  if (level < 0) return RaiseValueError(ts, "level must be >= 0");
  std::string full = name->str();
  if (level > 0) {
    std::string package;
    if (!PackageOf(ts, globals, &package) || !ResolveRelative(ts, name->view(), package, level, &full)) return Value::Null();
  } else if (full.empty()) {
    return RaiseValueError(ts, "Empty module name");
  }
  Root module(ts, ImportAbsolute(ts, full));
  if (module.get().is_null()) return Value::Null();
  if (IsEmptyFromlist(fromlist)) {
    if (level == 0) {
      size_t dot = full.find('.');
      if (dot == std::string::npos) return module.get();
      return ImportAbsolute(ts, std::string_view(full).substr(0, dot));
    }
    if (name->view().empty()) return module.get();
    // `from . import` never gets here; this is __import__('.a.b', level=1) returning the top.
    size_t cut = name->view().size() - name->view().substr(0, name->view().find('.')).size();
    Value v = DictGetStr(in.modules, Name(ts, std::string_view(full).substr(0, full.size() - cut)));
    if (v.is_null()) return RaiseKeyError(ts, NewStrValue(ts, full.substr(0, full.size() - cut)));
    return v;
  }
  bool has_path = false;
  if (!HasAttr(ts, module.get(), Name(ts, "__path__"), &has_path)) return Value::Null();
  if (has_path && !HandleFromlist(ts, module.get(), fromlist, false)) return Value::Null();
  return module.get();
}

bool IsBuiltinImport(Value f) {
  return IsObjectOfKind(f, Kind::kNative) && As<NativeObject>(f)->fn == BuiltinImport;
}

// ---- importlib ---------------------------------------------------------------------------

Value ImportModuleFn(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, a, Params{"import_module", {"name", "package"}, 1}, args)) return Value::Null();
  if (!IsStr(args[0])) return RaiseTypeError(ts, "module name must be str, not " + TypeName(ts, args[0]));
  std::string_view name = As<StrObject>(args[0])->view();
  size_t level = 0;
  while (level < name.size() && name[level] == '.') ++level;
  std::string full(name);
  if (level > 0) {
    if (args[1].is_null() || args[1].is_none() || !IsStr(args[1]))
      return RaiseTypeError(ts, absl::StrCat("the 'package' argument is required to perform a relative import for ", StrRepr(name)));
    if (!ResolveRelative(ts, name.substr(level), As<StrObject>(args[1])->str(), static_cast<int64_t>(level), &full))
      return Value::Null();
  } else if (full.empty()) {
    return RaiseValueError(ts, "Empty module name");
  }
  return ImportAbsolute(ts, full);
}

// importlib.reload: runs a source module's file again in the same module object.
Value ReloadFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "reload", 1, 1)) return Value::Null();
  Value m = a.argv[0];
  if (!IsObjectOfKind(m, Kind::kModule)) return RaiseTypeError(ts, "reload() argument must be a module");
  ModuleObject* module = As<ModuleObject>(m);
  Value name_v = DictGetStr(module->dict, ts.interp.names.__name__);
  if (!IsStr(name_v)) return RaiseTypeError(ts, "reload() argument must be a module");
  StrObject* name = As<StrObject>(name_v);
  if (!DictGetStr(ts.interp.modules, name).Is(m))
    return RaiseImportError(ts, absl::StrCat("module ", name->str(), " not in sys.modules"), name_v, Value::Null());
  Value file = DictGetStr(module->dict, ts.interp.names.__file__);
  if (!IsStr(file) || As<StrObject>(file)->view().starts_with("<")) return m;  // embedded: nothing to re-read
  bool unreadable;
  CodeObject* code = CompileFile(ts, As<StrObject>(file)->str(), &unreadable);
  if (unreadable)
    return RaiseModuleNotFound(ts, absl::StrCat("No module named ", StrRepr(name->view())), name->view());
  if (code == nullptr) return Value::Null();
  Root code_root(ts, Value::Obj(code));
  Root keep(ts, m);
  if (EvalCode(ts, code, module->dict, module->dict).is_null()) return Value::Null();
  Value now = DictGetStr(ts.interp.modules, name);
  return now.is_null() ? keep.get() : now;
}

Value InvalidateCachesFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "invalidate_caches", 0, 0)) return Value::Null();
  return Value::None();
}

ModuleObject* MakeImportlib(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "importlib"));
  AddFunctions(ts.interp, m->dict,
               {{"import_module", ImportModuleFn}, {"reload", ReloadFn}, {"invalidate_caches", InvalidateCachesFn}});
  return m.get();
}

// ---- importlib.util ----------------------------------------------------------------------

// find_spec(name, package=None): the spec `import name` would use, without loading it (a
// dotted name's parent is imported, as CPython does); None when nothing would be found.
Value FindSpecFn(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, a, Params{"find_spec", {"name", "package"}, 1}, args)) return Value::Null();
  if (!IsStr(args[0])) return RaiseTypeError(ts, "module name must be str, not " + TypeName(ts, args[0]));
  std::string_view name = As<StrObject>(args[0])->view();
  size_t level = 0;
  while (level < name.size() && name[level] == '.') ++level;
  std::string full(name);
  if (level > 0) {
    if (!IsStr(args[1]))
      return RaiseImportError(ts, absl::StrCat("'package' argument is required to perform a relative import for ", StrRepr(name)),
                              Value::Null(), Value::Null());
    if (!ResolveRelative(ts, name.substr(level), As<StrObject>(args[1])->str(), static_cast<int64_t>(level), &full))
      return Value::Null();
  }
  Interpreter& in = ts.interp;
  StrObject* key = Name(ts, full);
  Value cached = DictGetStr(in.modules, key);
  if (!cached.is_null()) {
    Value spec = GetAttrOrNull(ts, cached, Name(ts, "__spec__"));
    if (spec.is_null() && ts.exc != nullptr) return spec;
    if (spec.is_null() || spec.is_none()) return RaiseValueError(ts, full + ".__spec__ is None");
    return spec;
  }
  size_t dot = full.rfind('.');
  Found f;
  if (dot == std::string::npos) {
    f = IsCore(full) && IsEmbedded(in, full) ? Found{Found::kEmbedded, {}, {}}
                                             : FindInEntries(in, full, full, StrEntries(SysAttr(ts, "path")), true);
  } else {
    Root parent(ts, ImportAbsolute(ts, std::string_view(full).substr(0, dot)));
    if (parent.get().is_null()) return Value::Null();
    Value path = GetAttrOrNull(ts, parent.get(), Name(ts, "__path__"));
    if (path.is_null() && ts.exc != nullptr) return path;
    if (path.is_null()) {
      if (!IsEmbedded(in, full))
        return RaiseModuleNotFound(ts, absl::StrCat("__path__ attribute not found on ", StrRepr(full.substr(0, dot)),
                                                    " while trying to find ", StrRepr(full)), full);
      f = Found{Found::kEmbedded, {}, {}};
    } else {
      f = FindInEntries(in, full, std::string_view(full).substr(dot + 1), StrEntries(path), false);
    }
  }
  if (f.kind == Found::kNone) return Value::None();
  if (f.kind == Found::kEmbedded)
    f.file = in.frozen_modules.contains(full) ? absl::StrCat("<stdlib>/", full, ".py") : "built-in";
  return NewSpec(ts, key, f);
}

// spec_from_file_location(name, location): a spec for loading the source file `location`.
Value SpecFromFileLocationFn(ThreadState& ts, const CallArgs& a) {
  Value args[2];
  if (!ParseArgs(ts, a, Params{"spec_from_file_location", {"name", "location"}, 2}, args)) return Value::Null();
  if (!IsStr(args[0]) || !IsStr(args[1])) return RaiseTypeError(ts, "spec_from_file_location() needs str name and location");
  Found f{Found::kSource, As<StrObject>(args[1])->str(), {}};
  // (Not in a sandbox without file access: the result would reveal the host's current directory.)
  if (!f.file.empty() && f.file.front() != '/' && SandboxPermits(ts.interp, SandboxAccess::kFiles))
    f.file = JoinPath(Cwd(), f.file);
  return NewSpec(ts, Name(ts, As<StrObject>(args[0])->view()), f);
}

// module_from_spec(spec): a new, unexecuted module with the spec's attributes.
Value ModuleFromSpecFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "module_from_spec", 1, 1)) return Value::Null();
  Root spec(ts, a.argv[0]);
  Value name = GetAttr(ts, spec.get(), Name(ts, "name"));
  if (name.is_null()) return name;
  if (!IsStr(name)) return RaiseTypeError(ts, "spec.name must be str");
  Value origin = GetAttr(ts, spec.get(), Name(ts, "origin"));
  if (origin.is_null()) return origin;
  Value locations = GetAttr(ts, spec.get(), Name(ts, "submodule_search_locations"));
  if (locations.is_null()) return locations;
  Found f{locations.is_none() ? Found::kSource : Found::kPackage, IsStr(origin) ? As<StrObject>(origin)->str() : "", {}};
  if (f.file == "built-in") f.file.clear();
  return Value::Obj(NewFoundModule(ts, As<StrObject>(name), f, spec.get()));
}

// SourceFileLoader.exec_module(module): runs the loader's file in the module's namespace.
Value ExecModuleFn(ThreadState& ts, const CallArgs& a) {
  if (!ArgCountBetween(ts, a, "exec_module", 2, 2)) return Value::Null();
  Root self(ts, a.argv[0]), module(ts, a.argv[1]);
  Value path = GetAttr(ts, self.get(), Name(ts, "path"));
  if (path.is_null()) return path;
  if (!IsObjectOfKind(module.get(), Kind::kModule)) return RaiseTypeError(ts, "exec_module() argument must be a module");
  if (!IsStr(path)) return RaiseTypeError(ts, "loader path must be str");
  bool unreadable;
  CodeObject* code = CompileFile(ts, As<StrObject>(path)->str(), &unreadable);
  if (unreadable) return RaiseOSError(ts, errno, path);
  if (code == nullptr) return Value::Null();
  Root code_root(ts, Value::Obj(code));
  DictObject* d = module.as<ModuleObject>()->dict;
  if (EvalCode(ts, code, d, d).is_null()) return Value::Null();
  return Value::None();
}

ModuleObject* MakeImportlibUtil(ThreadState& ts) {
  RootedPtr<ModuleObject> m(ts, NewNativeModule(ts, "importlib.util"));
  AddFunctions(ts.interp, m->dict,
               {{"find_spec", FindSpecFn}, {"spec_from_file_location", SpecFromFileLocationFn}, {"module_from_spec", ModuleFromSpecFn}});
  return m.get();
}

Value SpecRepr(ThreadState& ts, const CallArgs& a) {
  Root self(ts, a.argv[0]);
  std::string out = "ModuleSpec(";
  for (const char* attr : {"name", "loader", "origin", "submodule_search_locations"}) {
    Value v = GetAttr(ts, self.get(), Name(ts, attr));
    if (v.is_null()) return v;
    bool optional = std::string_view(attr) == "origin" || std::string_view(attr) == "submodule_search_locations";
    if (optional && v.is_none()) continue;
    std::string text;
    if (!ReprString(ts, v, &text)) return Value::Null();
    absl::StrAppend(&out, out.size() > 11 ? ", " : "", attr, "=", text);
  }
  return NewStrValue(ts, out + ")");
}

// ModuleType(name, doc=None): an empty module, as types.ModuleType makes.
Value ModuleNew(ThreadState& ts, const CallArgs& a) {
  Value args[3];
  if (!ParseArgs(ts, a, Params{"module", {"type", "name", "doc"}, 2}, args)) return Value::Null();
  if (!IsStr(args[1]))
    return RaiseTypeError(ts, "module.__init__() argument 'name' must be str, not " + TypeName(ts, args[1]));
  Interpreter& in = ts.interp;
  RootedPtr<DictObject> d(ts, NewDict(ts));
  DictSetStr(d.get(), in.names.__name__, args[1]);
  DictSetStr(d.get(), in.names.__doc__, args[2].is_null() ? Value::None() : args[2]);
  for (const char* key : {"__package__", "__loader__", "__spec__"}) {
    StrObject* k = Name(ts, key);
    DictSetStr(d.get(), k, Value::None());
  }
  return Value::Obj(in.heap.New<ModuleObject>(in.types.module, d.get(), As<StrObject>(args[1])->str()));
}

Value ModuleInit(ThreadState& ts, const CallArgs& a) { return Value::None(); }

}  // namespace

Value BuiltinImport(ThreadState& ts, const CallArgs& a) {
  Value args[5];
  if (!ParseArgs(ts, a, Params{"__import__", {"name", "globals", "locals", "fromlist", "level"}, 1}, args))
    return Value::Null();
  if (!IsStr(args[0])) return RaiseTypeError(ts, "module name must be a string");
  DictObject* globals = IsDict(args[1]) ? As<DictObject>(args[1]) : nullptr;
  int64_t level = 0;
  if (!args[4].is_null() && !ToIndex(ts, args[4], &level)) return Value::Null();
  if (level > 0 && globals == nullptr && !args[1].is_null() && !args[1].is_none())
    return RaiseTypeError(ts, "globals must be a dict");
  return DoImport(ts, As<StrObject>(args[0]), globals, args[3], level);
}

Value ImportName(ThreadState& ts, StrObject* name, Value fromlist, Value level, Frame* frame) {
  int64_t lvl = level.is_intlike() ? level.as_int() : 0;
  Value hook = DictGetStr(frame->builtins, ts.interp.names.__import__);
  if (hook.is_null()) return Raise(ts, ts.interp.exc.ImportError, "__import__ not found");
  if (IsBuiltinImport(hook)) return DoImport(ts, name, frame->globals, fromlist, lvl);
  // A script's own __import__ gets CPython's five arguments.
  Value locals = frame->locals != nullptr ? Value::Obj(frame->locals) : Value::None();
  Value argv[5] = {Value::Obj(name), Value::Obj(frame->globals), locals, fromlist, level};
  return Call(ts, hook, argv, 5);
}

Value ImportFromModule(ThreadState& ts, Value module, StrObject* name) {
  Value v = GetAttrOrNull(ts, module, name);
  if (!v.is_null() || ts.exc != nullptr) return v;
  Root mod(ts, module);
  Value pkg = GetAttrOrNull(ts, module, ts.interp.names.__name__);
  if (pkg.is_null() && ts.exc != nullptr) ClearException(ts);
  Root pkgname(ts, pkg);
  if (IsStr(pkg)) {
    // A submodule whose import has not bound it on its parent yet (circular imports).
    Value sub = DictGetStr(ts.interp.modules, Name(ts, absl::StrCat(As<StrObject>(pkg)->str(), ".", name->str())));
    if (!sub.is_null()) return sub;
  }
  std::string pkg_text = IsStr(pkg) ? StrRepr(As<StrObject>(pkg)->view()) : "'<unknown module name>'";
  Value path = GetAttrOrNull(ts, mod.get(), ts.interp.names.__file__);
  if (path.is_null() && ts.exc != nullptr) ClearException(ts);
  Root file(ts, path);
  Value spec = GetAttrOrNull(ts, mod.get(), Name(ts, "__spec__"));
  if (spec.is_null() && ts.exc != nullptr) ClearException(ts);
  bool initializing = false;
  if (!spec.is_null() && !spec.is_none()) {
    Value flag = GetAttrOrNull(ts, spec, Name(ts, "_initializing"));
    if (flag.is_null() && ts.exc != nullptr) ClearException(ts);
    initializing = flag.is_bool() && flag.as_bool();
  }
  std::string where = IsStr(file.get()) ? As<StrObject>(file.get())->str() : "unknown location";
  std::string msg = initializing
                        ? absl::StrCat("cannot import name ", StrRepr(name->view()), " from partially initialized module ", pkg_text,
                                       " (most likely due to a circular import) (", where, ")")
                        : absl::StrCat("cannot import name ", StrRepr(name->view()), " from ", pkg_text, " (", where, ")");
  return RaiseImportError(ts, msg, pkgname.get(), IsStr(file.get()) ? file.get() : Value::Null());
}

bool ImportStarInto(ThreadState& ts, Value module, DictObject* locals) {
  Root mod(ts, module);
  Value all = GetAttrOrNull(ts, module, Name(ts, "__all__"));
  if (all.is_null() && ts.exc != nullptr) return false;
  RootedVector keys(ts);
  bool public_only = all.is_null();
  if (public_only) {
    Value d = GetAttrOrNull(ts, module, ts.interp.names.__dict__);
    if (d.is_null() && ts.exc == nullptr)
      RaiseImportError(ts, "from-import-* object has no __dict__ and no __all__", Value::Null(), Value::Null());
    if (d.is_null() || !IsDict(d)) return d.is_null() ? false : true;
    for (const auto& e : As<DictObject>(d)->entries)
      if (!e.key.is_null()) keys.push_back(e.key);
  } else {
    Root all_root(ts, all);
    Root iter(ts, GetIter(ts, all));
    if (iter.get().is_null()) return false;
    for (;;) {
      Value x;
      int r = IterNext(ts, iter.get(), &x);
      if (r < 0) return false;
      if (r == 0) break;
      keys.push_back(x);
    }
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    Value key = keys[i];
    if (!IsStr(key)) {
      std::string modname = IsObjectOfKind(module, Kind::kModule) ? As<ModuleObject>(module)->name : "?";
      std::string where = public_only ? absl::StrCat(modname, ".__dict__") : absl::StrCat(modname, ".__all__");
      RaiseTypeError(ts, absl::StrCat("Item in ", where, " must be str, not ", TypeName(ts, key)));
      return false;
    }
    if (public_only && As<StrObject>(key)->view().starts_with("_")) continue;
    Value v = GetAttr(ts, mod.get(), As<StrObject>(key));
    if (v.is_null()) return false;
    Root vr(ts, v);
    if (!DictSet(ts, locals, key, v)) return false;
  }
  return true;
}

// sys.path's parts: the main script's directory (or '') then PYTHONPATH and "<stdlib>"; and
// setting it with the other import attributes of sys.
static void AddScriptPath(ThreadState& ts, ListObject* path, std::string_view main_filename);
static void SetSysPath(ThreadState& ts, ListObject* path);

void InitSysPath(ThreadState& ts, std::string_view main_filename, const std::vector<std::string>* entries) {
  Interpreter& in = ts.interp;
  if (in.sys_module == nullptr) return;
  RootedPtr<ListObject> path(ts, NewList(ts));
  if (entries != nullptr) {
    for (const std::string& entry : *entries) path->items.push_back(NewStrValue(ts, AbsPath(entry)));
    path->items.push_back(NewStrValue(ts, kStdlibEntry));
  } else {
    AddScriptPath(ts, path.get(), main_filename);
  }
  SetSysPath(ts, path.get());
}

static void AddScriptPath(ThreadState& ts, ListObject* path, std::string_view main_filename) {
  Interpreter& in = ts.interp;
  std::string first;
  // Without file access the script's directory is never searched; resolving it would only tell
  // the script the host's current directory, so sys.path[0] stays ''.
  if (!main_filename.starts_with("<") && SandboxPermits(in, SandboxAccess::kFiles)) {
    std::string file(main_filename);
    char* real = realpath(file.c_str(), nullptr);
    if (real != nullptr) {
      file = real;
      free(real);
    }
    size_t slash = file.rfind('/');
    first = slash == std::string::npos ? Cwd() : (slash == 0 ? "/" : file.substr(0, slash));
  }
  path->items.push_back(NewStrValue(ts, first));
  // PYTHONPATH is the host's environment: a sandbox without environment access does not see it.
  const char* pp = SandboxPermits(in, SandboxAccess::kEnvironment) ? std::getenv("PYTHONPATH") : nullptr;
  if (pp != nullptr && *pp != '\0') {
    std::vector<std::string> entries = absl::StrSplit(pp, ':', absl::SkipEmpty());
    for (const std::string& entry : entries) path->items.push_back(NewStrValue(ts, AbsPath(entry)));
  }
  path->items.push_back(NewStrValue(ts, kStdlibEntry));
}

static void SetSysPath(ThreadState& ts, ListObject* path) {
  Interpreter& in = ts.interp;
  DictObject* d = in.sys_module->dict;
  // The modules CPython builds into its binary that gilvm has too.
  RootedPtr<TupleObject> builtin_names(ts, nullptr);
  {
    std::vector<Value> items;
    for (std::string_view n : {"_io", "_thread", "builtins", "errno", "itertools", "posix", "sys", "time"})
      items.push_back(Value::Obj(Name(ts, n)));
    builtin_names.reset(NewTuple(ts, std::move(items)));
  }
  StrObject* builtin_key = Name(ts, "builtin_module_names");
  DictSetStr(d, builtin_key, Value::Obj(builtin_names.get()));
  // sys and builtins exist before any import; they get their __spec__ now.
  for (std::string_view boot : {"sys", "builtins"}) {
    StrObject* boot_name = Name(ts, boot);
    Value m = DictGetStr(in.modules, boot_name);
    if (IsObjectOfKind(m, Kind::kModule)) AddEmbeddedSpec(ts, boot_name, As<ModuleObject>(m));
  }
  DictSetStr(d, Name(ts, "path"), Value::Obj(path));
  for (const char* key : {"meta_path", "path_hooks"}) {
    StrObject* k = Name(ts, key);
    DictSetStr(d, k, Value::Obj(NewList(ts)));
  }
  StrObject* cache_key = Name(ts, "path_importer_cache");
  DictSetStr(d, cache_key, Value::Obj(NewDict(ts)));
}

void AddMainModuleAttributes(ThreadState& ts, DictObject* globals, std::string_view filename) {
  Interpreter& in = ts.interp;
  // CPython's order: __name__, __doc__, __package__, __loader__, __spec__, __annotations__,
  // __builtins__, __file__, __cached__ (list(globals()) shows it).
  Root builtins(ts, DictGetStr(globals, in.names.__builtins__));
  Root file(ts, DictGetStr(globals, in.names.__file__));
  DictDelStr(globals, in.names.__builtins__);
  DictDelStr(globals, in.names.__file__);
  DictSetStr(globals, Name(ts, "__package__"), Value::None());
  RootedPtr<DictObject> ld(ts, NewDict(ts));
  Root loader(ts, Value::Obj(in.heap.New<InstanceObject>(ImportType(in, kLoaderType), ld.get())));
  DictSetStr(ld.get(), Name(ts, "name"), Value::Obj(in.names.__main__));
  StrObject* path_key = Name(ts, "path");
  if (!filename.empty()) DictSetStr(ld.get(), path_key, NewStrValue(ts, filename));
  DictSetStr(globals, Name(ts, "__loader__"), loader.get());
  DictSetStr(globals, Name(ts, "__spec__"), Value::None());
  StrObject* annotations = Name(ts, "__annotations__");
  DictSetStr(globals, annotations, Value::Obj(NewDict(ts)));
  if (!builtins.get().is_null()) DictSetStr(globals, in.names.__builtins__, builtins.get());
  if (!file.get().is_null()) DictSetStr(globals, in.names.__file__, file.get());
  if (!filename.empty()) DictSetStr(globals, Name(ts, "__cached__"), Value::None());
}

void InitImportSystem(Interpreter& in) {
  AddFunction(in, in.builtins, "__import__", BuiltinImport);
  TypeObject* spec = NewBuiltinType(in, std::string(kSpecType), nullptr, Kind::kInstance, "_frozen_importlib");
  AddMethod(in, spec, "__repr__", SpecRepr);
  TypeObject* loader = NewBuiltinType(in, std::string(kLoaderType), nullptr, Kind::kInstance, "_frozen_importlib_external");
  AddMethod(in, loader, "exec_module", ExecModuleFn);
  in.native_modules["importlib.util"] = MakeImportlibUtil;
  in.native_modules["importlib"] = MakeImportlib;
  AddStaticMethod(in, in.types.module, "__new__", ModuleNew);
  AddMethod(in, in.types.module, "__init__", ModuleInit);
}

}  // namespace gilvm::vm
