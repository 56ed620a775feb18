package dev.signoff.login;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;

import java.io.Serializable;
import java.util.Optional;

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
        Optional<ValidateRequestCall> call = ValidateRequestCall.of(invocation);
        if (call.isEmpty()) {
            return invocation.proceed();
        }
        LoginNotices notices = new LoginNotices(call.get().context());
        LoginState.of(call.get().request()).mechanismRan = true;
        Object status = call.get().proceedWith(notices);
        if (status == AuthenticationStatus.SUCCESS && notices.caller().isPresent()) {
            LoginRotation.rotate(call.get().request(), notices.caller().get());
        }
        return status;
    }
}
