package dev.signoff.login;

import dev.signoff.cookies.CookieDeleter;
import dev.signoff.cookies.CookieSpec;
import dev.signoff.cookies.SessionCookieHeader;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;

import java.io.Serializable;
import java.util.Optional;

/**
 * Around {@code HttpAuthenticationMechanism.validateRequest}, outermost (before Soteria's
 * interceptors): on GlassFish and Payara, which leave SameSite out of the session cookie, the
 * cookie a mechanism's answer sets gets it. Those answers go out before any filter runs — above
 * all the redirect of {@code LoginToContinue} to the login page, whose session (it keeps the page
 * asked for) is often the visitor's first — and a redirect commits the answer at once, so the
 * header is completed just before the mechanism redirects or forwards, and after it returns.
 */
@Interceptor
@RotatesAtLogin
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class MechanismCookieInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    @AroundInvoke
    Object validateRequest(InvocationContext invocation) throws Exception {
        Optional<ValidateRequestCall> call = ValidateRequestCall.of(invocation)
                .filter(c -> SessionCookieHeader.serverDropsSameSite(c.request().getServletContext()));
        if (call.isEmpty()) {
            return invocation.proceed();
        }
        CookieSpec sessionCookie = CookieDeleter.sessionCookie(call.get().request().getServletContext());
        SameSiteCompleting completing = new SameSiteCompleting(call.get().context(), sessionCookie);
        Object status = call.get().proceedWith(completing);
        completing.complete();
        return status;
    }

    /** The mechanism's context, completing the session cookie header before the answer is committed. */
    static final class SameSiteCompleting extends HttpMessageContextWrapper {
        private final CookieSpec sessionCookie;

        SameSiteCompleting(HttpMessageContext context, CookieSpec sessionCookie) {
            super(context);
            this.sessionCookie = sessionCookie;
        }

        void complete() {
            SessionCookieHeader.complete(getResponse(), sessionCookie);
        }

        @Override
        public AuthenticationStatus redirect(String location) {
            complete();
            return super.redirect(location);
        }

        @Override
        public AuthenticationStatus forward(String path) {
            complete();
            return super.forward(path);
        }
    }
}
