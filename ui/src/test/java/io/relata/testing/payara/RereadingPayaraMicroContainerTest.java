package io.relata.testing.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

class RereadingPayaraMicroContainerTest {

  private final WebArchive war = ShrinkWrap.create(WebArchive.class, "relata.war");
  private final ScriptedPayara payara = new ScriptedPayara();
  private final RereadingPayaraMicroContainer container = new RereadingPayaraMicroContainer(payara);

  @Test
  void aCompleteReadIsUsedAsItIs() throws Exception {
    ProtocolMetaData complete = read(true);
    payara.reads.add(complete);

    assertSame(complete, container.deploy(war));
    assertEquals(List.of("deploy"), payara.calls);
  }

  @Test
  void aReadWithoutServletsStopsThatPayaraAndStartsAnother() throws Exception {
    ProtocolMetaData complete = read(true);
    payara.reads.add(read(false));
    payara.reads.add(complete);

    assertSame(complete, container.deploy(war));
    assertEquals(List.of("deploy", "undeploy", "deploy"), payara.calls);
  }

  @Test
  void itGivesUpAfterAFewAttemptsWithNothingLeftRunning() {
    for (int i = 0; i < RereadingPayaraMicroContainer.ATTEMPTS + 1; i++) {
      payara.reads.add(read(false));
    }

    DeploymentException refused =
        assertThrows(DeploymentException.class, () -> container.deploy(war));

    assertTrue(refused.getMessage().contains("relata.war"), refused.getMessage());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < RereadingPayaraMicroContainer.ATTEMPTS; i++) {
      expected.add("deploy");
      expected.add("undeploy");
    }
    assertEquals(expected, payara.calls);
  }

  private static ProtocolMetaData read(boolean withServlets) {
    HTTPContext context = new HTTPContext("localhost", 8080);
    if (withServlets) {
      context.add(new Servlet("ArquillianServletRunnerEE9", "/relata"));
    }
    return new ProtocolMetaData().addContext(context);
  }

  /** Answers each deploy with the next scripted read of Payara Micro's output. */
  private static final class ScriptedPayara
      implements DeployableContainer<PayaraMicroContainerConfiguration> {

    final Deque<ProtocolMetaData> reads = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
      return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
      return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(org.jboss.shrinkwrap.api.Archive<?> archive) {
      calls.add("deploy");
      return reads.removeFirst();
    }

    @Override
    public void undeploy(org.jboss.shrinkwrap.api.Archive<?> archive) {
      calls.add("undeploy");
    }
  }
}
