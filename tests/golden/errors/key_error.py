# Uncaught KeyError.
prices = {"apple": 3, "pear": 4}
print(prices["apple"])
cost = prices["banana"] * 2
