// SPDX-License-Identifier: MIT
// read.js OUT PROPERTIES PROFILE: logs on to PROFILE, lists every account
// with new Enumerator and reads every documented property by its
// automation name.
var properties = readProperties(WScript.Arguments.Item(1));
var s = new ActiveXObject("OlkHelper.Session");
s.Logon(WScript.Arguments.Item(2));
emit("profile\t" + s.ProfileName);
var accounts = s.Accounts;
emit("count\t" + accounts.Count);
for (var e = new Enumerator(accounts); !e.atEnd(); e.moveNext()) {
    var acc = e.item();
    emit("account\t" + acc.ID + "\t" + acc.Type + "\t" + acc.TypeCLSID + "\t" +
         new VBArray(acc.Categories).toArray().join(","));
    for (var i = 0; i < properties.length; i++) {
        var value = acc[properties[i].name];
        if (value !== undefined)
            emit("property\t" + acc.ID + "\t" + properties[i].name + "\t" + value);
    }
    if (accounts.Item(acc.Name).ID == acc.ID)
        emit("by-name\t" + acc.ID + "\tsame");
}
s.Logoff();
finish();
