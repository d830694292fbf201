// The demo shop's own script: language switch (German by default, English on request,
// remembered per browser) and the Plauder stub. It runs in <head>, before the widget loads,
// so the widget picks up <html lang> and calls made early wait in Plauder.q.
(function () {
  var saved = null;
  try { saved = localStorage.getItem('shop.lang'); } catch (e) { /* storage blocked */ }
  document.documentElement.lang = saved === 'en' ? 'en' : 'de';

  window.Plauder = window.Plauder || function () { (window.Plauder.q = window.Plauder.q || []).push(arguments); };

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    if (target.closest('[data-switch-lang]')) {
      var next = document.documentElement.lang === 'de' ? 'en' : 'de';
      try { localStorage.setItem('shop.lang', next); } catch (e) { /* storage blocked */ }
      location.reload();
    } else if (target.closest('[data-open-chat]')) {
      window.Plauder('open');
    }
  });
  document.addEventListener('submit', function (event) {
    if (event.target.matches('[data-demo-form]')) event.preventDefault(); // nothing is sold here
  });
})();
