package dev.signoff.bench.spring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Wraps Boot's DataSource so that its Connections count every {@code prepareStatement},
 * {@code prepareCall} and {@code createStatement}: the rule of SignOff's {@code RegistryStatements}.
 * With {@code bench.log-sql=true} each counted statement is logged (logger
 * {@code dev.signoff.bench.spring.sql}, INFO) with its number and SQL on one line; the log line's thread tells a
 * request ({@code http-nio-…}) from Spring Session's cleanup job ({@code scheduling-…}).
 */
@Component
class CountingDataSourcePostProcessor implements BeanPostProcessor, EnvironmentAware {
    private static final Logger SQL = LoggerFactory.getLogger("dev.signoff.bench.spring.sql");

    private final AtomicLong statements = new AtomicLong();
    private volatile boolean logSql;

    @Override
    public void setEnvironment(Environment environment) {
        logSql = environment.getProperty("bench.log-sql", Boolean.class, false);
    }

    long statements() {
        return statements.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource target) || Proxy.isProxyClass(bean.getClass())) {
            return bean;
        }
        Class<?>[] interfaces = target instanceof AutoCloseable
                ? new Class<?>[] {DataSource.class, AutoCloseable.class}
                : new Class<?>[] {DataSource.class};
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, (proxy, method, args) -> {
            Object result = identity(proxy, method, args);
            if (result != null) {
                return result;
            }
            result = invoke(target, method, args);
            return method.getName().equals("getConnection") ? counting((Connection) result) : result;
        });
    }

    private Connection counting(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = identity(proxy, method, args);
            if (result != null) {
                return result;
            }
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                long n = statements.incrementAndGet();
                if (logSql) {
                    SQL.info("#{} {}: {}", n, name, args != null && args.length > 0
                            ? String.valueOf(args[0]).strip().replaceAll("\\s+", " ")
                            : "(SQL given at execute)");
                }
            }
            return invoke(target, method, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** equals, hashCode and toString of the proxy itself; null for any other method. */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> method.getParameterCount() == 1 ? proxy == args[0] : null;
            case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy) : null;
            case "toString" -> method.getParameterCount() == 0 ? "Counting@" + Integer.toHexString(System.identityHashCode(proxy)) : null;
            default -> null;
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
