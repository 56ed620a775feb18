package dev.signoff.it.payara;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base URL the tests get when the adapter did or did not see Payara Micro's list of servlets. */
class OneMicroPerDeploymentTest {

    private static URI baseOf(ProtocolMetaData meta) {
        HTTPContext http = meta.getContexts(HTTPContext.class).iterator().next();
        return http.getServlets().get(0).getBaseURI();
    }

    @Test
    void missedServletListGivesTheWarsOwnContextRootNotTheServerRoot() {
        ProtocolMetaData missed = new ProtocolMetaData().addContext(new HTTPContext("localhost", 8183));
        ProtocolMetaData fixed = OneMicroPerDeployment.withContextRoot(missed, "routes.war");
        assertEquals(URI.create("http://localhost:8183/routes/"), baseOf(fixed));
    }

    @Test
    void servletListTheAdapterParsedIsKept() {
        HTTPContext http = new HTTPContext("localhost", 8181);
        http.add(new Servlet("demo-login", "/shop"));
        ProtocolMetaData parsed = new ProtocolMetaData().addContext(http);
        assertSame(parsed, OneMicroPerDeployment.withContextRoot(parsed, "shop.war"));
        assertEquals(URI.create("http://localhost:8181/shop/"), baseOf(parsed));
    }

    /** Stands in for the adapter when Payara Micro dies during its boot: the process exits, deploy() waits on. */
    static final class DyingMicro extends PayaraMicroDeployableContainer {
        @Override
        public ProtocolMetaData deploy(Archive<?> archive) {
            try {
                Process exited = new ProcessBuilder("sh", "-c", "exit 3").start();
                Field f = PayaraMicroDeployableContainer.class.getDeclaredField("payaraMicroProcess");
                f.setAccessible(true);
                f.set(this, exited);
                Thread.sleep(Duration.ofMinutes(3).toMillis()); // the adapter's start-up timeout
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Test
    void aPayaraMicroThatExitsDuringBootIsGivenUpAtOnceNotAfterTheTimeout() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "expiry.war");
        DeploymentException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(DeploymentException.class, () -> OneMicroPerDeployment.deployWatchingTheProcess(new DyingMicro(), war)));
        assertTrue(e.getMessage().contains("exit code 3"), e::getMessage);
    }
}
