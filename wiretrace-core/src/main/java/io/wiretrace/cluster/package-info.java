/**
 * Story clustering: articles about one event become a {@link io.wiretrace.model.Story}; stories
 * about the same actors and topic over time share a storyline.
 *
 * <p>Takes articles and the copy relations; emits stories. Online and time-ordered: each article
 * joins the most similar open story (TF-IDF cosine against the story centroid) or starts a new
 * one; a copy always joins its original's story. Deterministic for any input order.
 */
package io.wiretrace.cluster;
