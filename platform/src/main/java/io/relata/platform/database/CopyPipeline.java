package io.relata.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;

/**
 * A connection whose {@code COPY ... FROM STDIN} statements run on a thread of their own, so that
 * the caller prepares the next rows while PostgreSQL stores the last ones: a write of many records
 * (an import) takes about as long as the slower of the two instead of their sum.
 *
 * <p>Nothing else changes for the caller. {@link #connection()} is the connection to use: every
 * call on it first waits for the {@code COPY}s in flight, and a {@code COPY} that failed fails that
 * call, once, with the database's error, as if the {@code COPY} had run there. A rollback waits
 * without failing, since it is what a failure is answered with. {@link #copyIn} queues a {@code
 * COPY} on a pipelined connection and runs it at once on any other, so code that writes with it
 * (records, audit entries) works either way. Statements run in the order they were issued, and only
 * one thread uses the connection at a time: the transaction is the caller's as before.
 *
 * <p>The thread is a plain daemon thread, not a container-managed one: it only feeds the socket of
 * a connection the caller holds, and uses no container service.
 */
public final class CopyPipeline implements AutoCloseable {

  /** Calls that wait for the {@code COPY}s in flight but do not fail with them. */
  private static final Set<String> SETTLING = Set.of("rollback", "close", "isClosed");

  private final Connection raw;
  private final Connection connection;
  private final ExecutorService feeder;
  private final List<Future<?>> inFlight = new ArrayList<>();

  private CopyPipeline(Connection raw) {
    this.raw = raw;
    this.feeder =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "relata-copy");
              thread.setDaemon(true);
              return thread;
            });
    this.connection =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new Waiting());
  }

  /** A pipeline on {@code raw}, which its caller keeps owning (and closes). */
  public static CopyPipeline on(Connection raw) {
    return new CopyPipeline(raw);
  }

  /** The connection to use while the pipeline is open. */
  public Connection connection() {
    return connection;
  }

  /**
   * Runs {@code COPY <target> FROM STDIN} with {@code data} in PostgreSQL's text format: queued
   * behind the {@code COPY}s in flight when {@code connection} is a pipeline's, at once otherwise.
   * The caller must not change {@code data} afterwards.
   */
  public static void copyIn(Connection connection, String target, CharSequence data)
      throws SQLException {
    if (Proxy.isProxyClass(connection.getClass())
        && Proxy.getInvocationHandler(connection) instanceof CopyPipeline.Waiting waiting) {
      waiting.pipeline().queue(target, data);
    } else {
      copy(connection, target, data);
    }
  }

  /** Waits for the {@code COPY}s in flight and stops the thread; failures are the caller's past. */
  @Override
  public void close() {
    try {
      settle(false);
    } catch (SQLException ignored) {
      // not reached: settle(false) does not throw
    } finally {
      feeder.shutdownNow();
    }
  }

  private void queue(String target, CharSequence data) {
    inFlight.add(
        feeder.submit(
            () -> {
              copy(raw, target, data);
              return null;
            }));
  }

  /**
   * Waits for every {@code COPY} in flight; the first failure (a later one only says that the
   * transaction is failed) is thrown when {@code report}.
   */
  private void settle(boolean report) throws SQLException {
    if (inFlight.isEmpty()) {
      return;
    }
    boolean interrupted = false;
    SQLException failure = null;
    for (Future<?> pending : inFlight) {
      while (true) {
        try {
          pending.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the socket is in use: it must be free before anyone else uses it
        } catch (ExecutionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof SQLException sql
                    ? sql
                    : new SQLException("COPY failed", e.getCause());
          }
          break;
        }
      }
    }
    inFlight.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null && report) {
      throw failure;
    }
  }

  private static void copy(Connection connection, String target, CharSequence data)
      throws SQLException {
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn("COPY " + target + " FROM STDIN", new CharSequenceReader(data));
    } catch (IOException e) {
      throw new SQLException("COPY could not be fed", e);
    }
  }

  /** The proxy's handler: every call waits for the pipeline first. */
  private final class Waiting implements InvocationHandler {

    CopyPipeline pipeline() {
      return CopyPipeline.this;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "pipelined " + raw;
        default:
          break;
      }
      settle(!SETTLING.contains(method.getName()));
      try {
        return method.invoke(raw, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /** Reads a character sequence without copying it. */
  private static final class CharSequenceReader extends Reader {
    private final CharSequence text;
    private int next;

    CharSequenceReader(CharSequence text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (next >= text.length()) {
        return -1;
      }
      int count = Math.min(length, text.length() - next);
      if (text instanceof StringBuilder builder) {
        builder.getChars(next, next + count, buffer, offset);
      } else {
        for (int i = 0; i < count; i++) {
          buffer[offset + i] = text.charAt(next + i);
        }
      }
      next += count;
      return count;
    }

    @Override
    public void close() {}
  }
}
