package io.wiretrace.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-client request budgets: token buckets for reads and writes, and a budget of failed
 * authentications after which a client's writes are refused for a while even with the right
 * token (a guess costs the guesser, never the server). Clients are told apart by remote address;
 * at most {@code MAX_CLIENTS} are tracked (least recently seen forgotten first), so a flood of
 * addresses cannot grow the table without bound.
 *
 * <p>Thread-safe. The clock is injectable for tests.
 */
public final class RateLimits {
  /** The budgets. Zero for a rate turns that limit off. */
  public record Config(double readsPerSecond, double writesPerSecond, int authFailuresPerMinute) {
    /** Generous for one analyst or a UI, tight for a script guessing tokens. */
    public static final Config DEFAULT = new Config(500, 20, 10);

    public Config {
      if (readsPerSecond < 0 || writesPerSecond < 0 || authFailuresPerMinute < 0) {
        throw new IllegalArgumentException("rates must not be negative");
      }
    }
  }

  static final int MAX_CLIENTS = 10_000;
  private static final long MINUTE_NS = 60_000_000_000L;

  private final Config config;
  private final LongSupplier nanos;
  private final Map<String, Client> clients = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Client> e) {
      return size() > MAX_CLIENTS;
    }
  };

  public RateLimits(Config config) {
    this(config, System::nanoTime);
  }

  RateLimits(Config config, LongSupplier nanos) {
    this.config = config;
    this.nanos = nanos;
  }

  private static final class Client {
    double reads;
    double writes;
    long last;
    long failWindowStart;
    int failures;
  }

  /** What a check decided: allowed, or refused with the seconds to wait. */
  public record Verdict(boolean allowed, long retryAfterSeconds, String reason) {
    static final Verdict OK = new Verdict(true, 0, null);
  }

  /** Spends one read of {@code client}'s budget. */
  public Verdict read(String client) {
    return spend(client, false);
  }

  /** Spends one write of {@code client}'s budget (checked before the token, so guesses are paced too). */
  public Verdict write(String client) {
    synchronized (this) {
      Client c = client(client);
      long now = nanos.getAsLong();
      if (config.authFailuresPerMinute() > 0 && c.failures >= config.authFailuresPerMinute()
          && now - c.failWindowStart < MINUTE_NS) {
        long wait = Math.max(1, (MINUTE_NS - (now - c.failWindowStart)) / 1_000_000_000L);
        return new Verdict(false, wait, "too many requests with a wrong token from this client; writes refused for " + wait + " s");
      }
    }
    return spend(client, true);
  }

  /** Records a failed authentication of {@code client}. */
  public synchronized void authFailed(String client) {
    Client c = client(client);
    long now = nanos.getAsLong();
    if (now - c.failWindowStart >= MINUTE_NS) {
      c.failWindowStart = now;
      c.failures = 0;
    }
    c.failures++;
  }

  private synchronized Verdict spend(String client, boolean write) {
    double rate = write ? config.writesPerSecond() : config.readsPerSecond();
    if (rate == 0) {
      return Verdict.OK;
    }
    Client c = client(client);
    long now = nanos.getAsLong();
    double burst = 2 * rate;
    double elapsed = (now - c.last) / 1e9;
    c.last = now;
    c.reads = Math.min(2 * config.readsPerSecond(), c.reads + elapsed * config.readsPerSecond());
    c.writes = Math.min(2 * config.writesPerSecond(), c.writes + elapsed * config.writesPerSecond());
    double left = write ? c.writes : c.reads;
    if (left < 1) {
      long wait = (long) Math.ceil((1 - left) / rate);
      return new Verdict(false, Math.max(1, wait), "rate limit: at most " + fmt(rate) + " " + (write ? "writes" : "reads")
          + " per second per client (bursts of " + fmt(burst) + ")");
    }
    if (write) {
      c.writes -= 1;
    } else {
      c.reads -= 1;
    }
    return Verdict.OK;
  }

  private Client client(String id) {
    Client c = clients.get(id);
    if (c == null) {
      c = new Client();
      c.last = nanos.getAsLong();
      c.reads = 2 * config.readsPerSecond();
      c.writes = 2 * config.writesPerSecond();
      c.failWindowStart = c.last - MINUTE_NS;
      clients.put(id, c);
    }
    return c;
  }

  /** Clients tracked now (for tests). */
  synchronized int tracked() {
    return clients.size();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
