package dev.signoff.oidc;

import dev.signoff.events.EndReason;
import dev.signoff.registry.ProviderSessions;
import dev.signoff.session.Ending;
import dev.signoff.session.Terminator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies a back-channel logout token: checked ({@link LogoutTokens}), its sessions looked up,
 * received once (its {@code jti} is stored in the registry before anything ends, so a replay to any
 * node changes nothing), then the sessions of its {@code sid} — or, without one, of its {@code sub} — end through the
 * {@link Terminator} (reason {@code idp_logout}): every node refuses them within the staleness
 * bound, their open pages are told. No call back into the app's own logout route, so nothing of
 * the app's proxy, TLS or CSRF setup stands in the way.
 */
@ApplicationScoped
public class BackchannelLogout {
    private static final Logger LOG = Logger.getLogger(BackchannelLogout.class.getName());

    /** What became of a token. */
    public enum Outcome {
        /** Valid and new: its sessions ended (or, the registry failing meanwhile, were queued to end). */
        APPLIED,
        /** Broke a rule, or was received before: nothing changed. */
        REFUSED,
        /** Valid, but the registry could not be asked whether it was new: nothing changed. */
        NOT_APPLIED
    }

    @Inject
    Providers providers;
    @Inject
    ProviderSessions providerSessions;
    @Inject
    Terminator terminator;

    /** Checks and applies one token from the client at {@code ip}. */
    public Outcome receive(String token, String ip) {
        LogoutToken valid;
        try {
            valid = providers.logoutTokens().validate(token);
        } catch (LogoutToken.Refused e) {
            LOG.info(() -> "SignOff: back-channel logout token from " + ip + " refused: " + printable(e.getMessage()));
            return Outcome.REFUSED;
        }
        try {
            // The sessions are looked up before the token is recorded as received: a lookup that fails
            // leaves nothing recorded, so the provider's retry is not taken for a replay.
            List<String> handles = sessionsOf(valid);
            if (!providerSessions.firstReceipt(valid.issuer(), valid.jti(), valid.keepUntil())) {
                LOG.info(() -> "SignOff: back-channel logout token from " + ip + " refused: its jti was received before");
                return Outcome.REFUSED;
            }
            end(valid, handles, ip);
            return Outcome.APPLIED;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SignOff: a back-channel logout token from " + ip + " could not be applied: registry unavailable", e);
            return Outcome.NOT_APPLIED;
        }
    }

    /**
     * A refusal's reason as one log line: Nimbus's messages may quote a header the sender chose (an
     * unexpected {@code typ}), which must not forge log lines.
     */
    static String printable(String reason) {
        String line = String.valueOf(reason).replaceAll("\\p{Cntrl}", "?");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The live sessions of the token's provider session, or without a {@code sid} of its user. */
    private List<String> sessionsOf(LogoutToken token) {
        return token.sid().isPresent()
                ? providerSessions.liveBySid(token.issuer(), token.sid().get())
                : providerSessions.liveBySubject(token.issuer(), token.subject().orElseThrow());
    }

    /** Ends them; should the registry fail now, the Terminator queues the ends and applies them when it is back. */
    private void end(LogoutToken token, List<String> handles, String ip) {
        Ending ending = handles.isEmpty() ? Ending.of(0) : terminator.end(handles, EndReason.IDP_LOGOUT, ip);
        LOG.info(() -> "SignOff: back-channel logout from " + token.issuer() + " (" + (token.sid().isPresent() ? "sid" : "sub")
                + "): " + handles.size() + " session(s) " + (ending.pending() ? "queued to end" : "ended"));
    }
}
