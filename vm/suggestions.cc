#include "vm/suggestions.h"

#include <algorithm>
#include <array>
#include <climits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "vm/code.h"
#include "vm/dict.h"
#include "vm/errors.h"
#include "vm/frame.h"
#include "vm/instance.h"
#include "vm/interpreter.h"
#include "vm/list.h"
#include "vm/ops.h"
#include "vm/str.h"

namespace gilvm::vm {
namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxLength = 40;
constexpr int kMoveCost = 2;  // insert, delete, or substitute a different character
constexpr int kCaseCost = 1;  // substitute the same letter in the other case

int SubstitutionCost(char a, char b) {
  if (a == b) return 0;
  return absl::ascii_tolower(static_cast<unsigned char>(a)) == absl::ascii_tolower(static_cast<unsigned char>(b))
             ? kCaseCost
             : kMoveCost;
}

// The edit distance between `a` and `b` (bytes of UTF-8), or max_cost + 1 as soon as it is
// certain to exceed max_cost.
int Distance(std::string_view a, std::string_view b, int max_cost) {
  if (a == b) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return static_cast<int>(a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxLength || b.size() > kMaxLength) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);  // a is the shorter: one row of it
  if (static_cast<int>(b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // row[i]: the distance from a[0..i] to the part of b seen so far.
  std::array<int, kMaxLength> row;
  for (size_t i = 0; i < a.size(); ++i) row[i] = static_cast<int>(i + 1) * kMoveCost;
  for (size_t j = 0; j < b.size(); ++j) {
    int diagonal = static_cast<int>(j) * kMoveCost;  // a[0..-1] to b[0..j-1]
    int left = static_cast<int>(j + 1) * kMoveCost;  // the empty prefix of a to b[0..j]
    int best_in_row = INT_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      int up = row[i];
      int d = std::min(diagonal + SubstitutionCost(a[i], b[j]), std::min(up, left) + kMoveCost);
      diagonal = up;
      row[i] = left = d;
      best_in_row = std::min(best_in_row, d);
    }
    if (best_in_row > max_cost) return max_cost + 1;
  }
  return row[a.size() - 1];
}

std::vector<std::string_view> KeysOf(const DictObject* d) {
  std::vector<std::string_view> keys;
  for (const auto& e : d->entries) {
    if (IsStr(e.key)) keys.push_back(As<StrObject>(e.key)->view());
  }
  return keys;
}

}  // namespace

std::string_view ClosestName(std::string_view name, const std::vector<std::string_view>& candidates) {
  if (candidates.size() >= kMaxCandidates) return {};
  std::string_view best;
  int best_distance = INT_MAX;
  for (std::string_view c : candidates) {
    if (c == name) continue;
    // At most a third of the characters involved may change, and it must beat the best so far.
    int max_distance = static_cast<int>(name.size() + c.size() + 3) * kMoveCost / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    int d = Distance(name, c, max_distance);
    if (d > max_distance) continue;
    best = c;
    best_distance = d;
  }
  return best;
}

void NoteNameErrorSuggestion(ThreadState& ts, const Frame* frame, StrObject* name) {
  ExceptionObject* exc = ts.exc;
  if (exc == nullptr || frame == nullptr) return;
  std::vector<std::string_view> locals;
  for (const StrObject* v : frame->code->varnames) locals.push_back(v->view());
  std::string_view found = ClosestName(name->view(), locals);
  if (found.empty()) found = ClosestName(name->view(), KeysOf(frame->globals));
  if (found.empty() && frame->builtins != nullptr) found = ClosestName(name->view(), KeysOf(frame->builtins));
  exc->missing_name = name;
  if (found.empty()) return;
  std::string text(found);  // the view dies with the next allocation's possible collection
  exc->missing_in = NewStrValue(ts, text);
}

void NoteMissingAttribute(ThreadState& ts, Value obj, StrObject* name) {
  ExceptionObject* exc = ts.exc;
  if (exc == nullptr) return;
  exc->missing_name = name;
  exc->missing_in = obj;
}

std::string SuggestionText(ThreadState& ts, ExceptionObject* exc) {
  if (exc->missing_name == nullptr || exc->missing_in.is_null()) return "";
  Interpreter& interp = ts.interp;
  std::string found;
  if (exc->type->IsSubtypeOf(interp.exc.NameError)) {
    if (IsStr(exc->missing_in)) found = As<StrObject>(exc->missing_in)->view();
  } else if (exc->type->IsSubtypeOf(interp.exc.AttributeError)) {
    Value dir = DictGetStr(interp.builtins, Intern(interp, "dir"));
    if (dir.is_null()) return "";
    Root obj(ts, exc->missing_in);
    Root names(ts, Call(ts, dir, obj.slot(), 1));
    if (names.get().is_null() || !IsObjectOfKind(names.get(), Kind::kList)) {
      ClearException(ts);
      return "";
    }
    std::vector<std::string_view> candidates;
    for (Value v : As<ListObject>(names.get())->items) {
      if (!IsStr(v)) return "";  // as CPython: a dir() that is not all str offers nothing
      candidates.push_back(As<StrObject>(v)->view());
    }
    found = std::string(ClosestName(exc->missing_name->view(), candidates));
  }
  return found.empty() ? "" : absl::StrCat(". Did you mean: '", found, "'?");
}

}  // namespace gilvm::vm
