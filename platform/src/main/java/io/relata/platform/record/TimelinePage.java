package io.relata.platform.record;

import java.util.List;
import java.util.Optional;

/** A page of a record's timeline, newest first, and the cursor of the next one. */
public record TimelinePage(List<TimelineItem> items, Optional<String> nextCursor) {

  public TimelinePage {
    items = List.copyOf(items);
  }
}
