/*
 * Zylker Academy portal: shared page script (no inline scripts anywhere: a Content-Security-Policy will follow).
 * CSRF: the layout writes this session's token into <meta name="zy-csrf">; this script puts it
 *  - into every POST form as the hidden field "zy-csrf" (plain and Faces forms, also forms added later by ajax),
 *  - as the header X-CSRF-Token on every same-origin jQuery ajax request (PrimeFaces' ajax) and on every
 *    same-origin fetch() that is not a GET/HEAD — so page scripts just call fetch('/crm/api/…', {method: 'POST'}).
 * The server (CsrfFilter) refuses state-changing requests without it when the browser has a portal session.
 */
(function () {
  'use strict';
  var FIELD = 'zy-csrf';
  var HEADER = 'X-CSRF-Token';

  // Read when needed, not when this script runs: PrimeFaces writes head resources (this script among them)
  // before the head's own elements, so the meta tag does not exist yet at that point.
  function token() {
    var meta = document.querySelector('meta[name="zy-csrf"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function unsafe(method) {
    var m = (method || 'GET').toUpperCase();
    return m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS';
  }

  function sameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  function arm(form) {
    var value = token();
    if (!value || (form.getAttribute('method') || 'get').toLowerCase() !== 'post' || !sameOrigin(form.action)) {
      return;
    }
    var field = form.querySelector('input[name="' + FIELD + '"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = FIELD;
      form.appendChild(field);
    }
    field.value = value;
  }

  function armAll() {
    Array.prototype.forEach.call(document.forms, arm);
  }

  window.zylker = window.zylker || {};
  /** The headers a hand-written request needs, e.g. new XMLHttpRequest(); usually fetch() gets them itself. */
  window.zylker.csrfHeaders = function () {
    var headers = {};
    if (token()) { headers[HEADER] = token(); }
    return headers;
  };

  // Forms submitted after an ajax update replaced them, or built by a script, are armed at submit time.
  // PrimeFaces' ajax goes through jQuery, which may load after this script: hook it once the page is parsed.
  var jQueryHooked = false;
  function hookJQuery() {
    if (jQueryHooked || !window.jQuery) {
      return;
    }
    jQueryHooked = true;
    window.jQuery.ajaxPrefilter(function (options, original, xhr) {
      var value = token();
      if (value && unsafe(options.type) && !options.crossDomain) {
        xhr.setRequestHeader(HEADER, value);
      }
    });
  }

  function onReady() {
    hookJQuery();
    armAll();
  }

  document.addEventListener('submit', function (event) { arm(event.target); }, true);
  hookJQuery();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', onReady);
  } else {
    onReady();
  }

  if (window.fetch) {
    var nativeFetch = window.fetch.bind(window);
    window.fetch = function (input, init) {
      var request = input instanceof Request ? input : null;
      var method = (init && init.method) || (request && request.method) || 'GET';
      var url = request ? request.url : String(input);
      var value = token();
      if (value && unsafe(method) && sameOrigin(url)) {
        init = Object.assign({}, init);
        var headers = new Headers((init && init.headers) || (request && request.headers) || undefined);
        headers.set(HEADER, value);
        init.headers = headers;
        init.credentials = init.credentials || 'same-origin';
      }
      return nativeFetch(input, init);
    };
  }
})();
