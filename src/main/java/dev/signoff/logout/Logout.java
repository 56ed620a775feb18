package dev.signoff.logout;

import dev.signoff.config.Configuration;
import dev.signoff.events.EndReason;
import dev.signoff.oidc.ProviderSignOut;
import dev.signoff.session.Terminator;
import dev.signoff.tokens.RememberMeTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Logging the caller out, as one-job steps run in this order (Spring Security's
 * {@code CompositeLogoutHandler} is the model):
 * <ol>
 *   <li>revoke in the registry: the caller's session ({@link RevokeCurrent}) or all the user's
 *       ({@link RevokeEverywhere}), through the {@link Terminator}, so it holds on every node;</li>
 *   <li>{@link ForgetRememberMe}: this device's remember-me login and its cookie (explicit logouts only);</li>
 *   <li>{@link LeaveProvider}: where the OpenID Provider's session ends too, if it is to (explicit logouts only);</li>
 *   <li>{@link ContainerLogout}: {@code request.logout()}, unless the login lives in a login cookie or is an OpenID Connect one;</li>
 *   <li>{@link InvalidateHttpSession};</li>
 *   <li>{@link DeleteCookies}: every cookie the session lives in, with its exact attributes;</li>
 *   <li>{@link ClearSiteData}, {@link NoStore} and {@link TellPending}: the answer's headers.</li>
 * </ol>
 * The registry step comes first because it alone holds on every node. If the registry is down, the
 * local steps still run (the caller is logged out here), this node keeps refusing the session, and
 * the end is retried until the database answers. A new kind of login state on the device is one
 * more step in this list; the others do not change.
 */
@ApplicationScoped
public class Logout {
    /** Request attribute: SignOff itself logged the caller out in this request (not the app). */
    public static final String ENDED_HERE = "dev.signoff.logged-out";

    @Inject
    Terminator terminator;
    @Inject
    Configuration configuration;
    @Inject
    RememberMeTokens rememberMe;
    @Inject
    ProviderSignOut providerSignOut;

    private List<LogoutStep> local;
    private LogoutStep revokeCurrent;
    private LogoutStep revokeAll;
    private LogoutStep revokeOthers;
    private LogoutStep forgetRememberMe;
    private LogoutStep leaveProvider;
    private LogoutStep tellPending;

    @PostConstruct
    void steps() {
        tellPending = new TellPending();
        local = List.of(new ContainerLogout(providerSignOut), new InvalidateHttpSession(), new DeleteCookies(), new ClearSiteData(), new NoStore(),
                tellPending);
        revokeCurrent = new RevokeCurrent(terminator);
        revokeAll = new RevokeEverywhere(terminator, false);
        revokeOthers = new RevokeEverywhere(terminator, true);
        forgetRememberMe = new ForgetRememberMe(rememberMe);
        leaveProvider = new LeaveProvider(providerSignOut);
    }

    /** Ends the caller's current session (if any) and clears it from the client. */
    public void current(HttpServletRequest request, HttpServletResponse response, EndReason reason) {
        run(new Leaving(request, response, configuration.settings(), reason), steps(revokeCurrent, forgetRememberMe, local));
    }

    /**
     * Ends all the caller's sessions on every device; with {@code keepCurrent} the caller's own
     * stays (and stays signed in here). Returns how many were ended.
     */
    public int everywhere(HttpServletRequest request, HttpServletResponse response, boolean keepCurrent) {
        Leaving leaving = new Leaving(request, response, configuration.settings(), EndReason.LOGOUT_ALL);
        run(leaving, keepCurrent ? List.of(revokeOthers, tellPending) : steps(revokeAll, forgetRememberMe, local));
        return leaving.ended();
    }

    /**
     * The local steps alone (2 to 5): the caller's container login, HttpSession, cookies and browser
     * data; for a session whose registry end is already decided. {@code response} may be null (no
     * cookies or headers then).
     */
    public void local(HttpServletRequest request, HttpServletResponse response) {
        run(new Leaving(request, response, configuration.settings(), EndReason.LOGOUT), local);
    }

    private static void run(Leaving leaving, List<LogoutStep> steps) {
        leaving.request().setAttribute(ENDED_HERE, Boolean.TRUE);
        for (LogoutStep step : steps) {
            step.run(leaving);
        }
    }

    /** An explicit logout's steps: the registry's, this device's remember-me and provider session, then the local ones. */
    private List<LogoutStep> steps(LogoutStep revoke, LogoutStep forget, List<LogoutStep> rest) {
        List<LogoutStep> all = new ArrayList<>(rest.size() + 3);
        all.add(revoke);
        all.add(forget);
        all.add(leaveProvider);
        all.addAll(rest);
        return all;
    }
}
