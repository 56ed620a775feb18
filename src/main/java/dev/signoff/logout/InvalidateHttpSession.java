package dev.signoff.logout;

import jakarta.servlet.http.HttpSession;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Invalidates the caller's HttpSession: whatever the app kept in it is gone on this node. */
final class InvalidateHttpSession implements LogoutStep {
    private static final Logger LOG = Logger.getLogger(InvalidateHttpSession.class.getName());

    @Override
    public void run(Leaving leaving) {
        HttpSession session = leaving.request().getSession(false);
        if (session == null) {
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException e) {
            // Already invalidated (by request.logout() or a concurrent request): the goal is reached.
            LOG.log(Level.FINEST, "SignOff: session already invalidated", e);
        }
    }
}
