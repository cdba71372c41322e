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
import shutil
import subprocess
import sys
import tempfile
import time

ARGS = None
DATA = None     # a copy of the data file for the cases that change it
EXIT = {"ok": 0, "failure": 1, "usage": 2, "no_helper": 3, "no_manager": 4, "no_mapi": 6,
        "no_profile": 7, "logon_failed": 8, "account_api": 9, "no_account": 10, "ambiguous": 11, "refused": 12,
        "not_confirmed": 13, "restore_refused": 14, "backup": 15, "some_profiles": 16, "not_kept": 17,
        "ui_busy": 18, "cancelled": 19}
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

def windows_path(path):
    return "Z:" + os.path.abspath(path).replace("/", "\\")


def environment(extra):
    env = dict(os.environ)
    for name in list(env):
        if name.startswith("OLKSTUB_") or name.startswith("OLK_STANDIN_"):
            del env[name]
    env.update({"OLK_STANDIN_ACCOUNTS": windows_path(DATA or ARGS.data),
                "OLK_STANDIN_REPORT": "1",
                "OLKSTUB_PROFILES": "Outlook;Home;Empty",
                "OLKSTUB_DEFAULT_PROFILE": "Outlook"})
    for name, value in extra.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def olkacct(*args, stdin=None, **env):
    result = subprocess.run([ARGS.wine, ARGS.olkacct, *args], env=environment(env),
                            input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
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


def check_contracts(result, ran_init, managers=1):
    """No stand-in saw a contract broken; after an Init the checks really ran (once per manager)."""
    lines = stderr_lines(result)
    bad = [l for l in lines if "contract violation" in l or l.startswith("olkstubmapi: violation")]
    check(not bad, "contract violations reported: %r" % bad, result)
    reports = [l for l in lines if l.startswith("olkstubacctmgr: report:")]
    if not ran_init:
        return
    check(len(reports) == managers, "expected %d stand-in report lines" % managers, result)
    for report in reports:
        m = re.match(r"olkstubacctmgr: report: (\d+) checks passed, (\d+) violations, (\d+) allocations outstanding$",
                     report)
        check(m and int(m.group(1)) > 0 and m.group(2) == "0" and m.group(3) == "0",
              "stand-in report not clean: %r" % report, result)


def run_ok(*args, managers=1, **env):
    result = olkacct(*args, **env)
    check(result.returncode == 0, "olkacct %s failed" % " ".join(args), result)
    check(b"\r" not in result.stdout, "CR in the output", result)
    check(not [l for l in stderr_lines(result) if l.startswith("olkacct:")], "olkacct complained", result)
    check_contracts(result, True, managers)
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


def case_trace():
    """--trace shows, on stderr, the calls the account manager made into the helper, in their order; the
    output itself is what it is without it."""
    plain = run_ok("-c", "addressbook")
    traced = run_ok("--trace", "-c", "addressbook")
    check(traced.stdout == plain.stdout, "--trace changed the output", traced)
    lines = [l for l in stderr_lines(traced) if l.startswith("olkhelper ")]
    check(all(re.match(r"olkhelper \d+:\d+ \S+ (helper|mapi|session|registry): ", l) for l in lines),
          "a trace line of another form", traced)
    wanted = [r" helper: \S+ created$", r" helper: \S+ UseProfile\(\"\(default\)\", 0\) -> 00000000$",
              r" mapi: MAPILogonEx\(\"\(default\)\", flags 0x\w+\) -> 00000000",
              r" helper: \S+ GetMapiSession -> 00000000", r" helper: \S+ PlaceHolder1\(\S+\) -> 80004001$",
              r" helper: \S+ GetIdentity\(\S+, \d+\) -> 00000000, cch 8, \"Outlook\"$",
              r" helper: \S+ HandsOffSession -> 00000000$", r" helper: \S+ Release -> 0$"]
    at = 0
    for pattern in wanted:
        found = next((i for i in range(at, len(lines)) if re.search(pattern, lines[i])), None)
        check(found is not None, "the trace lacks, in order: %s" % pattern, traced)
        at = found + 1
    check(not [l for l in stderr_lines(plain) if l.startswith("olkhelper ")], "a trace without --trace", plain)


def case_help_and_version():
    for flag in ("--help", "-h"):
        result = olkacct(flag)
        check(result.returncode == 0 and result.stderr == b"", flag, result)
        text = result.stdout.decode("utf-8")
        check(text.startswith("Usage: olkacct") and "\r" not in text, flag, result)
        for code in EXIT.values():
            check(re.search(r"^ *%d  \S" % code, text, re.M), "--help omits exit code %d" % code, result)
        check(not re.search(r"^ *(5|53)  ", text, re.M), "--help lists an exit code Wine uses", result)
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



# ---- managing accounts: show, set, restore, delete, order, watch ---------------

class DataCopy:
    """The cases that change accounts work on a copy of the data file."""

    def __init__(self, extra=""):
        self.extra = extra

    def __enter__(self):
        global DATA
        self.dir = tempfile.mkdtemp(prefix="olkacct-e2e-")
        DATA = os.path.join(self.dir, "accounts.ini")
        with open(ARGS.data, encoding="utf-8") as f:
            text = f.read()
        with open(DATA, "w", encoding="utf-8") as f:
            f.write(text + self.extra)
        return self

    def path(self, name):
        return os.path.join(self.dir, name)

    def __exit__(self, *exc):
        global DATA
        DATA = None
        shutil.rmtree(self.dir, ignore_errors=True)


def raw_bytes():
    with open(DATA, "rb") as f:
        return f.read()


def normalized(value):
    """A data file value as the stand-in reads it: numbers by value, hex bytes without spaces."""
    if re.fullmatch(r"0[xX][0-9a-fA-F]+|[0-9]+", value):
        return int(value, 0)
    if re.fullmatch(r"([0-9a-fA-F]{2} )*[0-9a-fA-F]{2}", value) and " " in value:
        return value.replace(" ", "").lower()
    return value


def parsed_data(path=None):
    """Accounts keyed by (profile, ACCT_ID), values normalized; and the [order] sections."""
    accounts, orders, section = {}, {}, None
    with open(path or DATA, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in ";#":
                continue
            if line in ("[account]", "[order]"):
                section = {"[section]": line}
                continue
            key, value = (part.strip() for part in line.split("=", 1))
            section[key.upper() if key.lower() not in ("profile", "type", "categories", "category", "accounts")
                    else key.lower()] = value
            if section["[section]"] == "[account]" and "ACCT_ID" in section and "profile" in section:
                accounts[(section["profile"].lower(), int(section["ACCT_ID"], 0))] = section
            if section["[section]"] == "[order]" and "profile" in section and "category" in section:
                orders[(section["profile"].lower(), section["category"])] = section
    result = {}
    for key, a in accounts.items():
        result[key] = {k: (sorted(v.replace(",", " ").split()) if k == "categories" else normalized(v))
                       for k, v in a.items() if k != "[section]"}
    order = {key: [int(x) for x in o.get("accounts", "").replace(",", " ").split()] for key, o in orders.items()}
    return result, order


def changed_properties(before, after):
    """{(profile, id): {key: (old, new)}} of every difference."""
    diff = {}
    for key in set(before) | set(after):
        a, b = before.get(key, {}), after.get(key, {})
        props = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
        if props or key not in before or key not in after:
            diff[key] = props
    return diff


def run_managed(code, *args, stdin=None, **env):
    """A managing run: its exit code, the stand-in's checks clean, stdout and olkacct's stderr lines."""
    result = olkacct(*args, stdin=stdin, **env)
    check(result.returncode == EXIT[code], "olkacct %s: expected exit %d (%s)" % (" ".join(args), EXIT[code], code),
          result)
    check(b"\r" not in result.stdout, "CR in the output", result)
    # A change refused before the account manager was opened leaves no report.
    check_contracts(result, any(l.startswith("olkstubacctmgr: report:") for l in stderr_lines(result)))
    mine = [l for l in stderr_lines(result) if l.startswith("olkacct:")]
    return result.stdout.decode("utf-8"), mine, result


def refused(code, pattern, *args, stdin=None, **env):
    """Refused with one matching line, and the data file untouched."""
    before = raw_bytes()
    out, mine, result = run_managed(code, *args, stdin=stdin, **env)
    check(any(re.fullmatch(pattern, l) for l in mine), "expected a line matching %r, got %r" % (pattern, mine),
          result)
    check(raw_bytes() == before, "olkacct %s changed the data file" % " ".join(args), result)
    return out, mine


def shown_value(data_value, kind):
    return json_value(data_value, kind) if data_value is not None else None


def case_show():
    sample = {(k[0], k[1]): v for k, v in parsed_data(ARGS.data)[0].items()}
    for ident in ("2", "gmx (pop3)", "CONTOSO DIRECTORY"):
        result = run_ok("show", ident, "--json")
        shown = json.loads(result.stdout.decode("utf-8"))
        account = sample[("outlook", shown["id"])]
        check(shown["type"] == TYPE_NAMES[account["type"]][0], "show type")
        by_name = {p["name"]: p for p in shown["properties"]}
        check(len(by_name) == 31, "show lists every documented property: %d" % len(by_name))
        for member, prop in by_name.items():
            key = prop["property"][len("PROP_"):]
            want = account.get(key)
            if prop["secret"]:
                check(prop["value"] == ("set" if want is not None else "not set"), "secret %s" % member)
            elif prop["type"] == "PT_LONG":
                check(prop["value"] == want, "show %s: %r != %r" % (member, prop["value"], want))
            elif prop["type"] == "PT_BINARY":
                check(prop["value"] == (None if want is None else str(want).replace(" ", "").lower()),
                      "show %s" % member)
            else:
                check(prop["value"] == (None if want is None else str(want)), "show %s" % member)
            check(prop["access"] == ("read/write" if member in ("name", "display_name", "email", "delivery_store",
                                                                 "delivery_folder", "mapi_identity_entry_id",
                                                                 "mapi_transport_flags") else "read-only"),
                  "access of %s" % member)
    gmx = json.loads(run_ok("show", "3", "--json").stdout)
    check({p["name"]: p.get("value_names") for p in gmx["properties"]}["smtp_secure_connection"]
          == "ENCRYPT_CONN_TLS", "documented value names")
    text = run_ok("show", "3").stdout.decode("utf-8")
    check(re.search(r"^smtp_secure_connection +2 \(ENCRYPT_CONN_TLS\) +read-only$", text, re.M), "show text", None)
    check(re.search(r"^name +\"GMX \(POP3\)\" +read/write$", text, re.M), "show text name")
    check(re.search(r"^inet_password +not set +read-only, secret$", text, re.M), "show text secret")


def case_show_secret():
    with DataCopy("\n[account]\nprofile = Outlook\ntype = pop3\ncategories = mail\nACCT_ID = 9\nACCT_NAME = Secret\n"
                  "INET_PASSWORD = hunter2-secret\n"):
        for args in (["show", "9"], ["show", "9", "--json"], ["--json"]):
            result = run_ok(*args)
            check(b"hunter2" not in result.stdout, "a secret printed", result)
        shown = json.loads(run_ok("show", "Secret", "--json").stdout)
        check({p["name"]: p["value"] for p in shown["properties"]}["inet_password"] == "set", "secret set")


def case_account_names():
    extra = ("\n[account]\nprofile = Outlook\ntype = pop3\ncategories = mail\nACCT_ID = 7\nACCT_NAME = gmx (pop3)\n"
             "\n[account]\nprofile = Outlook\ntype = pop3\ncategories = mail\nACCT_ID = 8\nACCT_NAME = 2\n")
    with DataCopy(extra):
        refused("no_account", r'olkacct: no account "Nobody" in the default profile', "show", "Nobody")
        refused("no_account", r"olkacct: no account 99 in Home", "show", "99", "-p", "Home")
        refused("ambiguous", r'olkacct: the name "GMX \(pop3\)" is ambiguous: accounts 3 and 7 have it; name one '
                             r'by its ID', "set", "GMX (pop3)", "name=x")
        check(json.loads(run_ok("show", "--name", "2", "--json").stdout)["id"] == 8, "--name forces a name")
        check(json.loads(run_ok("show", "2", "--json").stdout)["id"] == 2, "digits are an ID")
        check(json.loads(run_ok("show", "--json", "--", "8").stdout)["name"] == "2", "-- ends the options")


def case_set():
    with DataCopy() as d:
        before = parsed_data()[0]
        result = run_ok("set", "Gmail", "display_name=K. Nowak", "name=Gmail (work)", "-p", "Home",
                        "--backup", windows_path(d.path("b.json")))
        lines = result.stdout.decode("utf-8").split("\n")
        check(lines[0] == 'display_name: "Kasia Nowak" -> "K. Nowak"', "before -> after: %r" % lines[0])
        check(lines[1] == 'name: "Gmail" -> "Gmail (work)"', "before -> after: %r" % lines[1])
        check(lines[2] == "backup: " + windows_path(d.path("b.json")), "backup line %r" % lines[2])
        diff = changed_properties(before, parsed_data()[0])
        check(diff == {("home", 2): {"ACCT_USER_DISPLAY_NAME": ("Kasia Nowak", "K. Nowak"),
                                     "ACCT_NAME": ("Gmail", "Gmail (work)")}}, "changed exactly: %r" % diff)
        listed = {r["id"]: r for r in json.loads(run_ok("list", "--json", "-p", "Home").stdout)}
        check(listed[2]["display_name"] == "K. Nowak" and listed[2]["name"] == "Gmail (work)", "list after set")
        with open(d.path("b.json"), encoding="utf-8") as f:
            backup = json.load(f)
        check(backup["operation"] == "set" and backup["profile"] == "Home", "backup head %r" % backup)
        check(backup["accounts"][0]["before"] == {"display_name": "Kasia Nowak", "name": "Gmail"}, "backup before")
        check(backup["accounts"][0]["after"] == {"display_name": "K. Nowak", "name": "Gmail (work)"}, "backup after")
        # binary, and the default backup place
        result = run_ok("set", "2", "delivery_store=00112233aabb")
        check(parsed_data()[0][("outlook", 2)]["ACCT_DELIVERY_STORE"] == "00112233aabb", "binary set")
        path = result.stdout.decode("utf-8").split("\n")[-2]
        check(re.fullmatch(r"backup: C:\\users\\[^\\]+\\AppData\\Local\\olkacct\\backups\\olkacct-\d{8}-\d{6}-\d{3}"
                           r"-set\.json", path, re.I), "default backup place %r" % path)


def case_set_refused():
    with DataCopy() as d:
        backup = d.path("never.json")
        for code, pattern, args in [
                ("refused", r"olkacct: inet_port is documented read-only \(add --allow-read-only to try it anyway\)",
                 ["inet_port=995"]),
                ("refused", r"olkacct: unknown property 'colour' \(the names are the JSON names of docs/properties.md\)",
                 ["colour=blue"]),
                ("refused", r"olkacct: unknown property 'żółw' \(the names are the JSON names of docs/properties.md\)",
                 ["żółw=zielony"]),
                ("refused", r"olkacct: delivery_store: 'xyz' is not hex bytes \(an even number of hex digits\)",
                 ["delivery_store=xyz"]),
                ("refused", r"olkacct: name: '' is an empty value cannot be set .*", ["name="]),
                ("refused", r"olkacct: name is given twice", ["name=a", "name=b"]),
                ("refused", r"olkacct: inet_password is a secret: never on the command line; .*",
                 ["inet_password=hunter2", "--allow-read-only"]),
                ("refused", r"olkacct: smtp_secure_connection: '7' is not one of the documented values",
                 ["smtp_secure_connection=7", "--allow-read-only"]),
                ("refused", r"olkacct: inet_port: '65536x' is not a number below 2\^32 nor a documented value name",
                 ["inet_port=65536x", "--allow-read-only"]),
                ("usage", r"olkacct: expected NAME=VALUE, not 'name' \(try olkacct set --help\)", ["name"]),
                ("no_account", r'olkacct: no account "Nobody" in the default profile', ["--name", "Nobody", "name=x"])]:
            account = [] if "--name" in args else ["3"]
            refused(code, pattern, "set", *account, *args, "--backup", windows_path(backup))
            check(not os.path.exists(backup), "a backup for a refused set")
        # The first value is good, the second is not: nothing is written.
        refused("refused", r"olkacct: inet_port is documented read-only .*", "set", "3", "name=ok", "inet_port=1")


def case_set_dry_run():
    with DataCopy() as d:
        before = raw_bytes()
        result = run_ok("set", "3", "name=New name", "email=a@b.c", "--dry-run", "--backup",
                        windows_path(d.path("b.json")))
        check(result.stdout.decode("utf-8") == 'name: "GMX (POP3)" -> "New name" (dry run)\n'
                                               'email: "a.kowalska@gmx.net" -> "a@b.c" (dry run)\n', "dry run", result)
        check(raw_bytes() == before, "--dry-run changed the data file")
        check(not os.path.exists(d.path("b.json")), "--dry-run wrote a backup")


def case_set_read_only():
    with DataCopy() as d:
        refused("not_kept", r"olkacct: inet_port: refused by the account manager \(0x800c800d "
                            r"\(E_OLK_PROP_READ_ONLY\)\): nothing saved", "set", "2", "inet_port=995",
                "--allow-read-only")
        before = parsed_data()
        out, mine, result = run_managed("not_kept", "set", "2", "inet_port=995", "--allow-read-only",
                                        OLK_STANDIN_READ_ONLY="ignore")
        check(out.startswith("inet_port: 993 -> 993 (read-only: ignored)\n"), "ignored reported", result)
        check(any("inet_port: ignored by the account manager" in l for l in mine), "ignored line", result)
        check(parsed_data() == before, "ignored: the data changed")
        out, mine, result = run_managed("ok", "set", "2", "inet_port=995", "smtp_secure_connection=ENCRYPT_CONN_TLS",
                                        "--allow-read-only", "--backup", windows_path(d.path("b.json")),
                                        OLK_STANDIN_READ_ONLY="accept")
        check(out.startswith("inet_port: 993 -> 995 (read-only: kept)\n"
                             "smtp_secure_connection: - -> 2 (ENCRYPT_CONN_TLS) (read-only: kept)\n"), "kept", result)
        check(parsed_data()[0][("outlook", 2)]["INET_PORT"] == 995, "kept: changed")
        # A secret only from standard input, and never in a backup.
        out, mine, result = run_managed("ok", "set", "2", "inet_password=-", "--allow-read-only", "--backup",
                                        windows_path(d.path("s.json")), stdin=b"hunter2-secret\n",
                                        OLK_STANDIN_READ_ONLY="accept")
        check(out.startswith("inet_password: not set -> set (read-only: kept)\n"), "secret set", result)
        check(b"hunter2" not in result.stdout and b"hunter2" not in result.stderr, "secret echoed", result)
        check("hunter2-secret" in raw_bytes().decode("utf-8"), "the stand-in keeps the secret")
        for name in os.listdir(d.dir):
            if name.endswith(".json"):
                with open(d.path(name), "rb") as f:
                    check(b"hunter2" not in f.read(), "a backup holds a secret: %s" % name)
        with open(d.path("s.json"), encoding="utf-8") as f:
            check(json.load(f)["accounts"][0]["secrets"] == ["inet_password"], "the secret noted by name")


def case_restore():
    with DataCopy() as d:
        original = parsed_data()
        b = windows_path(d.path("b.json"))
        run_ok("set", "2", "name=Fastmail", "display_name=Z", "--backup", b)
        check(parsed_data() != original, "set changed nothing")
        changed = parsed_data()
        r = windows_path(d.path("r.json"))
        out = run_ok("restore", b, "--backup", r).stdout.decode("utf-8")
        check(out.endswith("restored: %s\nbackup: %s\n" % (b, r)), "restore output %r" % out)
        check(parsed_data() == original, "restore did not return the data to its previous content")
        # The restore backed up what it replaced, as a set: restoring that undoes it.
        with open(d.path("r.json"), encoding="utf-8") as f:
            own = json.load(f)
        check(own["operation"] == "set" and own["accounts"][0]["before"]["name"] == "Fastmail"
              and own["accounts"][0]["after"]["name"] != "Fastmail", "the restore's own backup %r" % own)
        run_ok("restore", r, "--backup", windows_path(d.path("rr.json")))
        check(parsed_data() == changed, "restoring the restore's backup")
        run_ok("restore", windows_path(d.path("rr.json")))
        check(parsed_data() == original, "restoring twice over")
        # Nothing to put back: no backup written.
        out = run_ok("restore", windows_path(d.path("rr.json")), "--force", "--backup",
                     windows_path(d.path("none.json"))).stdout.decode("utf-8")
        check(out == "restored: %s\n" % windows_path(d.path("rr.json")), "an empty restore %r" % out)
        check(not os.path.exists(d.path("none.json")), "an empty restore wrote a backup")
        # A later edit is never overwritten silently; after --force, the restore's own backup brings it back.
        run_ok("set", "2", "name=Fastmail", "--backup", windows_path(d.path("c.json")))
        run_ok("set", "2", "name=Edited later", "--backup", windows_path(d.path("e.json")))
        edited = parsed_data()
        refused("restore_refused", r'olkacct: not restored: account 2 name is now "Edited later", not "Fastmail" as '
                                   r'the change left it \(--force restores anyway\)', "restore",
                windows_path(d.path("c.json")))
        out = run_ok("restore", windows_path(d.path("c.json")), "--force").stdout.decode("utf-8")
        check(parsed_data() == original, "restore --force")
        own = re.search(r"^backup: (.*-restore\.json)$", out, re.M)
        check(own is not None, "restore --force names its backup: %r" % out)
        run_ok("restore", own.group(1))
        check(parsed_data() == edited, "the edit overwritten by --force, back from the restore's backup")
        refused("backup", r"olkacct: cannot write the backup .*: nothing changed", "restore",
                windows_path(d.path("c.json")), "--force", "--backup", windows_path(d.path("e.json")))
        check(parsed_data() == edited, "a restore whose backup cannot be written changed something")
        # Backups are written whole, beside their place, then moved there: nothing partial stays.
        check(not [n for n in os.listdir(d.dir) if n.endswith(".partial")], "a partial backup left behind")

    # A restore that fails halfway: two accounts, the second refused by the account manager. The first stays
    # restored, the error names the restore's own backup, and restoring that puts the first back as well.
    with DataCopy() as d:
        a, b, both, own = (windows_path(d.path(n)) for n in ("a.json", "b.json", "both.json", "own.json"))
        run_ok("set", "2", "name=Halfway", "--backup", a)
        run_managed("ok", "set", "3", "inet_port=996", "--allow-read-only", "--backup", b,
                    OLK_STANDIN_READ_ONLY="accept")
        with open(d.path("a.json"), encoding="utf-8") as f:
            merged = json.load(f)
        with open(d.path("b.json"), encoding="utf-8") as f:
            merged["accounts"] += json.load(f)["accounts"]
        merged["allow_read_only"] = True
        with open(d.path("both.json"), "w", encoding="utf-8") as f:
            json.dump(merged, f)
        before = parsed_data()
        out, mine, result = run_managed("account_api", "restore", both, "--backup", own)
        check(any(re.fullmatch(r"olkacct: restoring account 3 failed \(inet_port\): .*", l) for l in mine),
              "the refused account named", result)
        check(any(l == "olkacct: what this restore replaced is in the backup %s" % own for l in mine),
              "the restore's own backup named after a failure halfway", result)
        halfway = changed_properties(before[0], parsed_data()[0])
        check(halfway.keys() == {("outlook", 2)}, "only the first account restored: %r" % halfway)
        run_ok("restore", own)
        check(parsed_data() == before, "the restore's own backup did not undo the half of it that was done")
        refused("backup", r"olkacct: .* is not an olkacct backup \(at byte \d+\)", "restore", windows_path(DATA))
        refused("backup", r"olkacct: cannot read the backup .*", "restore", windows_path(d.path("none.json")))


def case_delete():
    with DataCopy() as d:
        b = windows_path(d.path("d.json"))
        refused("not_confirmed", r'olkacct: not deleted: add --yes to delete account 3 "GMX \(POP3\)" \(POP3\); a '
                                 r'deleted account cannot be recreated through the API', "delete", "3", "--backup", b)
        check(not os.path.exists(d.path("d.json")), "a backup without --yes")
        before = parsed_data()[0]
        out = run_ok("delete", "GMX (POP3)", "--yes", "--backup", b).stdout.decode("utf-8")
        check(out == 'deleted: 3 "GMX (POP3)"\nbackup: %s\n' % b, "delete output %r" % out)
        check(changed_properties(before, parsed_data()[0]).keys() == {("outlook", 3)}, "deleted exactly one")
        check(("outlook", 3) not in parsed_data()[0], "account 3 still there")
        check([r["id"] for r in json.loads(run_ok("--json").stdout)] == [1, 2, 4], "list after delete")
        with open(d.path("d.json"), encoding="utf-8") as f:
            backup = json.load(f)
        check(backup["accounts"][0]["before"]["inet_server"] == "pop.gmx.net", "delete backup")
        refused("restore_refused", r"olkacct: .* is the backup of a deletion: it cannot be restored, as the Account "
                                   r"Management API cannot create accounts .*", "restore", b)


def case_order():
    with DataCopy() as d:
        check(run_ok("order", "store").stdout.decode("utf-8")
              == '1  "anna.kowalska@contoso.com"\n2  "Zoë Łukasiewicz (Fastmail)"\n', "GetOrder store")
        check(run_ok("order", "mail").stdout.decode("utf-8").count("\n") == 3, "GetOrder mail")
        refused("refused", r"olkacct: the order of mail accounts cannot be set through the documented API .*",
                "order", "mail", "3", "2", "1")
        refused("refused", r"olkacct: account 1 is missing: the order takes every store account of the profile "
                           r"exactly once", "order", "store", "2")
        refused("refused", r'olkacct: account 3 "GMX \(POP3\)" is not a store account: .*', "order", "store", "1",
                "2", "3")
        refused("refused", r'olkacct: account 2 .* is given twice', "order", "store", "2", "2")
        refused("usage", r"olkacct: unknown category 'calendar' .*", "order", "calendar")
        b = windows_path(d.path("o.json"))
        out = run_ok("order", "store", "2", "anna.kowalska@contoso.com", "--backup", b).stdout.decode("utf-8")
        check(out.startswith('2  "Zoë Łukasiewicz (Fastmail)"\n1  '), "SetOrder output %r" % out)
        check(parsed_data()[1] == {("outlook", "store"): [2, 1]}, "order persisted %r" % (parsed_data()[1],))
        check(run_ok("order", "store").stdout.decode("utf-8").startswith("2  "), "GetOrder after SetOrder")
        with open(d.path("o.json"), encoding="utf-8") as f:
            backup = json.load(f)
        check(backup["before"] == [1, 2] and backup["after"] == [2, 1] and backup["category"] == "store", "backup")
        r = windows_path(d.path("or.json"))
        out = run_ok("restore", b, "--backup", r).stdout.decode("utf-8")
        check(out == "restored: %s\nbackup: %s\n" % (b, r), "order restore output %r" % out)
        check(run_ok("order", "store").stdout.decode("utf-8").startswith("1  "), "order restored")
        with open(d.path("or.json"), encoding="utf-8") as f:
            own = json.load(f)
        check(own["operation"] == "order" and own["before"] == [2, 1] and own["after"] == [1, 2],
              "the order restore's own backup %r" % own)
        run_ok("restore", r)
        check(run_ok("order", "store").stdout.decode("utf-8").startswith("2  "), "order restore undone")
        run_ok("restore", b, "--force")
        refused("restore_refused", r"olkacct: not restored: the order of store has changed since the backup .*",
                "restore", b)


def start_watch(*args):
    """olkacct watch in the background, once its listening line is on stderr."""
    process = subprocess.Popen([ARGS.wine, ARGS.olkacct, "watch", *args], env=environment({}),
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    started = time.monotonic()
    line = process.stderr.readline().decode("utf-8").rstrip("\r\n")
    while line and not line.startswith("olkacct:"):
        line = process.stderr.readline().decode("utf-8").rstrip("\r\n")
    return process, started, line


def finish_watch(process):
    out, err = process.communicate(timeout=90)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def case_watch():
    """Another olkacct's set, delete and order reach watch: the stand-in notifies
    its sinks of what other processes write to the data file (file_watch.c)."""
    with DataCopy() as d:
        process, started, listening = start_watch("--timeout", "12")
        check(listening == "olkacct: listening for account changes in Outlook (Ctrl-C to stop)",
              "listening line first: %r" % listening)
        run_ok("set", "2", "name=Renamed", "--backup", windows_path(d.path("s.json")))
        run_ok("delete", "3", "--yes", "--backup", windows_path(d.path("d.json")))
        run_ok("order", "store", "2", "1", "--backup", windows_path(d.path("o.json")))
        result = finish_watch(process)
        took = time.monotonic() - started
        check(result.returncode == 0, "watch", result)
        check(result.stdout.decode("utf-8") == 'changed 2 "Renamed"\ndeleted 3\norder-changed\n',
              "watch output", result)
        check(took >= 12, "watch ended before its timeout (%.1f s)" % took)
        check_contracts(result, True)
        process, started, listening = start_watch("--json", "--timeout", "6", "-p", "Home")
        check(listening == "olkacct: listening for account changes in Home (Ctrl-C to stop)", "listening line")
        run_ok("set", "Gmail", "display_name=K", "-p", "Home", "--backup", windows_path(d.path("h.json")))
        run_ok("set", "2", "display_name=Not Home", "--backup", windows_path(d.path("x.json")))
        result = finish_watch(process)
        check(result.returncode == 0, "watch --json", result)
        check([json.loads(l) for l in result.stdout.decode("utf-8").splitlines()]
              == [{"event": "changed", "id": 2, "name": "Gmail"}], "watch --json output", result)
    run_fails("usage", r"olkacct: the timeout must be 1 to 86400 seconds, not '0' \(try olkacct watch --help\)",
              "watch", "--timeout", "0")


def dialog_run(*args, close=None):
    """olkacct dialog on a private X server; the stand-in's test hook presses a button."""
    check(shutil.which("xvfb-run"), "xvfb-run is not installed (package xvfb; tools/run.sh test installs it)")
    env = environment({"OLK_STANDIN_DIALOG_CLOSE": close} if close else {})
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 800x600x24", ARGS.wine, ARGS.olkacct, "dialog", *args],
                            env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=90)
    print("olkacct dialog %s (%s) -> exit %d" % (" ".join(args), close, result.returncode))
    return result, [l for l in stderr_lines(result) if l.startswith("olkacct:")]


APP_DESKTOP = r"HKCU\Software\Wine\AppDefaults\olkacct.exe\Explorer"


def case_dialog():
    """Each documented result of DisplayAccountList as olkacct's exit code, through the stand-in's dialogs.
    olkacct gets a Wine virtual desktop of its own for the case (as tests/dialog_x.sh gives its program): the
    default desktop, started by an earlier program without a display, could make no window."""
    wine_tool("reg", "add", APP_DESKTOP, "/v", "Desktop", "/d", "olkacct-dialog", "/f")
    wine_tool("reg", "add", r"HKCU\Software\Wine\Explorer\Desktops", "/v", "olkacct-dialog", "/d", "800x600", "/f")
    try:
        dialog_cases()
    finally:
        subprocess.run([ARGS.wine, "reg", "delete", APP_DESKTOP, "/f"], env=environment({}),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=90)
    run_ok("-c", "addressbook")


def dialog_cases():
    for args, close, code, message in [
            ([], "300", "ok", None),                 # Close: S_OK
            ([], "300,cancel", "ok", None),          # the close box: MAPI_E_USER_CANCEL, a normal close
            (["--data"], "300", "ok", None),
            (["--add"], "300", "ok", None),          # Next >: S_OK
            (["--add"], "300,cancel", "cancelled",
             "olkacct: Add New Account was closed without adding an account (0x80004005 (E_FAIL))")]:
        result, mine = dialog_run(*args, close=close)
        check(result.returncode == EXIT[code], "dialog %s %s: expected exit %d" % (args, close, EXIT[code]), result)
        check(result.stdout == b"", "dialog prints nothing", result)
        check(mine == ([message] if message else []), "dialog's message: %r" % mine, result)
        check_contracts(result, True)
    # Without an X display Wine 8 can make no window: the dialog fails.
    run_fails("account_api", r"olkacct: the account dialog failed \(0x80004005 \(E_FAIL\)\)", "dialog", ran_init=True,
              DISPLAY=None, OLK_STANDIN_DIALOG_CLOSE="300")


def case_all_profiles():
    env = {"OLKSTUB_PROFILES": "Outlook;Home;Empty;Broken", "OLKSTUB_FAIL_LOGON": "80040115",
           "OLKSTUB_FAIL_LOGON_PROFILE": "Broken"}
    result = olkacct("list", "--all-profiles", "--json", **env)
    check(result.returncode == EXIT["some_profiles"], "--all-profiles with a failing profile", result)
    check_contracts(result, True, managers=3)
    got = json.loads(result.stdout.decode("utf-8"))
    check([p["profile"] for p in got] == ["Outlook", "Home", "Empty", "Broken"], "profiles %r" % got)
    check([p["default"] for p in got] == [True, False, False, False], "default flags")
    check(got[0]["accounts"] == expected("Outlook") and got[1]["accounts"] == expected("Home"), "accounts")
    check(got[2]["accounts"] == [] and "error" not in got[2], "empty profile")
    check(got[3]["accounts"] is None and got[3]["error"] == "logon to Broken failed: 0x80040115 "
          "(MAPI_E_NETWORK_ERROR)", "failed profile %r" % got[3])
    check([l for l in stderr_lines(result) if l.startswith("olkacct:")]
          == ["olkacct: logon to Broken failed: 0x80040115 (MAPI_E_NETWORK_ERROR)"], "its stderr line", result)
    result = run_ok("--all-profiles", managers=3, OLKSTUB_PROFILES="Outlook;Home;Empty")
    text = result.stdout.decode("utf-8")
    parts = text.split("\n\n")
    check(len(parts) == 3 and parts[0].startswith("Profile Outlook (default)\n") and parts[2].startswith(
        "Profile Empty\nID  NAME"), "text form %r" % text)
    check(parse_table(parts[1].split("\n", 1)[1] + "\n") == [table_cells(r) for r in expected("Home")], "Home table")
    run_fails("usage", r"olkacct: '--all-profiles' reads every profile: not with '--profile' \(try olkacct list "
                       r"--help\)", "list", "--all-profiles", "-p", "Home")


def case_subcommand_grammar():
    """Options before or after the subcommand; no subcommand is list, byte for byte."""
    plain = run_ok("--json", "-p", "Home").stdout
    for args in (["list", "--json", "-p", "Home"], ["-p", "Home", "list", "--json"], ["--json", "list", "--profile=Home"]):
        check(run_ok(*args).stdout == plain, "list %r" % args)
    check(run_ok("list").stdout == run_ok().stdout, "list table")
    for command in ("list", "show", "set", "restore", "delete", "order", "watch", "dialog"):
        result = olkacct(command, "--help")
        text = result.stdout.decode("utf-8")
        check(result.returncode == 0 and text.startswith("Usage: olkacct"), "%s --help" % command, result)
        for code in EXIT.values():
            check(re.search(r"^ ?%2d  \S" % code, text, re.M), "%s --help omits exit code %d" % (command, code))
    run_fails("usage", r"olkacct: '--yes' does not apply to 'show' \(try olkacct show --help\)", "show", "1", "--yes")
    run_fails("usage", r"olkacct: 'show' needs an ACCOUNT \(try olkacct show --help\)", "show")
    run_fails("usage", r"olkacct: '--data' and '--add' exclude each other \(try olkacct dialog --help\)", "dialog",
              "--data", "--add")
    run_fails("usage", r"olkacct: unexpected argument '2' \(try olkacct show --help\)", "show", "1", "2")


def parse_case_args(namespace, *options):
    """The command line of a test driver: the case (a case_* function of namespace) and the required --options."""
    cases = {name[5:]: f for name, f in namespace.items() if name.startswith("case_")}
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=sorted(cases))
    for option in options:
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    args.run = cases[args.case]
    return args


def run_case(args):
    """Runs the chosen case; PASSED or FAILED with the reason, and the exit code."""
    try:
        args.run()
    except (Failure, subprocess.TimeoutExpired) as e:
        print("FAILED: %s: %s" % (args.case, e))
        return 1
    print("PASSED: %s" % args.case)
    return 0


def main():
    global ARGS
    ARGS = parse_case_args(globals(), "olkacct", "helper", "data", "wine")
    return run_case(ARGS)


if __name__ == "__main__":
    sys.exit(main())
