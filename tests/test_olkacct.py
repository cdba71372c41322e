#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""olkacct end to end under Wine.

olkacct.exe runs in the test prefix against the registered olkhelper.dll,
Wine's mapi32 forwarding to the stand-in MAPI provider, and the stand-in
account manager serving tests/data/sample-accounts.ini. Its table and JSON
are compared field by field with the data file; each error path must give its
own exit code and one "olkacct: ..." line. Every run must leave the stand-ins'
contract checks clean. A case that changes the registry restores it, also when
it fails.

Usage: test_olkacct.py CASE --olkacct EXE --helper DLL --data INI [--wine WINE]
Environment: WINEPREFIX, OLK_BIN, OLK_SOURCE_DIR (as set by CTest).
"""
import argparse
import json
import os
import re
import subprocess
import sys

ARGS = None
EXIT = {"ok": 0, "failure": 1, "usage": 2, "no_helper": 3, "no_manager": 4, "no_mapi": 6,
        "no_profile": 7, "logon_failed": 8, "account_api": 9}
MANAGER_KEY = r"HKLM\Software\Classes\CLSID\{ed475410-b0d6-11d2-8c3b-00104b2a6676}"
TYPE_NAMES = {"mapi": ("Exchange/MAPI", "{ED475414-B0D6-11D2-8C3B-00104B2A6676}"),
              "pop3": ("POP3", "{ED475411-B0D6-11D2-8C3B-00104B2A6676}"),
              "imap4": ("IMAP4", "{ED475412-B0D6-11D2-8C3B-00104B2A6676}"),
              "hotmail": ("Hotmail", "{4DB5CBF0-3B77-4852-BC8E-BB81908861F3}"),
              "ldap": ("LDAP", "{4DB5CBF2-3B77-4852-BC8E-BB81908861F3}")}
CATEGORIES = ["mail", "addressbook", "store"]
# JSON member -> (data file key, kind)
FIELDS = [("id", "ACCT_ID", int), ("name", "ACCT_NAME", str), ("mini_uid", "ACCT_MINI_UID", int),
          ("stamp", "ACCT_STAMP", str), ("email", "ACCT_USER_EMAIL_ADDR", str),
          ("display_name", "ACCT_USER_DISPLAY_NAME", str), ("inet_user", "INET_USER", str),
          ("inet_server", "INET_SERVER", str), ("inet_port", "INET_PORT", int),
          ("smtp_server", "SMTP_SERVER", str), ("smtp_port", "SMTP_PORT", int),
          ("is_exch", "ACCT_IS_EXCH", int), ("delivery_store", "ACCT_DELIVERY_STORE", bytes)]


class Failure(Exception):
    pass


def check(condition, message, result=None):
    if condition:
        return
    if result is not None:
        message += "\n  exit %d\n  stdout: %r\n  stderr: %r" % (result.returncode, result.stdout[:2000],
                                                              result.stderr[:2000])
    raise Failure(message)


# ---- the data file, read the way the stand-in documents it -------------------

def read_accounts(path):
    accounts = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in ";#":
                continue
            if line == "[account]":
                accounts.append({})
                continue
            key, value = (part.strip() for part in line.split("=", 1))
            accounts[-1][key] = value
    return accounts


def shown_categories(account):
    """The stand-in, like Outlook, hides an Exchange account's address book."""
    listed = [c.strip() for c in account["categories"].replace(",", " ").split()]
    return [c for c in CATEGORIES if c in listed and not (c == "addressbook" and account["type"] == "mapi")]


def json_value(raw, kind):
    if raw is None:
        return None
    if kind is int:
        return int(raw, 0)
    if kind is bytes:
        return raw.replace(" ", "").lower()
    return raw


def expected(profile, categories=CATEGORIES):
    """olkacct's records: per category in order, each account once."""
    mine = [a for a in read_accounts(ARGS.data) if a["profile"].lower() == profile.lower()]
    order = []
    for category in CATEGORIES:
        if category in categories:
            order += [a for a in mine if category in shown_categories(a) and a not in order]
    records = []
    for a in order:
        record = {}
        for key, data_key, kind in FIELDS:
            record[key] = json_value(a.get(data_key), kind)
            if key == "name":
                record["type"], record["type_clsid"] = TYPE_NAMES[a["type"]]
                record["categories"] = shown_categories(a)
        records.append(record)
    return records


