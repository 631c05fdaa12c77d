/**
 * Wiring: runs the stages in order over a batch, in parallel where a stage is per-document, and
 * writes the output contract; {@link io.wiretrace.pipeline.Stored} reads a written contract back so
 * that new inputs can be added to it. The only place that knows about threads and output files.
 */
package io.wiretrace.pipeline;
