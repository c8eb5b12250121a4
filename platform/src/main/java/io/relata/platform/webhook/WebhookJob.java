package io.relata.platform.webhook;

import io.relata.metadata.automation.Webhook;
import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import io.relata.platform.record.CompiledObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Webhook calls as durable jobs: {@link #queue} puts a call in the queue in the transaction of the
 * change that causes it (making the webhook's secret if it has none), and the job makes it. Each
 * attempt POSTs the body to the webhook's URL as it is now, signed, with the job's id as {@code
 * webhook-id} (the receiver's idempotency key); it is kept in the delivery log however it ends. An
 * answer other than 2xx, or none within the timeout, fails the attempt and the queue tries again
 * with backoff. Redirects are not followed. A webhook that is gone or inactive is not called.
 */
@ApplicationScoped
public class WebhookJob implements JobHandler {

  /** The job kind of a webhook call. */
  public static final String KIND = "webhook";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private CompiledObjects objects;
  private HttpClient http;

  /** For CDI's proxy. */
  protected WebhookJob() {}

  @Inject
  public WebhookJob(CompiledObjects objects) {
    this.objects = objects;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Queues {@code call} in the transaction of {@code connection}. */
  public static void queue(
      JobQueue jobs, Connection connection, WebhookCall call, OffsetDateTime now)
      throws SQLException {
    WebhookSecrets.of(connection, call.webhook(), now);
    jobs.enqueue(connection, NewJob.of(KIND, call.toJson()));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(JobRun run) throws SQLException, IOException, InterruptedException {
    WebhookCall call = WebhookCall.fromJson(run.job().payload());
    Optional<Webhook> webhook =
        objects.current().automations().webhook(call.webhook()).filter(Webhook::active);
    if (webhook.isEmpty()) {
      return;
    }
    String secret = WebhookSecrets.of(run.connection(), call.webhook(), run.now());
    String id = run.job().id().toString();
    long timestamp = run.now().toEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(webhook.get().url())
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Relata-Webhooks")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", Signature.sign(secret, id, timestamp, call.body()))
            .POST(HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
            .build();
    long started = System.nanoTime();
    OptionalInt status = OptionalInt.empty();
    Optional<String> error = Optional.empty();
    Optional<String> response = Optional.empty();
    try {
      HttpResponse<String> answer =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      status = OptionalInt.of(answer.statusCode());
      response = Optional.of(shortened(answer.body())).filter(b -> !b.isEmpty());
      if (answer.statusCode() / 100 != 2) {
        error = Optional.of("HTTP " + answer.statusCode());
      }
    } catch (IOException e) {
      error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      Deliveries.Delivery delivery =
          new Deliveries.Delivery(
              UUID.randomUUID(),
              run.job().id(),
              call.webhook(),
              run.attempt(),
              run.now(),
              webhook.get().url().toString(),
              call.event(),
              status,
              error,
              response,
              (System.nanoTime() - started) / 1_000_000);
      run.record(connection -> Deliveries.add(connection, delivery));
    }
    if (error.isPresent()) {
      throw new IOException("webhook " + call.webhook() + " answered " + error.get());
    }
  }

  private static String shortened(String body) {
    return body.length() <= Deliveries.RESPONSE_CHARS
        ? body
        : body.substring(0, Deliveries.RESPONSE_CHARS);
  }
}
