// wiretrace UI: small keyboard helpers. The pages work without this script.
(function () {
  'use strict';
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var q = document.getElementById('q');
      if (q) {
        e.preventDefault();
        q.focus();
        q.select();
      }
    }
  });
  // the changed words of a comparison can be reached with Tab; focusing one shows the other side's words
  document.addEventListener('DOMContentLoaded', function () {
    var marks = document.querySelectorAll('.diff mark[title]');
    for (var i = 0; i < marks.length; i++) {
      marks[i].setAttribute('tabindex', '0');
    }
  });
})();
