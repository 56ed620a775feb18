package dev.signoff.it.outage;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts the {@link TcpProxy} before any test runs, when {@code signoff.it.proxy} is set
 * ({@code <port>:<database host>:<database port>}): the embedded server's pool connects through it
 * from the first deployment on. Registered in {@code META-INF/services}; does nothing without the
 * property (every other test run).
 */
public class ProxyLauncher implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String spec = System.getProperty("signoff.it.proxy");
        if (spec == null || spec.isBlank()) {
            return;
        }
        String[] parts = spec.split(":");
        try {
            TcpProxy.start(Integer.parseInt(parts[0]), parts[1], Integer.parseInt(parts[2]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the registry proxy " + spec, e);
        }
    }
}
