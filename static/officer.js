// A small rich-text editor for officers. Without JavaScript the plain
// textarea works (blank lines make paragraphs, "- " makes lists); with it,
// this adds a toolbar over an editable area and copies the HTML back into
// the textarea on submit. The server sanitises whatever arrives.
(function () {
  "use strict";
  var area = document.querySelector("textarea.rich");
  if (!area || !document.execCommand) return;
  // The editor is in the form, so typing in it reaches the autosave below.

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

  // What goes into the live editor is cleaned first, in an inert template:
  // the server sends back no script or unsafe link, but a copy restored
  // from this browser's storage or an old stored body never passed there.
  function safeURL(u) {
    u = u.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, "");
    var m = /^([^\/?#:]*):/.exec(u);
    return !m || /^(https?|mailto|tel)$/i.test(m[1]);
  }
  function clean(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    t.content.querySelectorAll("script,style,iframe,frame,object,embed,form,input,button,svg,math,base,link,meta").forEach(function (el) { el.remove(); });
    t.content.querySelectorAll("*").forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        var n = a.name.toLowerCase();
        if (n.indexOf("on") === 0 || (/^(href|src|action|formaction|xlink:href|data|poster|background|cite)$/.test(n) && !safeURL(a.value))) {
          el.removeAttribute(a.name);
        }
      });
    });
    return t.innerHTML;
  }

  var editor = document.createElement("div");
  editor.className = "editor";
  editor.contentEditable = "true";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  // The editor takes the textarea's label (the answer's, a template's…),
  // hint and error, which still point at the hidden textarea.
  var label = area.id && document.querySelector('label[for="' + area.id + '"]');
  if (label) {
    label.id = label.id || area.id + "-label";
    editor.setAttribute("aria-labelledby", label.id);
    label.addEventListener("click", function () { editor.focus(); });
  } else {
    editor.setAttribute("aria-label", "Nội dung");
  }
  ["aria-describedby", "aria-invalid"].forEach(function (a) {
    if (area.hasAttribute(a)) editor.setAttribute(a, area.getAttribute(a));
  });
  // An empty editor starts with a paragraph, so the first line typed is one.
  editor.innerHTML = clean(toHTML(area.value)) || "<p><br></p>";

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

  // Enter starts a new <p>, not Chromium's default <div> (which the server
  // would otherwise have to turn into paragraphs).
  try { document.execCommand("defaultParagraphSeparator", false, "p"); } catch (e) { /* old browser */ }

  area.hidden = true;
  area.removeAttribute("required");
  area.parentNode.insertBefore(bar, area);
  area.parentNode.insertBefore(editor, area);
  var hint = area.parentNode.querySelector(".hint");
  if (hint) hint.textContent = "Dùng thanh công cụ để định dạng. Có thể dán nội dung từ Word; định dạng không cần thiết sẽ được loại bỏ khi lưu.";
  // An editor with nothing typed in it sends nothing, so the server still
  // asks for the content.
  var sync = function () {
    area.value = editor.textContent.trim() || editor.querySelector("table, hr") ? editor.innerHTML : "";
  };
  editor.addEventListener("input", sync);
  area.form.addEventListener("submit", sync);
  // The autosave below restores into the textarea and says so.
  area.addEventListener("minhbach:restored", function () { editor.innerHTML = clean(toHTML(area.value)) || "<p><br></p>"; });
})();

// Autosave: an officer's form is copied into this browser's storage as it is
// typed, so that nothing is lost when the session expires or the connection
// drops before the office's server answers. A copy is offered back when the
// form is opened again with other contents, and forgotten once a save went
// through (the next page carries the confirmation message).
(function () {
  "use strict";
  var PREFIX = "minhbach-form:", MAX_AGE = 7 * 24 * 3600 * 1000;
  var store;
  try { store = window.localStorage; store.getItem(PREFIX); } catch (e) { return; }

  function entries(fn) {
    for (var i = store.length - 1; i >= 0; i--) {
      var k = store.key(i);
      if (k && k.indexOf(PREFIX) === 0) fn(k);
    }
  }
  function read(k) {
    try { return JSON.parse(store.getItem(k)); } catch (e) { return null; }
  }
  entries(function (k) {
    var d = read(k);
    if (!d || Date.now() - d.at > MAX_AGE) store.removeItem(k);
  });

  var form = document.querySelector("form[data-autosave]");
  if (!form) {
    if (document.querySelector(".flash")) {
      entries(function (k) { var d = read(k); if (d && d.submitted) store.removeItem(k); });
    }
    return;
  }
  var key = PREFIX + form.getAttribute("action");
  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "_csrf" && el.type !== "file" && el.type !== "checkbox" &&
        el.type !== "password" && el.type !== "hidden" && el.type !== "submit";
    });
  }
  function values() {
    var v = {};
    fields().forEach(function (el) { v[el.name] = el.value; });
    return v;
  }
  function save(submitted) {
    try {
      store.setItem(key, JSON.stringify({ at: Date.now(), submitted: submitted, values: values() }));
    } catch (e) { /* storage full: the server copy is what counts */ }
  }

  var saved = read(key), current = values();
  var differs = saved && saved.values && Object.keys(saved.values).some(function (n) {
    return n in current && saved.values[n] !== current[n] && saved.values[n] !== "";
  });
  if (differs && !form.querySelector(".field-error")) {
    var box = document.createElement("div");
    box.className = "restore";
    box.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = "Máy này còn giữ nội dung bạn nhập lúc " +
      new Date(saved.at).toLocaleString("vi-VN") + " nhưng chưa lưu được lên hệ thống.";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.textContent = "Khôi phục nội dung đó";
    var no = document.createElement("button");
    no.type = "button";
    no.className = "secondary";
    no.textContent = "Bỏ qua";
    yes.addEventListener("click", function () {
      fields().forEach(function (el) {
        if (el.name in saved.values) {
          el.value = saved.values[el.name];
          el.dispatchEvent(new Event("minhbach:restored"));
        }
      });
      box.remove();
    });
    no.addEventListener("click", function () { store.removeItem(key); box.remove(); });
    box.appendChild(p);
    box.appendChild(yes);
    box.appendChild(no);
    form.parentNode.insertBefore(box, form);
  }

  var timer;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { save(false); }, 800);
  });
  form.addEventListener("submit", function () { save(true); });
})();
