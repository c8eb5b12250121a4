package io.relata.platform.mail;

import io.relata.platform.job.JobHandler;
import io.relata.platform.job.JobQueue;
import io.relata.platform.job.JobRun;
import io.relata.platform.job.NewJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Mail as durable jobs: {@link #queue} puts a message in the queue in the transaction of the change
 * that causes it, so it is sent only if that commits, and the job sends it. A server that refuses
 * or cannot be reached fails the attempt; the queue tries again with backoff, then keeps the job as
 * dead for an admin to retry.
 */
@ApplicationScoped
public class MailJob implements JobHandler {

  /** The job kind of a message to send. */
  public static final String KIND = "email";

  private MailSettings settings;

  /** For CDI's proxy. */
  protected MailJob() {}

  @Inject
  public MailJob(MailSettings settings) {
    this.settings = settings;
  }

  /** Queues {@code email} in the transaction of {@code connection}. */
  public static void queue(JobQueue jobs, Connection connection, Email email) throws SQLException {
    jobs.enqueue(connection, NewJob.of(KIND, email.toJson()));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(JobRun run) throws Exception {
    Email email = Email.fromJson(run.job().payload());
    Mailer.send(settings, email, run.job().id(), run.now());
    MailTrail.sent(run.connection(), email, run.job().id(), run.now());
  }
}
