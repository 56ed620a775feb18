package dev.signoff.metrics;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes an application's {@link SignOffMetricsMXBean} in the platform MBean server as
 * {@code dev.signoff:type=SignOff,context="<context root>"} ({@code "/"} for the root context), where
 * jconsole, VisualVM, Jolokia or a server's JMX bridge find it. JMX calls arrive on the server's own
 * threads, with no application naming context: reads run with the app's class loader as context
 * class loader, and use only what start-up already looked up ({@link SignOffMetrics#prepare}).
 * (A contextual proxy of the default ContextService was tried: on GlassFish 7 its captured context
 * left the registry's EntityManager closed.)
 */
public final class MetricsMBeans {
    private static final Logger LOG = Logger.getLogger(MetricsMBeans.class.getName());
    static final String DOMAIN = "dev.signoff";

    private MetricsMBeans() {
    }

    /** The MBean's name for an application at this context path. */
    public static ObjectName name(String contextPath) {
        try {
            return new ObjectName(DOMAIN + ":type=SignOff,context=" + ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath));
        } catch (JMException e) {
            throw new IllegalArgumentException(contextPath, e);
        }
    }

    /** Registers the metrics; replaces a leftover registration of the same name. Failure is logged, not fatal. */
    public static void register(String contextPath, SignOffMetricsMXBean metrics) {
        ObjectName name = name(contextPath);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        SignOffMetricsMXBean view = withContextLoader(metrics, Thread.currentThread().getContextClassLoader());
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(view, SignOffMetricsMXBean.class, true), name);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "SignOff: metrics not published in JMX as " + name, e);
        }
    }

    public static void unregister(String contextPath) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name(contextPath));
        } catch (InstanceNotFoundException e) {
            // Never registered (registration failed and was logged).
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.FINE, "SignOff: could not unregister the metrics MBean", e);
        }
    }

    private static SignOffMetricsMXBean withContextLoader(SignOffMetricsMXBean target, ClassLoader loader) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            Thread t = Thread.currentThread();
            ClassLoader previous = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                t.setContextClassLoader(previous);
            }
        };
        return (SignOffMetricsMXBean) Proxy.newProxyInstance(SignOffMetricsMXBean.class.getClassLoader(),
                new Class<?>[]{SignOffMetricsMXBean.class}, handler);
    }
}
