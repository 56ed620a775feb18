package dev.signoff.testing;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HttpServletRequest for unit tests, as a container would answer: context path {@code /app},
 * attributes, a session that {@code getSession(true)} creates, a login ({@code login()},
 * {@code logout()}) and {@code changeSessionId()}.
 */
public final class FakeRequest {
    public String method = "GET";
    public String contextPath = "/app";
    public String servletPath = "/";
    public String pathInfo;
    public String query;
    public String remoteAddr = "203.0.113.7";
    public final Map<String, String> headers = new HashMap<>();
    public final Map<String, String> parameters = new HashMap<>();
    public final Map<String, Object> attributes = new HashMap<>();
    public final List<Cookie> cookies = new ArrayList<>();
    public FakeSession session;
    /** The session id the client sent (set by {@link #withSession()}). */
    public String requestedSessionId;
    public Principal principal;
    /** Who {@code login(user, password)} accepts, by password; empty: every login fails. */
    public final Map<String, String> passwords = new HashMap<>();
    public int logouts;
    public int rotations;

    public static FakeRequest get(String servletPath) {
        FakeRequest r = new FakeRequest();
        r.servletPath = servletPath;
        return r;
    }

    public FakeRequest withSession() {
        session = new FakeSession();
        requestedSessionId = session.id;
        return this;
    }

    public FakeRequest signedIn(String user) {
        principal = () -> user;
        return this;
    }

    public FakeRequest cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpServletRequest proxy() {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> contextPath;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> contextPath + servletPath + (pathInfo == null ? "" : pathInfo);
                    case "getQueryString" -> query;
                    case "getRemoteAddr" -> remoteAddr;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> {
                        attributes.remove((String) args[0]);
                        yield null;
                    }
                    case "getSession" -> session(args == null || (Boolean) args[0]);
                    case "changeSessionId" -> changeSessionId();
                    case "getUserPrincipal" -> principal;
                    case "getRemoteUser" -> principal == null ? null : principal.getName();
                    case "login" -> login((String) args[0], (String) args[1]);
                    case "logout" -> {
                        logouts++;
                        principal = null;
                        yield null;
                    }
                    case "getRequestedSessionId" -> requestedSessionId;
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
                    case "getServletContext" -> context();
                    case "toString" -> method + " " + contextPath + servletPath;
                    default -> throw new UnsupportedOperationException("HttpServletRequest." + m.getName());
                });
    }

    /** The app's context, with the container's default session cookie (JSESSIONID, the context path, HttpOnly). */
    private ServletContext context() {
        SessionCookieConfig config = (SessionCookieConfig) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[]{SessionCookieConfig.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getName", "getPath", "getDomain", "getAttribute" -> null;
                    case "isSecure" -> false;
                    case "isHttpOnly" -> true;
                    default -> throw new UnsupportedOperationException("SessionCookieConfig." + m.getName());
                });
        return (ServletContext) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(), new Class<?>[]{ServletContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getContextPath" -> contextPath;
                    case "getSessionCookieConfig" -> config;
                    case "getServerInfo" -> "FakeServer/1.0";
                    default -> throw new UnsupportedOperationException("ServletContext." + m.getName());
                });
    }

    private Object session(boolean create) {
        if ((session == null || session.invalidated) && create) {
            session = new FakeSession();
            session.isNew = true;
        }
        return session == null || session.invalidated ? null : session.proxy();
    }

    private String changeSessionId() {
        if (session == null || session.invalidated) {
            throw new IllegalStateException("no session");
        }
        rotations++;
        session.id = session.id + "-r" + rotations;
        return session.id;
    }

    private Object login(String user, String password) throws ServletException {
        if (!Optional.ofNullable(passwords.get(user)).filter(password::equals).isPresent()) {
            throw new ServletException("login failed");
        }
        principal = () -> user;
        return null;
    }
}
