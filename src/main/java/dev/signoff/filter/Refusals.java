package dev.signoff.filter;

import dev.signoff.cookies.CookieDeleter;
import dev.signoff.cookies.SessionCookieHeader;
import dev.signoff.events.EndReason;
import dev.signoff.limit.SessionLimitException;
import dev.signoff.logout.Logout;
import dev.signoff.metrics.SignOffMetrics;
import dev.signoff.session.Terminator;
import dev.signoff.tokens.BearerGate;
import dev.signoff.web.Answers;
import dev.signoff.web.Problem;
import dev.signoff.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the filter does with a request it does not let through as it came, and the ends that
 * entails; the answers themselves are {@link Answers}'.
 */
@ApplicationScoped
class Refusals {
    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    @Inject
    Logout logout;
    @Inject
    Terminator terminator;
    @Inject
    SignOffMetrics metrics;

    /**
     * The request's session is dead: a timeout the cache noticed is recorded, the session ended here
     * (container logout, HttpSession, cookies), and the request answered — a stream request is let
     * through to tell its page why, the login page is served, anything else is sent to sign in again.
     */
    void ended(Visit visit, EndReason reason) throws IOException, ServletException {
        visit.binding().filter(b -> reason == EndReason.IDLE_TIMEOUT || reason == EndReason.ABSOLUTE_TIMEOUT)
                .ifPresent(b -> terminator.endExpired(b.handle(), b.digest(), reason));
        logout.local(visit.request, visit.response);
        if (visit.events) {
            visit.request.setAttribute(Routes.ENDED_ATTRIBUTE, reason);
            visit.proceedAsIs();
        } else if (visit.settings.loginPage().filter(visit.path::equals).isPresent()) {
            visit.proceedAsIs();
        } else {
            Answers.sessionEnded(visit.request, visit.response, visit.settings, reason);
        }
    }

    /**
     * A login no hook saw get a fresh session id: whoever planted or saw the id before could be
     * signed in as the user by it. Ended (audited, reason fixation_suspected); the user signs in again.
     */
    void unrotated(Visit visit, String user) throws IOException, ServletException {
        LOG.warning(() -> "SignOff: ended a login of " + user + " from " + visit.request.getRemoteAddr()
                + " whose session id was not changed at login (fixation suspected); the user must sign in again");
        terminator.refuseLogin(user, EndReason.FIXATION_SUSPECTED, visit.request.getRemoteAddr());
        ended(visit, EndReason.FIXATION_SUSPECTED);
    }

    /** A logout in a concurrent request ended the session while this request bound its login: not signed in. */
    void loggedOutMeanwhile(Visit visit) throws IOException {
        LOG.fine(() -> "SignOff: a request from " + visit.request.getRemoteAddr()
                + " lost its session to a concurrent logout while its login was bound");
        Answers.notSignedIn(visit.request, visit.response);
    }

    /**
     * The container will not give this request its session: the session belongs to another user
     * (a session cookie without the login cookie it goes with, Liberty). Not signed in, answered
     * here rather than by the container's 500; the session stays its owner's. This client's copy
     * of the session cookie is deleted, so that a page asked for again is asked for anonymously.
     */
    void notTheOwner(Visit visit) throws IOException {
        LOG.info(() -> "SignOff: refused a request from " + visit.request.getRemoteAddr()
                + " whose session the server keeps for another user");
        CookieDeleter.of(visit.request.getServletContext(), List.of(), List.of()).deleteAll(visit.response);
        Answers.notSignedIn(visit.request, visit.response);
    }

    /**
     * A request that reached its session by an id since replaced (at a login): answered as a caller
     * who is not signed in, without touching the session, which belongs to whoever logged in. The
     * container may have given the session yet another id in this request: that one is not for
     * this client either.
     */
    void notTheHolder(Visit visit) throws IOException {
        LOG.info(() -> "SignOff: refused a request from " + visit.request.getRemoteAddr()
                + " that came with a session id replaced at a login meanwhile");
        SessionCookieHeader.withhold(visit.response, CookieDeleter.sessionCookie(visit.request.getServletContext()));
        Answers.notSignedIn(visit.request, visit.response);
    }

    /** A login beyond the session limit: undone here, and answered like an ended session, with the reason. */
    void overLimit(Visit visit, SessionLimitException e) throws IOException {
        LOG.info(e::getMessage);
        logout.local(visit.request, visit.response);
        Answers.sessionLimit(visit.request, visit.response, visit.settings, e.limit());
    }

    /** A Bearer access token SignOff checks that it cannot read, or that was revoked: 401, nothing else changes. */
    void bearer(Visit visit, BearerGate.Verdict verdict) throws IOException {
        // The verdict and the address only: the credential itself is never logged.
        LOG.fine(() -> "SignOff: refused a Bearer credential (" + verdict + ") from " + visit.request.getRemoteAddr());
        Answers.bearerRefused(visit.response, verdict == BearerGate.Verdict.REVOKED ? Problem.TOKEN_REVOKED : Problem.INVALID_TOKEN);
    }

    /** Fail closed without logging the user out: the request is refused, the session kept. */
    void unavailable(Visit visit, RuntimeException e) throws IOException {
        metrics.meter().databaseError();
        LOG.log(Level.WARNING, "SignOff: session registry unavailable", e);
        Answers.unavailable(visit.response);
    }
}
