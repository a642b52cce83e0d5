// Bolwerk's only script of its own. Loaded with `defer` from the layout; no inline script anywhere (CSP).
(function () {
  "use strict";

  // htmx requests carry the CSRF token like forms do, so state-changing htmx calls pass Spring Security.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Charts read their data from data-* attributes; the same figures are always in a table beside them.
  function drawCharts(root) {
    if (typeof window.Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "true";
      var labels = (canvas.dataset.labels || "").split("|");
      var values = (canvas.dataset.values || "").split("|").map(Number);
      new window.Chart(canvas, {
        type: canvas.dataset.chart,
        data: {
          labels: labels,
          datasets: [{ data: values, backgroundColor: "#1f5f8b", borderColor: "#123c5a", borderWidth: 1 }]
        },
        options: {
          responsive: true,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }

  // After a failed submit, move focus to the error summary so screen-reader users hear it first.
  function focusErrors() {
    var summary = document.getElementById("form-errors");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
    focusErrors();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    drawCharts(event.target);
  });
})();
