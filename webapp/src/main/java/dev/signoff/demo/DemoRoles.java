package dev.signoff.demo;



/** The demo's role names; each is also the name of the identity-store group that grants it. */
final class DemoRoles {
    /** Every demo user. */
    static final String USER = "user";
    /** May use SignOff's admin API ({@code <prefix>/api/users/…}, {@code <prefix>/api/introspection}). */
    static final String ADMIN = "signoff-admin";

    private DemoRoles() {
    }
}
