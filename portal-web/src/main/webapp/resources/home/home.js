/*
 * The dashboard's module summaries, loaded after the page appears so a slow Zoho never blocks /home.
 * Each module publishes its own (/crm/api/summary, /books/api/summary); a module that is not deployed answers 404 (or nothing),
 * and its card says "not available" instead of failing the page. Zoho data is untrusted: text only, never HTML.
 */
(function () {
  'use strict';

  var money = new Intl.NumberFormat(document.documentElement.lang || 'en', {maximumFractionDigits: 0});

  function el(tag, cls, value) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (value !== undefined) { e.textContent = value; }
    return e;
  }

  function csrfHeaders() {
    var meta = document.querySelector('meta[name="zy-csrf"]');
    var headers = {'Accept': 'application/json'};
    if (meta) { headers['X-CSRF-Token'] = meta.getAttribute('content'); }
    return headers;
  }

  function summaryCard(body, url) {
    var books = body.getAttribute('data-summary-kind') === 'books';
    var product = books ? 'Zoho Books' : 'Zoho CRM';
    function problem(message, retry) {
      body.replaceChildren(el('span', 'zy-summary-problem', message));
      body.setAttribute('data-state', 'problem');
      if (retry) {
        var button = el('button', 'zy-button zy-button-outline', 'Retry');
        button.id = body.id + '-retry';
        button.type = 'button';
        button.addEventListener('click', function () { load('GET', url); });
        body.appendChild(button);
      }
    }

    function unavailable() {
      body.replaceChildren(el('span', 'zy-muted', 'Not available: this part of the portal is not installed here.'));
      body.setAttribute('data-state', 'not-available');
    }

    function renderBooks(summary) {
      body.setAttribute('data-state', 'loaded');
      if (!summary.organization) {
        body.replaceChildren(el('span', 'zy-muted', 'You have no Zoho Books organization.'));
        return;
      }
      var money2 = function (amount, currency) {
        try {
          return new Intl.NumberFormat(document.documentElement.lang || 'en', {style: 'currency', currency: currency}).format(amount);
        } catch (e) { return currency + ' ' + amount; }
      };
      var parts = [el('p', 'zy-muted', summary.organization.name)];
      if (summary.currencies.length === 0) {
        parts.push(el('p', null, 'Nothing is outstanding.'));
      }
      summary.currencies.forEach(function (c) {
        var list = el('dl', 'zy-facts');
        [['Outstanding', money2(c.outstanding, c.currency), 'outstanding'],
         ['Overdue', money2(c.overdue, c.currency) + ' (' + c.overdueInvoices + ')', 'overdue'],
         ['Due this week', money2(c.dueThisWeek, c.currency) + ' (' + c.dueThisWeekInvoices + ')', 'due-week']]
          .forEach(function (f) {
            list.appendChild(el('dt', null, f[0]));
            var dd = el('dd', null, f[1]);
            dd.id = body.id + '-' + f[2] + '-' + c.currency;
            list.appendChild(dd);
          });
        parts.push(list);
      });
      body.setAttribute('data-outstanding', summary.currencies.map(function (c) { return c.currency + ' ' + c.outstanding; }).join(', '));
      body.replaceChildren.apply(body, parts);
    }

    function render(summary) {
      if (books) { renderBooks(summary); return; }
      body.setAttribute('data-state', 'loaded');
      body.setAttribute('data-open-deals', summary.openDeals);
      if (summary.openDeals === 0) {
        body.replaceChildren(el('span', 'zy-muted', 'You have no open deals right now.'));
        return;
      }
      var max = Math.max.apply(null, summary.stages.map(function (s) { return s.count; }));
      var list = el('div', 'zy-bars');
      list.setAttribute('role', 'list');
      summary.stages.forEach(function (s) {
        var row = el('div', 'zy-bar-row');
        row.setAttribute('role', 'listitem');
        row.appendChild(el('span', 'zy-bar-label', s.stage));
        var track = el('span', 'zy-bar-track');
        var bar = el('span', 'zy-bar');
        bar.style.width = (max ? (100 * s.count / max) : 0) + '%';
        track.appendChild(bar);
        row.appendChild(track);
        row.appendChild(el('span', 'zy-bar-value', s.count + ' · ' + money.format(s.amount)));
        list.appendChild(row);
      });
      var refresh = el('button', 'zy-button zy-button-light', 'Refresh');
      refresh.type = 'button';
      refresh.id = body.id + '-refresh';
      refresh.addEventListener('click', function () { load('POST', url + '/refresh'); });
      body.replaceChildren(list, el('p', 'zy-muted', summary.openDeals + ' open deals worth '
          + money.format(summary.openAmount) + ' (weighted ' + money.format(summary.weightedAmount) + ').'), refresh);
    }

    function load(method, target) {
      body.replaceChildren(el('span', 'zy-muted', 'Loading from ' + product + '…'));
      body.setAttribute('data-state', 'loading');
      fetch(target, {method: method, credentials: 'same-origin', headers: csrfHeaders()})
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (json) { return {status: r.status, json: json}; });
        })
        .then(function (r) {
          if (r.status === 200) { render(r.json); }
          else if (r.status === 404) { unavailable(); }
          else if (r.json.error === 'zoho-scope' || r.json.error === 'signin-ended') {
            window.location.href = r.json.signIn || (r.json.error === 'zoho-scope'
                ? '/sign-in-again?return=%2Fhome' : '/?signin=ended');
          }
          else if (r.status === 401) { window.location.href = '/login?return=%2Fhome'; }
          else { problem(r.json.message || product + ' could not be reached.', true); }
        })
        .catch(function () { unavailable(); });
    }

    load('GET', url);
  }

  document.querySelectorAll('[data-summary-url]').forEach(function (body) {
    summaryCard(body, body.getAttribute('data-summary-url'));
  });
})();
