' SPDX-License-Identifier: MIT
' errors.vbs OUT: every error a script can meet, each with Err.Number and
' Err.Description, and nothing changed.
Dim s, accounts, acc
Set s = CreateObject("OlkHelper.Session")
On Error Resume Next
Set accounts = s.Accounts
EmitError "not-logged-on"
s.Logon "No Such Profile"
EmitError "unknown-profile"
s.Logon
EmitError "logon"
Set accounts = s.Accounts
Set acc = accounts(99)
EmitError "position"
Set acc = accounts(0)
EmitError "position-zero"
Set acc = accounts("No Such Account")
EmitError "name"
Set acc = accounts.ItemByID(4242)
EmitError "id"
Set acc = accounts(1)
acc.InetServer = "imap.example.com"
EmitError "read-only"
acc.Property(&H0100001F) = "imap.example.com"
EmitError "read-only-tag"
Dim secret
secret = acc.Property(&H0102801F)
EmitError "secret"
acc.Email = ""
EmitError "empty-value"
acc.Save
EmitError "save-nothing"
accounts.SetOrder "mail", Array(1, 2)
EmitError "order-mail"
accounts.GetOrder "nonsense"
EmitError "category"
Finish
