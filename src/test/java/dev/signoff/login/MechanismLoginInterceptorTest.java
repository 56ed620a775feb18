package dev.signoff.login;

import dev.signoff.testing.FakeRequest;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MechanismLoginInterceptorTest {
    private final MechanismLoginInterceptor interceptor = new MechanismLoginInterceptor();

    @Test
    void validateRequestWhenMechanismLogsSomeoneInThenNewIdAndMark() throws Exception {
        FakeRequest r = FakeRequest.get("/auth").withSession();
        String planted = r.session.id;

        Object status = interceptor.validateRequest(validate(r, context -> context.notifyContainerAboutLogin("alice", Set.of())));

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertNotEquals(planted, r.session.id);
        assertEquals(new LoginMark("alice", null), r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void validateRequestWhenSuccessWithoutALoginThenIdKept() throws Exception {
        FakeRequest r = FakeRequest.get("/public").withSession();
        String id = r.session.id;

        interceptor.validateRequest(validate(r, context -> AuthenticationStatus.SUCCESS));

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
        assertTrue(LoginState.of(r.proxy()).mechanismRan);
    }

    @Test
    void validateRequestWhenLoginRefusedThenIdKept() throws Exception {
        FakeRequest r = FakeRequest.get("/auth").withSession();
        String id = r.session.id;

        interceptor.validateRequest(validate(r, HttpMessageContext::responseUnauthorized));

        assertEquals(id, r.session.id);
        assertNull(r.session.attributes.get(LoginRotation.MARK));
    }

    @Test
    void otherMethodWhenInterceptedThenPassedThrough() throws Exception {
        Method cleanSubject = HttpAuthenticationMechanism.class.getMethod("cleanSubject",
                HttpServletRequest.class, HttpServletResponse.class, HttpMessageContext.class);
        FakeRequest r = FakeRequest.get("/logout").withSession();
        Object[] args = {r.proxy(), null, messageContext()};

        Object result = interceptor.validateRequest(invocation(cleanSubject, args, a -> "passed"));

        assertEquals("passed", result);
        assertFalse(LoginState.of(r.proxy()).mechanismRan);
    }

    /** A call of validateRequest whose mechanism does {@code mechanism} with the context it is given. */
    private static InvocationContext validate(FakeRequest r, Function<HttpMessageContext, AuthenticationStatus> mechanism)
            throws NoSuchMethodException {
        Method validate = HttpAuthenticationMechanism.class.getMethod("validateRequest",
                HttpServletRequest.class, HttpServletResponse.class, HttpMessageContext.class);
        Object[] args = {r.proxy(), null, messageContext()};
        return invocation(validate, args, a -> mechanism.apply((HttpMessageContext) a[2]));
    }

    /** The container's context: a login is SUCCESS, a refusal SEND_FAILURE. */
    private static HttpMessageContext messageContext() {
        return (HttpMessageContext) Proxy.newProxyInstance(MechanismLoginInterceptorTest.class.getClassLoader(),
                new Class<?>[]{HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "notifyContainerAboutLogin" -> AuthenticationStatus.SUCCESS;
                    case "responseUnauthorized" -> AuthenticationStatus.SEND_FAILURE;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InvocationContext invocation(Method method, Object[] arguments, Function<Object[], Object> target) {
        return new InvocationContext() {
            private Object[] parameters = arguments;

            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return parameters.clone();
            }

            @Override
            public void setParameters(Object[] params) {
                parameters = params;
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() {
                return target.apply(parameters);
            }
        };
    }
}
