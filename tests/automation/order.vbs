' SPDX-License-Identifier: MIT
' order.vbs OUT: the store order, reversed with a VBScript array.
Dim s, accounts, order, reversed, i
Set s = CreateObject("OlkHelper.Session")
s.Logon
Set accounts = s.Accounts
order = accounts.GetOrder("store")
Emit "before" & vbTab & JoinAll(order)
ReDim reversed(UBound(order))
For i = 0 To UBound(order)
  reversed(i) = order(UBound(order) - i)
Next
accounts.SetOrder "store", reversed
Emit "after" & vbTab & JoinAll(accounts.GetOrder("store"))
Finish
