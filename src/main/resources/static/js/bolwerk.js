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
      if (canvas.dataset.chartData) {
        drawFromJson(canvas);
        return;
      }
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

  // Charts with several series (a radar of areas: this year, last year, peers) carry their data as JSON in
  // data-chart-data; colours and dash patterns differ so the series stay apart without colour vision too.
  var SERIES_STYLE = [
    { borderColor: "#1f5f8b", backgroundColor: "rgba(31, 95, 139, 0.25)", borderDash: [] },
    { borderColor: "#8a5300", backgroundColor: "rgba(138, 83, 0, 0.10)", borderDash: [6, 4] },
    { borderColor: "#4a5563", backgroundColor: "rgba(74, 85, 99, 0.05)", borderDash: [2, 3] }
  ];

  function drawFromJson(canvas) {
    var data = JSON.parse(canvas.dataset.chartData);
    data.datasets.forEach(function (set, i) {
      var style = SERIES_STYLE[i % SERIES_STYLE.length];
      set.borderColor = style.borderColor;
      set.backgroundColor = style.backgroundColor;
      set.borderDash = style.borderDash;
      set.pointBackgroundColor = style.borderColor;
      set.borderWidth = 2;
      set.spanGaps = true;
    });
    var radar = canvas.dataset.chart === "radar";
    new window.Chart(canvas, {
      type: canvas.dataset.chart,
      data: data,
      options: {
        responsive: true,
        animation: false,
        plugins: { legend: { display: data.datasets.length > 1, position: "bottom" } },
        scales: radar
          ? { r: { min: 0, max: 5, ticks: { stepSize: 1 } } }
          : { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  // After a failed submit, move focus to the error summary so screen-reader users hear it first.
  function focusErrors() {
    var summary = document.getElementById("form-errors");
    if (summary) {
      summary.focus();
    }
  }

  // The phone menu is a <details> disclosure and works without this; with it, Escape closes an open menu and
  // puts focus back on its button, as people expect of a menu.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var menu = document.querySelector("details.phone-menu[open]");
    if (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });

  // A page that answers a form it was sent (the incident acknowledgement, ADR 0048) names its own address: put
  // there in the address bar, a reload or a step back asks the browser for that page instead of sending the form
  // again. Only a same-origin path: the history API refuses any other, and nothing else is meant.
  function settleAddress() {
    var page = document.querySelector("main[data-address]");
    var address = page && page.getAttribute("data-address");
    if (address && address.charAt(0) === "/" && address.charAt(1) !== "/" && location.pathname !== address) {
      history.replaceState(null, "", address);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    settleAddress();
    drawCharts(document);
    focusErrors();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    drawCharts(event.target);
  });
})();
