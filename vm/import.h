// The import system: `import`, `from ... import`, __import__, importlib and sys.path.
//
// Invariants:
//  - sys.modules (Interpreter::modules) is the only cache: a module is looked up there first,
//    is inserted before its body runs (so circular imports see it half-built) and is removed
//    again if its body raises. Entries a script inserts or deletes are honoured.
//  - Modules are found in CPython's order: the modules CPython has built in or preloads before
//    the script runs (sys, builtins, _thread, time, errno, posix, itertools, io, os, abc...),
//    then each sys.path entry in turn, where the entry "<stdlib>" stands for gilvm's embedded
//    standard library (native and frozen modules). So a script's own heapq.py shadows the
//    stdlib one, as in CPython, while its own sys.py does not.
//  - Submodules of a package are searched in the package's __path__ (a list of directories);
//    submodules of an embedded module (os.path, concurrent.futures) only in the embedded tables.
//  - Source files are compiled on every import that loads them (no .pyc cache). Their __file__
//    is absolute, as CPython's, and their source is remembered for tracebacks.
//  - In a sandbox without file access (vm/sandbox.h) only embedded modules (native, including a
//    host's, and frozen) are found: sys.path's directories are not probed and a name found
//    nowhere else raises ModuleNotFoundError "importing 'x' from sys.path is not allowed: file
//    access is disabled in this sandbox"; reading a source file (reload, exec_module) raises
//    PermissionError.
//  - While a module's body runs its __spec__._initializing is True (CPython's flag), which is how
//    `from m import x` tells a circular import apart from a missing name.
#pragma once

#include <string_view>
#include <vector>

#include "vm/value.h"

namespace gilvm::vm {

class Interpreter;
class ThreadState;
struct DictObject;
struct StrObject;
struct Frame;

// IMPORT_NAME: `name` with the statement's fromlist (None or a tuple of str) and level, on
// behalf of `frame` (whose globals anchor a relative import). Calls a replaced
// builtins.__import__ if the script installed one. Follows the error rule.
Value ImportName(ThreadState& ts, StrObject* name, Value fromlist, Value level, Frame* frame);
// IMPORT_FROM: the attribute `name` of `module`, else the submodule module.name from sys.modules,
// else CPython's ImportError (circular-import wording while the module is initialising).
Value ImportFromModule(ThreadState& ts, Value module, StrObject* name);
// IMPORT_STAR: binds the module's __all__, else its public names, in `locals`.
bool ImportStarInto(ThreadState& ts, Value module, DictObject* locals);

// Fills sys.path for a main program named `main_filename` ("<string>" for -c): the script's
// directory (or ''), the PYTHONPATH entries, then "<stdlib>"; also sys.meta_path & co. An
// embedding host passes its own `entries` instead (then "<stdlib>"; no PYTHONPATH).
void InitSysPath(ThreadState& ts, std::string_view main_filename, const std::vector<std::string>* entries = nullptr);
// Adds __import__ to the builtins and registers the native importlib module.
void InitImportSystem(Interpreter& interp);
// The attributes CPython's __main__ module has besides __name__ and __file__.
void AddMainModuleAttributes(ThreadState& ts, DictObject* globals, std::string_view filename);

}  // namespace gilvm::vm
