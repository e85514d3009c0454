# A bank-account class hierarchy with exceptions and a transaction log.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need " + str(needed) + ", have " + str(available))
        self.needed = needed
        self.available = available

class Account:
    next_number = 1000

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.log = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.log.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self.balance

    def __str__(self):
        return "Account#" + str(self.number) + "[" + self.owner + ": " + str(self.balance) + "]"

    def __repr__(self):
        return "Account(" + repr(self.owner) + ", " + repr(self.balance) + ")"

    def __eq__(self, other):
        return isinstance(other, Account) and self.number == other.number

    def __lt__(self, other):
        return self.balance < other.balance

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=2):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        interest = self.balance * self.rate // 100
        self.deposit(interest)
        return interest

    def __str__(self):
        return "Savings" + super().__str__()

class Overdraft(Account):
    def __init__(self, owner, balance=0, limit=100):
        super().__init__(owner, balance)
        self.limit = limit

    def withdraw(self, amount):
        if amount > self.balance + self.limit:
            raise InsufficientFunds(amount, self.balance + self.limit)
        self.balance -= amount
        self.log.append(("withdraw", amount))
        return self.balance

class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, account):
        self.accounts[account.number] = account
        return account

    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        try:
            a.withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer failed:", e)
            return False
        b.deposit(amount)
        return True

    def total(self):
        t = 0
        for acct in self.accounts.values():
            t += acct.balance
        return t

bank = Bank()
alice = bank.open(Account("alice", 100))
bob = bank.open(SavingsAccount("bob", 1000, rate=5))
carol = bank.open(Overdraft("carol", 10, limit=50))
for acct in [alice, bob, carol]:
    print(acct)
print(repr(alice), alice == alice, alice == bob)
print("transfer alice->bob 30:", bank.transfer(alice.number, bob.number, 30))
print("transfer alice->bob 500:", bank.transfer(alice.number, bob.number, 500))
print("transfer carol->alice 55:", bank.transfer(carol.number, alice.number, 55))
print("transfer carol->alice 10:", bank.transfer(carol.number, alice.number, 10))
print("interest:", bob.add_interest())
try:
    alice.deposit(-5)
except ValueError as e:
    print("error:", e)
try:
    bank.transfer(alice.number, 9999, 1)
except KeyError as e:
    print("no such account:", e)
for acct in sorted(bank.accounts.values()):
    print(acct, acct.log)
print("total:", bank.total())
print("richest:", max(bank.accounts.values()).owner)
