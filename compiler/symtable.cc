#include "compiler/symtable.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace gilvm::compiler {

NameScope Scope::Lookup(const std::string& name) const {
  auto it = resolved.find(name);
  if (it != resolved.end()) return it->second;
  return type == ScopeType::kFunction ? NameScope::kGlobalImplicit : NameScope::kNamespace;
}

int Scope::LocalIndex(const std::string& name) const {
  auto it = std::find(varnames.begin(), varnames.end(), name);
  return it == varnames.end() ? -1 : static_cast<int>(it - varnames.begin());
}

int Scope::CellIndex(const std::string& name) const {
  auto it = std::find(cellvars.begin(), cellvars.end(), name);
  if (it != cellvars.end()) return static_cast<int>(it - cellvars.begin());
  it = std::find(freevars.begin(), freevars.end(), name);
  if (it != freevars.end()) return static_cast<int>(cellvars.size() + (it - freevars.begin()));
  return -1;
}

// Walks the AST once, creating scopes and recording what each scope does with each name.
class SymbolVisitor {
 public:
  SymbolVisitor(SymbolTable& table, SyntaxErrorInfo* error) : table_(table), error_(error) {}

  bool Run(const Module& m) {
    table_.root_ = std::make_unique<Scope>();
    cur_ = table_.root_.get();
    cur_->name = "<module>";
    table_.by_node_[&m] = cur_;
    VisitBody(m.body);
    return ok_;
  }

 private:
  void Fail(const Pos& pos, std::string msg) {
    if (!ok_) return;
    ok_ = false;
    error_->type = "SyntaxError";
    error_->msg = std::move(msg);
    error_->line = pos.line;
    error_->col = pos.col + 1;
    error_->end_line = pos.end_line;
    error_->end_col = pos.end_col + 1;
  }

  void Note(const std::string& name, int flag, const Pos& pos) {
    int& f = cur_->flags[name];
    if (f == 0) cur_->order.push_back(name);
    if ((flag & (kDefLocal | kUse)) && (f & (kDefGlobal | kDefNonlocal)) == 0) {
      // fine
    }
    f |= flag;
  }

  void Declare(const std::string& name, int flag, const Pos& pos, const char* what) {
    auto it = cur_->flags.find(name);
    int f = it == cur_->flags.end() ? 0 : it->second;
    const char* kind = flag == kDefGlobal ? "global" : "nonlocal";
    if (f & kDefParam) return Fail(pos, absl::StrCat("name '", name, "' is parameter and ", kind));
    if (f & kUse) return Fail(pos, absl::StrCat("name '", name, "' is used prior to ", kind, " declaration"));
    if (f & kDefLocal) return Fail(pos, absl::StrCat("name '", name, "' is assigned to before ", kind, " declaration"));
    if (flag == kDefNonlocal && (f & kDefGlobal)) return Fail(pos, absl::StrCat("name '", name, "' is nonlocal and global"));
    if (flag == kDefGlobal && (f & kDefNonlocal)) return Fail(pos, absl::StrCat("name '", name, "' is nonlocal and global"));
    Note(name, flag, pos);
  }

