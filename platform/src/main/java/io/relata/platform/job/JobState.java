package io.relata.platform.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a job stands. */
public enum JobState {
  /** Waiting for its time, or for a worker. */
  READY,
  /** Ran to its end. */
  DONE,
  /** Failed its last attempt; kept with the reason until an admin retries or discards it. */
  DEAD,
  /** Set aside by an admin: never runs. */
  DISCARDED;

  /** The spelling in the table and the API. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<JobState> of(String json) {
    return Arrays.stream(values()).filter(s -> s.json().equals(json)).findFirst();
  }
}