def table_cells(record):
    def text(value):
        return "-" if value is None or value == "" else str(value)

    def server(host, port):
        if not record[host]:
            return "-"
        return record[host] + ("" if record[port] is None else ":%d" % record[port])

    return [text(record["id"]), text(record["name"]), record["type"],
            ",".join(record["categories"]) or "-", text(record["email"]),
            server("inet_server", "inet_port"), server("smtp_server", "smtp_port")]


# ---- running things under Wine -----------------------------------------------

def environment(extra):
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("OLKSTUB_"):
            del env[name]
    env.update({"OLK_STANDIN_ACCOUNTS": "Z:" + os.path.abspath(ARGS.data).replace("/", "\\"),
                "OLK_STANDIN_REPORT": "1",
                "OLKSTUB_PROFILES": "Outlook;Home;Empty",
                "OLKSTUB_DEFAULT_PROFILE": "Outlook"})
    for name, value in extra.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def olkacct(*args, **env):
    result = subprocess.run([ARGS.wine, ARGS.olkacct, *args], env=environment(env), stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=90)
    print("olkacct %s -> exit %d" % (" ".join(args), result.returncode))
    return result


def wine_tool(*command):
    result = subprocess.run([ARGS.wine, *command], env=environment({}), stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=90)
    check(result.returncode == 0, "wine %s failed" % " ".join(command), result)


def prefix_hook(name):
    hook = os.path.join(os.environ["OLK_SOURCE_DIR"], "tests", "wine", "prefix.d", name)
    result = subprocess.run(["bash", hook], env=environment({}), stdin=subprocess.DEVNULL, capture_output=True,
                            timeout=120)
    check(result.returncode == 0, "prefix hook %s failed" % name, result)


def stderr_lines(result):
    return [line.rstrip("\r") for line in result.stderr.decode("utf-8", "replace").split("\n") if line.strip()]


def check_contracts(result, ran_init):
    """No stand-in saw a contract broken; after an Init the checks really ran."""
    lines = stderr_lines(result)
    bad = [l for l in lines if "contract violation" in l or l.startswith("olkstubmapi: violation")]
    check(not bad, "contract violations reported: %r" % bad, result)
    reports = [l for l in lines if l.startswith("olkstubacctmgr: report:")]
    if not ran_init:
        return
    check(len(reports) == 1, "expected one stand-in report line", result)
    m = re.match(r"olkstubacctmgr: report: (\d+) checks passed, (\d+) violations, (\d+) allocations outstanding$",
                 reports[0])
    check(m and int(m.group(1)) > 0 and m.group(2) == "0" and m.group(3) == "0",
          "stand-in report not clean: %r" % reports[0], result)


def run_ok(*args, **env):
    result = olkacct(*args, **env)
    check(result.returncode == 0, "olkacct %s failed" % " ".join(args), result)
    check(b"\r" not in result.stdout, "CR in the output", result)
    check(not [l for l in stderr_lines(result) if l.startswith("olkacct:")], "olkacct complained", result)
    check_contracts(result, True)
    return result


def run_fails(code, pattern, *args, ran_init=False, **env):
    result = olkacct(*args, **env)
    check(result.returncode == EXIT[code], "olkacct %s: expected exit %d (%s)" % (" ".join(args), EXIT[code], code),
          result)
    check(result.stdout == b"", "output on failure", result)
    mine = [l for l in stderr_lines(result) if l.startswith("olkacct:")]
    check(len(mine) == 1 and re.fullmatch(pattern, mine[0]),
          "expected one line matching %r, got %r" % (pattern, mine), result)
    raw = [l for l in result.stderr.split(b"\n") if l.startswith(b"olkacct:")]
    check(not raw[0].endswith(b"\r"), "CR in olkacct's message", result)
    check_contracts(result, ran_init)
    return result


