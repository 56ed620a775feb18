package dev.signoff.it.payara;

import dev.signoff.it.Deployments;
import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Payara Micro's Arquillian adapter (3.1) starts a Payara Micro JVM per deployment but remembers
 * only the last: a test class with two deployments ({@code ApiEmbeddingIT}) left the first JVM
 * running after the build. This container gives each deployment an adapter of its own, so each
 * undeployment stops its own JVM, and its own embedded Derby database. Used by the payara profile
 * only ({@link OneMicroPerDeploymentExtension}).
 */
public class OneMicroPerDeployment implements DeployableContainer<PayaraMicroContainerConfiguration> {
    private static final Logger LOG = Logger.getLogger(OneMicroPerDeployment.class.getName());
    private static final int BOOT_ATTEMPTS = 3;
    private static final long STOP_WAIT_SECONDS = 60;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private PayaraMicroContainerConfiguration configuration;
    private String jvmOptions;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        this.configuration = configuration;
        this.jvmOptions = configuration.getCmdOptions();
    }

    @Override
    public void start() {
        // Each deployment starts its own Payara Micro.
    }

    @Override
    public void stop() throws LifecycleException {
        for (String name : running.keySet()) {
            try {
                stopMicro(name);
            } catch (DeploymentException e) {
                throw new LifecycleException("cannot stop the Payara Micro of " + name, e);
            }
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new PayaraMicroDeployableContainer().getDefaultProtocol();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        // Two deployments of one class run at once, in two JVMs: each needs an embedded Derby database
        // of its own (unused when signoff.datasource names a server DataSource).
        String derby = "-Dsignoff.derby.database=signoff-" + archive.getName().replaceAll("\\W", "-");
        configuration.setCmdOptions(jvmOptions == null ? derby : jvmOptions + " " + derby);
        withDerby(archive);
        for (int attempt = 1; ; attempt++) {
            PayaraMicroDeployableContainer micro = new PayaraMicroDeployableContainer();
            micro.setup(configuration);
            running.put(archive.getName(), new Running(micro, archive));
            try {
                return withContextRoot(deployWatchingTheProcess(micro, archive), archive.getName());
            } catch (DeploymentException e) {
                stopMicro(archive.getName());
                if (attempt == BOOT_ATTEMPTS) {
                    throw e;
                }
                LOG.warning(() -> "Payara Micro did not start " + archive.getName() + " (" + e.getMessage() + "); starting a new one");
            }
        }
    }

    /**
     * Payara Micro 6.2025.10 sometimes fails its own boot (a ConcurrentModificationException in HK2
     * while creating HealthCheckService, before any application is deployed) and exits. The adapter
     * only notices after its 180 s start-up timeout; this watches the process and gives up at once,
     * so that {@link #deploy} can start another.
     */
    static ProtocolMetaData deployWatchingTheProcess(PayaraMicroDeployableContainer micro, Archive<?> archive)
            throws DeploymentException {
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Future<ProtocolMetaData> deployed = starter.submit(() -> micro.deploy(archive));
            while (true) {
                try {
                    ProtocolMetaData meta = deployed.get(1, TimeUnit.SECONDS);
                    if (meta == null) {
                        throw new DeploymentException("the adapter returned no deployment of " + archive.getName());
                    }
                    return meta;
                } catch (TimeoutException stillStarting) {
                    Process process = processOf(micro);
                    if (process != null && !process.isAlive()) {
                        deployed.cancel(true);
                        throw new DeploymentException("Payara Micro exited while starting, exit code " + process.exitValue());
                    }
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof DeploymentException d ? d : new DeploymentException("deployment failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeploymentException("interrupted while Payara Micro was starting", e);
                }
            }
        } finally {
            starter.shutdownNow();
        }
    }

    /** The adapter's Payara Micro process: a private field of PayaraMicroDeployableContainer 3.1. */
    private static Process processOf(PayaraMicroDeployableContainer micro) {
        try {
            Field f = PayaraMicroDeployableContainer.class.getDeclaredField("payaraMicroProcess");
            f.setAccessible(true);
            return (Process) f.get(micro);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("arquillian-payara-micro-managed changed: no field payaraMicroProcess", e);
        }
    }

    /**
     * The adapter (3.1) polls Payara Micro's output and parses it as soon as the "Instance
     * Configuration" record has reached its "Https Port(s)" line; when the poll falls between that
     * line and the "Deployed" list that follows, it finds no servlets, and Arquillian then hands the
     * tests the server's root URL instead of the application's: every request is a 404 (seen in CI,
     * LogoutRoutesIT). The record is only printed once the application is deployed, so the context
     * root Payara Micro gives a WAR, its name, is added when the adapter missed it.
     */
    static ProtocolMetaData withContextRoot(ProtocolMetaData found, String archiveName) {
        HTTPContext http = found.getContexts(HTTPContext.class).iterator().next();
        if (!http.getServlets().isEmpty()) {
            return found;
        }
        String root = "/" + archiveName.replaceFirst("\\.war$", "");
        LOG.warning(() -> "The adapter read Payara Micro's output before the list of deployed servlets; "
                + archiveName + " is at its default context root " + root);
        HTTPContext fixed = new HTTPContext(http.getHost(), http.getPort());
        fixed.add(new Servlet("default", root));
        return new ProtocolMetaData().addContext(fixed);
    }

    /**
     * Payara ships no Derby, so a test WAR without it (ApiEmbeddingIT's) gets the Derby JARs an app
     * must carry there. Not added by the tests themselves: on GlassFish embedded two such WARs in one
     * JVM would each boot their own Derby on the same database.
     */
    private static void withDerby(Archive<?> archive) {
        if (archive instanceof WebArchive war && war.getContent(Filters.include("/WEB-INF/lib/derby-.*")).isEmpty()) {
            war.addAsLibraries(Deployments.derby());
        }
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        stopMicro(archive.getName());
    }

    /**
     * The adapter's undeploy only sends the JVM SIGTERM and returns: the next test's Payara Micro
     * then boots beside one still shutting down, on the same registry database, whose scheduled
     * purge (every second in PurgeScheduleIT) could delete the next test's rows under it (seen on
     * Payara: RegistryIT's race counted two audit rows fewer than it seeded). Waits for the exit.
     */
    private void stopMicro(String name) throws DeploymentException {
        Running r = running.remove(name);
        Process process = r == null ? null : processOf(r.micro());
        if (process != null) {
            r.micro().undeploy(r.archive());
            awaitExit(name, process);
        }
    }

    private static void awaitExit(String name, Process process) throws DeploymentException {
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning(() -> "The Payara Micro of " + name + " did not stop in " + STOP_WAIT_SECONDS + " s; killing it");
                process.destroyForcibly().waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted while the Payara Micro of " + name + " was stopping", e);
        }
    }

    private record Running(PayaraMicroDeployableContainer micro, Archive<?> archive) {
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara Micro");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed to Payara Micro");
    }
}
