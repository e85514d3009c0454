# list methods.
l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.extend("ab"); print(l)
l.insert(0, "first"); print(l)
l.insert(100, "last"); print(l)
l.insert(-1, "before last"); print(l)
print(l.pop(), l)
print(l.pop(0), l)
print(l.pop(-2), l)
l.remove("a"); print(l)
print(l.index(2), l.count(2), l.count(99))
l.reverse(); print(l)
nums = [5, 2, 9, 1, 5, 6]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
words = ["pear", "Fig", "apple", "kiwi"]
words.sort(key=len); print(words)
words.sort(key=lambda w: w.lower()); print(words)
c = nums.copy()
c.append(0)
print(nums, c)
c.clear(); print(c)
print([1, 2].index(2), [1, 2, 1].index(1, 1))
print([2, 1].sort() is None)
stable = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
stable.sort(key=lambda p: p[0])
print(stable)
