#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""OlkHelper.Session from VBScript and JScript, run by Wine's own cscript.exe.

Each case runs a script of tests/automation (after common.vbs or common.js)
in the test prefix, against the registered olkhelper.dll, the stand-in MAPI
and the stand-in account manager serving a copy of
tests/data/sample-accounts.ini. Wine's cscript reports no runtime error and
exits 0 whatever happens, and writes pipes in the OEM code page: so a script
writes its results to a UTF-16 file whose last line is a sentinel, and the
case requires the sentinel before it compares anything. Values are compared
with the data file; the property names, tags and types come from the
account vocabulary (src/accounts/account_properties.c).

Usage: test_automation.py CASE --data INI --wine WINE
Environment: WINEPREFIX, OLK_SOURCE_DIR (as set by CTest).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_olkacct as e2e  # noqa: E402  (the data file's readers and the stand-ins' checks)

ARGS = None
SENTINEL = "SENTINEL olkhelper automation test done"
SCRIPTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "automation")
DISP_E_BADINDEX = "8002000B"
E_OLK_PROP_READ_ONLY = "800C800D"
MAPI_E_LOGON_FAILED = "80040111"


check = e2e.check


def vocabulary():
    """(automation name, tag, type, read-write, secret) of every documented property."""
    source = os.path.join(os.environ["OLK_SOURCE_DIR"], "src", "accounts", "account_properties.c")
    idl = os.path.join(os.environ["OLK_SOURCE_DIR"], "include", "olkacct.idl")
    with open(idl, encoding="utf-8") as f:
        tags = {m.group(1): int(m.group(2), 16)
                for m in re.finditer(r"const DWORD (PROP_\w+)\s*=\s*0x([0-9A-Fa-f]+);", f.read())}
    with open(source, encoding="utf-8") as f:
        entries = re.findall(r'PROP\((PROP_\w+), (PT_\w+), "\w+", "(\w+)", (RO|RW),', f.read())
    check(len(entries) > 20, "the vocabulary was not found in %s" % source)
    return [(auto, idl_name, tags[idl_name], ptype, access == "RW", bool(tags[idl_name] & 0x8000))
            for idl_name, ptype, auto, access in entries]


class Run:
    """A copy of the data file, and a scratch directory, for one case."""

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="olkauto-")
        self.data = os.path.join(self.dir, "accounts.ini")
        shutil.copyfile(ARGS.data, self.data)
        e2e.ARGS = argparse.Namespace(data=self.data)
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def properties_file(self):
        """The readable properties, "Name<TAB>tag" a line, for the scripts."""
        path = self.path("properties.txt")
        with open(path, "w", encoding="ascii", newline="\r\n") as f:
            for auto, _, tag, _, _, secret in vocabulary():
                if not secret:
                    f.write("%s\t%d\n" % (auto, tag))
        return e2e.windows_path(path)

    def script(self, name, *args, **env):
        """Runs tests/automation/NAME after its common file; the result file's lines."""
        ext = os.path.splitext(name)[1]
        script = self.path("test" + ext)
        with open(os.path.join(SCRIPTS, "common" + ext), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(SCRIPTS, name), encoding="utf-8") as f:
            text += "\n" + f.read()
        with open(script, "w", encoding="ascii", newline="\r\n") as f:
            f.write(text)
        out = self.path("out.txt")
        environment = dict(os.environ)
        for key in list(environment):
            if key.startswith("OLKSTUB_") or key.startswith("OLK_STANDIN_"):
                del environment[key]
        environment.update({"OLK_STANDIN_ACCOUNTS": e2e.windows_path(self.data), "OLK_STANDIN_REPORT": "1",
                            "OLKSTUB_PROFILES": "Outlook;Home;Empty", "OLKSTUB_DEFAULT_PROFILE": "Outlook"})
        environment.update(env)
        result = subprocess.run([ARGS.wine, "cscript", "//nologo", e2e.windows_path(script),
                                 e2e.windows_path(out), *args],
                                env=environment, stdin=subprocess.DEVNULL, capture_output=True, timeout=90)
        stdout = result.stdout.decode("cp437", "replace")
        check(SENTINEL in stdout, "%s did not finish (a runtime error, which Wine's cscript does not report)\n"
              "  stdout: %r\n  stderr: %r" % (name, stdout[-2000:], result.stderr[-2000:]))
        with open(out, "rb") as f:
            raw = f.read()
        check(raw.startswith(b"\xff\xfe"), "%s: the result file is not UTF-16" % name)
        lines = raw.decode("utf-16").replace("\r\n", "\n").rstrip("\n").split("\n")
        check(lines[-1] == SENTINEL, "%s: the result file does not end with the sentinel" % name)
        stderr = [l.rstrip("\r") for l in result.stderr.decode("utf-8", "replace").split("\n")]
        bad = [l for l in stderr if "contract violation" in l or l.startswith("olkstubmapi: violation")]
        check(not bad, "%s: contract violations: %r" % (name, bad))
        for report in [l for l in stderr if l.startswith("olkstubacctmgr: report:")]:
            m = re.match(r"olkstubacctmgr: report: (\d+) checks passed, (\d+) violations, (\d+) allocations "
                         r"outstanding$", report)
            check(m and m.group(2) == "0" and m.group(3) == "0", "%s: stand-in report not clean: %r" % (name, report))
        return [line.split("\t") for line in lines[:-1]]


