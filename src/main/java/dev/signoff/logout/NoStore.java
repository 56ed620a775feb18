package dev.signoff.logout;

/** {@code Cache-Control: no-store} on the logout's answer: nothing of it is kept for Back. */
final class NoStore implements LogoutStep {
    @Override
    public void run(Leaving leaving) {
        leaving.writableResponse().ifPresent(response -> response.setHeader("Cache-Control", "no-store"));
    }
}