  Scope* Push(ScopeType type, std::string name, const void* node, const Pos& pos) {
    auto scope = std::make_unique<Scope>();
    scope->type = type;
    scope->name = std::move(name);
    scope->parent = cur_;
    scope->pos = pos;
    // qualname: functions nest as "outer.<locals>.inner", classes as "Outer.Inner".
    if (cur_->type == ScopeType::kModule) {
      scope->qualname = scope->name;
    } else if (cur_->type == ScopeType::kFunction) {
      scope->qualname = absl::StrCat(cur_->qualname, ".<locals>.", scope->name);
    } else {
      scope->qualname = absl::StrCat(cur_->qualname, ".", scope->name);
    }
    Scope* raw = scope.get();
    cur_->children.push_back(std::move(scope));
    table_.by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void Pop() { cur_ = cur_->parent; }

  void VisitBody(const StmtList& body) {
    for (const auto& s : body) VisitStmt(*s);
  }

  void VisitParams(const Arguments& a) {
    auto add = [&](const Arg& arg) {
      if (cur_->flags.contains(arg.name) && (cur_->flags[arg.name] & kDefParam))
        return Fail(arg.pos, absl::StrCat("duplicate argument '", arg.name, "' in function definition"));
      Note(arg.name, kDefParam, arg.pos);
      cur_->params.push_back(arg.name);
    };
    for (const Arg& arg : a.posonlyargs) add(arg);
    for (const Arg& arg : a.args) add(arg);
    for (const Arg& arg : a.kwonlyargs) add(arg);
    if (a.vararg) add(*a.vararg);
    if (a.kwarg) add(*a.kwarg);
    cur_->posonlyargcount = static_cast<int>(a.posonlyargs.size());
    cur_->argcount = static_cast<int>(a.posonlyargs.size() + a.args.size());
    cur_->kwonlyargcount = static_cast<int>(a.kwonlyargs.size());
    cur_->has_varargs = a.vararg != nullptr;
    cur_->has_varkw = a.kwarg != nullptr;
  }

  // Defaults and annotations belong to the enclosing scope.
  void VisitSignatureOutside(const Arguments& a) {
    for (const auto& d : a.defaults) VisitExpr(*d);
    for (const auto& d : a.kw_defaults)
      if (d) VisitExpr(*d);
  }

  void VisitStmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::kExpr: return VisitExpr(*As<ExprStmt>(s).value);
      case StmtKind::kAssign: {
        auto& a = As<Assign>(s);
        VisitExpr(*a.value);
        for (const auto& t : a.targets) VisitExpr(*t);
        return;
      }
      case StmtKind::kAugAssign: {
        auto& a = As<AugAssign>(s);
        VisitExpr(*a.target);
        if (a.target->kind == ExprKind::kName) Note(As<Name>(*a.target).id, kUse, a.target->pos);
        return VisitExpr(*a.value);
      }
      case StmtKind::kAnnAssign: {
        auto& a = As<AnnAssign>(s);
        if (a.value) VisitExpr(*a.value);
        if (cur_->type != ScopeType::kFunction) VisitExpr(*a.annotation);
        return VisitExpr(*a.target);
      }
      case StmtKind::kIf: {
        auto& i = As<If>(s);
        VisitExpr(*i.test);
        VisitBody(i.body);
        return VisitBody(i.orelse);
      }
      case StmtKind::kWhile: {
        auto& w = As<While>(s);
        VisitExpr(*w.test);
        VisitBody(w.body);
        return VisitBody(w.orelse);
      }
      case StmtKind::kFor: {
        auto& f = As<For>(s);
        VisitExpr(*f.iter);
        VisitExpr(*f.target);
        VisitBody(f.body);
        return VisitBody(f.orelse);
      }
      case StmtKind::kBreak:
      case StmtKind::kContinue:
      case StmtKind::kPass: return;
      case StmtKind::kFunctionDef: {
        auto& f = As<FunctionDef>(s);
        for (const auto& d : f.decorator_list) VisitExpr(*d);
        VisitSignatureOutside(f.args);
        VisitAnnotations(f.args, f.returns.get());
        Note(f.name, kDefLocal, f.pos);
        Push(ScopeType::kFunction, f.name, &f, f.pos);
        VisitParams(f.args);
        VisitBody(f.body);
        Pop();
        return;
      }
      case StmtKind::kClassDef: {
        auto& c = As<ClassDef>(s);
        for (const auto& d : c.decorator_list) VisitExpr(*d);
        for (const auto& b : c.bases) VisitExpr(*b);
        for (const auto& k : c.keywords) VisitExpr(*k.value);
        Note(c.name, kDefLocal, c.pos);
        Push(ScopeType::kClass, c.name, &c, c.pos);
        VisitBody(c.body);
        Pop();
        return;
      }
      case StmtKind::kReturn: {
        auto& r = As<Return>(s);
        if (r.value) VisitExpr(*r.value);
        return;
      }
      case StmtKind::kGlobal:
      case StmtKind::kNonlocal: {
        auto& g = As<NameListStmt>(s);
        bool nonlocal = s.kind == StmtKind::kNonlocal;
        if (nonlocal && cur_->type == ScopeType::kModule)
          return Fail(s.pos, "nonlocal declaration not allowed at module level");
        for (const auto& n : g.names) Declare(n, nonlocal ? kDefNonlocal : kDefGlobal, s.pos, "");
        return;
      }
      case StmtKind::kTry: {
        auto& t = As<Try>(s);
        VisitBody(t.body);
        for (const auto& h : t.handlers) {
          if (h.type) VisitExpr(*h.type);
          if (!h.name.empty()) Note(h.name, kDefLocal, h.pos);
          VisitBody(h.body);
        }
        VisitBody(t.orelse);
        return VisitBody(t.finalbody);
      }
      case StmtKind::kRaise: {
        auto& r = As<Raise>(s);
        if (r.exc) VisitExpr(*r.exc);
        if (r.cause) VisitExpr(*r.cause);
        return;
      }
      case StmtKind::kAssert: {
        auto& a = As<Assert>(s);
        VisitExpr(*a.test);
        if (a.msg) VisitExpr(*a.msg);
        return;
      }
      case StmtKind::kDelete:
        for (const auto& t : As<Delete>(s).targets) VisitExpr(*t);
        return;
      case StmtKind::kImport:
        for (const auto& a : As<Import>(s).names) {
          std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          Note(bound, kDefLocal, a.pos);
        }
        return;
      case StmtKind::kImportFrom:
        for (const auto& a : As<ImportFrom>(s).names) {
          if (a.name == "*") {
            if (cur_->type != ScopeType::kModule) return Fail(s.pos, "import * only allowed at module level");
            continue;
          }
          Note(a.asname.empty() ? a.name : a.asname, kDefLocal, a.pos);
        }
        return;
      case StmtKind::kWith: {
        auto& w = As<With>(s);
        for (const auto& item : w.items) {
          VisitExpr(*item.context_expr);
          if (item.optional_vars) VisitExpr(*item.optional_vars);
        }
        return VisitBody(w.body);
      }
      case StmtKind::kMatch: {
        auto& m = As<Match>(s);
        VisitExpr(*m.subject);
        for (const auto& c : m.cases) {
          VisitPattern(*c.pattern);
          if (c.guard) VisitExpr(*c.guard);
          VisitBody(c.body);
        }
        return;
      }
    }
  }

  // Captures bind names in the current scope; values, classes and keys are loads.
  void VisitPattern(const Pattern& p) {
    switch (p.kind) {
      case PatternKind::kValue: return VisitExpr(*As<MatchValue>(p).value);
      case PatternKind::kSingleton: return;
      case PatternKind::kSequence:
        for (const auto& sub : As<MatchSequence>(p).patterns) VisitPattern(*sub);
        return;
      case PatternKind::kMapping: {
        auto& m = As<MatchMapping>(p);
        for (const auto& k : m.keys) VisitExpr(*k);
        for (const auto& sub : m.patterns) VisitPattern(*sub);
        if (!m.rest.empty()) Note(m.rest, kDefLocal, p.pos);
        return;
      }
      case PatternKind::kClass: {
        auto& c = As<MatchClass>(p);
        VisitExpr(*c.cls);
        for (const auto& sub : c.patterns) VisitPattern(*sub);
        for (const auto& sub : c.kwd_patterns) VisitPattern(*sub);
        return;
      }
      case PatternKind::kStar:
        if (!As<MatchStar>(p).name.empty()) Note(As<MatchStar>(p).name, kDefLocal, p.pos);
        return;
      case PatternKind::kAs: {
        auto& a = As<MatchAs>(p);
        if (a.pattern) VisitPattern(*a.pattern);
        if (!a.name.empty()) Note(a.name, kDefLocal, p.pos);
        return;
      }
      case PatternKind::kOr:
        for (const auto& sub : As<MatchOr>(p).patterns) VisitPattern(*sub);
        return;
    }
  }

  void VisitAnnotations(const Arguments& a, const Expr* returns) {
    auto visit = [&](const Arg& arg) {
      if (arg.annotation) VisitExpr(*arg.annotation);
    };
    for (const Arg& arg : a.posonlyargs) visit(arg);
    for (const Arg& arg : a.args) visit(arg);
    if (a.vararg) visit(*a.vararg);
    for (const Arg& arg : a.kwonlyargs) visit(arg);
    if (a.kwarg) visit(*a.kwarg);
    if (returns) VisitExpr(*returns);
  }

  void VisitExpr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::kName: {
        auto& n = As<Name>(e);
        Note(n.id, n.ctx == ExprContext::kLoad ? kUse : kDefLocal, n.pos);
        // super() needs the __class__ cell of the enclosing class.
        if (n.ctx == ExprContext::kLoad && n.id == "super" && cur_->type == ScopeType::kFunction)
          Note("__class__", kUse, n.pos);
        return;
      }
      case ExprKind::kConstant: return;
      case ExprKind::kBinOp: {
        auto& b = As<BinOp>(e);
        VisitExpr(*b.left);
        return VisitExpr(*b.right);
      }
      case ExprKind::kUnaryOp: return VisitExpr(*As<UnaryOp>(e).operand);
      case ExprKind::kBoolOp:
        for (const auto& v : As<BoolOp>(e).values) VisitExpr(*v);
        return;
      case ExprKind::kCompare: {
        auto& c = As<Compare>(e);
        VisitExpr(*c.left);
        for (const auto& v : c.comparators) VisitExpr(*v);
        return;
      }
      case ExprKind::kIfExp: {
        auto& i = As<IfExp>(e);
        VisitExpr(*i.test);
        VisitExpr(*i.body);
        return VisitExpr(*i.orelse);
      }
      case ExprKind::kLambda: {
        auto& l = As<Lambda>(e);
        VisitSignatureOutside(l.args);
        Scope* s = Push(ScopeType::kFunction, "<lambda>", &l, l.pos);
        s->is_lambda = true;
        VisitParams(l.args);
        VisitExpr(*l.body);
        Pop();
        return;
      }
      case ExprKind::kCall: {
        auto& c = As<Call>(e);
        VisitExpr(*c.func);
        for (const auto& a : c.args) VisitExpr(*a);
        for (const auto& k : c.keywords) VisitExpr(*k.value);
        return;
      }
      case ExprKind::kAttribute: return VisitExpr(*As<Attribute>(e).value);
      case ExprKind::kSubscript: {
        auto& s = As<Subscript>(e);
        VisitExpr(*s.value);
        return VisitExpr(*s.slice);
      }
      case ExprKind::kSlice: {
        auto& s = As<Slice>(e);
        if (s.lower) VisitExpr(*s.lower);
        if (s.upper) VisitExpr(*s.upper);
        if (s.step) VisitExpr(*s.step);
        return;
      }
      case ExprKind::kTuple:
      case ExprKind::kList:
      case ExprKind::kSet:
        for (const auto& v : As<Sequence>(e).elts) VisitExpr(*v);
        return;
      case ExprKind::kDict: {
        auto& d = As<Dict>(e);
        for (size_t i = 0; i < d.values.size(); ++i) {
          if (d.keys[i]) VisitExpr(*d.keys[i]);
          VisitExpr(*d.values[i]);
        }
        return;
      }
      case ExprKind::kStarred: return VisitExpr(*As<Starred>(e).value);
      case ExprKind::kListComp:
      case ExprKind::kSetComp:
      case ExprKind::kDictComp:
      case ExprKind::kGeneratorExp: return VisitComprehension(As<Comp>(e));
      case ExprKind::kJoinedStr:
        for (const auto& v : As<JoinedStr>(e).values) VisitExpr(*v);
        return;
      case ExprKind::kFormattedValue: {
        auto& f = As<FormattedValue>(e);
        VisitExpr(*f.value);
        if (f.format_spec) VisitExpr(*f.format_spec);
        return;
      }
      case ExprKind::kNamedExpr: {
        auto& n = As<NamedExpr>(e);
        VisitExpr(*n.value);
        // The target binds in the nearest enclosing non-comprehension scope.
        Scope* saved = cur_;
        while (cur_->is_comprehension) cur_ = cur_->parent;
        const std::string& id = As<Name>(*n.target).id;
        Note(id, kDefLocal, n.target->pos);
        cur_ = saved;
        if (cur_->is_comprehension) Note(id, kUse, n.target->pos);
        return;
      }
      case ExprKind::kYield:
      case ExprKind::kYieldFrom:
      case ExprKind::kAwait: {
        auto& y = As<YieldLike>(e);
        cur_->is_generator = true;
        if (y.value) VisitExpr(*y.value);
        return;
      }
    }
  }

  void VisitComprehension(const Comp& c) {
    // The first iterable is evaluated in the enclosing scope.
    VisitExpr(*c.generators[0].iter);
    static const char* kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    int which = c.kind == ExprKind::kListComp ? 0 : c.kind == ExprKind::kSetComp ? 1 : c.kind == ExprKind::kDictComp ? 2 : 3;
    Scope* s = Push(ScopeType::kFunction, kNames[which], &c, c.pos);
    s->is_comprehension = true;
    s->is_generator = c.kind == ExprKind::kGeneratorExp;
    Note(".0", kDefParam, c.pos);
    s->params.push_back(".0");
    s->argcount = 1;
    for (size_t i = 0; i < c.generators.size(); ++i) {
      const Comprehension& g = c.generators[i];
      if (i > 0) VisitExpr(*g.iter);
      VisitExpr(*g.target);
      for (const auto& cond : g.ifs) VisitExpr(*cond);
    }
    if (c.elt) VisitExpr(*c.elt);
    if (c.key) VisitExpr(*c.key);
    if (c.value) VisitExpr(*c.value);
    Pop();
  }

  SymbolTable& table_;
  SyntaxErrorInfo* error_;
  Scope* cur_ = nullptr;
  bool ok_ = true;
};

