package dev.signoff.it.payara;

import dev.signoff.it.Deployments;
import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payara Micro's Arquillian adapter (3.1) starts a Payara Micro JVM per deployment but remembers
 * only the last: a test class with two deployments ({@code ApiEmbeddingIT}) left the first JVM
 * running after the build. This container gives each deployment an adapter of its own, so each
 * undeployment stops its own JVM, and its own embedded Derby database. Used by the payara profile
 * only ({@link OneMicroPerDeploymentExtension}).
 */
public class OneMicroPerDeployment implements DeployableContainer<PayaraMicroContainerConfiguration> {
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
        PayaraMicroDeployableContainer micro = new PayaraMicroDeployableContainer();
        micro.setup(configuration);
        running.put(archive.getName(), new Running(micro, archive));
        return micro.deploy(archive);
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

    private void stopMicro(String name) throws DeploymentException {
        Running r = running.remove(name);
        if (r != null) {
            r.micro().undeploy(r.archive());
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
