// A tiny host, built against an installed gilvm (find_package) or a gilvm source tree
// (add_subdirectory) by tests/embed/install_test.py.
#include <cstdint>
#include <iostream>
#include <string>

#include "gilvm/gilvm.h"

// The host sees the public header only: gilvm's internal headers are neither installed nor on
// the include path that gilvm::gilvm gives.
#if __has_include("vm/value.h") || __has_include("vm/interpreter.h")
#error "gilvm's internal headers are visible to the host"
#endif

struct Point {
  int64_t x = 0, y = 0;
};

int main() {
  gilvm::Options options;
  options.on_stdout = [](std::string_view text) { std::cout << text; };
  gilvm::Interpreter py(options);
  py.Define("scale", [](const std::string& s, int64_t n) { return s + " x" + std::to_string(n); });
  py.DefineClass<Point>("Point").Init<>().Property("x", &Point::x, &Point::x).Property("y", &Point::y, &Point::y);
  absl::Status st = py.Exec(
      "import re, json\n"  // re runs on RE2, json is a frozen module: both linked in
      "p = Point()\np.x = 3\np.y = 4\n"
      "print(scale('consumer', 2), re.sub('[aeiou]', '', 'embedded'), json.dumps({'x': p.x, 'y': p.y}))\n");
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  std::cout << "hypot: " << *py.Eval<double>("(p.x ** 2 + p.y ** 2) ** 0.5") << "\n";
  st = py.Exec("1 / 0");
  std::cout << "error: " << gilvm::ErrorType(st) << "\n";
  return 0;
}
