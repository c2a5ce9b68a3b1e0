"""Exit 0 when two gachi-plan/1 files are the same plan: equal JSON apart from
`generated_by` (the program that wrote it). Prints the first differences otherwise.

    python3 scripts/same-plan.py LINUX.json WINDOWS.json
"""

import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        plan = json.load(f)
    plan.pop("generated_by", None)
    return plan


def differences(a, b, where="$"):
    if type(a) is not type(b):
        yield f"{where}: {a!r} != {b!r}"
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                yield f"{where}.{k}: only in {'first' if k in a else 'second'}"
            else:
                yield from differences(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        if len(a) != len(b):
            yield f"{where}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{where}[{i}]")
    elif a != b:
        yield f"{where}: {a!r} != {b!r}"


first, second = load(sys.argv[1]), load(sys.argv[2])
diff = list(differences(first, second))
if diff:
    print(f"different plans: {sys.argv[1]} vs {sys.argv[2]}", file=sys.stderr)
    for line in diff[:20]:
        print("  " + line, file=sys.stderr)
    sys.exit(1)
