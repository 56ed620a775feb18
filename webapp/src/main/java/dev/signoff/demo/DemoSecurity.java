package dev.signoff.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Turns on Jakarta Security's custom-form authentication for the demo: portable, no
 * server-specific realm. The users come from {@link DemoUsers}, the form is {@link LoginServlet}.
 *
 * <p>What happens:
 * <ul>
 *   <li>An anonymous request to a protected page ({@code /app/*}, see {@code web.xml}) is redirected
 *       to {@code /login} (a redirect, not a forward, so the address bar shows the login page).</li>
 *   <li>{@link LoginServlet} checks the password with {@code SecurityContext.authenticate}; the
 *       mechanism then remembers the caller in the HttpSession ({@code @AutoApplySession}).</li>
 *   <li>SignOff notices the new login by itself and registers the session: the demo never calls
 *       {@code SignOff.start}.</li>
 * </ul>
 * {@code errorPage = ""} keeps a failed login in {@link LoginServlet}, which shows the form again
 * with a message instead of redirecting to a separate error page.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class DemoSecurity {
}
