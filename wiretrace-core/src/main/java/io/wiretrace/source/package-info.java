/**
 * Source readers: turn files and folders into {@link io.wiretrace.model.RawDocument}s.
 *
 * <p>Takes paths; emits raw documents (HTML or plain text plus any metadata the container carries)
 * and {@link io.wiretrace.model.Rejection}s for whatever could not be read. Formats: plain text,
 * HTML (optionally gzipped), JSONL, WARC (jwarc) and RSS/Atom (Rome). A broken file, line, record or
 * feed item becomes a rejection that names where and why; it never stops the batch.
 *
 * <p>Does not extract article bodies or metadata from markup: that is {@code extract}'s job.
 */
package io.wiretrace.source;