def expected_accounts(profile):
    """The accounts of a profile in olkacct's order, as the data file has them."""
    mine = [a for a in e2e.read_accounts(ARGS.data) if a["profile"].lower() == profile.lower()]
    ordered = []
    for category in e2e.CATEGORIES:
        ordered += [a for a in mine if category in e2e.shown_categories(a) and a not in ordered]
    return ordered


def expected_value(raw, ptype):
    """A data file value as a script prints it: signed 32-bit numbers, lowercase hex, text."""
    if ptype == "PT_LONG":
        number = int(raw, 0)
        return str(number - (1 << 32) if number >= 1 << 31 else number)
    if ptype == "PT_BINARY":
        return raw.replace(" ", "").lower()
    return raw


def check_accounts(lines, profile):
    accounts = expected_accounts(profile)
    got = {}
    for line in lines:
        got.setdefault(line[0], []).append(line[1:])
    check(got["profile"] == [[profile]], "ProfileName %r" % got["profile"])
    check(got["count"] == [[str(len(accounts))]], "Count %r, expected %d" % (got["count"], len(accounts)))
    listed = [row[0] for row in got["account"]]
    check(listed == [a["ACCT_ID"] for a in accounts], "accounts %r, expected in olkacct's order" % listed)
    for a, row in zip(accounts, got["account"]):
        name, clsid = e2e.TYPE_NAMES[a["type"]]
        check(row[1:] == [name, clsid, ",".join(e2e.shown_categories(a))], "account %s: %r" % (a["ACCT_ID"], row))
        want = {auto: expected_value(a[idl[5:]], ptype) for auto, idl, _, ptype, _, secret in vocabulary()
                if not secret and idl[5:] in a}
        have = {r[1]: r[2] for r in got["property"] if r[0] == a["ACCT_ID"]}
        check(have == want, "account %s properties:\n  got      %r\n  expected %r" % (a["ACCT_ID"], have, want))
        check("by-name" in got and [a["ACCT_ID"], "same"] in got["by-name"],
              "Item by name did not find account %s" % a["ACCT_ID"])
    return got


# ---- cases ---------------------------------------------------------------------

def case_vbs_read():
    """The default profile: For Each, Property(Tag) for every property, Item by position, name and ID."""
    with Run() as run:
        got = check_accounts(run.script("read.vbs", run.properties_file()), "Outlook")
        count = len(expected_accounts("Outlook"))
        check(len(got.get("position", [])) == count and len(got.get("by-id", [])) == count,
              "Item by position or ItemByID disagrees with For Each: %r" % got)
        first = expected_accounts("Outlook")[1]
        named = [r for r in got["named"] if r[0] == first["ACCT_ID"]][0]
        check(named == [first["ACCT_ID"], first["ACCT_NAME"], first["ACCT_USER_EMAIL_ADDR"], first["INET_SERVER"],
                        first["INET_PORT"]], "named properties %r" % named)


def case_js_read():
    """A named profile: new Enumerator, every property by its automation name."""
    with Run() as run:
        check_accounts(run.script("read.js", run.properties_file(), "Home"), "Home")


def data_accounts(run):
    return e2e.parsed_data(run.data)


