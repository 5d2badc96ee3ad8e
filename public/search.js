// Suggestions while typing in the site search box (progressive enhancement: the form works without it).
(function () {
  var form = document.querySelector('form[data-suggest]');
  if (!form || !window.fetch) return;
  var input = form.querySelector('input[name="q"]');
  var list = form.querySelector('.suggestions');
  // The combobox roles are set here, not in the markup: without this script the field is a plain search box.
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '输入提示');
  var timer = null;
  var active = -1;
  var items = [];
  function close() { list.hidden = true; list.innerHTML = ''; input.setAttribute('aria-expanded', 'false'); active = -1; items = []; }
  function choose(s) {
    if (s.url) { window.location.href = s.url; return; }
    input.value = s.text; close(); form.submit();
  }
  function render(suggestions) {
    list.innerHTML = '';
    items = suggestions;
    suggestions.forEach(function (s, i) {
      var li = document.createElement('li');
      li.id = list.id + '-' + i;
      li.setAttribute('role', 'option');
      li.textContent = s.text;
      li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(s); });
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', suggestions.length ? 'true' : 'false');
  }
  function highlight(i) {
    var options = list.querySelectorAll('li');
    options.forEach(function (o, k) { o.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
    active = i;
    if (i >= 0) input.setAttribute('aria-activedescendant', options[i].id); else input.removeAttribute('aria-activedescendant');
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (!q) return close();
    timer = setTimeout(function () {
      fetch(form.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (d) { if (input.value.trim() === q) render(d.suggestions || []); })
        .catch(function () {});
    }, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(items.length - 1, active + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(-1, active - 1)); }
    else if (e.key === 'Escape') close();
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(items[active]); }
  });
  input.addEventListener('blur', function () { setTimeout(close, 100); });
})();
