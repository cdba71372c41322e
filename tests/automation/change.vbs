' SPDX-License-Identifier: MIT
' change.vbs OUT ID VALUE: sets the DisplayName of account ID and saves,
' then reads it back through a new session.
Dim s, acc
Set s = CreateObject("OlkHelper.Session")
s.Logon
Set acc = s.Accounts.ItemByID(CLng(WScript.Arguments(1)))
acc.DisplayName = WScript.Arguments(2)
acc.Save
Emit "saved" & vbTab & acc.DisplayName
s.Logoff
s.Logon
Emit "read-back" & vbTab & s.Accounts.ItemByID(CLng(WScript.Arguments(1))).DisplayName
Finish