def case_vbs_change():
    """DisplayName set and saved: the data file changes there and nowhere else."""
    with Run() as run:
        before, order_before = data_accounts(run)
        value = "Anna Kowalska-Żółć"
        lines = run.script("change.vbs", "1", value)
        check(lines == [["saved", value], ["read-back", value]], "script results %r" % lines)
        after, order_after = data_accounts(run)
        changed = {key: {k for k in set(before[key]) | set(after.get(key, {}))
                         if before[key].get(k) != after.get(key, {}).get(k)} for key in before}
        check({k: v for k, v in changed.items() if v} == {("outlook", 1): {"ACCT_USER_DISPLAY_NAME"}},
              "changed: %r" % changed)
        check(after[("outlook", 1)]["ACCT_USER_DISPLAY_NAME"] == value and order_before == order_after,
              "the new value in the data file")


def case_vbs_errors():
    """Each error with its number and a description; nothing changed."""
    with Run() as run:
        with open(run.data, "rb") as f:
            before = f.read()
        lines = run.script("errors.vbs")
        errors = {l[1]: (l[2], l[3]) for l in lines if l[0] == "error"}
        expect = {"not-logged-on": "80040605", "unknown-profile": MAPI_E_LOGON_FAILED, "logon": "0",
                  "position": DISP_E_BADINDEX, "position-zero": DISP_E_BADINDEX, "name": DISP_E_BADINDEX,
                  "id": DISP_E_BADINDEX, "read-only": E_OLK_PROP_READ_ONLY, "read-only-tag": E_OLK_PROP_READ_ONLY,
                  "secret": "80070005", "empty-value": "80070057", "save-nothing": "0",
                  "order-mail": "800C8003", "category": "80070057"}
        check({k: v[0] for k, v in errors.items()} == expect, "Err.Number: %r" % errors)
        for what, (number, description) in errors.items():
            check((number == "0") == (description == ""), "%s: Err.Description %r" % (what, description))
        check("InetServer" in errors["read-only"][1] and "read-only" in errors["read-only"][1],
              "read-only description %r" % errors["read-only"][1])
        check("No Such Profile" in errors["unknown-profile"][1], "logon description %r" % errors["unknown-profile"][1])
        with open(run.data, "rb") as f:
            check(f.read() == before, "the data file changed")


def check_deleted(run, lines, before, removed):
    after, _ = data_accounts(run)
    check(set(before) - set(after) == {("outlook", removed)} and set(after) <= set(before),
          "deleted: %r" % (set(before) - set(after)))
    check(all(after[k] == before[k] for k in after), "another account changed")
    count = len(expected_accounts("Outlook"))
    check(["before", str(count)] in lines and ["after", str(count - 1)] in lines, "counts %r" % lines)


def case_vbs_delete():
    """Account.Delete: the account leaves the data file, the others stay as they were."""
    with Run() as run:
        before, _ = data_accounts(run)
        check_deleted(run, run.script("delete.vbs", "3"), before, 3)


def case_vbs_remove():
    """Accounts.Remove by name: likewise, and the collection shrinks."""
    with Run() as run:
        before, _ = data_accounts(run)
        lines = run.script("delete.vbs", "2", "remove")
        check_deleted(run, lines, before, 2)
        check(["remaining", str(len(expected_accounts("Outlook")) - 1)] in lines, "Count after Remove %r" % lines)


def case_vbs_order():
    """SetOrder with a VBScript array: the store order reversed and persisted."""
    with Run() as run:
        lines = run.script("order.vbs")
        check(lines == [["before", "1,2"], ["after", "2,1"]], "order %r" % lines)
        check(data_accounts(run)[1] == {("outlook", "store"): [2, 1]}, "order persisted %r" % (data_accounts(run)[1],))


def case_js_order():
    """SetOrder with a JScript array, and a bad index caught as a JScript exception."""
    with Run() as run:
        lines = run.script("order.js")
        check(lines[:2] == [["before", "1,2"], ["after", "2,1"]], "order %r" % lines)
        check(lines[2][:3] == ["error", "position", DISP_E_BADINDEX] and lines[2][3], "bad index %r" % lines[2:])
        check(data_accounts(run)[1] == {("outlook", "store"): [2, 1]}, "order persisted")


def main():
    global ARGS
    ARGS = e2e.parse_case_args(globals(), "data", "wine")
    return e2e.run_case(ARGS)


if __name__ == "__main__":
    sys.exit(main())
