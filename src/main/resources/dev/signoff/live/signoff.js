/*
 * signoff.js: live sign-out for the pages of signed-in users. Served by SignOff at
 * <prefix>/signoff.js; no build step, one tag on every page a signed-in user sees:
 *
 *   <script src="/ctx/sessions/signoff.js" defer></script>
 *
 * What it does:
 *  - listens to <prefix>/api/events (one tab per browser holds the stream and tells the others);
 *    when the session ends (signed out on another device or tab, by an admin, a credential
 *    change or a timeout) the page is signed out at once;
 *  - turns sign-out forms (POST to <prefix>/log_out or <prefix>/log_out/all) and elements marked
 *    data-signoff-logout into background POSTs, so this tab and every other one sign out together;
 *  - on sign-out: clears sessionStorage and localStorage (all keys, or those named), tells the
 *    browser's other tabs (BroadcastChannel), shows a short notice and replaces the page with the
 *    login page (?signed_out=<reason>), so Back does not return to it.
 *
 * Options, as data- attributes of the script tag:
 *   data-local-storage="*"        localStorage keys cleared on sign-out: "*" (default) all,
 *                                 "key1 key2" (space or comma separated) only these, "none" none
 *   data-login="/ctx/login"       where to go after sign-out (default: signoff.login-page; without one, this page again)
 *   data-notice="You were signed out."   the notice text
 *   data-redirect-delay="1500"    milliseconds the notice shows before the login page loads
 *   data-notice-style="none"      no built-in styling; style .signoff-notice yourself
 *
 * Page code can listen for the "signoff:signed-out" event on document (detail: {reason}) and
 * call SignOff.logOut() or SignOff.logOutEverywhere().
 *
 * Needs script-src 'self' and connect-src 'self' in a Content-Security-Policy. Works without
 * any of this too: the forms still POST and the server still refuses ended sessions.
 */
