// hello.cc: the first steps of embedding gilvm in a C++ program.
//
//   - create an interpreter
//   - Exec a script (statements, run in the __main__ module)
//   - Eval an expression straight into a C++ value
//   - read and write a global of the script
//   - call a function the script defined
//   - report a script error with its Python traceback
//
// Nothing in the API throws: every call that can fail returns an absl::Status or an
// absl::StatusOr<T>, so the host always decides what to do with an error.
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "gilvm/gilvm.h"

// "CODE: message" for a Status. (Status's own operator<< also prints the payloads gilvm
// attaches: the exception type and the traceback.)
std::string Describe(const absl::Status& st) {
  return absl::StatusCodeToString(st.code()) + ": " + std::string(st.message());
}

int main() {
  // The script's print() goes to the process's stdout by default. Sending it through std::cout
  // instead keeps the script's lines and the host's in order when stdout is a pipe.
  gilvm::Options options;
  options.on_stdout = [](std::string_view text) { std::cout << text; };
  gilvm::Interpreter py(options);

  // 1. Exec: run statements. They define names in __main__ that later calls can use.
  absl::Status st = py.Exec(R"py(
greeting = "hello from the script"
primes = [n for n in range(2, 30) if all(n % d for d in range(2, n))]

def describe(name, count=1):
    return f"{count} x {name}"

print(greeting)
)py");
  if (!st.ok()) {
    std::cerr << "Exec failed: " << st << "\n";
    return 1;
  }

  // (These examples dereference a StatusOr with `*` where the call cannot fail; real host code
  // checks .ok() first, as below for the calls that do fail.)
  //
  // 2. Eval: one expression, converted to the C++ type asked for. The conversion is checked:
  // asking for an int64_t of a str gives InvalidArgument, not garbage.
  absl::StatusOr<int64_t> sum = py.Eval<int64_t>("sum(primes)");
  std::cout << "sum of primes below 30: " << *sum << "\n";
  absl::StatusOr<std::vector<int>> primes = py.Eval<std::vector<int>>("primes[:5]");
  std::cout << "first primes:";
  for (int p : *primes) std::cout << " " << p;
  std::cout << "\n";
  absl::StatusOr<int64_t> wrong = py.Eval<int64_t>("greeting");
  std::cout << "Eval<int64_t>(\"greeting\"): " << Describe(wrong.status()) << "\n";

  // 3. Globals: Get reads a global of __main__, Set writes one (any convertible C++ value).
  std::cout << "greeting: " << *py.Get<std::string>("greeting") << "\n";
  st = py.Set("visitors", std::vector<std::string>{"ada", "grace", "linus"});
  if (st.ok()) st = py.Exec("print('visitors:', ', '.join(sorted(visitors)))");
  if (!st.ok()) std::cerr << st.message() << "\n";
  std::cout << "Get(\"nobody\"): " << Describe(py.Get("nobody").status()) << "\n";

  // 4. Call a script function with C++ arguments; the result converts like Eval's.
  std::cout << "describe('apple', 3) -> " << *py.Call<std::string>("describe", "apple", 3) << "\n";
  std::cout << "describe('pear') -> " << *py.Call<std::string>("describe", "pear") << "\n";

  // Without a type, Eval and Call return a gilvm::Object: an owning handle to the script value,
  // which stays alive as long as the handle does.
  absl::StatusOr<gilvm::Object> squares = py.Eval("{n: n * n for n in range(4)}");
  std::cout << "handle: " << *squares->type_name() << " " << *squares->Repr() << "\n";
  std::cout << "squares.get(3) -> " << *squares->CallMethod<int64_t>("get", 3) << "\n";

  // 5. Errors. A script exception comes back as a Status: the message is "Type: message",
  // gilvm::ErrorType names the exception, and gilvm::ErrorTraceback has the traceback exactly
  // as Python prints it. A filename that does not start with '<' shows the source lines.
  st = py.Exec(R"py(def average(values):
    return sum(values) / len(values)

average([])
)py",
               "stats.py");
  std::cout << "status: " << Describe(st) << "\n";
  std::cout << "type: " << gilvm::ErrorType(st) << "\n";
  std::cout << gilvm::ErrorTraceback(st);

  // A syntax error is InvalidArgument: the script never started.
  st = py.Exec("print('unclosed'");
  std::cout << "syntax error: " << Describe(st) << "\n";

  // The interpreter is still usable after an error.
  std::cout << "still alive: " << *py.Eval<std::string>("'yes' if primes else 'no'") << "\n";
  return 0;
}
