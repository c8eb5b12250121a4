package io.relata.platform.record;

import static io.relata.metadata.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.relata.metadata.kind.DocumentKinds;
import io.relata.platform.automation.AfterSaveAutomations;
import io.relata.platform.identity.Actor;
import io.relata.platform.job.JobHandlers;
import io.relata.platform.job.JobQueue;
import io.relata.platform.json.JsonCodec;
import io.relata.platform.mail.MailJob;
import io.relata.platform.mail.MailSettings;
import io.relata.platform.rest.InvalidRequestException;
import io.relata.platform.testing.MutableClock;
import io.relata.platform.webhook.Deliveries;
import io.relata.platform.webhook.Signature;
import io.relata.platform.webhook.WebhookJob;
import io.relata.platform.webhook.WebhookSecrets;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email and webhook actions on a real PostgreSQL, a real SMTP server (GreenMail) and a real HTTP
 * endpoint: queued in the write's transaction, sent by the job queue, in each reader's language,
 * signed, retried with backoff after a failure, and logged attempt by attempt.
 */
class MessagingIT {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

  private static GreenMail smtp;
  private static HttpServer endpoint;
  private static final List<Received> CALLS = new ArrayList<>();
  private static final Deque<Integer> ANSWERS = new ArrayDeque<>();
  private static RecordsOnPostgres postgres;
  private static RecordService records;
  private static JobQueue jobs;
  private static Actor karin;
  private static Actor alan;

  /** What the endpoint received. */
  private record Received(String id, String timestamp, String signature, String body) {}

