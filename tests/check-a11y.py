#!/usr/bin/python3
"""What a screen reader hears: walks the app's AT-SPI tree on every page of
the main window (every sidebar entry), the start view and the main dialogs,
and fails on a control without a name, a name that is a class name
("GtkToggleButton"), a name with a mnemonic underscore ("_Ny stadsdel…") and a
name that says its label twice ("Ny stadsdel… Ny stadsdel…").

Usage: check-a11y.py A11Y_APP   (tests/a11y-app.c; needs a D-Bus session with
the accessibility bus: tests/with-display.sh --a11y)
"""
import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi

# Roles a user acts on or moves the focus to: each needs a name.
ACTIONABLE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
    "password text", "spin button", "menu item", "check menu item", "radio menu item", "page tab",
    "switch", "link", "slider", "list item", "tree item", "menu button",
}
# Roles read out by name besides the actionable ones: windows and lists.
# (GTK 4.8 gives every unnamed widget its class name, "GtkScrollbar",
# "AdwGizmo", …, on parts no screen reader announces: those are not checked.)
NAMED = {"frame", "dialog", "alert", "window", "list", "tree", "table", "image", "push button"}
# Containers a screen reader passes through, focusable or not.
CONTAINERS = {"panel", "filler", "scroll pane", "viewport", "frame", "section", "grouping"}
CLASS_NAME = re.compile(r"\b(Gtk|Adw)[A-Z][A-Za-z]+\b")
# An underscore that marks a mnemonic: before a letter, not inside a word
# written with underscores (a file or key name).
MNEMONIC = re.compile(r"(^|[\s(“\"'])_\w|^[^_\s]+_\w[^_]*$")


def doubled(name):
    words = name.split()
    if len(words) >= 2 and len(words) % 2 == 0:
        half = len(words) // 2
        return [w.replace("_", "") for w in words[:half]] == words[half:]
    return False


def problems(role, name, focusable):
    found = []
    stripped = name.strip()
    if not stripped and (role in ACTIONABLE or (focusable and role not in CONTAINERS)):
        found.append("no name")
    if (role in ACTIONABLE or role in NAMED or focusable) and CLASS_NAME.search(stripped):
        found.append("a class name")
    if stripped and MNEMONIC.search(stripped):
        found.append("a mnemonic underscore")
    if stripped and doubled(stripped):
        found.append("the label twice")
    return found


def walk(acc, path, out):
    try:
        role = acc.getRoleName()
        name = acc.name or ""
        states = acc.getState()
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        if path and not states.contains(pyatspi.STATE_VISIBLE):
            return out
        out.append((path, role, name, focusable))
        for i in range(acc.childCount):
            child = acc.getChildAtIndex(i)
            if child is not None:
                walk(child, path + [role], out)
    except Exception:  # a widget may go away while we walk
        pass
    return out


def hash_of(acc):
    return (acc.getRoleName(), acc.name, acc.path if hasattr(acc, "path") else id(acc))


def find_app(pid, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


class Driver:
    def __init__(self, program):
        self.proc = subprocess.Popen([program], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, bufsize=1)
        line = self.proc.stdout.readline().split()
        if not line or line[0] != "pages":
            raise SystemExit("a11y-app did not start")
        self.pages = line[1:]
        self.wait()

    def wait(self):
        line = self.proc.stdout.readline().strip()
        if line != "ready":
            raise SystemExit("a11y-app stopped: %r" % line)

    def send(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        self.wait()

    def quit(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    driver = Driver(sys.argv[1])
    app = find_app(driver.proc.pid)
    if app is None:
        print("Bail out! the app is not on the accessibility bus")
        driver.quit()
        return 1

    folder = tempfile.mkdtemp()
    csv = os.path.join(folder, "HR-uttag 2026-T2.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("Enhet;Indikator;År;Tertial;Värde\nEnhet 1;Personalomsättning;2026;2;12,5\n")

    dialogs = [
        "start",                       # the start view, in a window of its own
        "action win.new",              # New District
        "action win.choose-slides",
        "action win.mark-reported",
        "action win.preferences",
        "action win.show-help-overlay",
        "action app.about",
        "import " + csv,               # the import dialog on a file
        "city",                        # the city overview
        "action win.present",          # the projected view
    ]

    failures = {}
    nodes = 0
    seen = set()

    def check(number, view, roots):
        nonlocal nodes
        bad = set()
        for root in roots:
            title = "%s %r" % (root.getRoleName(), root.name or "")
            tree = walk(root, [], [])
            nodes += len(tree)
            for path, role, name, focusable in tree:
                for problem in problems(role, name, focusable):
                    bad.add("%s %r: %s (in %s: %s)" % (role, name, problem, title, " > ".join(path[-3:])))
        for line in bad:
            failures.setdefault(line, []).append(view)
        print("%s %d %s" % ("not ok" if bad else "ok", number, view))
        for line in sorted(bad):
            print("#   " + line)

    def windows():
        return [app.getChildAtIndex(i) for i in range(app.childCount)]

    print("1..%d" % (1 + len(dialogs)))
    # Every page of the main window: each stays in the window once shown
    # (GTK 4.8 shows the hidden pages of a stack to AT-SPI too), so one walk
    # after visiting them all hears them all.
    for page in driver.pages:
        driver.send("page " + page)
    driver.send("page overview")
    main_windows = windows()
    seen.update(hash_of(w) for w in main_windows)
    check(1, "main window, every page (%s)" % " ".join(driver.pages), main_windows)
    # Each dialog and window opened by an action, alone.
    for number, command in enumerate(dialogs, 2):
        driver.send(command)
        opened = [w for w in windows() if hash_of(w) not in seen]
        if not opened:
            print("not ok %d %s # opened no window" % (number, command))
            failures.setdefault("no window for " + command, []).append(command)
        else:
            check(number, command, opened)
        driver.send("close")
    driver.quit()
    print("# %d nodes walked; %d different problems" % (nodes, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
