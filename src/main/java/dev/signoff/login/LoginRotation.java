package dev.signoff.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Session fixation, closed where the credentials are: a login's HttpSession gets a new id in the
 * response of the request that presented the credentials, so an id planted or seen before the
 * login is worthless after it — whatever request comes first afterwards. The hooks that call
 * {@link #rotate} run in that request, on every server and for every kind of login:
 * <ul>
 *   <li>{@link LoginRequests}: container FORM login and Jakarta Security's form mechanism
 *       ({@code POST …/j_security_check});</li>
 *   <li>{@link MechanismLoginInterceptor}: any Jakarta Security {@code HttpAuthenticationMechanism}
 *       (built-in or the app's own) that tells the container about a login;</li>
 *   <li>{@link LoginRequest}: programmatic {@code request.login()} and {@code request.authenticate()}.</li>
 * </ul>
 * Each leaves a {@link LoginMark} that names the id the client got. The filter binds a login to a
 * registry session only for a request that comes with that id ({@link #claim}). A request that
 * the container matched to the session by an older id — sent before the login changed it, still in
 * flight — is not the session's holder; a login no hook saw is a login path SignOff does not cover.
 */
public final class LoginRotation {
    /** HttpSession attribute: the {@link LoginMark}. */
    static final String MARK = "dev.signoff.login-mark";

    /** What a request may do with the login the container found on its HttpSession. */
    public enum Claim {
        /** Bind it: this request logged in, or it comes with the id its login response gave. */
        BIND,
        /** A hook saw the login, but this request came with another id: answer it as not signed in, end nothing. */
        NOT_HOLDER,
        /** No hook saw the login: its id may be one known from before it. */
        UNSEEN
    }

    private LoginRotation() {
    }

    /**
     * A login of {@code user} (null: not known yet) was made in this request: gives its HttpSession,
     * if it has one, a new id (once per request; not to a session created in this request, whose id
     * only this client learns) and marks it.
     */
    public static void rotate(HttpServletRequest request, String user) {
        rotate(request, LoginState.of(request), user);
    }

    static void rotate(HttpServletRequest request, LoginState state, String user) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        if (!state.rotated && !createdHere(state, session)) {
            request.changeSessionId();
            state.rotated = true;
        }
        mark(state, session, user);
    }

    /** Marks the session for a login of {@code user} made in this request, its id changed some other way. */
    static void mark(LoginState state, HttpSession session, String user) {
        session.setAttribute(MARK, new LoginMark(user, null, state.entryId));
        state.loginSeen = true;
    }

    /**
     * A form login begins: the session is marked before the container checks the credentials, since
     * the container's answer (the redirect of a login) can reach the client, and the client's next
     * request the server, before this request has ended. Completed at its end; taken away if the
     * login fails or a mechanism takes it over ({@link #abandon}).
     */
    static void begin(LoginState state, HttpSession session) {
        session.setAttribute(MARK, new LoginMark(null, null, state.entryId));
    }

    /** A form login's provisional mark that nobody completed (the login failed) vouches for nothing. */
    static void abandon(LoginState state, HttpSession session) {
        if (!state.loginSeen && session.getAttribute(MARK) instanceof LoginMark m && m.user() == null && m.id() == null) {
            session.removeAttribute(MARK);
        }
    }

    /** At the end of a request in which a hook saw a login: the mark names the id its response gives the client. */
    static void issued(LoginState state, HttpSession session) {
        if (state.loginSeen && session.getAttribute(MARK) instanceof LoginMark m && m.id() == null) {
            session.setAttribute(MARK, m.issued(session.getId()));
        }
    }

    /** Whether a hook saw a login of {@code caller} in this session (without taking the mark away). */
    public static boolean marked(HttpSession session, String caller) {
        return session.getAttribute(MARK) instanceof LoginMark m && m.covers(caller);
    }

    /**
     * What this request may do with the login of {@code caller} found on its session. {@link Claim#BIND}
     * takes the mark away: it vouches for one binding. A session created in this request is bound
     * too: nobody but this client knows its id.
     */
    public static Claim claim(HttpServletRequest request, HttpSession session, String caller) {
        LoginState state = LoginState.peek(request);
        if (!(session.getAttribute(MARK) instanceof LoginMark mark) || !mark.covers(caller)) {
            return createdHere(state, session) ? Claim.BIND : Claim.UNSEEN;
        }
        if (!state.loginSeen && !mark.holderId(session.getId()).filter(state::cameWith).isPresent()) {
            return Claim.NOT_HOLDER;
        }
        session.removeAttribute(MARK);
        return Claim.BIND;
    }

    /**
     * What a request may do with a login that has no HttpSession: one that came without any (a
     * login by credentials in each request) gets a new one, known to this client only; one whose
     * session ended while it ran (invalidated by a concurrent request) holds a login that is gone.
     */
    public static Claim sessionless(HttpServletRequest request) {
        return LoginState.peek(request).entryId == null ? Claim.BIND : Claim.NOT_HOLDER;
    }

    /**
     * Whether this request reached its bound HttpSession by an id another request has replaced
     * since: a request with the planted id that the container had matched to the session just before
     * the victim's login changed it. It must not be served as the user, nor end the session, which
     * is the user's now.
     */
    public static boolean heldUnderReplacedId(HttpServletRequest request) {
        LoginState state = LoginState.peek(request);
        if (state.rotated || state.entryId == null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session != null && !state.cameWith(session.getId());
    }

    /**
     * Whether the session was created in this request, so that only this request's client can learn
     * its id. {@code isNew()} alone does not tell: GlassFish keeps a session "new" until the request
     * that created it has ended, which may be after its client sent the next request.
     */
    private static boolean createdHere(LoginState state, HttpSession session) {
        return state.entryId == null && session.isNew();
    }
}
