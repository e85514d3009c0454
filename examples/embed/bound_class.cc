// bound_class.cc: a C++ class used from scripts.
//
//   - Interpreter::DefineClass<T>(name) exposes T as a script type; chained calls add the
//     constructor (Init<Args...>), methods (member functions or lambdas taking T&) and
//     properties (a getter, and optionally a setter; a data member works as both)
//   - the script object owns the C++ object; the collector destroys it when the script drops it
//   - a host function taking `T&` (or `T*`) receives the very object the script holds, so
//     changes made in C++ are seen by the script and the other way round
#include <cstdint>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "gilvm/gilvm.h"

namespace {

// A plain C++ class, written with no knowledge of gilvm.
class Account {
 public:
  Account(std::string owner, int64_t cents) : owner(std::move(owner)), cents_(cents) { ++alive; }
  Account(const Account& other) : owner(other.owner), cents_(other.cents_) { ++alive; }
  ~Account() { --alive; }
  inline static int alive = 0;  // to show when the collector destroys them

  void Deposit(int64_t cents) { cents_ += cents; }
  // Fails without changing anything when the balance is too low.
  bool Withdraw(int64_t cents) {
    if (cents > cents_) return false;
    cents_ -= cents;
    return true;
  }
  int64_t cents() const { return cents_; }
  std::string Summary() const { return owner + ": " + std::to_string(cents_ / 100) + "." + Two(cents_ % 100); }

  std::string owner;  // public: bound as a read-write property

 private:
  static std::string Two(int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }
  int64_t cents_;
};

}  // namespace

int main() {
  gilvm::Options options;
  options.on_stdout = [](std::string_view text) { std::cout << text; };
  gilvm::Interpreter py(options);

  py.DefineClass<Account>("Account")
      .Init<std::string, int64_t>()              // Account("ada", 1000) calls Account(std::string, int64_t)
      .Method("deposit", &Account::Deposit)      // a member function
      .Method("summary", &Account::Summary)
      // A lambda taking Account& first: here to turn a refused withdrawal into a Python
      // exception (a returned non-OK Status raises).
      .Method("withdraw",
              [](Account& a, int64_t cents) -> absl::Status {
                if (cents <= 0) return gilvm::Error("ValueError", "amount must be positive");
                if (!a.Withdraw(cents)) return gilvm::Error("ValueError", "insufficient funds for " + a.owner);
                return absl::OkStatus();
              })
      .Property("cents", &Account::cents)                      // read-only: a getter only
      .Property("owner", &Account::owner, &Account::owner);    // read-write: a data member

  // Host functions that take bound objects by reference: they work on the script's objects.
  py.Define("transfer", [](Account& from, Account& to, int64_t cents) -> absl::Status {
    if (&from == &to) return gilvm::Error("ValueError", "cannot transfer to the same account");
    if (!from.Withdraw(cents)) return gilvm::Error("ValueError", "insufficient funds for " + from.owner);
    to.Deposit(cents);
    return absl::OkStatus();
  });
  py.Define("total", [](const std::vector<Account*>& accounts) {
    int64_t sum = 0;
    for (const Account* a : accounts) sum += a->cents();
    return sum;
  });
  // Returning a T by value hands the script a new object (a copy of the C++ value).
  // (Parameters are `const Account*` rather than `const Account&`: a bound class taken by value
  // or by const reference is copied into a default-constructed T, which Account does not have.)
  py.Define("open_joint", [](const Account* a, const Account* b) {
    return Account(a->owner + "&" + b->owner, 0);
  });

  absl::Status st = py.Exec(R"py(
ada = Account("ada", 10_000)
bob = Account("bob", 2_550)
ada.deposit(125)
print(ada.summary(), "|", bob.summary())
print(type(ada).__name__, isinstance(bob, Account), ada.cents)

transfer(ada, bob, 5_000)
print("after transfer:", ada.cents, bob.cents, "total", total([ada, bob]))

joint = open_joint(ada, bob)
joint.owner = joint.owner.upper()
print("joint:", joint.summary())

try:
    bob.withdraw(1_000_000)
except ValueError as e:
    print("ValueError:", e)
try:
    transfer(ada, ada, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    ada.cents = 0
except AttributeError as e:
    print("AttributeError:", e)
try:
    transfer(ada, "bob", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    class Savings(Account):
        pass
except TypeError as e:
    print("TypeError:", e)
)py");
  if (!st.ok()) {
    std::cerr << gilvm::ErrorTraceback(st);
    return 1;
  }

  // The host can hold a script's object with a handle and call its methods...
  absl::StatusOr<gilvm::Object> bob = py.Get("bob");
  std::cout << "host sees: " << *bob->CallMethod<std::string>("summary") << "\n";
  // ...read its properties...
  std::cout << "bob.cents: " << *bob->Attr<int64_t>("cents") << "\n";
  // ...and pass it to script code, which receives the same object.
  st = py.Exec("def pay_interest(acct, percent):\n    acct.deposit(acct.cents * percent // 100)\n");
  if (st.ok()) st = py.Call("pay_interest", *bob, 10).status();
  if (!st.ok()) std::cerr << st.message() << "\n";
  std::cout << "after interest: " << *py.Eval<std::string>("bob.summary()") << "\n";
  // Handing a script an object of the wrong type is a checked error, not a crash.
  st = py.Exec("transfer(ada, 42, 1)");
  std::cout << "uncaught: " << st.message() << "\n";

  // Bound objects die with their last script reference: the collector runs T's destructor.
  py.CollectGarbage();
  std::cout << "accounts alive: " << Account::alive << "\n";
  if (py.Exec("del joint").ok()) py.CollectGarbage();
  std::cout << "accounts alive after `del joint`: " << Account::alive << "\n";
  return 0;
}
