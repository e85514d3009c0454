# Inventory management: classes, dicts of objects, reports, error handling.
class Item:
    def __init__(self, sku, name, price_cents, qty):
        self.sku = sku
        self.name = name
        self.price_cents = price_cents
        self.qty = qty

    def value(self):
        return self.price_cents * self.qty

    def __repr__(self):
        return "Item(" + repr(self.sku) + ", " + repr(self.name) + ")"

def money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return sign + "$" + str(cents // 100) + "." + str(cents % 100 // 10) + str(cents % 10)

class OutOfStock(Exception):
    pass

class Inventory:
    def __init__(self):
        self.items = {}
        self.history = []

    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
        self.history.append("add " + item.sku + " x" + str(item.qty))

    def sell(self, sku, qty):
        item = self.items[sku]
        if item.qty < qty:
            raise OutOfStock(item.name + ": wanted " + str(qty) + ", have " + str(item.qty))
        item.qty -= qty
        self.history.append("sell " + sku + " x" + str(qty))
        return item.price_cents * qty

    def report(self):
        total = 0
        for sku in sorted(self.items):
            it = self.items[sku]
            print("  " + sku, it.name, it.qty, money(it.price_cents), money(it.value()))
            total += it.value()
        print("  total value:", money(total))

    def low_stock(self, threshold):
        out = []
        for it in self.items.values():
            if it.qty <= threshold:
                out.append(it)
        return sorted(out, key=lambda i: (i.qty, i.sku))

inv = Inventory()
inv.add(Item("B200", "bolt", 25, 500))
inv.add(Item("N100", "nut", 10, 1000))
inv.add(Item("W300", "washer", 5, 40))
inv.add(Item("H400", "hammer", 1999, 3))
inv.add(Item("B200", "bolt", 25, 100))
inv.report()
revenue = 0
orders = [("N100", 250), ("H400", 2), ("H400", 2), ("W300", 40), ("X999", 1), ("B200", 600)]
for sku, qty in orders:
    try:
        r = inv.sell(sku, qty)
        revenue += r
        print("sold", qty, sku, "for", money(r))
    except OutOfStock as e:
        print("out of stock:", e)
    except KeyError as e:
        print("unknown sku:", e)
print("revenue:", money(revenue))
inv.report()
print("low stock:", inv.low_stock(5))
print("history:", inv.history)
print(money(-1234), money(5), money(100))
