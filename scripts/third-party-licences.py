"""Writes the licences of every crate built into gachi for one target, for shipping
beside the binary (MIT, BSD and Apache ask that their notices travel with it).

    python3 scripts/third-party-licences.py TARGET OUT.txt

Reads `cargo metadata` for TARGET, follows normal (not dev or build) dependencies
from gachi, and copies each crate's LICENSE*/LICENCE*/COPYING*/NOTICE* files from
the registry sources cargo downloaded; identical texts are written once.
"""

import hashlib
import json
import os
import subprocess
import sys

target, out_path = sys.argv[1], sys.argv[2]
meta = json.loads(
    subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target]
    )
)
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
root = meta["resolve"]["root"]

seen, todo = set(), [root]
while todo:
    node = nodes[todo.pop()]
    for dep in node["deps"]:
        if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
            seen.add(dep["pkg"])
            todo.append(dep["pkg"])

PREFIXES = ("license", "licence", "copying", "notice", "copyright")
texts = {}  # hash -> first crate that carried it
lines = [
    "Third-party software built into gachi",
    "=====================================",
    "",
    f"{len(seen)} crates, from crates.io, for {target}. Each with its licence as declared",
    "and the licence files it ships.",
    "",
]
for pkg in sorted((packages[i] for i in seen), key=lambda p: (p["name"], p["version"])):
    name = f'{pkg["name"]} {pkg["version"]}'
    lines += ["-" * 78, f'{name} — {pkg.get("license") or pkg.get("license_file") or "see below"}']
    if pkg.get("repository"):
        lines.append(pkg["repository"])
    folder = os.path.dirname(pkg["manifest_path"])
    files = sorted(f for f in os.listdir(folder) if f.lower().startswith(PREFIXES) and os.path.isfile(os.path.join(folder, f)))
    for f in files:
        with open(os.path.join(folder, f), encoding="utf-8", errors="replace") as fh:
            text = fh.read().strip()
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in texts:
            lines.append(f"{f}: the same text as {texts[digest]}'s {f}")
        else:
            texts[digest] = name
            lines += ["", f"{f}:", "", text, ""]
    if not files:
        lines.append("(no licence file in the crate)")
    lines.append("")

with open(out_path, "w", encoding="utf-8", newline="\n") as out:
    out.write("\n".join(lines) + "\n")
print(f"{len(seen)} crates, {len(texts)} distinct licence texts -> {out_path}")