def parse_table(text):
    """Cells cut at the header's columns, counted in characters."""
    lines = text.split("\n")
    check(lines[-1] == "", "the table does not end with a newline")
    header, rows = lines[0], lines[1:-1]
    names = ["ID", "NAME", "TYPE", "CATEGORIES", "EMAIL", "SERVER", "SMTP"]
    starts = [header.index(n) for n in names]
    check(header.split() == names, "header %r" % header)
    cells = []
    for row in rows:
        cut = [row[starts[i]:(starts[i + 1] if i + 1 < len(starts) else None)] for i in range(len(starts))]
        # Each cell's text ends before the two spaces that lead to the next column.
        for i, cell in enumerate(cut[:-1]):
            check(cell.endswith("  ") and not cell.startswith(" "), "row %r misaligned at %s" % (row, names[i]))
        check(not row.endswith(" "), "trailing spaces in %r" % row)
        cells.append([c.strip() for c in cut])
    return cells


def bits():
    result = olkacct("--version")
    m = re.fullmatch(rb"olkacct \d+\.\d+\.\d+ \((32|64)-bit\)\n", result.stdout)
    check(result.returncode == 0 and m, "--version", result)
    return int(m.group(1))


# ---- cases -------------------------------------------------------------------

def case_table():
    result = run_ok()
    check(parse_table(result.stdout.decode("utf-8")) == [table_cells(r) for r in expected("Outlook")],
          "table differs from the data file", result)
    # Non-ASCII names come out as UTF-8 bytes.
    check("Zoë Łukasiewicz (Fastmail)".encode("utf-8") in result.stdout, "UTF-8 name", result)


def case_json():
    result = run_ok("--json")
    check(json.loads(result.stdout.decode("utf-8")) == expected("Outlook"), "JSON differs from the data file",
          result)
    check("Zoë Łukasiewicz".encode("utf-8") in result.stdout, "UTF-8 name", result)
    check(len(expected("Outlook")) == 4, "the sample data changed: update the tests")


def case_categories():
    for chosen in (["mail"], ["addressbook"], ["store"], ["mail", "addressbook"], ["addressbook", "store"]):
        want = expected("Outlook", chosen)
        check(want, "no account in %s: a vacuous comparison" % chosen)
        got = json.loads(run_ok("--json", "--category", ",".join(chosen)).stdout)
        check(got == want, "--category %s" % ",".join(chosen))
        repeated = [arg for c in chosen for arg in ("-c", c)]
        check(json.loads(run_ok("--json", *repeated).stdout) == want, "repeated -c %s" % chosen)
    # The Exchange account is listed once, with both of its categories.
    got = json.loads(run_ok("--json", "-c", "mail,store").stdout)
    check([r["id"] for r in got] == [1, 2, 3], "mail,store ids %r" % [r["id"] for r in got])
    check(got[0]["categories"] == ["mail", "store"], "Exchange categories")
    rows = parse_table(run_ok("--category=addressbook").stdout.decode("utf-8"))
    check(rows == [table_cells(r) for r in expected("Outlook", ["addressbook"])], "addressbook table")


def case_profile():
    want = expected("Home")
    check(want and want != expected("Outlook"), "profiles must differ for this case to mean anything")
    for name in ("Home", "home"):
        check(json.loads(run_ok("--json", "--profile", name).stdout) == want, "--profile %s" % name)
    check(json.loads(run_ok("--json", "-p", "Outlook", OLKSTUB_DEFAULT_PROFILE="Home").stdout)
          == expected("Outlook"), "an explicit profile wins over the default")
    check(json.loads(run_ok("--json", OLKSTUB_DEFAULT_PROFILE="Home").stdout) == want, "the default profile")
    rows = parse_table(run_ok("--profile=Home").stdout.decode("utf-8"))
    check(rows == [table_cells(r) for r in want], "Home table")


def case_borrow():
    check(json.loads(run_ok("--borrow", "--json").stdout) == expected("Outlook"), "--borrow")
    check(json.loads(run_ok("--borrow", "--json", "--profile", "Home").stdout) == expected("Home"),
          "--borrow --profile Home")
    rows = parse_table(run_ok("--borrow", "-c", "store").stdout.decode("utf-8"))
    check(rows == [table_cells(r) for r in expected("Outlook", ["store"])], "--borrow table")


