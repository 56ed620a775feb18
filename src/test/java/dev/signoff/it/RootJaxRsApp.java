package dev.signoff.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * An app's own JAX-RS application on the whole context root with nothing listed, so the runtime
 * serves every {@code @Path} class of the WAR through it, the module's included.
 */
@ApplicationPath("/")
public class RootJaxRsApp extends Application {
}
