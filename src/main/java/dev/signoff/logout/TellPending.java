package dev.signoff.logout;

/**
 * When the registry could not be reached, the logout's answer says so ({@code SignOff-Registry:
 * unreachable}): the caller is logged out here, and the end is stored on every node once the
 * database answers (the node that took it refuses the session until then).
 */
final class TellPending implements LogoutStep {
    /** The header a client (or its monitoring) reads. */
    static final String HEADER = "SignOff-Registry";

    @Override
    public void run(Leaving leaving) {
        if (leaving.pending()) {
            leaving.writableResponse().ifPresent(response -> response.setHeader(HEADER, "unreachable"));
        }
    }
}
