package io.relata.platform.record;

import io.relata.platform.rest.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/**
 * 404: no such object, or no such record that the caller may see. The answer is the same either
 * way, so that it never confirms that a hidden record exists.
 */
public class RecordNotFoundException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private RecordNotFoundException(String code, Object... args) {
    super(code, args);
  }

  public static RecordNotFoundException object(String object) {
    return new RecordNotFoundException("problem.object-not-found", object);
  }

  public static RecordNotFoundException record(String object, Object id) {
    return new RecordNotFoundException("problem.record-not-found", object, id);
  }

  @Override
  public Status status() {
    return Status.NOT_FOUND;
  }

  @Override
  public String type() {
    return "not-found";
  }
}
