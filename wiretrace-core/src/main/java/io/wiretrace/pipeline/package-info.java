/**
 * Wiring: runs the stages in order over a batch, in parallel where a stage is per-document, and
 * writes the output contract. The only place that knows about threads and output files.
 */
package io.wiretrace.pipeline;