namespace {

// Decides every name's NameScope, top-down. `enclosing` holds the names bound by enclosing
// function scopes. Returns the names that are free in `s` (needed from outside).
class Resolver {
 public:
  explicit Resolver(SyntaxErrorInfo* error) : error_(error) {}
  bool ok() const { return ok_; }

  absl::flat_hash_set<std::string> Resolve(Scope* s, const absl::flat_hash_set<std::string>& enclosing) {
    absl::flat_hash_set<std::string> free;
    bool fn = s->type == ScopeType::kFunction;
    for (const std::string& name : s->order) {
      int f = s->flags[name];
      NameScope r;
      if (f & kDefGlobal) {
        r = NameScope::kGlobalExplicit;
      } else if (f & kDefNonlocal) {
        if (!enclosing.contains(name)) {
          Fail(s, "no binding for nonlocal '" + name + "' found");
          continue;
        }
        r = NameScope::kFree;
        free.insert(name);
      } else if (f & (kDefLocal | kDefParam)) {
        r = fn ? NameScope::kLocal : NameScope::kNamespace;
      } else if (enclosing.contains(name) && (fn || s->type == ScopeType::kClass)) {
        r = NameScope::kFree;
        free.insert(name);
      } else if (name == "__class__" && fn && HasEnclosingClass(s)) {
        r = NameScope::kFree;
        free.insert(name);
      } else {
        r = fn ? NameScope::kGlobalImplicit : NameScope::kNamespace;
      }
      s->resolved[name] = r;
    }

    absl::flat_hash_set<std::string> inner = enclosing;
    if (fn) {
      for (const auto& [name, r] : s->resolved)
        if (r == NameScope::kLocal || r == NameScope::kFree) inner.insert(name);
    }
    for (auto& child : s->children) {
      for (const std::string& name : Resolve(child.get(), inner)) {
        if (s->type == ScopeType::kClass && name == "__class__") {
          s->needs_class_cell = true;
          continue;
        }
        auto it = s->resolved.find(name);
        if (it != s->resolved.end() && fn && it->second == NameScope::kLocal) {
          it->second = NameScope::kCell;
        } else if (it != s->resolved.end() && (it->second == NameScope::kCell || it->second == NameScope::kFree)) {
          if (it->second == NameScope::kFree) free.insert(name);
        } else if (it != s->resolved.end() && s->type == ScopeType::kClass) {
          // Bound in the class body: the body keeps its namespace binding, and the class code
          // only carries the enclosing function's cell through to the nested scope.
          if (std::find(s->pass_through.begin(), s->pass_through.end(), name) == s->pass_through.end())
            s->pass_through.push_back(name);
          free.insert(name);
        } else {
          if (it == s->resolved.end()) s->order.push_back(name);
          s->resolved[name] = NameScope::kFree;
          free.insert(name);
        }
      }
    }
    Layout(s);
    return free;
  }

