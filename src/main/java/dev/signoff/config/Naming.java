package dev.signoff.config;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Looks up what the server provides by JNDI name, failing the deployment with a sentence an admin can act on. */
public final class Naming {
    private Naming() {
    }

    /**
     * The object bound at {@code name}; needs the application's naming context ({@code java:comp}),
     * so call it on an application thread.
     *
     * @param missing what to tell the admin when nothing is bound there
     */
    public static <T> T lookup(String name, Class<T> type, String missing) {
        try {
            return type.cast(new InitialContext().lookup(name));
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("SignOff: no " + name + "; " + missing, e);
        }
    }

    /** The server's default thread factory (Jakarta Concurrency), for SignOff's long-lived threads; call on an application thread. */
    public static ManagedThreadFactory threadFactory() {
        return lookup("java:comp/DefaultManagedThreadFactory", ManagedThreadFactory.class, "the server lacks Jakarta Concurrency");
    }
}
