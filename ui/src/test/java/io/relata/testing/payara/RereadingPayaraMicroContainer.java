package io.relata.testing.payara;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's Arquillian container, started again when it read the deployment's servlets before
 * Payara Micro had finished printing them.
 *
 * <p>The container learns the servlets (among them the one the servlet protocol runs tests through)
 * by parsing Payara Micro's start-up output, and it parses a snapshot of that output taken every
 * 200 ms. On a busy machine the snapshot can end inside the printed list; the deployment then
 * reports no servlet at all and every test of the class fails with "ArquillianServletRunnerEE9 not
 * found", although Payara Micro started fine. A deployment of relata.war always has servlets, so
 * none means a misread: this container stops that Payara Micro and starts a new one, a few times at
 * most.
 */
public final class RereadingPayaraMicroContainer
    implements DeployableContainer<PayaraMicroContainerConfiguration> {

  static final int ATTEMPTS = 3;

  private static final Logger LOG = Logger.getLogger(RereadingPayaraMicroContainer.class.getName());

  private final DeployableContainer<PayaraMicroContainerConfiguration> payara;

  /** Used by Arquillian. */
  public RereadingPayaraMicroContainer() {
    this(new PayaraMicroDeployableContainer());
  }

  RereadingPayaraMicroContainer(DeployableContainer<PayaraMicroContainerConfiguration> payara) {
    this.payara = payara;
  }

  @Override
  public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
    return payara.getConfigurationClass();
  }

  @Override
  public void setup(PayaraMicroContainerConfiguration configuration) {
    payara.setup(configuration);
  }

  @Override
  public void start() throws LifecycleException {
    payara.start();
  }

  @Override
  public void stop() throws LifecycleException {
    payara.stop();
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return payara.getDefaultProtocol();
  }

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    for (int attempt = 1; ; attempt++) {
      ProtocolMetaData read = payara.deploy(archive);
      if (hasServlets(read)) {
        return read;
      }
      payara.undeploy(archive);
      if (attempt == ATTEMPTS) {
        throw new DeploymentException(
            "Payara Micro started "
                + ATTEMPTS
                + " times, but its output never named a servlet of "
                + archive.getName());
      }
      LOG.warning(
          "Payara Micro's output was read before it named the servlets of "
              + archive.getName()
              + "; starting it again");
    }
  }

  @Override
  public void undeploy(Archive<?> archive) throws DeploymentException {
    payara.undeploy(archive);
  }

  private static boolean hasServlets(ProtocolMetaData read) {
    return read.getContexts(HTTPContext.class).stream()
        .anyMatch(context -> !context.getServlets().isEmpty());
  }
}
