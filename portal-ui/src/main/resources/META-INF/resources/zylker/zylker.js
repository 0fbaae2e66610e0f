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
  var meta = document.querySelector('meta[name="zy-csrf"]');
  var token = meta ? meta.getAttribute('content') : '';
  var FIELD = 'zy-csrf';
  var HEADER = 'X-CSRF-Token';

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
    if (!token || (form.getAttribute('method') || 'get').toLowerCase() !== 'post' || !sameOrigin(form.action)) {
      return;
    }
    var field = form.querySelector('input[name="' + FIELD + '"]');
    if (!field) {
      field = document.createElement('input');
      field.type = 'hidden';
      field.name = FIELD;
      form.appendChild(field);
    }
    field.value = token;
  }

  function armAll() {
    Array.prototype.forEach.call(document.forms, arm);
  }

  window.zylker = window.zylker || {};
  /** The headers a hand-written request needs, e.g. new XMLHttpRequest(); usually fetch() gets them itself. */
  window.zylker.csrfHeaders = function () {
    var headers = {};
    if (token) { headers[HEADER] = token; }
    return headers;
  };

  // Forms submitted after an ajax update replaced them, or built by a script, are armed at submit time.
  document.addEventListener('submit', function (event) { arm(event.target); }, true);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', armAll);
  } else {
    armAll();
  }

  if (window.jQuery && token) {
    window.jQuery.ajaxPrefilter(function (options, original, xhr) {
      if (unsafe(options.type) && !options.crossDomain) {
        xhr.setRequestHeader(HEADER, token);
      }
    });
  }

  if (window.fetch && token) {
    var nativeFetch = window.fetch.bind(window);
    window.fetch = function (input, init) {
      var request = input instanceof Request ? input : null;
      var method = (init && init.method) || (request && request.method) || 'GET';
      var url = request ? request.url : String(input);
      if (unsafe(method) && sameOrigin(url)) {
        init = Object.assign({}, init);
        var headers = new Headers((init && init.headers) || (request && request.headers) || undefined);
        headers.set(HEADER, token);
        init.headers = headers;
        init.credentials = init.credentials || 'same-origin';
      }
      return nativeFetch(input, init);
    };
  }
})();
