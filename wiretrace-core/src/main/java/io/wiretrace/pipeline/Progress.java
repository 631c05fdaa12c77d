package io.wiretrace.pipeline;

/** Receives progress of a run. Implementations must be thread-safe: per-document stages report from worker threads. */
public interface Progress {
  /** A stage begins; {@code total} units of work, or -1 when unknown. */
  void stage(String name, int total);

  /** One unit of the current stage finished. */
  void advance();

  /** The run finished (successfully or not). */
  void done();

  /** A progress sink that ignores everything. */
  Progress NONE = new Progress() {
    @Override
    public void stage(String name, int total) {}

    @Override
    public void advance() {}

    @Override
    public void done() {}
  };
}
