package dev.signoff.logout;

import dev.signoff.cookies.RememberMeCookie;
import dev.signoff.tokens.RememberMeTokens;
import jakarta.servlet.http.Cookie;

import java.util.Optional;

/**
 * A logout forgets this device's remember-me login: its registry session ends and its cookie is
 * deleted with the name and path it was set with — also for a caller whose HttpSession is gone
 * already (spring-security #10241), and without touching other devices' (Spring's logout deleted
 * every device's). The cookie is recognised by its value, so any {@code @RememberMe(cookieName)}
 * is found. Only explicit logouts run it: an ended session (a timeout) leaves the device's
 * remember-me login alone.
 */
final class ForgetRememberMe implements LogoutStep {
    private final RememberMeTokens tokens;

    ForgetRememberMe(RememberMeTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void run(Leaving leaving) {
        Cookie[] cookies = leaving.request().getCookies();
        if (cookies == null) {
            return;
        }
        for (Cookie c : cookies) {
            if (RememberMeTokens.isToken(c.getValue())) {
                forget(leaving, c);
            }
        }
    }

    private void forget(Leaving leaving, Cookie cookie) {
        try {
            tokens.remove(cookie.getValue(), leaving.request().getRemoteAddr());
        } catch (RuntimeException e) {
            // The registry is down: the cookie still goes; the token ends with log out everywhere or its lifetime.
        }
        leaving.writableResponse().ifPresent(response -> RememberMeCookie.delete(leaving.request(), response, cookie.getName(),
                leaving.settings().sessionCookieSecure(), Optional.of(leaving.settings().sessionCookieSameSite())));
    }
}