def case_empty_profile():
    check(run_ok("--profile", "Empty").stdout == b"ID  NAME  TYPE  CATEGORIES  EMAIL  SERVER  SMTP\n", "empty table")
    check(run_ok("--profile", "Empty", "--json").stdout == b"[]\n", "empty JSON")


def case_help_and_version():
    for flag in ("--help", "-h"):
        result = olkacct(flag)
        check(result.returncode == 0 and result.stderr == b"", flag, result)
        text = result.stdout.decode("utf-8")
        check(text.startswith("Usage: olkacct") and "\r" not in text, flag, result)
        for code in EXIT.values():
            check(re.search(r"^  %d  \S" % code, text, re.M), "--help omits exit code %d" % code, result)
        check(not re.search(r"^  (5|53)  ", text, re.M), "--help lists an exit code Wine uses", result)
    check(bits() in (32, 64), "bitness")


def case_bad_arguments():
    run_fails("usage", r"olkacct: unknown option '--bogus' \(try --help\)", "--bogus")
    run_fails("usage", r"olkacct: unknown category \(use mail, addressbook, store or all\): 'calendar' "
                       r"\(try --help\)", "-c", "mail,calendar")
    run_fails("usage", r"olkacct: a profile name must follow '--profile' \(try --help\)", "--profile")
    run_fails("usage", r"olkacct: unexpected argument 'Outlook' \(try --help\)", "Outlook")
    run_fails("usage", r"olkacct: the profile is given twice: 'B' \(try --help\)", "-p", "A", "-p", "B")
    run_fails("usage", "olkacct: unexpected argument 'Łódź' \\(try --help\\)", "Łódź")


def case_unknown_profile():
    for extra in ([], ["--borrow"]):
        run_fails("no_profile", r'olkacct: profile "Nobody" not found \(0x80040111 \(MAPI_E_LOGON_FAILED\)\)',
                  "--profile", "Nobody", *extra)


def case_control_characters():
    """Control characters (C0, DEL, C1) from --profile never reach stderr raw."""
    name = "Evil\x1b]0;title\x07\u009b2J\u0085\x7fname"
    result = run_fails("no_profile",
                       r'olkacct: profile "Evil\ufffd\]0;title\ufffd\ufffd2J\ufffd\ufffdname" not found .*',
                       "--profile", name)
    mine = [l for l in result.stderr.split(b"\n") if l.startswith(b"olkacct:")]
    check(not any(c in mine[0] for c in (b"\x1b", b"\x07", b"\x7f", b"\xc2\x9b", b"\xc2\x85")),
          "raw control character in the message", result)


def case_no_default_profile():
    for extra in ([], ["--borrow"]):
        run_fails("no_profile", r"olkacct: there is no default MAPI profile: name one with --profile \(.*\)",
                  *extra, OLKSTUB_PROFILES="", OLKSTUB_DEFAULT_PROFILE=None)


def case_logon_failed():
    run_fails("logon_failed", r"olkacct: logon to the default profile failed: 0x80040111 \(MAPI_E_LOGON_FAILED\)",
              OLKSTUB_FAIL_LOGON="80040111")
    run_fails("logon_failed", r"olkacct: logon to Home failed: 0x80040115 \(MAPI_E_NETWORK_ERROR\)",
              "--profile", "Home", OLKSTUB_FAIL_LOGON="80040115")
    run_fails("logon_failed", r"olkacct: logon to Home failed: 0x80004005 \(E_FAIL\)",
              "--borrow", "--profile", "Home", OLKSTUB_FAIL_LOGON="80004005")


def case_mapi_fails_to_start():
    for extra in ([], ["--borrow"]):
        run_fails("no_mapi", r"olkacct: MAPI is not installed or does not start \(MAPIInitialize: 0x80004005 "
                             r"\(E_FAIL\)\): .*\(%d-bit\)" % bits(), *extra, OLKSTUB_FAIL_INITIALIZE="80004005")


