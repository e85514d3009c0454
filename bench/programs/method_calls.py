# A class whose methods are called in a tight loop: attribute lookup and bound-method calls.


class Accumulator:
    def __init__(self, modulus):
        self.value = 0
        self.calls = 0
        self.modulus = modulus

    def add(self, x):
        self.value = (self.value + x) % self.modulus
        self.calls += 1
        return self

    def scale(self, k):
        self.value = (self.value * k) % self.modulus
        self.calls += 1
        return self

    def get(self):
        return self.value


class Walker:
    def __init__(self):
        self.acc = Accumulator(1000000007)
        self.steps = 0

    def step(self, i):
        self.steps += 1
        if i % 3 == 0:
            self.acc.scale(3)
        self.acc.add(i)

    def run(self, n):
        for i in range(n):
            self.step(i)
        return self.acc.get()


w = Walker()
result = w.run(1000000)
print("method_calls", result, w.steps, w.acc.calls)
