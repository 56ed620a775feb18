package dev.signoff.api;

import dev.signoff.web.Routes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * SignOff's JAX-RS application: the JSON API under {@code <prefix>/api} (default
 * {@code /sessions/api}). It serves exactly the classes below, so an app's own resources never
 * appear under the module's path, and it needs nothing from the app's JAX-RS setup.
 *
 * <p>Two things make it safe in any app:
 * <ul>
 * <li>An app {@code Application} with empty {@code getClasses()} serves every {@code @Path} class
 *     in the WAR, the module's included (JAX-RS 3.1, section 2.3.2). {@link SessionsResource}
 *     therefore answers only when reached through this application's servlet mapping, and 404
 *     anywhere else. The providers here carry no {@code @Provider}, so scanning never adds them
 *     to the app's application, where they would change its error answers. {@link OwnRoutesOnly}
 *     keeps what the runtime adds by itself (Jersey's WADL) out of the API.</li>
 * <li>{@code @ApplicationPath} is fixed, the prefix is not: the container names this
 *     application's servlet after the class (section 2.3.2), and {@code SignOffBootstrap} maps it
 *     to {@code <prefix>/api/*} as well when the prefix is not the default; the default path then
 *     answers 404.</li>
 * </ul>
 */
@ApplicationPath(Routes.API_DEFAULT_PATH)
public class SignOffApi extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SessionsResource.class, OwnRoutesOnly.class, ApiExceptionMapper.class);
    }
}
