/*
 * /crm/leads: opens the new-enquiry dialog from the plain "New enquiry" button (no inline script in the page).
 * The dialog itself is PrimeFaces' (focus inside while open, Escape closes, focus back on the button after).
 * CSRF for its ajax writes comes from portal-ui's zylker.js (the X-CSRF-Token header on PrimeFaces' ajax).
 */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var opener = event.target.closest ? event.target.closest('#new-lead-open') : null;
    if (opener && window.PF && PF('newLeadDialog')) {
      PF('newLeadDialog').show();
    }
  });

})();
