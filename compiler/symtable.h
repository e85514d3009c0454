// The symbol table: which scope every name of a module belongs to, decided before code is
// generated, with CPython's rules.
//
// Invariants:
//  - One Scope per module, class body, function, lambda and comprehension, keyed by its AST node.
//  - In a function, a name assigned anywhere in the body is local for the whole body (hence
//    UnboundLocalError), unless declared global/nonlocal. A name a nested function reads that is
//    local here becomes a cell here and free there; class bodies bind nothing for nested
//    functions, except the implicit `__class__` cell that super() uses.
//  - Parameters come first in `varnames`, in CPython's order: positional, keyword-only, *args,
//    **kwargs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "compiler/ast.h"
#include "compiler/parser.h"

namespace gilvm::compiler {

enum class ScopeType : uint8_t { kModule, kClass, kFunction };

enum class NameScope : uint8_t {
  kLocal,           // a fast local slot (functions)
  kCell,            // a local captured by a nested scope
  kFree,            // a variable of an enclosing function
  kGlobalExplicit,  // declared `global`
  kGlobalImplicit,  // read in a function, bound nowhere enclosing: global or builtin
  kNamespace,       // module and class bodies: the namespace dict, then globals, then builtins
};

struct Scope {
  ScopeType type = ScopeType::kModule;
  std::string name;
  std::string qualname;
  Scope* parent = nullptr;
  bool is_comprehension = false;
  bool is_lambda = false;
  bool is_generator = false;
  bool needs_class_cell = false;  // class body that provides __class__
  Pos pos;

  // Per name: what the body does with it (kDef* bits).
  absl::flat_hash_map<std::string, int> flags;
  std::vector<std::string> order;  // names in first-seen order, for stable slot numbering
  std::vector<std::string> params;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  bool has_varargs = false, has_varkw = false;

  // Results.
  absl::flat_hash_map<std::string, NameScope> resolved;
  std::vector<std::string> varnames, cellvars, freevars;
  // Class bodies: enclosing-function cells carried through to nested scopes although the class
  // body binds the same name in its namespace.
  std::vector<std::string> pass_through;
  std::vector<std::unique_ptr<Scope>> children;

  NameScope Lookup(const std::string& name) const;
  int LocalIndex(const std::string& name) const;  // -1 if not a fast local
  int CellIndex(const std::string& name) const;   // index among cellvars+freevars, or -1
};

enum : int {
  kDefLocal = 1,     // bound (assigned, def, class, import, for target, except ... as)
  kDefParam = 2,
  kDefGlobal = 4,
  kDefNonlocal = 8,
  kUse = 16,
  kDefFreeClass = 32,  // free in a nested scope of a class body
};

class SymbolTable {
 public:
  // Builds the table; false (and *error filled) on a scoping SyntaxError.
  bool Build(const Module& module, SyntaxErrorInfo* error);
  Scope* ScopeFor(const void* node) const;
  Scope* module_scope() const { return root_.get(); }

 private:
  friend class SymbolVisitor;
  std::unique_ptr<Scope> root_;
  absl::flat_hash_map<const void*, Scope*> by_node_;
};

}  // namespace gilvm::compiler