 private:
  static bool HasEnclosingClass(const Scope* s) {
    for (const Scope* p = s->parent; p != nullptr; p = p->parent)
      if (p->type == ScopeType::kClass) return true;
    return false;
  }

  void Layout(Scope* s) {
    if (s->type == ScopeType::kFunction) {
      s->varnames = s->params;
      for (const std::string& name : s->order) {
        auto r = s->resolved[name];
        if (r == NameScope::kLocal && std::find(s->varnames.begin(), s->varnames.end(), name) == s->varnames.end())
          s->varnames.push_back(name);
      }
    }
    for (const std::string& name : s->order) {
      auto r = s->resolved[name];
      if (r == NameScope::kCell) s->cellvars.push_back(name);
      if (r == NameScope::kFree) s->freevars.push_back(name);
    }
    for (const std::string& name : s->pass_through) s->freevars.push_back(name);
    if (s->needs_class_cell) s->cellvars.push_back("__class__");
  }

  void Fail(Scope* s, std::string msg) {
    if (!ok_) return;
    ok_ = false;
    error_->type = "SyntaxError";
    error_->msg = std::move(msg);
    error_->line = s->pos.line;
    error_->col = s->pos.col + 1;
  }

  SyntaxErrorInfo* error_;
  bool ok_ = true;
};

}  // namespace

bool SymbolTable::Build(const Module& module, SyntaxErrorInfo* error) {
  SymbolVisitor visitor(*this, error);
  if (!visitor.Run(module)) return false;
  Resolver resolver(error);
  resolver.Resolve(root_.get(), {});
  return resolver.ok();
}

Scope* SymbolTable::ScopeFor(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace gilvm::compiler