(function () {
    'use strict';

    const SERVER = {/*signoff:config*/};
    const script = document.currentScript;
    if (window.SignOff || !script) {
        return; // loaded twice, or as a module (no currentScript): the first copy does the work
    }
    const data = script.dataset;
    const options = {
        login: data.login || SERVER.login,
        notice: data.notice || 'You were signed out.',
        localStorage: (data.localStorage === undefined ? '*' : data.localStorage).trim(),
        delay: Math.max(0, parseInt(data.redirectDelay || '1500', 10) || 0),
        styled: data.noticeStyle !== 'none'
    };
    const POLL_MILLIS = 5000;
    const channel = 'BroadcastChannel' in window ? new BroadcastChannel(SERVER.channel) : null;
    let source = null;
    let retryTimer = null;
    let signedOut = false;

    /** Clears the browser state a signed-out page must not leave behind. */
    function clearStorage() {
        try {
            sessionStorage.clear();
        } catch (e) { /* storage disabled: nothing stored */ }
        try {
            const which = options.localStorage;
            if (which === '*') {
                localStorage.clear();
            } else if (which && which !== 'none') {
                which.split(/[\s,]+/).filter(Boolean).forEach(key => localStorage.removeItem(key));
            }
        } catch (e) { /* storage disabled: nothing stored */ }
    }

    function loginUrl(reason) {
        if (!options.login) {
            // No login page configured: load this page again; the app's own security constraint
            // then shows its own login page (and brings the user back here after it).
            return location.href;
        }
        const url = new URL(options.login, location.href);
        url.searchParams.set('signed_out', reason || 'ended');
        return url.href;
    }

    function showNotice() {
        const notice = document.createElement('div');
        notice.className = 'signoff-notice';
        notice.setAttribute('role', 'alert');
        notice.textContent = options.notice;
        if (options.styled) {
            // CSSOM, not a style attribute: allowed by a CSP without 'unsafe-inline'.
            Object.assign(notice.style, {
                position: 'fixed', top: '1rem', left: '50%', transform: 'translateX(-50%)', zIndex: '2147483647',
                padding: '.75rem 1.25rem', borderRadius: '8px', background: '#1d2330', color: '#fff',
                font: '600 1rem/1.4 system-ui, sans-serif', boxShadow: '0 4px 16px rgba(0,0,0,.3)'
            });
        }
        (document.body || document.documentElement).appendChild(notice);
    }

    /**
     * This page's session is over. Idempotent; fromOtherTab: another tab said so (no rebroadcast).
     */
    function end(reason, fromOtherTab) {
        if (signedOut) {
            return;
        }
        signedOut = true;
        stopListening();
        clearStorage();
        if (channel && !fromOtherTab) {
            channel.postMessage({type: 'signed-out', reason: reason});
        }
        document.dispatchEvent(new CustomEvent('signoff:signed-out', {detail: {reason: reason}}));
        showNotice();
        // replace(): the signed-out page leaves the history, so Back cannot return to it.
        setTimeout(() => location.replace(loginUrl(reason)), options.delay);
    }

    function stopListening() {
        if (source) {
            source.close();
            source = null;
        }
        clearTimeout(retryTimer);
    }

    /**
     * One tab per browser holds the event stream (a Web Lock decides which) and tells the others
     * over the BroadcastChannel: browsers allow only six HTTP/1.1 connections per host, so a
     * stream per tab would stall every request once six tabs are open. When that tab closes, the
     * lock passes to another tab, which opens the stream.
     */
    function start() {
        if (channel && navigator.locks) {
            navigator.locks.request(SERVER.channel, () => new Promise(() => listen())).catch(listen);
        } else {
            listen();
        }
    }

    function listen() {
        if (signedOut || source) {
            return;
        }
        if (!('EventSource' in window)) {
            poll();
            return;
        }
        source = new EventSource(SERVER.events);
        source.addEventListener('revoked', event => {
            let reason = 'ended';
            try {
                reason = JSON.parse(event.data).reason || reason;
            } catch (e) { /* no JSON: the event alone says enough */ }
            end(reason, false);
        });
        source.onerror = () => {
            // CONNECTING: the browser reconnects by itself. CLOSED: an HTTP error (401, 503, ...):
            // ask once whether the session is still alive, then try again later.
            if (source && source.readyState === EventSource.CLOSED) {
                source = null;
                poll();
            }
        };
    }

    /** One check of the session; 401 means signed out, anything else: listen again later. */
    function poll() {
        if (signedOut) {
            return;
        }
        fetch(SERVER.events + '?poll', {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}})
            .then(response => {
                if (response.status === 401) {
                    return response.json().catch(() => ({})).then(body => end(body.reason || 'ended', false));
                }
                retryLater();
            })
            .catch(retryLater);
    }

    function retryLater() {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(listen, POLL_MILLIS);
    }

    /** POSTs a sign-out in the background; falls back to the given plain action if that fails. */
    function postLogOut(url, body, reason, fallback) {
        return fetch(url, {
            method: 'POST', body: body, credentials: 'same-origin',
            headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}
        }).then(response => {
            if (response.ok || response.status === 401) {
                end(reason, false);
            } else {
                fallback();
            }
        }).catch(fallback);
    }

    function isLogOutForm(form) {
        if (!(form instanceof HTMLFormElement) || (form.method || '').toLowerCase() !== 'post') {
            return null;
        }
        const action = new URL(form.action, location.href);
        if (action.origin !== location.origin) {
            return null;
        }
        if (action.pathname === SERVER.logOut) {
            return 'logout';
        }
        if (action.pathname === SERVER.logOutAll) {
            // "Everywhere else" keeps this session: the server answers with the page, as without script.
            return new FormData(form).get('keep_current') === 'true' ? null : 'logout_all';
        }
        return null;
    }

    document.addEventListener('submit', event => {
        const form = event.target;
        const reason = isLogOutForm(form);
        if (!reason || event.defaultPrevented) {
            return;
        }
        event.preventDefault();
        postLogOut(form.action, new URLSearchParams(new FormData(form)), reason, () => form.submit());
    });

    document.addEventListener('click', event => {
        const trigger = event.target instanceof Element && event.target.closest('[data-signoff-logout]');
        if (!trigger || trigger.closest('form')) {
            return; // inside a form the submit handler does it
        }
        event.preventDefault();
        const all = trigger.getAttribute('data-signoff-logout') === 'all';
        const url = all ? SERVER.logOutAll : SERVER.logOut;
        postLogOut(url, new URLSearchParams(), all ? 'logout_all' : 'logout', () => location.assign(url));
    });

    if (channel) {
        channel.onmessage = message => {
            if (message.data && message.data.type === 'signed-out') {
                end(message.data.reason, true);
            }
        };
    }

    // A page restored from the back/forward cache may belong to a session that ended meanwhile.
    window.addEventListener('pageshow', event => {
        if (event.persisted && !signedOut) {
            poll();
            start();
        }
    });
    window.addEventListener('pagehide', event => {
        if (event.persisted) {
            stopListening();
        }
    });

    window.SignOff = Object.freeze({
        /** Signs this session out, in every tab; returns a promise settled once the server answered. */
        logOut: () => postLogOut(SERVER.logOut, new URLSearchParams(), 'logout', () => location.assign(SERVER.logOut)),
        /** Signs out every session of the user, this one too. */
        logOutEverywhere: () => postLogOut(SERVER.logOutAll, new URLSearchParams(), 'logout_all',
            () => location.assign(SERVER.logOutAll)),
        routes: Object.freeze(Object.assign({}, SERVER))
    });

    start();
}());
