package io.wiretrace.cli;

import io.wiretrace.pipeline.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on a terminal's stderr. It stays silent for the first two seconds, so
 * short runs print nothing, and redraws at most ten times a second.
 */
final class TerminalProgress implements Progress {
  private static final long QUIET_NANOS = 2_000_000_000L;
  private final PrintStream err;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private volatile String stage = "";
  private volatile int total;
  private volatile long lastDraw;
  private volatile boolean drawn;

  TerminalProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public synchronized void stage(String name, int total) {
    this.stage = name;
    this.total = total;
    done.set(0);
    draw(true);
  }

  @Override
  public void advance() {
    done.incrementAndGet();
    draw(false);
  }

  @Override
  public synchronized void done() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private synchronized void draw(boolean force) {
    long now = System.nanoTime();
    if (now - start < QUIET_NANOS || (!force && now - lastDraw < 100_000_000L)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    int n = done.get();
    String line;
    if (total > 0) {
      int width = 30;
      int fill = (int) ((long) width * Math.min(n, total) / total);
      line = String.format(Locale.ROOT, "%-8s [%s%s] %d/%d", stage, "#".repeat(fill), ".".repeat(width - fill), n, total);
    } else {
      line = String.format(Locale.ROOT, "%-8s ...", stage);
    }
    err.print("\r\033[K" + line);
    err.flush();
  }
}
