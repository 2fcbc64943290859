// Sort the portfolio by a click on a column heading: numbers by their data-value, text A-Z.
// A first click sorts numbers largest first (like --sort), text A-Z; the next click reverses.
// Plans without the figure stay last either way.
(function () {
  var table = document.getElementById("portfolio");
  if (!table) return;
  var heads = table.tHead.rows[0].cells, body = table.tBodies[0], lang = table.getAttribute("data-lang");
  Array.prototype.forEach.call(heads, function (head) {
    var button = head.querySelector("button");
    button.addEventListener("click", function () {
      var numeric = button.getAttribute("data-sort") === "number", first = numeric ? "descending" : "ascending";
      var order = head.getAttribute("aria-sort") === first ? (numeric ? "ascending" : "descending") : first;
      var sign = order === "ascending" ? 1 : -1, column = head.cellIndex;
      var rows = Array.prototype.slice.call(body.rows).map(function (row) {
        var raw = row.cells[column].getAttribute("data-value");
        return { row: row, key: raw === "" ? null : numeric ? parseFloat(raw) : raw };
      });
      rows.sort(function (a, b) {
        if (a.key === null || b.key === null) return (a.key === null) - (b.key === null);
        return sign * (numeric ? a.key - b.key : a.key.localeCompare(b.key, lang));
      });
      rows.forEach(function (item) { body.appendChild(item.row); });
      Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", order);
    });
  });
})();
