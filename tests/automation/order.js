// SPDX-License-Identifier: MIT
// order.js OUT: the store order, reversed with a JScript array; a bad
// index caught as a JScript exception.
var s = new ActiveXObject("OlkHelper.Session");
s.Logon();
var accounts = s.Accounts;
var order = new VBArray(accounts.GetOrder("store")).toArray();
emit("before\t" + order.join(","));
accounts.SetOrder("store", order.slice(0).reverse());
emit("after\t" + new VBArray(accounts.GetOrder("store")).toArray().join(","));
try {
    accounts.Item(99);
} catch (err) {
    emit("error\tposition\t" + (err.number >>> 0).toString(16).toUpperCase() + "\t" + err.description);
}
finish();
