# Sorting user objects: sorted() with a key function and with __lt__.


class Person:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score

    def __lt__(self, other):
        if self.score != other.score:
            return self.score < other.score
        return self.name < other.name


def make_people(n):
    people = []
    seed = 7
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        name = "p" + str(seed % 100000)
        people.append(Person(name, 18 + seed % 60, (seed >> 10) % 1000))
    return people


def checksum(people):
    h = 0
    for p in people:
        h = (h * 31 + p.age * 1000 + p.score) % 1000000007
    return h


people = make_people(40000)
total = 0
for rep in range(2):
    by_lt = sorted(people)
    by_age = sorted(people, key=lambda p: p.age)
    by_name = sorted(people, key=lambda p: p.name, reverse=True)
    total = (total + checksum(by_lt) + checksum(by_age) + checksum(by_name)) % 1000000007
print("sort_objects", checksum(by_lt), checksum(by_age), checksum(by_name), total,
      by_lt[0].name, by_age[-1].age, by_name[0].name)
