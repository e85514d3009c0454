# A tiny stack-based interpreter plus a recursive-descent expression compiler.
class Parser:
    def __init__(self, text):
        self.toks = []
        i = 0
        while i < len(text):
            c = text[i]
            if c == " ":
                i += 1
            elif c.isdigit():
                j = i
                while j < len(text) and text[j].isdigit():
                    j += 1
                self.toks.append(int(text[i:j]))
                i = j
            elif c.isalpha():
                j = i
                while j < len(text) and text[j].isalpha():
                    j += 1
                self.toks.append(text[i:j])
                i = j
            else:
                self.toks.append(c)
                i += 1
        self.pos = 0
        self.code = []

    def peek(self):
        if self.pos < len(self.toks):
            return self.toks[self.pos]
        return None

    def take(self):
        t = self.peek()
        self.pos += 1
        return t

    def expr(self):
        self.term()
        while self.peek() == "+" or self.peek() == "-":
            op = self.take()
            self.term()
            self.code.append(("ADD",) if op == "+" else ("SUB",))

    def term(self):
        self.factor()
        while self.peek() == "*" or self.peek() == "/":
            op = self.take()
            self.factor()
            self.code.append(("MUL",) if op == "*" else ("DIV",))

    def factor(self):
        t = self.take()
        if t == "(":
            self.expr()
            if self.take() != ")":
                raise SyntaxError("expected )")
        elif t == "-":
            self.factor()
            self.code.append(("NEG",))
        elif type(t) == int:
            self.code.append(("PUSH", t))
        elif type(t) == str and t.isalpha():
            self.code.append(("LOAD", t))
        else:
            raise SyntaxError("unexpected " + repr(t))

def compile_expr(text):
    p = Parser(text)
    p.expr()
    if p.peek() is not None:
        raise SyntaxError("trailing " + repr(p.peek()))
    return p.code

def run(code, env):
    stack = []
    for ins in code:
        op = ins[0]
        if op == "PUSH":
            stack.append(ins[1])
        elif op == "LOAD":
            stack.append(env[ins[1]])
        elif op == "NEG":
            stack.append(-stack.pop())
        else:
            b = stack.pop()
            a = stack.pop()
            if op == "ADD":
                stack.append(a + b)
            elif op == "SUB":
                stack.append(a - b)
            elif op == "MUL":
                stack.append(a * b)
            elif op == "DIV":
                stack.append(a // b)
    return stack.pop()

env = {"x": 7, "y": 3, "zero": 0}
programs = ["1 + 2 * 3", "(1 + 2) * 3", "x * x - y", "-(x - y) * 2", "100 / 7 / 2",
            "x / zero", "2 * (3 + 4", "q + 1", "1 + + 2", "3 4"]
for src in programs:
    try:
        code = compile_expr(src)
        print(src, "=>", code)
        print("   =", run(code, env))
    except SyntaxError as e:
        print(src, "=> syntax error:", e)
    except ZeroDivisionError as e:
        print("   runtime error:", e)
    except KeyError as e:
        print("   undefined variable", e)

# A little assembly-language machine with jumps: sum 1..10 and factorial 10.
def execute(program, regs):
    pc = 0
    steps = 0
    while pc < len(program):
        parts = program[pc].split()
        op = parts[0]
        steps += 1
        if op == "set":
            regs[parts[1]] = int(parts[2])
        elif op == "add":
            regs[parts[1]] += regs[parts[2]]
        elif op == "mul":
            regs[parts[1]] *= regs[parts[2]]
        elif op == "dec":
            regs[parts[1]] -= 1
        elif op == "jnz":
            if regs[parts[1]] != 0:
                pc += int(parts[2])
                continue
        pc += 1
    return regs, steps

print(execute(["set acc 0", "set n 10", "add acc n", "dec n", "jnz n -2"], {}))
print(execute(["set acc 1", "set n 10", "mul acc n", "dec n", "jnz n -2"], {}))
