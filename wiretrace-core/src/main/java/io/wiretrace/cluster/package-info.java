/**
 * Story clustering: articles about one event become a {@link io.wiretrace.model.Story}; stories
 * about the same actors and topic over time share a storyline.
 *
 * <p>Takes articles and the copy relations; emits stories. Time-ordered: each article joins the
 * most similar open story (TF-IDF cosine over all terms blended with a cosine over names, numbers
 * and years, plus a time term) or starts a new one; reassignment passes then move articles that
 * joined a story only because the right one did not exist yet; a copy always joins its original's
 * story. Deterministic for any input order.
 */
package io.wiretrace.cluster;
