// host_functions.cc: giving scripts C++ functions to call.
//
//   - Interpreter::Define: a built-in function (like len()) with typed C++ parameters; gilvm
//     converts the script's arguments and checks them, with CPython's TypeError messages
//   - Interpreter::DefineModule: a module of host functions and constants, which the script
//     imports by name
//   - errors from the host: a returned absl::Status (made with gilvm::Error) or a thrown
//     exception becomes a Python exception that the script can catch
#include <cmath>
#include <cstdint>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

// An ordinary C++ function: nothing gilvm-specific in it.
double Mean(const std::vector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  return values.empty() ? 0.0 : total / static_cast<double>(values.size());
}

// A stand-in for a host-side store the script may query.
const std::map<std::string, int64_t> kStock = {{"apple", 12}, {"pear", 0}, {"plum", 7}};

// Returning absl::StatusOr<T> lets a host function fail: a non-OK Status raises in the script.
// gilvm::Error picks the Python exception type; the message is the exception's text.
absl::StatusOr<int64_t> Stock(const std::string& item) {
  auto it = kStock.find(item);
  if (it == kStock.end()) return gilvm::Error("KeyError", item);
  return it->second;
}

}  // namespace

int main() {
  gilvm::Options options;
  options.on_stdout = [](std::string_view text) { std::cout << text; };
  gilvm::Interpreter py(options);

  // --- Built-in host functions. The parameter types drive the conversion: int64_t takes an
  // int, double an int or a float, std::vector<T> a list or tuple, std::optional<T> may be
  // omitted (trailing parameters only) or None.
  py.Define("mean", Mean);
  py.Define("repeat", [](const std::string& word, std::optional<int64_t> times) {
    std::string out;
    for (int64_t i = 0; i < times.value_or(2); ++i) out += word;
    return out;
  });
  py.Define("log", [](const std::string& line) { std::cout << "[host log] " << line << "\n"; });

  // --- A host module: `import inventory` in the script finds it. Constants are converted once,
  // when the module is defined.
  py.DefineModule("inventory")
      .Function("stock", Stock)
      .Function("restock", [](const std::string& item, int64_t amount) -> absl::Status {
        if (amount <= 0) return gilvm::Error("ValueError", "amount must be positive, got " + std::to_string(amount));
        std::cout << "[host] restocking " << amount << " x " << item << "\n";
        return absl::OkStatus();  // an OK Status returns None to the script
      })
      .Function("sqrt", [](double x) {
        // A thrown C++ exception works too: std::domain_error becomes ValueError, and
        // gilvm::ScriptError(type, message) raises any built-in exception type.
        if (x < 0) throw std::domain_error("math domain error");
        return std::sqrt(x);
      })
      .Constant("VERSION", std::string("2.1"))
      .Constant("ITEMS", std::vector<std::string>{"apple", "pear", "plum"});

  absl::Status st = py.Exec(R"py(
import inventory
from inventory import stock

log("script started")
print("mean:", mean([1, 2, 3, 4.5]))
print("repeat:", repeat("ab"), repeat("ab", 3))
print("inventory", inventory.VERSION, inventory.ITEMS)
for item in inventory.ITEMS:
    print(" ", item, stock(item))

# Host errors are ordinary Python exceptions.
try:
    stock("kiwi")
except KeyError as e:
    print("KeyError caught:", e)
try:
    inventory.restock("pear", 0)
except ValueError as e:
    print("ValueError caught:", e)
inventory.restock("pear", 5)
try:
    inventory.sqrt(-1)
except ValueError as e:
    print("ValueError caught:", e)

# Wrong arguments are rejected before the C++ code runs, with CPython's messages.
for bad in ("mean('abc')", "mean([1, 'x'])", "repeat()", "stock('a', 'b')"):
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError caught:", e)
)py");
  if (!st.ok()) {
    std::cerr << gilvm::ErrorTraceback(st);
    return 1;
  }

  // A host error the script does not catch reaches the host as a Status, like any exception.
  st = py.Exec("inventory.stock('mango')");
  std::cout << "uncaught: " << st.message() << " (type " << gilvm::ErrorType(st) << ")\n";
  return 0;
}
