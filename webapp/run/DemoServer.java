import org.glassfish.embeddable.GlassFish;
import org.glassfish.embeddable.GlassFishException;
import org.glassfish.embeddable.GlassFishProperties;
import org.glassfish.embeddable.GlassFishRuntime;

import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the SignOff demo WAR on GlassFish 7 embedded, until Ctrl-C.
 *
 * <pre>
 * java --add-opens=… -cp glassfish-embedded-all.jar webapp/run/DemoServer.java target/signoff-demo.war
 * </pre>
 * A single-file program (Java's source-file mode: no build step, no package, one top-level
 * class); {@code ./mvnw -Prun package} runs it with the right flags. Environment:
 * <ul>
 *   <li>{@code PORT}: HTTP port, default 8080;</li>
 *   <li>{@code CONTEXT_ROOT}: where the app lives, default {@code /}; {@code demo} and
 *       {@code /demo/} both mean {@code /demo}.</li>
 * </ul>
 */
public class DemoServer {
    private static final int DEFAULT_PORT = 8080;
    private static final String APP_NAME = "signoff-demo";

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || !new File(args[0]).isFile()) {
            fail("Usage: java -cp glassfish-embedded-all.jar DemoServer.java <path to signoff-demo.war>"
                    + (args.length == 1 ? "\nNo such file: " + args[0] : ""));
        }
        File war = new File(args[0]);
        int port = port(System.getenv("PORT"));
        String contextRoot = contextRoot(System.getenv("CONTEXT_ROOT"));

        try {
            serve(war, port, contextRoot);
        } catch (GlassFishException e) {
            e.printStackTrace();
            fail("GlassFish could not start the demo (is port " + port + " in use?): " + e.getMessage());
        }
    }

    private static void serve(File war, int port, String contextRoot) throws GlassFishException, InterruptedException {
        System.setProperty("product.name", "GlassFish"); // the Server header without a version
        GlassFishRuntime runtime = GlassFishRuntime.bootstrap();
        GlassFishProperties properties = new GlassFishProperties();
        properties.setPort("http-listener", port);
        GlassFish glassfish = runtime.newGlassFish(properties);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(glassfish, runtime);
            stopped.countDown();
        }, "signoff-demo-shutdown"));

        glassfish.start();
        hideVersionBanners(glassfish);
        String deployed = glassfish.getDeployer().deploy(war, "--contextroot=" + contextRoot, "--name=" + APP_NAME);
        if (deployed == null) {
            // The deployer has logged the cause above; don't serve a server without the app.
            fail("Deployment of " + war + " failed, see the log above.");
        }
        System.out.println("SignOff demo at http://localhost:" + port + ("/".equals(contextRoot) ? "/" : contextRoot + "/"));
        stopped.await();
    }

    /**
     * No {@code X-Powered-By} naming GlassFish's and Java's versions
     * (server-config/glassfish/signoff-banners.asadmin does the same on a real domain, and says how
     * to take the version out of the {@code Server} header: {@code product.name}, set in main).
     */
    private static void hideVersionBanners(GlassFish glassfish) throws GlassFishException {
        String setting = "configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false";
        org.glassfish.embeddable.CommandResult result = glassfish.getCommandRunner().run("set", setting);
        if (result.getExitStatus() != org.glassfish.embeddable.CommandResult.ExitStatus.SUCCESS) {
            fail("asadmin set " + setting + " failed: " + result.getOutput());
        }
    }

    /** The port from {@code PORT}, or 8080. */
    static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        fail("PORT must be a number from 1 to 65535, was: " + value);
        return DEFAULT_PORT;
    }

    /** {@code null}, {@code ""} and {@code "/"} → {@code "/"}; {@code "demo"}, {@code "/demo/"} → {@code "/demo"}. */
    static String contextRoot(String value) {
        String path = value == null ? "" : value.trim();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.contains("//") || path.contains("..") || path.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
            fail("CONTEXT_ROOT must be a plain path like /demo, was: " + value);
        }
        return "/" + path;
    }

    private static void stop(GlassFish glassfish, GlassFishRuntime runtime) {
        try {
            glassfish.stop();
            glassfish.dispose();
            runtime.shutdown();
        } catch (GlassFishException | IllegalStateException e) {
            // Shutting down anyway; say why the server may not have stopped cleanly.
            System.err.println("GlassFish did not stop cleanly: " + e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
