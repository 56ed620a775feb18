package dev.signoff.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.authentication.mechanism.http.RememberMe;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The demo's Jakarta Security authentication: a custom-form mechanism (the built-in
 * {@code @CustomFormAuthenticationMechanismDefinition} does the same, but Jakarta EE 10's cannot
 * carry {@code @RememberMe}) with "Remember me". Portable, no server-specific realm. The users
 * come from {@link DemoUsers}, the form is {@link LoginServlet}.
 *
 * <p>What happens:
 * <ul>
 *   <li>An anonymous request to a protected page ({@code /app/*}, see {@code web.xml}) is redirected
 *       to {@code /login} (a redirect, not a forward, so the address bar shows the login page).</li>
 *   <li>{@link LoginServlet} checks the password with {@code SecurityContext.authenticate}; the
 *       mechanism then remembers the caller in the HttpSession ({@code @AutoApplySession}).</li>
 *   <li>With "Remember me" ticked ({@code remember_me=on}) Jakarta Security also sets a
 *       {@code JREMEMBERMEID} cookie, whose token SignOff keeps in its registry (the demo has no
 *       {@code RememberMeIdentityStore} of its own): it signs the device in again after the
 *       HttpSession is gone, is rotated on use and ends with logout on this device and with log
 *       out everywhere.</li>
 *   <li>SignOff notices each new login by itself and registers the session: the demo never calls
 *       {@code SignOff.start}.</li>
 * </ul>
 * {@code errorPage = ""} keeps a failed login in {@link LoginServlet}, which shows the form again
 * with a message instead of redirecting to a separate error page. {@code isRememberMeExpression}
 * asks the login for the checkbox: without it Jakarta Security remembers every login (soteria #265).
 * {@code cookieSecureOnly = false} only because the demo is served over plain HTTP.
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false)
@RememberMe(cookieMaxAgeSeconds = DemoSecurity.REMEMBER_ME_SECONDS, cookieSecureOnly = false,
        isRememberMeExpression = "#{self.isRememberMe(httpMessageContext)}")
public class DemoSecurity implements HttpAuthenticationMechanism {
    /** 14 days, as SignOff's {@code signoff.remember-me.lifetime} default. */
    static final int REMEMBER_ME_SECONDS = 14 * 24 * 60 * 60;

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.getAuthParameters().getCredential() == null) {
            return context.doNothing();
        }
        return context.notifyContainerAboutLogin(identityStores.validate(context.getAuthParameters().getCredential()));
    }

    /** Whether this login asked to be remembered (the login form's checkbox). */
    public boolean isRememberMe(HttpMessageContext context) {
        return context.getAuthParameters().isRememberMe();
    }
}
