from __future__ import annotations, print_function, division
# `from __future__ import` of the features Python 3.11 knows, and the __future__ module.
import __future__


def typed(x: int) -> str:
    return str(x)


print(typed(3), 7 / 2)
print(__future__.annotations, __future__.division.getMandatoryRelease())
print(__future__.all_feature_names)
print(__future__.annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
