// zwgk front-end: small helpers; charts are drawn from JSON embedded with json_script.
(function () {
  "use strict";
  // Stacked bars: no "0" label on an empty segment (it would sit on top of the next one).
  function hideZeroLabels(option) {
    (option.series || []).forEach(function (s) {
      if (s.stack && s.label && s.label.show && !s.label.formatter) {
        s.label.formatter = function (p) { return p.value ? String(p.value) : ""; };
      }
    });
  }
  function drawCharts(root) {
    if (typeof echarts === "undefined") return;
    (root || document).querySelectorAll("[data-chart]").forEach(function (el) {
      var src = document.getElementById(el.getAttribute("data-chart"));
      if (!src || el.getAttribute("data-drawn")) return;
      var option = JSON.parse(src.textContent);
      hideZeroLabels(option);
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option);
      el.setAttribute("data-drawn", "1");
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
  document.addEventListener("htmx:afterSwap", function (e) { drawCharts(e.target); });
  // htmx requests carry the CSRF token from Django's cookie (its documented way for scripts), so
  // pages need not embed a masked token for them.
  function cookie(name) {
    var found = null;
    document.cookie.split(";").forEach(function (part) {
      var kv = part.trim().split("=");
      if (kv[0] === name) found = decodeURIComponent(kv.slice(1).join("="));
    });
    return found;
  }
  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector('meta[name="csrf-cookie"]');
    var token = meta && cookie(meta.getAttribute("content"));
    if (token && e.detail.verb !== "get") e.detail.headers["X-CSRFToken"] = token;
  });
  // A link enhanced by htmx (退出) falls back to its own page when the request fails.
  document.addEventListener("htmx:responseError", function (e) {
    var el = e.detail.elt;
    if (el && el.matches("a[data-follow-on-error]")) window.location.href = el.href;
  });
  // Confirmation for dangerous buttons: <button data-confirm="...">
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-confirm]");
    if (b && !window.confirm(b.getAttribute("data-confirm"))) e.preventDefault();
  });
  // Select-all checkbox in bulk entry.
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-check-all]")) {
      var name = e.target.getAttribute("data-check-all");
      document.querySelectorAll('input[name="' + name + '"]').forEach(function (c) { c.checked = e.target.checked; });
    }
  });
})();
