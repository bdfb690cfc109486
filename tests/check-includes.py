#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when the #include graph of a source folder has a cycle.

A module is a .c file with its .h (and its -private.h, which only that
module's parts share). Module A depends on module B when a file of A
includes B's header. Pages and dialogs reach the window through actions or
signals, so nothing they include leads back to the window.
    check-includes.py FOLDER..."""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)\.h"', re.M)


def module(stem):
    return stem[:-len("-private")] if stem.endswith("-private") else stem


def graph(folder):
    headers = {f[:-2] for f in os.listdir(folder) if f.endswith(".h")}
    edges = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".c", ".h")):
            continue
        source = module(name[:-2])
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for target in INCLUDE.findall(f.read()):
                if target in headers and module(target) != source:
                    edges.setdefault(source, set()).add(module(target))
        edges.setdefault(source, set())
    return edges


def find_cycle(edges):
    """A cycle as a list of modules, or None (depth-first search)."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def main():
    failed = False
    for folder in sys.argv[1:]:
        cycle = find_cycle(graph(folder))
        if cycle:
            print(f"{folder}: include cycle: {' → '.join(cycle)}")
            failed = True
        else:
            print(f"{folder}: no include cycle ({len(graph(folder))} modules)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
