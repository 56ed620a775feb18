/*
 * The devices page, better with JavaScript: "Sign out" on a device ends it in the background and
 * removes it from the list, instead of reloading the page. Without this file the same forms POST
 * and the page reloads. (Live sign-out of this page itself is signoff.js's job.)
 */
(function () {
    'use strict';
    const status = document.querySelector('[data-live-status]');
    const count = document.querySelector('[data-device-count]');

    function announce(text) {
        if (status) {
            status.textContent = text;
            status.classList.add('notice');
        }
    }

    document.addEventListener('submit', event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-end-session') || event.defaultPrevented) {
            return;
        }
        event.preventDefault();
        const item = form.closest('li');
        const name = item ? item.querySelector('.device-name').firstChild.textContent.trim() : 'The device';
        const button = form.querySelector('button');
        button.disabled = true;
        fetch(form.action, {
            method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
            headers: {Accept: 'application/json'}
        }).then(response => {
            if (response.status !== 204 && response.status !== 404) {
                form.submit();
                return;
            }
            if (item) {
                const list = item.parentElement;
                item.remove();
                if (count) {
                    count.textContent = String(list.children.length);
                }
            }
            announce(response.status === 204 ? name + ' was signed out.' : 'That session had already ended.');
            // The button that had focus is gone: keep keyboard users in the list.
            const heading = document.getElementById('devices-title') || document.getElementById('user-devices-title');
            if (heading) {
                heading.setAttribute('tabindex', '-1');
                heading.focus();
            }
        }).catch(() => form.submit());
    });
}());
