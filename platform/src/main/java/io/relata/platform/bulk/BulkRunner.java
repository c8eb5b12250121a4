package io.relata.platform.bulk;

import io.relata.platform.record.BulkRequest;
import io.relata.platform.record.RecordService;
import io.relata.platform.record.WriteContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;

/**
 * Runs one bulk request as a job, for the API and the screens alike: a request refused as a whole
 * (the object right, a field the user may not write) leaves no job behind; otherwise the job is
 * recorded, advanced chunk by chunk, and finished, and its owner can read it at {@code
 * /api/v1/bulk/{job}}.
 */
@ApplicationScoped
public class BulkRunner {

  @Inject private RecordService records;
  @Inject private BulkJobs jobs;

  /** A finished job: its id and what it did. */
  public record Run(UUID job, String action, RecordService.BulkResult result) {}

  public Run run(WriteContext context, String object, BulkRequest request) {
    String action = request.action().name().toLowerCase(Locale.ROOT);
    records.admitBulk(context.actor(), object, request);
    UUID id = UUID.randomUUID();
    jobs.start(id, object, context.actor(), action);
    RecordService.BulkResult result;
    try {
      result = records.bulk(context, object, request, jobs.journal(id));
    } catch (RuntimeException e) {
      jobs.finish(id, "failed");
      throw e;
    }
    jobs.finish(id, "completed");
    return new Run(id, action, result);
  }
}
