package dev.signoff.logout;

import dev.signoff.cookies.CookieDeleter;

/**
 * Deletes every cookie the session lives in, each with the exact attributes it was set with: the
 * container's session cookie, the app cookies of {@code signoff.cookies} and the login cookies of
 * {@code signoff.login-cookies} ({@link CookieDeleter}).
 */
final class DeleteCookies implements LogoutStep {
    @Override
    public void run(Leaving leaving) {
        leaving.writableResponse().ifPresent(response -> CookieDeleter.of(leaving.request().getServletContext(),
                leaving.settings().cookies(), leaving.settings().loginCookies()).deleteAll(response));
    }
}
