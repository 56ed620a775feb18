package dev.signoff.boot;

import dev.signoff.api.ApiForwardServlet;
import dev.signoff.api.Introspection;
import dev.signoff.config.Configuration;
import dev.signoff.config.LoadedSettings;
import dev.signoff.config.Naming;
import dev.signoff.config.SignOffSettings;
import dev.signoff.cookies.SessionCookieHardening;
import dev.signoff.filter.ContainerErrorPage;
import dev.signoff.filter.SignOffFilter;
import dev.signoff.live.EventsServlet;
import dev.signoff.live.ScriptServlet;
import dev.signoff.login.LoginRequests;
import dev.signoff.logout.LogoutServlet;
import dev.signoff.metrics.MetricsMBeans;
import dev.signoff.metrics.SignOffMetrics;
import dev.signoff.oidc.BackchannelLogoutServlet;
import dev.signoff.registry.DeviceNames;
import dev.signoff.registry.PurgeTask;
import dev.signoff.registry.RevocationPush;
import dev.signoff.registry.SignOffDataSource;
import dev.signoff.session.PendingEnds;
import dev.signoff.session.SessionChecker;
import dev.signoff.web.Routes;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts SignOff in a web application; declared in the module's {@code web-fragment.xml}, so an
 * app only adds the JAR. At start-up it reads the settings (a bad value fails the deployment),
 * hardens the session cookie, and registers:
 * <ul>
 *   <li>the filter on {@code /*}, ahead of the app's own filters (async-supported, so streams can go
 *       async), and the request listener and forward filter of form logins;</li>
 *   <li>under the configured prefix the logout servlet, the event stream ({@code /api/events}) and
 *       {@code signoff.js}; the JSON API under a non-default prefix; the OpenID Connect back-channel
 *       logout receiver when a provider is configured;</li>
 * </ul>
 * then publishes the JMX metrics, starts the purge, and logs the routes and effective settings once.
 */
public class SignOffBootstrap implements ServletContextListener {
    /** ServletContext attribute holding the effective route prefix, e.g. {@code /sessions}. */
    public static final String PREFIX_ATTRIBUTE = "dev.signoff.prefix";
    private static final Logger LOG = Logger.getLogger(SignOffBootstrap.class.getName());

    @Inject
    Configuration configuration;
    @Inject
    SignOffMetrics metrics;
    @Inject
    PurgeTask purge;
    @Inject
    RevocationPush push;
    @Inject
    SessionChecker checker;
    @Inject
    PendingEnds pending;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        LoadedSettings loaded = configuration.load(context);
        SignOffSettings settings = loaded.settings();
        SessionCookieHardening.apply(context, settings.sessionCookieHttpOnly(), settings.sessionCookieSecure(),
                settings.sessionCookieSameSite());
        registerFilters(context);
        registerRoutes(context, settings);
        metrics.prepare();
        MetricsMBeans.register(context.getContextPath(), metrics);
        purge.start();
        push.start(checker::feedIsStale);
        learnDatabase();
        prepareDeviceNames();
        settings.registry().pendingEnds().ifPresent(dir -> pending.resume(dir, context.getContextPath()));
        LOG.info(() -> "SignOff started in " + context.getContextPath() + "/\n"
                + Introspection.of(context.getContextPath(), loaded).summary());
    }

    /**
     * What the registry's database is, asked on a server thread, not in the deployment (a database
     * that does not answer must not hold it) nor in a request ({@link SignOffDataSource#learnDatabase}):
     * every 5 s for a minute while it does not answer; until then log out everywhere ends row by row.
     */
    private static void learnDatabase() {
        Runnable learn = () -> {
            for (int attempt = 1; !SignOffDataSource.learnDatabase() && attempt < 12; attempt++) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        try {
            Naming.threadFactory().newThread(learn).start();
        } catch (RuntimeException e) {
            LOG.warning("SignOff: no thread to ask the registry's database for its name (" + e + "); log out everywhere ends row by row");
        }
    }

    /** On a server thread: the deployment need not wait for the User-Agent rules, and a login need not either. */
    private static void prepareDeviceNames() {
        try {
            Naming.threadFactory().newThread(DeviceNames::prepare).start();
        } catch (RuntimeException e) {
            LOG.fine(() -> "SignOff: no thread to prepare the device names (" + e + "); the first login does");
        }
    }

    private static void registerFilters(ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter("SignOffFilter", SignOffFilter.class);
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // Form logins (j_security_check) never reach a filter: a request listener changes their session id.
        context.addListener(LoginRequests.class);
        FilterRegistration.Dynamic forwards = context.addFilter("SignOffFormLoginForwards", LoginRequests.Forwards.class);
        forwards.setAsyncSupported(true);
        forwards.addMappingForUrlPatterns(EnumSet.of(DispatcherType.FORWARD), false, "/*");
    }

    private static void registerRoutes(ServletContext context, SignOffSettings settings) {
        String prefix = settings.prefix();
        // For pages that link the module's routes without CDI, e.g. a JSP:
        // <script src="${pageContext.request.contextPath}${applicationScope['dev.signoff.prefix']}/signoff.js" defer>
        context.setAttribute(PREFIX_ATTRIBUTE, prefix);
        ServletRegistration.Dynamic logout = context.addServlet("SignOffLogout", LogoutServlet.class);
        logout.addMapping(prefix + Routes.LOG_OUT, prefix + Routes.LOG_OUT_ALL, prefix + Routes.LOG_OUT_ALL_GET);
        // Async, so one waiting stream holds no request thread; an exact mapping wins over <prefix>/api/*.
        ServletRegistration.Dynamic events = context.addServlet("SignOffEvents", EventsServlet.class);
        events.setAsyncSupported(true);
        events.addMapping(prefix + Routes.EVENTS);
        context.addServlet("SignOffScript", ScriptServlet.class).addMapping(prefix + Routes.SCRIPT);
        context.addServlet("SignOffServerError", ContainerErrorPage.class).addMapping(prefix + Routes.SERVER_ERROR);
        if (!settings.oidc().providers().isEmpty()) {
            context.addServlet("SignOffBackchannelLogout", BackchannelLogoutServlet.class).addMapping(prefix + Routes.BACKCHANNEL_LOGOUT);
        }
        mapApi(context, prefix);
    }

    /**
     * {@code @ApplicationPath} cannot follow the prefix setting: under another prefix,
     * {@code <prefix>/api/*} forwards to the API's own path ({@link ApiForwardServlet}), whose
     * resources then answer 404 to requests that come to that path directly.
     */
    private static void mapApi(ServletContext context, String prefix) {
        String path = prefix + Routes.API;
        if (path.equals(Routes.API_DEFAULT_PATH)) {
            return;
        }
        ServletRegistration.Dynamic api = context.addServlet("SignOffApiForward", ApiForwardServlet.class);
        api.setAsyncSupported(true);
        Set<String> taken = api.addMapping(path + "/*");
        if (!taken.isEmpty()) {
            LOG.severe(() -> "SignOff: the JSON API cannot be mapped to " + taken + ": the app uses that path");
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        purge.stop();
        MetricsMBeans.unregister(event.getServletContext().getContextPath());
        SignOffDataSource.shutDownEmbedded();
    }
}
