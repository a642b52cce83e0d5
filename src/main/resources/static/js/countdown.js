// Keeps the obligations' countdowns live. The server renders each one (so the page works without JavaScript) and
// says when it rendered (data-now, on its clock); the script counts on from there, so a browser clock that is
// wrong does not change what the page says. Texts come from data attributes ({0} and {1} are the numbers).
(function () {
  'use strict';
  var elements = document.querySelectorAll('.countdown[data-due]');
  if (elements.length === 0) {
    return;
  }
  var skew = Date.parse(elements[0].dataset.now) - Date.now();

  function fill(pattern, first, second) {
    return pattern.replace('{0}', first).replace('{1}', second);
  }

  function update() {
    var now = Date.now() + skew;
    elements.forEach(function (element) {
      var left = Date.parse(element.dataset.due) - now;
      var late = left < 0;
      var minutes = Math.floor(Math.abs(left) / 60000);
      var hours = Math.floor(minutes / 60);
      var text = hours >= 48
        ? fill(late ? element.dataset.lateDays : element.dataset.leftDays, Math.floor(hours / 24), hours % 24)
        : fill(late ? element.dataset.late : element.dataset.left, hours, minutes % 60);
      if (element.textContent !== text) {
        element.textContent = text;
      }
      element.classList.toggle('countdown--late', late);
    });
  }

  update();
  window.setInterval(update, 30000);
}());
