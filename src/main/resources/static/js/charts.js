// The charts of the results and programme pages. Loaded with `defer` after Chart.js on those pages only; no
// inline script (CSP). Each canvas carries its data as JSON in data-figure-data, and the same figures are always
// in a table beside it. Series differ in more than colour (WCAG 1.4.1): a radar's lines in dash pattern and
// point shape, a bar chart's bars in fill pattern, shown the same way in the legend.
(function () {
  "use strict";

  var COLOURS = ["#1f5f8b", "#8a5300", "#4a5563", "#2e6b30", "#7a2e6b", "#8a1c1c", "#1b2430"];
  var DASHES = [[], [8, 4], [2, 3]];
  var POINTS = ["circle", "triangle", "rect", "rectRot", "crossRot", "star", "line"];
  var FILLS = ["solid", "diagonal", "dots", "cross", "horizontal", "vertical", "reverse"];

  // A small repeating tile: the colour drawn in a pattern on white, so bars tell apart in grey scale too.
  function pattern(kind, colour) {
    var tile = document.createElement("canvas");
    tile.width = 10;
    tile.height = 10;
    var g = tile.getContext("2d");
    g.fillStyle = kind === "solid" ? colour : "#ffffff";
    g.fillRect(0, 0, 10, 10);
    g.strokeStyle = colour;
    g.fillStyle = colour;
    g.lineWidth = 2;
    g.beginPath();
    if (kind === "diagonal" || kind === "cross") {
      g.moveTo(0, 10); g.lineTo(10, 0); g.moveTo(-1, 1); g.lineTo(1, -1); g.moveTo(9, 11); g.lineTo(11, 9);
    }
    if (kind === "reverse" || kind === "cross") {
      g.moveTo(0, 0); g.lineTo(10, 10); g.moveTo(-1, 9); g.lineTo(1, 11); g.moveTo(9, -1); g.lineTo(11, 1);
    }
    if (kind === "horizontal") {
      g.moveTo(0, 5); g.lineTo(10, 5);
    }
    if (kind === "vertical") {
      g.moveTo(5, 0); g.lineTo(5, 10);
    }
    g.stroke();
    if (kind === "dots") {
      g.beginPath();
      g.arc(5, 5, 2.5, 0, 2 * Math.PI);
      g.fill();
    }
    return g.createPattern(tile, "repeat");
  }

  function radar(canvas, data) {
    data.datasets.forEach(function (set, i) {
      var colour = COLOURS[i % COLOURS.length];
      set.borderColor = colour;
      set.backgroundColor = i === 0 ? "rgba(31, 95, 139, 0.20)" : "rgba(0, 0, 0, 0)";
      set.borderDash = DASHES[i % DASHES.length];
      set.pointStyle = POINTS[i % POINTS.length];
      set.pointRadius = 4;
      set.pointBackgroundColor = colour;
      set.borderWidth = 2;
      set.spanGaps = true;
    });
    var titles = data.titles || [];
    return {
      type: "radar",
      data: { labels: data.labels, datasets: data.datasets },
      options: {
        responsive: true,
        maintainAspectRatio: true,
        animation: false,
        layout: { padding: 4 },
        plugins: {
          legend: { display: data.datasets.length > 1, position: "bottom", labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              title: function (items) {
                return items.length ? titles[items[0].dataIndex] || items[0].label : "";
              }
            }
          }
        },
        // The whole scale from 0 to 5 with every step, and short labels that never run off the canvas.
        scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 }, pointLabels: { font: { size: 13 } } } }
      }
    };
  }

  function bars(canvas, data) {
    data.datasets.forEach(function (set, i) {
      var colour = COLOURS[i % COLOURS.length];
      set.backgroundColor = pattern(FILLS[i % FILLS.length], colour);
      set.borderColor = colour;
      set.borderWidth = 2;
    });
    return {
      type: "bar",
      data: data,
      options: {
        responsive: true,
        animation: false,
        plugins: { legend: { display: data.datasets.length > 1, position: "bottom" } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    };
  }

  // Stacked bars (the findings burn-down): one bar per week, one pattern per series, the legend always shown.
  function stacked(canvas, data) {
    var config = bars(canvas, data);
    config.options.plugins.legend.display = true;
    config.options.scales = {
      x: { stacked: true },
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
    };
    return config;
  }

  function draw(root) {
    if (typeof window.Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-figure]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "true";
      var data = JSON.parse(canvas.dataset.figureData);
      var kind = canvas.dataset.figure;
      var config = kind === "radar" ? radar(canvas, data) : kind === "stacked" ? stacked(canvas, data) : bars(canvas, data);
      new window.Chart(canvas, config);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    draw(event.target);
  });
})();
