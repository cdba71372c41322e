' SPDX-License-Identifier: MIT
' delete.vbs OUT ID [remove]: deletes account ID through Account.Delete, or
' with "remove" through Accounts.Remove by its name; then counts again.
Dim s, accounts, acc
Set s = CreateObject("OlkHelper.Session")
s.Logon
Set accounts = s.Accounts
Emit "before" & vbTab & accounts.Count
Set acc = accounts.ItemByID(CLng(WScript.Arguments(1)))
If WScript.Arguments.Count > 2 Then
  accounts.Remove acc.Name
  Emit "remaining" & vbTab & accounts.Count
Else
  acc.Delete
End If
Emit "after" & vbTab & s.Accounts.Count
Finish
