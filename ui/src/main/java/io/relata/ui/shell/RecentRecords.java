package io.relata.ui.shell;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The records the user opened last in this session, newest first, at most {@value #SIZE}: the
 * drawer's "Recent". Kept in the session only; access is checked again when they are shown.
 */
public final class RecentRecords implements Serializable {

  static final int SIZE = 8;

  /** A record opened, with the name it had then. */
  public record Entry(String object, UUID id, String name) implements Serializable {}

  private final Deque<Entry> entries = new ArrayDeque<>();

  private final java.util.UUID user;

  private RecentRecords(java.util.UUID user) {
    this.user = user;
  }

  /**
   * The list of {@code user} in this session, made when first asked for: another user signed in in
   * the same browser starts with none.
   */
  public static RecentRecords of(VaadinSession session, java.util.UUID user) {
    RecentRecords recent = session.getAttribute(RecentRecords.class);
    if (recent == null || !recent.user.equals(user)) {
      recent = new RecentRecords(user);
      session.setAttribute(RecentRecords.class, recent);
    }
    return recent;
  }

  /** Puts the record first, once. */
  public synchronized void opened(String object, UUID id, String name) {
    entries.removeIf(e -> e.id().equals(id));
    entries.addFirst(new Entry(object, id, name));
    while (entries.size() > SIZE) {
      entries.removeLast();
    }
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }
}
