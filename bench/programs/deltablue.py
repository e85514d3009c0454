"""DeltaBlue: an incremental solver for hierarchies of one-way dataflow constraints
(Freeman-Benson, Maloney and Borning). Constraints have strengths from "required" down to
"weakest"; adding or removing one re-plans only the part of the graph it touches, walking
strengths so that the strongest constraints win. A plan (the constraints in dataflow order
from the edited inputs) is extracted and run to propagate new input values.

Exercises classes with single inheritance, overridden methods and super(), method dispatch
on many small objects, attribute reads and writes, list append/pop/remove and identity
tests. Each round runs the chain test (a chain of N equality constraints between N + 1
variables, edited at one end and checked at the other) and the projection test (N scale
constraints dest = src * scale + offset, edited on either side and through scale and
offset); both raise AssertionError on a wrong value. N = 100, 50 rounds.
"""

N = 100
ROUNDS = 50


class Strength:
    def __init__(self, rank, name):
        self.rank = rank  # smaller is stronger
        self.name = name

    def stronger_than(self, other):
        return self.rank < other.rank

    def weaker_than(self, other):
        return self.rank > other.rank

    def weakest(self, other):
        return self if self.rank > other.rank else other

    def next_weaker(self):
        return STRENGTHS[self.rank + 1]

    def __repr__(self):
        return "Strength(%s)" % self.name


STRENGTHS = [Strength(rank, name) for rank, name in enumerate(
    ["required", "strong preferred", "preferred", "strong default", "normal",
     "weak default", "weakest"])]
REQUIRED = STRENGTHS[0]
STRONG_PREFERRED = STRENGTHS[1]
PREFERRED = STRENGTHS[2]
STRONG_DEFAULT = STRENGTHS[3]
NORMAL = STRENGTHS[4]
WEAK_DEFAULT = STRENGTHS[5]
WEAKEST = STRENGTHS[6]

# Directions of a binary constraint.
NONE = 0
FORWARD = 1
BACKWARD = 2


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    """Base class: subclasses say how many variables they tie and how they compute."""

    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        """Picks a method for this constraint and enforces it, returning the constraint
        it displaced (or None)."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle in the constraint graph")
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        super().__init__(planner, strength)
        self.var = var
        self.satisfied = False
        self.add()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        v = self.var
        self.satisfied = v.mark != mark and self.strength.stronger_than(v.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def inputs_known(self, mark):
        return True

    def mark_unsatisfied(self):
        self.satisfied = False

    def recalculate(self):
        v = self.var
        v.walk_strength = self.strength
        v.stay = not self.is_input()
        if v.stay:
            self.execute()


class StayConstraint(UnaryConstraint):
    """Keeps a variable at its current value unless something stronger changes it."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks a variable as an input the user is about to change."""

    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        v1 = self.v1
        v2 = self.v2
        s = self.strength
        if v1.mark == mark:
            if v2.mark != mark and s.stronger_than(v2.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
        elif v2.mark == mark:
            if s.stronger_than(v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif v1.walk_strength.weaker_than(v2.walk_strength):
            # Overwrite the weaker side when we are strong enough to.
            self.direction = BACKWARD if s.stronger_than(v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if s.stronger_than(v2.walk_strength) else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def mark_inputs(self, mark):
        self.input().mark = mark

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def mark_unsatisfied(self):
        self.direction = NONE

    def recalculate(self):
        i = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest(i.walk_strength)
        out.stay = i.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    """v1 == v2, enforced in whichever direction the planner chose."""

    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, v1, v2, strength)
        self.add()

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest == src * scale + offset, with scale and offset read-only inputs."""

    def __init__(self, planner, src, scale, offset, dest, strength):
        super().__init__(planner, src, dest, strength)
        self.scale = scale
        self.offset = offset
        self.add()

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        i = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest(i.walk_strength)
        out.stay = i.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan:
    def __init__(self):
        self.steps = []

    def add(self, c):
        self.steps.append(c)

    def __len__(self):
        return len(self.steps)

    def execute(self):
        for c in self.steps:
            c.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for u in unsatisfied:
                if u.strength is strength:
                    self.incremental_add(u)
            if strength is WEAKEST:
                break
            strength = strength.next_weaker()

    def add_propagate(self, c, mark):
        """Recomputes walk strengths downstream of c; False if c closes a cycle."""
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        """Frees out and everything computed from it; returns the constraints left
        unsatisfied that may now be satisfiable."""
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, v, into):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                into.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            c = todo.pop()
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.add(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_from(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


def change(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_from([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()


def chain_test(n):
    """v0 == v1 == ... == vn; editing v0 must drive vn. Returns the plan length."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        EqualityConstraint(planner, variables[i], variables[i + 1], REQUIRED)
    first = variables[0]
    last = variables[n]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_from([edit])
    for value in range(100):
        first.value = value
        plan.execute()
        if last.value != value:
            raise AssertionError("chain: last is %r, expected %r" % (last.value, value))
    steps = len(plan)
    edit.destroy()
    return steps


def projection_test(n):
    """dst[i] == src[i] * scale + offset, each src held by a normal-strength stay."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = None
    dst = None
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    change(planner, src, 17)
    if dst.value != 1170:
        raise AssertionError("projection: dst is %r, expected 1170" % dst.value)
    change(planner, dst, 1050)
    if src.value != 5:
        raise AssertionError("projection: src is %r, expected 5" % src.value)
    change(planner, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise AssertionError("projection: dest %d is %r after scale" % (i, dests[i].value))
    change(planner, offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise AssertionError("projection: dest %d is %r after offset" % (i, dests[i].value))
    return planner.current_mark


chain_steps = 0
marks = 0
for _ in range(ROUNDS):
    chain_steps += chain_test(N)
    marks += projection_test(N)
if chain_steps != ROUNDS * (N + 1):
    raise AssertionError("chain plans had %d steps" % chain_steps)
print("deltablue", N, ROUNDS, chain_steps, marks)
