package dev.signoff.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo's JAX-RS application, under {@code /api}; its resources ({@link MeResource}) are
 * found by scanning. SignOff checks these requests like any other: a revoked session gets no
 * answer as that user.
 */
@ApplicationPath("/api")
public class DemoApi extends Application {
}