def case_no_mapi_provider():
    """No default mail client: Wine's mapi32 has no Extended MAPI behind it."""
    wine_tool("reg", "add", r"HKLM\Software\Clients\Mail", "/ve", "/d", "no such client", "/f")
    try:
        for extra in ([], ["--borrow"]):
            run_fails("no_mapi", r"olkacct: MAPI is not installed or does not start \(MAPIInitialize: "
                                 r"0x80040605 \(MAPI_E_NOT_INITIALIZED\)\): .*", *extra)
    finally:
        prefix_hook("10-stubmapi.sh")
    run_ok("-c", "addressbook")


def case_missing_data():
    result = run_fails("account_api", r"olkacct: IOlkAccountManager::Init failed for the default profile: "
                                      r"0x800c8001 \(E_OLK_REGISTRY\)", ran_init=False,
                       OLK_STANDIN_ACCOUNTS="Z:\\no\\such\\accounts.ini")
    check(any(l.startswith("olkstubacctmgr: cannot read the account data file Z:\\no\\such\\accounts.ini")
              for l in stderr_lines(result)), "the stand-in's own line", result)


def case_no_account_manager():
    b = bits()
    wine_tool("reg", "delete", MANAGER_KEY, "/f")
    try:
        run_fails("no_manager", r"olkacct: Outlook's account manager \(CLSID_OlkAccountManager\) is not registered "
                                r"for %d-bit programs: Outlook is not installed, or it is a %d-bit Outlook and "
                                r"needs the %d-bit olkacct \(0x80040154 \(REGDB_E_CLASSNOTREG\)\)" % (b, 96 - b, 96 - b))
        wine_tool("reg", "add", MANAGER_KEY + r"\InprocServer32", "/ve", "/d", r"C:\no\such\outlmime.dll", "/f")
        run_fails("no_manager", r"olkacct: Outlook's account manager is registered but could not be loaded into "
                                r"this %d-bit olkacct: 0x[0-9a-f]{8}.*" % b)
    finally:
        prefix_hook("20-acctmgr.sh")
    run_ok("-c", "addressbook")


def case_other_bitness_only():
    b = bits()
    view, other_view = ("/reg:64", "/reg:32") if b == 64 else ("/reg:32", "/reg:64")
    wine_tool("reg", "delete", MANAGER_KEY, "/f", view)
    try:
        wine_tool("reg", "add", MANAGER_KEY + r"\InprocServer32", "/ve", "/d", r"C:\Office\OUTLMIME.DLL", "/f",
                  other_view)
        run_fails("no_manager", r"olkacct: Outlook's account manager is registered for %d-bit programs only and "
                                r"this olkacct is %d-bit: use the %d-bit olkacct \(0x80040154 "
                                r"\(REGDB_E_CLASSNOTREG\)\)" % (96 - b, b, 96 - b))
    finally:
        subprocess.run([ARGS.wine, "reg", "delete", MANAGER_KEY, "/f", other_view], env=environment({}),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=90)
        prefix_hook("20-acctmgr.sh")
    run_ok("-c", "addressbook")


def case_no_helper():
    b = bits()
    wine_tool("regsvr32", "/u", "/s", ARGS.helper)
    try:
        run_fails("no_helper", r"olkacct: olkhelper is not registered for %d-bit programs: run the %d-bit regsvr32 "
                               r"on the %d-bit olkhelper.dll \(0x80040154 \(REGDB_E_CLASSNOTREG\)\)" % (b, b, b))
    finally:
        wine_tool("regsvr32", "/s", ARGS.helper)
    run_ok("-c", "addressbook")


def main():
    global ARGS
    cases = {name[5:]: f for name, f in globals().items() if name.startswith("case_")}
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=sorted(cases))
    parser.add_argument("--olkacct", required=True)
    parser.add_argument("--helper", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--wine", required=True)
    ARGS = parser.parse_args()
    try:
        cases[ARGS.case]()
    except (Failure, subprocess.TimeoutExpired) as e:
        print("FAILED: %s: %s" % (ARGS.case, e))
        return 1
    print("PASSED: %s" % ARGS.case)
    return 0


if __name__ == "__main__":
    sys.exit(main())
