/**
 * The quality harness: dataset readers, scorers and live peers, behind {@code wiretrace eval}.
 *
 * <p>Scorers ({@link io.wiretrace.eval.ClusterScores}, {@link io.wiretrace.eval.ShingleMatch}) are
 * pure functions unit-tested on small fixtures. Tasks read datasets from {@code ../shared/data}
 * (or {@code --data}); nothing here is needed at run time by the engine.
 */
package io.wiretrace.eval;
