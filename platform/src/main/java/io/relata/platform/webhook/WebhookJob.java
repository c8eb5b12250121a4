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
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhook calls as durable jobs: {@link #queue} puts a call in the queue in the transaction of the
 * change that causes it (making the webhook's secret if it has none), and the job makes it. Each
 * attempt POSTs the body to the webhook's URL as it is now, signed, with the job's id as {@code
 * webhook-id} (the receiver's idempotency key); it is kept in the delivery log however it ends. An
 * answer other than 2xx, or none within the timeout, fails the attempt and the queue tries again
 * with backoff. Redirects are not followed. A webhook that is gone or inactive is not called, and
 * the log says so.
 */
@ApplicationScoped
public class WebhookJob implements JobHandler {

  /** The job kind of a webhook call. */
  public static final String KIND = "webhook";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Closes answers not read by their deadline. */
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
          });

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
      // the call is not made, and the log says why: the admin removed or switched off the webhook
      log(run, call, "", OptionalInt.empty(), Optional.of("not called: no active webhook"), "", 0);
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
    String response = "";
    try {
      Answer answer = send(request);
      status = OptionalInt.of(answer.status());
      response = answer.start();
      if (answer.status() / 100 != 2) {
        error = Optional.of("HTTP " + answer.status());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = Optional.of("interrupted");
      throw e;
    } catch (IOException | RuntimeException e) {
      error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      log(
          run,
          call,
          webhook.get().url().toString(),
          status,
          error,
          response,
          (System.nanoTime() - started) / 1_000_000);
    }
    if (error.isPresent()) {
      throw new IOException("webhook " + call.webhook() + " answered " + error.get());
    }
  }

  /** An answer: its status and the start of its body. */
  private record Answer(int status, String start) {}

  /**
   * Sends {@code request} and reads at most {@value Deliveries#RESPONSE_CHARS} characters of the
   * answer, all within {@link #TIMEOUT}, on this thread: an endpoint that trickles its answer
   * cannot hold the worker, its transaction and the job's lock, nor a thread of its own (the body
   * is closed at the deadline, which ends the read).
   */
  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    CompletableFuture<HttpResponse<InputStream>> sent =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> response;
    try {
      response = sent.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw new HttpTimeoutException("no answer within " + TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    }
    InputStream body = response.body();
    ScheduledFuture<?> closing =
        DEADLINES.schedule(
            () -> {
              try {
                body.close();
              } catch (IOException ignored) {
                // closed already
              }
            },
            Math.max(1, deadline - System.nanoTime()),
            TimeUnit.NANOSECONDS);
    try (body) {
      byte[] start = body.readNBytes(Deliveries.RESPONSE_CHARS * 4);
      return new Answer(response.statusCode(), printable(start));
    } catch (IOException e) {
      if (closing.isDone()) {
        throw new HttpTimeoutException(
            "the answer was not read within " + TIMEOUT.toSeconds() + " s");
      }
      throw e;
    } finally {
      closing.cancel(false);
    }
  }

  /** The start of an answer as text the log can keep (PostgreSQL's text takes no NUL). */
  private static String printable(byte[] start) {
    String text = new String(start, StandardCharsets.UTF_8).replace(String.valueOf((char) 0), "");
    return text.length() <= Deliveries.RESPONSE_CHARS
        ? text
        : text.substring(0, Deliveries.RESPONSE_CHARS);
  }

  private static void log(
      JobRun run,
      WebhookCall call,
      String url,
      OptionalInt status,
      Optional<String> error,
      String response,
      long millis) {
    Deliveries.Delivery delivery =
        new Deliveries.Delivery(
            UUID.randomUUID(),
            run.job().id(),
            call.webhook(),
            run.attempt(),
            run.now(),
            url,
            call.event(),
            status,
            error.map(e -> e.replace(String.valueOf((char) 0), "")),
            Optional.of(response).filter(r -> !r.isEmpty()),
            millis);
    run.record(connection -> Deliveries.add(connection, delivery));
  }
}
