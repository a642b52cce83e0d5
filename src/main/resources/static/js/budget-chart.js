// Draws the budget chart of a line: cumulative commitments and payments per month against the credit.
// The data come from data attributes (no inline script under the CSP). The series differ by more than colour:
// a solid line with circles (committed), a dashed line with squares (paid) and a dotted line (credit); the
// figure's caption says so and a table beside it holds the same numbers.
(function () {
  'use strict';

  function numbers(text) {
    return text ? text.split(' ').map(Number) : [];
  }

  function euro(value) {
    return '€ ' + Math.round(value).toLocaleString('nl-BE');
  }

  function draw(canvas) {
    var labels = (canvas.dataset.labels || '').split('|');
    var committed = numbers(canvas.dataset.committed);
    var paid = numbers(canvas.dataset.paid);
    var credit = Number(canvas.dataset.credit || 0);
    var width = Math.max(280, canvas.parentElement.clientWidth);
    var height = Number(canvas.dataset.height || canvas.height);
    canvas.dataset.height = height;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    var ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    var style = getComputedStyle(canvas);
    var ink = style.color || '#1a1a1a';
    var left = 76, right = 12, top = 28, bottom = 36;
    var plotW = width - left - right;
    var plotH = height - top - bottom;
    var max = Math.max(credit, Math.max.apply(null, committed.concat(paid, [1])));
    var x = function (i) { return left + (labels.length < 2 ? plotW / 2 : (i * plotW) / (labels.length - 1)); };
    var y = function (v) { return top + plotH - (v / max) * plotH; };

    ctx.clearRect(0, 0, width, height);
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = ink;
    ctx.strokeStyle = ink;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(left, top);
    ctx.lineTo(left, top + plotH);
    ctx.lineTo(left + plotW, top + plotH);
    ctx.stroke();
    ctx.textAlign = 'right';
    [0, 0.5, 1].forEach(function (f) {
      ctx.fillText(euro(max * f), left - 6, y(max * f) + 4);
    });
    ctx.textAlign = 'center';
    var step = Math.ceil(labels.length / Math.max(1, Math.floor(plotW / 56)));
    labels.forEach(function (label, i) {
      if (i % step === 0) {
        ctx.fillText(label, x(i), top + plotH + 18);
      }
    });

    // Credit: a dotted horizontal line.
    ctx.setLineDash([2, 4]);
    ctx.beginPath();
    ctx.moveTo(left, y(credit));
    ctx.lineTo(left + plotW, y(credit));
    ctx.stroke();

    function series(values, dash, colour, marker) {
      ctx.setLineDash(dash);
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      values.forEach(function (v, i) {
        if (i === 0) { ctx.moveTo(x(i), y(v)); } else { ctx.lineTo(x(i), y(v)); }
      });
      ctx.stroke();
      ctx.setLineDash([]);
      values.forEach(function (v, i) { marker(x(i), y(v)); });
    }

    function circle(px, py) { ctx.beginPath(); ctx.arc(px, py, 3.5, 0, 2 * Math.PI); ctx.fill(); }
    function square(px, py) { ctx.fillRect(px - 3.5, py - 3.5, 7, 7); }

    series(committed, [], '#1f4e79', circle);
    series(paid, [7, 4], '#8a3b00', square);

    // Legend, drawn with the same line styles and markers.
    ctx.lineWidth = 2;
    ctx.textAlign = 'left';
    var lx = left;
    [[canvas.dataset.legendCommitted, [], '#1f4e79', circle],
     [canvas.dataset.legendPaid, [7, 4], '#8a3b00', square],
     [canvas.dataset.legendCredit, [2, 4], ink, null]].forEach(function (item) {
      ctx.setLineDash(item[1]);
      ctx.strokeStyle = item[2];
      ctx.fillStyle = item[2];
      ctx.beginPath();
      ctx.moveTo(lx, 12);
      ctx.lineTo(lx + 24, 12);
      ctx.stroke();
      ctx.setLineDash([]);
      if (item[3]) { item[3](lx + 12, 12); }
      ctx.fillStyle = ink;
      ctx.fillText(item[0] || '', lx + 30, 16);
      lx += 40 + ctx.measureText(item[0] || '').width;
    });
  }

  function drawAll() {
    document.querySelectorAll('canvas.budget-chart__canvas').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
  window.addEventListener('resize', drawAll);
})();
