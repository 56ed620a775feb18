package dev.signoff.it.payara;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link OneMicroPerDeployment} in the place of the Payara Micro adapter's own container. */
public class OneMicroPerDeploymentExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OneMicroPerDeployment.class);
    }
}
