package io.relata.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the benchmarks share: percentiles of timings, and their report under target/bench. */
public final class BenchReport {

  private BenchReport() {}

  /** The value below which {@code percent}% of {@code values} lie (nearest rank). */
  public static long percentile(long[] values, int percent) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(percent / 100.0 * sorted.length) - 1];
  }

  public static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Writes {@code text}, after a line on the machine, to {@code <name>.txt}. */
  public static void write(String name, String text) throws Exception {
    String machine =
        String.format(
            Locale.ROOT,
            "machine: %d cores, Java %s, %s%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("os.name"));
    Path out =
        Path.of(Optional.ofNullable(System.getenv("RELATA_BENCH_OUT")).orElse("target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve(name + ".txt"), machine + text);
  }
}
