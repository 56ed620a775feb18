package dev.signoff.session;

/**
 * The registry answers too slowly for this request to wait its turn: as many request threads as
 * this node lets wait on the database already do. Refused at once (503, as when the database is
 * down) rather than queued, so a slow database cannot take every request thread of the server.
 */
public final class RegistryBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RegistryBusyException(String what) {
        super("SignOff registry busy: " + what);
    }
}
