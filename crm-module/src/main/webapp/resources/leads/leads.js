/*
 * /crm/leads: opens the new-enquiry dialog from the plain "New enquiry" button (no inline script in the page).
 * The dialog itself is PrimeFaces' (focus inside while open, Escape closes, focus back on the button after).
 *
 * CSRF for PrimeFaces ajax: the layout loads zylker/zylker.js before PrimeFaces' jQuery, so its jQuery
 * prefilter is never installed, and the hidden field it adds to forms is gone once an ajax update replaces a
 * form. Until portal-ui fixes that, this page adds the same X-CSRF-Token header (from <meta name="zy-csrf">)
 * to its same-origin ajax writes once jQuery is there.
 */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var opener = event.target.closest ? event.target.closest('#new-lead-open') : null;
    if (opener && window.PF && PF('newLeadDialog')) {
      PF('newLeadDialog').show();
    }
  });

  function armAjax() {
    var meta = document.querySelector('meta[name="zy-csrf"]');
    var token = meta ? meta.getAttribute('content') : '';
    if (!window.jQuery || !token || window.jQuery.zylkerLeadsCsrf) {
      return;
    }
    window.jQuery.zylkerLeadsCsrf = true;
    window.jQuery.ajaxPrefilter(function (options, original, xhr) {
      var method = (options.type || 'GET').toUpperCase();
      if (method !== 'GET' && method !== 'HEAD' && !options.crossDomain) {
        xhr.setRequestHeader('X-CSRF-Token', token);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', armAjax);
  } else {
    armAjax();
  }
})();
