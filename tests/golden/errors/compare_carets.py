# A failing comparison inside an if: plain ^^^ markers under the comparison.
values = [3, 1, 2]
limit = "2"
if values[0] < limit:
    print("small")
