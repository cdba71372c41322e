' SPDX-License-Identifier: MIT
' read.vbs OUT PROPERTIES [PROFILE]: logs on (the default profile, or
' PROFILE), lists every account with For Each, every documented property
' through Property(Tag), and checks that Item by position, by name and
' ItemByID find the same account.
Dim s, accounts, acc, n, i, value, names, tags
ReadProperties WScript.Arguments(1), names, tags
Set s = CreateObject("OlkHelper.Session")
If WScript.Arguments.Count > 2 Then
  s.Logon WScript.Arguments(2)
Else
  s.Logon
End If
Emit "profile" & vbTab & s.ProfileName
Set accounts = s.Accounts
Emit "count" & vbTab & accounts.Count
n = 0
For Each acc In accounts
  n = n + 1
  Emit "account" & vbTab & acc.ID & vbTab & acc.Type & vbTab & acc.TypeCLSID & vbTab & JoinAll(acc.Categories)
  For i = 0 To UBound(names)
    value = acc.Property(tags(i))
    If Not IsEmpty(value) Then Emit "property" & vbTab & acc.ID & vbTab & names(i) & vbTab & value
  Next
  Emit "named" & vbTab & acc.ID & vbTab & acc.Name & vbTab & acc.Email & vbTab & acc.InetServer & vbTab & acc.InetPort
  If accounts(n).ID = acc.ID Then Emit "position" & vbTab & n & vbTab & "same"
  If accounts.Item(acc.Name).ID = acc.ID Then Emit "by-name" & vbTab & acc.ID & vbTab & "same"
  If accounts.ItemByID(acc.ID).Name = acc.Name Then Emit "by-id" & vbTab & acc.ID & vbTab & "same"
Next
s.Logoff
Finish
