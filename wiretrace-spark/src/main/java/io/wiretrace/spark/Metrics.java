package io.wiretrace.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Wall time and shuffle bytes per phase of a run. Each phase sets the job description, so every
 * stage (and its tasks' shuffle writes) is charged to the phase that submitted it.
 */
final class Metrics extends SparkListener {
  private final transient SparkContext sc;
  private final Map<Integer, String> stagePhase = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> shuffleBytes = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> shuffleRecords = new ConcurrentHashMap<>();
  private final Map<String, Long> wallNanos = new LinkedHashMap<>();
  private final Map<String, Long> counters = new LinkedHashMap<>();
  private String phase;
  private long phaseStart;

  private Metrics(SparkContext sc) {
    this.sc = sc;
  }

  static Metrics attach(SparkContext sc) {
    Metrics m = new Metrics(sc);
    sc.addSparkListener(m);
    return m;
  }

  /** Ends the current phase and starts {@code name}. */
  void phase(String name) {
    long now = System.nanoTime();
    if (phase != null) {
      wallNanos.merge(phase, now - phaseStart, Long::sum);
    }
    phase = name;
    phaseStart = now;
    sc.setJobDescription(name);
  }

  void counter(String name, long value) {
    counters.put(name, value);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    String p = e.properties() == null ? null : e.properties().getProperty("spark.job.description");
    stagePhase.put(e.stageInfo().stageId(), p == null ? "(other)" : p);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    if (e.taskMetrics() == null) {
      return;
    }
    String p = stagePhase.getOrDefault(e.stageId(), "(other)");
    shuffleBytes.computeIfAbsent(p, k -> new AtomicLong()).addAndGet(e.taskMetrics().shuffleWriteMetrics().bytesWritten());
    shuffleRecords.computeIfAbsent(p, k -> new AtomicLong()).addAndGet(e.taskMetrics().shuffleWriteMetrics().recordsWritten());
  }

  /** One phase: wall time, shuffle bytes and records written by its stages. */
  record Phase(String name, double seconds, long shuffleBytes, long shuffleRecords) {}

  record Report(List<Phase> phases, Map<String, Long> counters) {
    long totalShuffleBytes() {
      return phases.stream().mapToLong(Phase::shuffleBytes).sum();
    }

    double totalSeconds() {
      return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    String table() {
      StringBuilder sb = new StringBuilder(String.format("%-40s %10s %14s %14s%n", "phase", "seconds", "shuffle bytes", "records"));
      for (Phase p : phases) {
        sb.append(String.format("%-40s %10.2f %,14d %,14d%n", p.name(), p.seconds(), p.shuffleBytes(), p.shuffleRecords()));
      }
      sb.append(String.format("%-40s %10.2f %,14d%n", "total", totalSeconds(), totalShuffleBytes()));
      counters.forEach((k, v) -> sb.append(String.format("%-40s %,10d%n", k, v)));
      return sb.toString();
    }
  }

  Report finish() {
    phase(null);
    sc.setJobDescription(null);
    try {
      sc.listenerBus().waitUntilEmpty(); // the last tasks' metrics are delivered asynchronously
    } catch (java.util.concurrent.TimeoutException | RuntimeException ex) {
      // best effort: a late task's bytes would be missing from the report, not from the run
    }
    sc.removeSparkListener(this);
    List<Phase> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : wallNanos.entrySet()) {
      if (e.getKey() == null) {
        continue;
      }
      out.add(new Phase(e.getKey(), e.getValue() / 1e9, shuffleBytes.getOrDefault(e.getKey(), new AtomicLong()).get(),
          shuffleRecords.getOrDefault(e.getKey(), new AtomicLong()).get()));
    }
    return new Report(out, new LinkedHashMap<>(counters));
  }
}
