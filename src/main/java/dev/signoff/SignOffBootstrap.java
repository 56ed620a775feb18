package dev.signoff;

import dev.signoff.config.Configuration;
import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.SessionCookieHardening;
import dev.signoff.filter.SignOffFilter;
import dev.signoff.logout.LogoutServlet;
import dev.signoff.registry.SignOffDataSource;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Starts SignOff in a web application; declared in the module's {@code web-fragment.xml}, so an
 * app only adds the JAR. At start-up it reads the settings (a bad value fails the deployment),
 * hardens the session cookie, and registers the filter on {@code /*} ahead of the app's own
 * filters and the logout servlet under the configured prefix.
 */
public class SignOffBootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(SignOffBootstrap.class.getName());

    @Inject
    Configuration configuration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        SignOffSettings settings = configuration.load(context).settings();
        SessionCookieHardening.apply(context, settings);

        FilterRegistration.Dynamic filter = context.addFilter("SignOffFilter", SignOffFilter.class);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

        String prefix = settings.prefix();
        ServletRegistration.Dynamic logout = context.addServlet("SignOffLogout", LogoutServlet.class);
        logout.addMapping(prefix + "/log_out", prefix + "/log_out/all", prefix + "/log_out/all/get");
        LOG.info(() -> "SignOff started: routes under " + context.getContextPath() + prefix);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        SignOffDataSource.shutDownEmbedded();
    }
}
