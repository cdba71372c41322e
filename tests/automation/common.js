// SPDX-License-Identifier: MIT
// Shared by the JScript tests (test_automation.py runs common.js followed by
// the test's own file). Results go to a UTF-16 file, ended by the sentinel.
var fso = new ActiveXObject("Scripting.FileSystemObject");
var out = fso.CreateTextFile(WScript.Arguments.Item(0), true, true);

function emit(line) {
    out.WriteLine(line);
}

function finish() {
    emit("SENTINEL olkhelper automation test done");
    out.Close();
    WScript.Echo("SENTINEL olkhelper automation test done");
    WScript.Quit(0);
}

function readProperties(path) {
    var f = fso.OpenTextFile(path, 1), list = [];
    while (!f.AtEndOfStream) {
        var parts = f.ReadLine().split("\t");
        if (parts.length == 2)
            list.push({ name: parts[0], tag: parseInt(parts[1], 10) });
    }
    f.Close();
    return list;
}
