' SPDX-License-Identifier: MIT
' Shared by the VBScript tests (included by test_automation.py, which runs
' each script as common.vbs followed by the test's own file). Wine's cscript
' neither reports runtime errors nor writes non-ASCII to a pipe: results go
' to a UTF-16 file, and the last line written is the sentinel the test
' requires.
Option Explicit
Dim fso, out
Set fso = CreateObject("Scripting.FileSystemObject")
Set out = fso.CreateTextFile(WScript.Arguments(0), True, True)

Sub Emit(line)
  out.WriteLine line
End Sub

Sub Finish()
  Emit "SENTINEL olkhelper automation test done"
  out.Close
  WScript.Echo "SENTINEL olkhelper automation test done"
  WScript.Quit 0
End Sub

' Wine's VBScript has no Join.
Function JoinAll(items)
  Dim result, i
  result = ""
  For i = LBound(items) To UBound(items)
    If i > LBound(items) Then result = result & ","
    result = result & items(i)
  Next
  JoinAll = result
End Function

' The error of the last statement, as a line, and cleared.
Sub EmitError(what)
  Emit "error" & vbTab & what & vbTab & Hex(Err.Number) & vbTab & Err.Description
  Err.Clear
End Sub

' "Name<TAB>tag" lines of a file, into two arrays.
Sub ReadProperties(path, names, tags)
  Dim f, line, tab, count
  count = 0
  ReDim names(64)
  ReDim tags(64)
  Set f = fso.OpenTextFile(path, 1)
  Do While Not f.AtEndOfStream
    line = f.ReadLine
    tab = InStr(line, vbTab)
    If tab > 0 Then
      names(count) = Left(line, tab - 1)
      tags(count) = CLng(Mid(line, tab + 1))
      count = count + 1
    End If
  Loop
  f.Close
  ReDim Preserve names(count - 1)
  ReDim Preserve tags(count - 1)
End Sub
