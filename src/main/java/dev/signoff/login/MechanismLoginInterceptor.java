package dev.signoff.login;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;

/**
 * Around {@code HttpAuthenticationMechanism.validateRequest}: when the mechanism itself tells the
 * container about a login ({@code notifyContainerAboutLogin}) and the request succeeds, the
 * session gets a new id in this very request — the one that carried the credentials — and a
 * {@link LoginMark}. Innermost (after Soteria's interceptors, priority {@code PLATFORM_BEFORE + 200}
 * to {@code + 220}): a login that {@code AutoApplySession} or {@code LoginToContinue} merely restores
 * from the session never reaches it, so the request that restores one (possibly an attacker's with
 * a planted id) changes nothing. The call is watched through a wrapper of its
 * {@link HttpMessageContext} rather than through the context's caller principal, which Open
 * Liberty does not fill in there.
 */
@Interceptor
@RotatesAtLogin
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class MechanismLoginInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    @AroundInvoke
    Object validateRequest(InvocationContext invocation) throws Exception {
        Object[] parameters = invocation.getParameters();
        if (!"validateRequest".equals(invocation.getMethod().getName()) || parameters.length != 3
                || !(parameters[0] instanceof HttpServletRequest request)
                || !(parameters[2] instanceof HttpMessageContext context)) {
            return invocation.proceed();
        }
        LoginNotices notices = new LoginNotices(context);
        parameters[2] = notices;
        invocation.setParameters(parameters);
        LoginState.of(request).mechanismRan = true;
        Object status = invocation.proceed();
        if (status == AuthenticationStatus.SUCCESS && notices.caller().isPresent()) {
            LoginRotation.rotate(request, notices.caller().get());
        }
        return status;
    }
}
