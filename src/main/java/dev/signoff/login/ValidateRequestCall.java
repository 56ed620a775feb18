package dev.signoff.login;

import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * A call of {@code HttpAuthenticationMechanism.validateRequest(request, response, context)} as
 * SignOff's interceptors see it: they watch the mechanism through a wrapper of its context.
 */
record ValidateRequestCall(InvocationContext invocation, HttpServletRequest request, HttpMessageContext context) {

    /** The call, if the intercepted method is {@code validateRequest}; else empty (let it proceed as it is). */
    static Optional<ValidateRequestCall> of(InvocationContext invocation) {
        Object[] parameters = invocation.getParameters();
        if ("validateRequest".equals(invocation.getMethod().getName()) && parameters.length == 3
                && parameters[0] instanceof HttpServletRequest request
                && parameters[2] instanceof HttpMessageContext context) {
            return Optional.of(new ValidateRequestCall(invocation, request, context));
        }
        return Optional.empty();
    }

    /** Runs the mechanism with this context in place of its own. */
    Object proceedWith(HttpMessageContext wrapper) throws Exception {
        Object[] parameters = invocation.getParameters();
        parameters[2] = wrapper;
        invocation.setParameters(parameters);
        return invocation.proceed();
    }
}