  @BeforeAll
  static void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status;
          synchronized (CALLS) {
            CALLS.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8)));
            status = ANSWERS.isEmpty() ? 200 : ANSWERS.poll();
          }
          byte[] answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    endpoint.start();
    String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    postgres =
        RecordsOnPostgres.start(
            List.of(
                json(
                    "{'name':'lead','label':'Lead','nameField':'company','fields':["
                        + "{'name':'company','label':'Company','type':'text','required':true},"
                        + "{'name':'users','label':'Users','type':'number'},"
                        + "{'name':'contact_email','label':'Contact email','type':'email'},"
                        + "{'name':'notes','label':'Notes','type':'long-text'}]}")),
            List.of(),
            Map.of(
                DocumentKinds.ASSIGNMENT_RULES,
                List.of(
                    json(
                        "{'name':'lead_rules','label':'Lead rules','object':'lead','rules':["
                            + "{'label':'Very large','condition':'users > 100',"
                            + "'assignTo':{'user':'alan'}}],'fallback':{'user':'karin'}}")),
                DocumentKinds.EMAIL_TEMPLATES,
                List.of(
                    json(
                        "{'name':'lead_yours','label':'Lead is yours','object':'lead',"
                            + "'messages':{"
                            + "'en':{'subject':'{company} is yours',"
                            + "'body':'{company} has {users} users.'},"
                            + "'sv':{'subject':'{company} är din',"
                            + "'body':'{company} har {users} användare.'}}}")),
                DocumentKinds.WEBHOOKS,
                List.of(
                    json("{'name':'erp','label':'ERP','url':'" + url + "'}"),
                    json(
                        "{'name':'old_erp','label':'Old ERP','url':'"
                            + url
                            + "',"
                            + "'active':false}")),
                DocumentKinds.AUTOMATIONS,
                List.of(
                    json(
                        "{'name':'welcome','label':'Welcome','object':'lead',"
                            + "'trigger':{'type':'record','timing':'after','on':['create']},"
                            + "'condition':'company != \\'Quiet\\'',"
                            + "'actions':["
                            + "{'type':'email','template':'lead_yours','to':{'owner':true}},"
                            + "{'type':'email','template':'lead_yours',"
                            + "'to':{'field':'contact_email'}},"
                            + "{'type':'email','template':'lead_yours','to':{'user':'alan'}},"
                            + "{'type':'webhook','webhook':'erp','fields':['company','users']},"
                            + "{'type':'webhook','webhook':'old_erp'}]}"))),
            CLOCK);
    karin = postgres.user("karin", "administrator");
    alan = postgres.user("alan", "administrator");
    try (Connection connection = postgres.dataSource().getConnection();
        PreparedStatement profile =
            connection.prepareStatement(
                "UPDATE relata.app_user SET email = ?, display_name = ?, locale = ?"
                    + " WHERE username = ?")) {
      profile.setString(1, "karin@example.com");
      profile.setString(2, "Karin Berg");
      profile.setString(3, "sv");
      profile.setString(4, "karin");
      profile.executeUpdate();
    }
    records = postgres.service(List.of(new AfterSaveAutomations(postgres.automating())));
    jobs = queue(smtp.getSmtp().getPort());
  }

  /** A queue whose mail goes to the SMTP server at {@code port}. */
  private static JobQueue queue(int port) {
    MailSettings settings =
        new MailSettings(
            Optional.of("127.0.0.1"),
            port,
            MailSettings.Security.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.of("Relata <crm@relata.example>"));
    return new JobQueue(
        postgres.dataSource(),
        CLOCK,
        new JobHandlers(
            List.of(
                new MailJob(settings),
                new WebhookJob(new CompiledObjects(() -> postgres.model())))));
  }

  @AfterAll
  static void stop() throws Exception {
    endpoint.stop(0);
    smtp.stop();
    postgres.close();
  }

  @BeforeEach
  void quiet() throws Exception {
    jobs.drain();
    smtp.purgeEmailFromAllMailboxes();
    synchronized (CALLS) {
      CALLS.clear();
      ANSWERS.clear();
    }
  }

  @Test
  void anEmailGoesToEachRecipientInTheirLanguageOnceTheWriteCommits() throws Exception {
    UUID lead =
        create(Map.of("company", "Acme", "users", 120, "contact_email", "buyer@acme.example"));
    assertEquals(0, smtp.getReceivedMessages().length, "queued, not sent in the write");

    assertTrue(jobs.drain() >= 2);
    MimeMessage[] sent = smtp.getReceivedMessages();
    assertEquals(2, sent.length, "Karin and the contact; Alan has no address");
    MimeMessage toKarin = to(sent, "karin@example.com");
    assertEquals("Acme är din", toKarin.getSubject());
    assertEquals("Acme har 120 användare.", ((String) toKarin.getContent()).strip());
    assertEquals("sv", toKarin.getHeader("Content-Language")[0]);
    assertEquals("auto-generated", toKarin.getHeader("Auto-Submitted")[0]);
    assertEquals("Relata <crm@relata.example>", toKarin.getFrom()[0].toString());
    assertTrue(
        toKarin.getRecipients(Message.RecipientType.TO)[0].toString().contains("Karin Berg"));
    assertTrue(toKarin.getMessageID().endsWith("@relata.example>"), toKarin.getMessageID());
    UUID job = UUID.fromString(toKarin.getMessageID().replaceAll("^<|@.*$", ""));
    assertEquals("email", postgres.query("SELECT kind FROM relata.job WHERE id = '" + job + "'"));
    MimeMessage toContact = to(sent, "buyer@acme.example");
    assertEquals("Acme is yours", toContact.getSubject(), "an address in a field: the fallback");
    assertEquals("Acme has 120 users.", ((String) toContact.getContent()).strip());

    // each message sent is on the lead's timeline: to whom by name or field, never the address
    List<TimelineItem.Mail> mails =
        records.timeline(karin, "lead", lead, TimelineQuery.of(null, null, null)).items().stream()
            .filter(item -> item.event() == TimelineItem.Event.EMAIL_SENT)
            .map(item -> item.mail().orElseThrow())
            .toList();
    assertEquals(2, mails.size(), mails.toString());
    assertTrue(
        mails.contains(
            new TimelineItem.Mail("Acme är din", Optional.of("Karin Berg"), Optional.empty())),
        mails.toString());
    assertTrue(
        mails.contains(
            new TimelineItem.Mail("Acme is yours", Optional.empty(), Optional.of("contact_email"))),
        mails.toString());

    // a write that is refused sends nothing
    smtp.purgeEmailFromAllMailboxes();
    long queued = count("email");
    assertThrows(InvalidRequestException.class, () -> create(Map.of("users", 5)));
    assertEquals(queued, count("email"), "no company: refused, nothing queued");
    create(Map.of("company", "Quiet", "contact_email", "q@quiet.example"));
    assertEquals(queued, count("email"), "the condition does not hold");
    jobs.drain();
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void aServerThatCannotBeReachedFailsTheAttemptAndTheMailGoesOutOnRetry() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    JobQueue down = queue(closed);
    create(Map.of("company", "Later AB", "contact_email", "later@later.example"));
    down.drain();
    assertEquals(0, smtp.getReceivedMessages().length);
    JsonNode failed =
        JsonCodec.parse(
            (String)
                postgres.query(
                    "SELECT json_build_object('state', state, 'attempts', attempts,"
                        + " 'error', last_error)::text FROM relata.job WHERE kind = 'email'"
                        + " AND payload->>'to' = 'later@later.example'"));
    assertEquals("ready", failed.get("state").asText(), "to be tried again");
    assertEquals(1, failed.get("attempts").asInt());
    assertTrue(failed.get("error").asText().contains("MailConnectException"), failed.toString());

    assertEquals(0, jobs.drain(), "not before its backoff");
    CLOCK.advance(Duration.ofMinutes(5));
    jobs.drain();
    assertEquals(2, smtp.getReceivedMessages().length, "to the contact and to Karin");
    assertEquals(
        "Later AB is yours", to(smtp.getReceivedMessages(), "later@later.example").getSubject());
  }

  @Test
  void aWebhookCallIsSignedRetriedWithTheSameIdAndLoggedAttemptByAttempt() throws Exception {
    synchronized (CALLS) {
      ANSWERS.add(500);
    }
    UUID lead = create(Map.of("company", "Hooked", "users", 7, "notes", "private"));
    assertEquals(1L, count("webhook"), "the inactive webhook is not queued");
    jobs.drain();
    assertEquals(1, CALLS.size());
    CLOCK.advance(Duration.ofMinutes(5));
    jobs.drain();
    assertEquals(2, CALLS.size(), "answered 500, then tried again");

    Received first = CALLS.get(0);
    Received second = CALLS.get(1);
    assertEquals(first.id(), second.id(), "one message, one id, however often it is tried");
    assertEquals(first.body(), second.body(), "the same bytes");
    assertNotEquals(first.timestamp(), second.timestamp(), "each attempt's own time");
    String secret;
    try (Connection connection = postgres.dataSource().getConnection()) {
      secret = WebhookSecrets.find(connection, "erp").orElseThrow();
    }
    assertTrue(secret.startsWith("whsec_"));
    for (Received call : CALLS) {
      assertEquals(
          Signature.sign(secret, call.id(), Long.parseLong(call.timestamp()), call.body()),
          call.signature(),
          "the receiver's check of the signature holds");
    }
    assertTrue(
        second.signature().matches("v1,[A-Za-z0-9+/]{43}="),
        "an HMAC-SHA256 in base64: " + second.signature());

    JsonNode body = JsonCodec.parse(second.body());
    assertEquals("lead.welcome", body.get("type").asText());
    assertEquals(lead.toString(), body.get("data").get("id").asText());
    assertEquals("record", body.get("data").get("trigger").asText());
    assertEquals(
        JsonCodec.parse("{\"company\":\"Hooked\",\"users\":7}"),
        body.get("data").get("record"),
        "only the fields the action names");

    List<com.fasterxml.jackson.databind.node.ObjectNode> log;
    try (Connection connection = postgres.dataSource().getConnection()) {
      log = Deliveries.list(connection, "erp", Optional.empty(), 10);
    }
    assertEquals(2, log.size(), log.toString());
    assertEquals(2, log.get(0).get("attempt").asInt());
    assertEquals(200, log.get(0).get("status").asInt());
    assertEquals("answered 200", log.get(0).get("response").asText());
    assertEquals(1, log.get(1).get("attempt").asInt());
    assertEquals(500, log.get(1).get("status").asInt());
    assertEquals("HTTP 500", log.get(1).get("error").asText());
    assertEquals(first.id(), log.get(1).get("job").asText());
    assertEquals(
        "done", postgres.query("SELECT state FROM relata.job WHERE id = '" + first.id() + "'"));
  }

  @Test
  void aTestRunSaysWhatWouldBeSentCalledAndAssignedAndLeavesNothingBehind() throws Exception {
    UUID lead =
        create(Map.of("company", "Trial", "users", 150, "contact_email", "t@trial.example"));
    jobs.drain();
    smtp.purgeEmailFromAllMailboxes();
    synchronized (CALLS) {
      CALLS.clear();
    }
    long queued = (Long) postgres.query("SELECT count(*) FROM relata.job");
    long audited = (Long) postgres.query("SELECT count(*) FROM relata.audit_entry");

    JsonNode welcome = test("automations", "welcome", lead);
    assertTrue(welcome.get("conditionHolds").asBoolean());
    assertEquals(2, welcome.get("mail").size(), welcome.toString());
    assertEquals(
        java.util.Set.of("karin@example.com Trial är din", "t@trial.example Trial is yours"),
        java.util.Set.of(
            welcome.get("mail").get(0).get("to").asText()
                + " "
                + welcome.get("mail").get(0).get("subject").asText(),
            welcome.get("mail").get(1).get("to").asText()
                + " "
                + welcome.get("mail").get(1).get("subject").asText()));
    assertEquals(1, welcome.get("calls").size(), "the inactive webhook is not called");
    JsonNode call = welcome.get("calls").get(0);
    assertEquals("erp", call.get("webhook").asText());
    assertTrue(call.get("url").asText().endsWith("/hook"));
    assertEquals("Trial", call.get("body").get("data").get("record").get("company").asText());
    assertEquals(0, welcome.get("writes").size());

    JsonNode assigned = test("assignment-rules", "lead_rules", lead);
    assertEquals(1, assigned.get("reason").get("rule").asInt(), assigned.toString());
    JsonNode write = assigned.get("writes").get(0);
    assertEquals("update", write.get("action").asText(), write.toString());
    assertEquals(karin.id().toString(), write.get("fields").get("owner_id").get("before").asText());
    assertEquals(alan.id().toString(), write.get("fields").get("owner_id").get("after").asText());

    assertEquals(karin.id(), postgres.column("lead", lead, "owner_id"), "rolled back");
    assertEquals(queued, postgres.query("SELECT count(*) FROM relata.job"), "nothing queued");
    assertEquals(audited, postgres.query("SELECT count(*) FROM relata.audit_entry"));
    assertEquals(0, jobs.drain());
    assertEquals(0, smtp.getReceivedMessages().length, "no mail sent");
    assertEquals(0, CALLS.size(), "no webhook called");
    InvalidRequestException unknown =
        assertThrows(
            InvalidRequestException.class, () -> test("scoring-models", "lead_rules", lead));
    assertEquals("automation.test-unknown", unknown.violations().get(0).code());
  }

  /** A test run, rolled back. */
  private static JsonNode test(String kind, String name, UUID lead) throws Exception {
    try (Connection connection = postgres.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try {
        return new io.relata.platform.automation.TestRun(
                records.writesOn(connection), postgres.context(karin), postgres.automating())
            .run(kind, name, "lead", lead);
      } finally {
        connection.rollback();
      }
    }
  }

  private static MimeMessage to(MimeMessage[] sent, String address) throws Exception {
    for (MimeMessage message : sent) {
      if (message.getRecipients(Message.RecipientType.TO)[0].toString().contains(address)) {
        return message;
      }
    }
    throw new AssertionError("nothing to " + address);
  }

  private static long count(String kind) {
    return (Long) postgres.query("SELECT count(*) FROM relata.job WHERE kind = '" + kind + "'");
  }

  /** A lead Karin creates, and owns. */
  private static UUID create(Map<String, Object> values) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            typed.put(name, value instanceof Integer n ? java.math.BigDecimal.valueOf(n) : value));
    return records.create(postgres.context(karin), "lead", RecordInput.of(typed)).id();
  }
}
