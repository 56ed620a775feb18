package dev.signoff.it;

import dev.signoff.it.legacy.LegacyApps;
import org.jboss.arquillian.container.spi.event.container.AfterStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an admin's asadmin command file (system property {@code signoff.it.asadmin}, e.g.
 * {@code server-config/glassfish/signoff-postgresql.asadmin}) in GlassFish embedded right after it
 * started, through the {@code CommandRunner} the Arquillian adapter binds in JNDI: the tests then
 * run on a server configured exactly as the file configures a real one ({@code asadmin multimode
 * --file}). Lines are split at blanks; '#' starts a comment line. A failing command fails the run.
 * Before the file it puts the legacy apps' realm user into the file realm and turns X-Powered-By off. Does nothing on other
 * servers. GlassFish classes are reached by reflection, so the test class path of other servers
 * needs none.
 */
public class AsadminCommands implements LoadableExtension {
    static final String FILE = "signoff.it.asadmin";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Runner.class);
    }

    /** The observer that runs the file once the container has started. */
    public static class Runner {
        public void afterStart(@Observes AfterStart event) throws Exception {
            Object runner = commandRunner();
            if (runner == null) {
                return; // not GlassFish embedded
            }
            // The legacy apps' container FORM login (LegacyApps.containerForm) checks the file realm.
            Path password = Files.createTempFile("signoff-it-realm", ".txt");
            Files.writeString(password, "AS_ADMIN_USERPASSWORD=" + LegacyApps.REALM_PASSWORD + "\n");
            run(runner, "create-file-user --groups users --passwordfile " + password + " " + LegacyApps.REALM_USER);
            // No version in X-Powered-By, as server-config/glassfish/signoff-banners.asadmin on a real
            // domain (whose listeners are http-listener-1 and -2); product.name is a failsafe property.
            run(runner, "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false");
            String file = System.getProperty(FILE, "");
            if (!file.isBlank()) {
                for (String line : commands(Path.of(file))) {
                    run(runner, line);
                }
            }
        }

        private static Object commandRunner() {
            try {
                return new InitialContext().lookup("org.glassfish.embeddable.CommandRunner");
            } catch (NamingException e) {
                return null;
            }
        }

        private static void run(Object runner, String line) throws ReflectiveOperationException {
            ClassLoader loader = runner.getClass().getClassLoader();
            // Through the public interfaces: the implementations are non-public classes.
            Method run = loader.loadClass("org.glassfish.embeddable.CommandRunner").getMethod("run", String.class, String[].class);
            Class<?> resultType = loader.loadClass("org.glassfish.embeddable.CommandResult");
            String[] words = line.trim().split("\\s+");
            Object result = run.invoke(runner, words[0], (Object) Arrays.copyOfRange(words, 1, words.length));
            String status = String.valueOf(resultType.getMethod("getExitStatus").invoke(result));
            String output = String.valueOf(resultType.getMethod("getOutput").invoke(result));
            System.out.println("[asadmin] " + line + "\n[asadmin] " + status + ": " + output.trim());
            if (!"SUCCESS".equals(status)) {
                throw new IllegalStateException("asadmin " + line + " failed: " + output,
                        (Throwable) resultType.getMethod("getFailureCause").invoke(result));
            }
        }

        private static List<String> commands(Path file) throws IOException {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.trim().startsWith("#")).toList();
        }
    }
}
