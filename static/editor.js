// A small rich-text editor for officers. Without JavaScript the plain
// textarea works (blank lines make paragraphs, "- " makes lists); with it,
// this adds a toolbar over an editable area and copies the HTML back into
// the textarea on submit. The server sanitises whatever arrives.
(function () {
  "use strict";
  var area = document.querySelector("textarea.rich");
  if (!area || !document.execCommand) return;

  function escapeHTML(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  // Plain text typed earlier (no tags) becomes paragraphs, as on the server.
  function toHTML(s) {
    if (s.indexOf("<") >= 0) return s;
    return s.split(/\n\s*\n/).filter(function (b) { return b.trim(); }).map(function (b) {
      var lines = b.trim().split("\n");
      if (lines.every(function (l) { return /^\s*[-*+] /.test(l); })) {
        return "<ul>" + lines.map(function (l) { return "<li>" + escapeHTML(l.trim().slice(2)) + "</li>"; }).join("") + "</ul>";
      }
      return "<p>" + lines.map(function (l) { return escapeHTML(l.trim()); }).join("<br>") + "</p>";
    }).join("");
  }

  var editor = document.createElement("div");
  editor.className = "editor";
  editor.contentEditable = "true";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  editor.setAttribute("aria-label", "Nội dung");
  editor.innerHTML = toHTML(area.value);

  var tools = [
    ["Đoạn văn", "formatBlock", "p"], ["Tiêu đề", "formatBlock", "h2"], ["Tiêu đề nhỏ", "formatBlock", "h3"],
    ["Đậm", "bold"], ["Nghiêng", "italic"], ["• Danh sách", "insertUnorderedList"],
    ["1. Danh sách", "insertOrderedList"], ["Liên kết", "link"], ["Bảng", "table"], ["Bỏ định dạng", "removeFormat"]
  ];
  var bar = document.createElement("div");
  bar.className = "toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Định dạng nội dung");
  tools.forEach(function (t) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = t[0];
    b.addEventListener("click", function () {
      editor.focus();
      if (t[1] === "link") {
        var url = window.prompt("Địa chỉ liên kết (bắt đầu bằng https://):", "https://");
        if (url && /^(https?:\/\/|mailto:|tel:)/.test(url)) document.execCommand("createLink", false, url);
      } else if (t[1] === "table") {
        var rows = "";
        for (var r = 0; r < 3; r++) rows += "<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>";
        document.execCommand("insertHTML", false, "<table><tbody>" + rows + "</tbody></table><p><br></p>");
      } else {
        document.execCommand(t[1], false, t[2] ? "<" + t[2] + ">" : null);
      }
    });
    bar.appendChild(b);
  });

  area.hidden = true;
  area.removeAttribute("required");
  area.parentNode.insertBefore(bar, area);
  area.parentNode.insertBefore(editor, area);
  var hint = area.parentNode.querySelector(".hint");
  if (hint) hint.textContent = "Dùng thanh công cụ để định dạng. Có thể dán nội dung từ Word; định dạng không cần thiết sẽ được loại bỏ khi lưu.";
  var sync = function () { area.value = editor.innerHTML; };
  editor.addEventListener("input", sync);
  area.form.addEventListener("submit", sync);
})();
