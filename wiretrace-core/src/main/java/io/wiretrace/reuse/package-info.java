/**
 * Copy detection: candidate pairs, passage alignment, relation typing, direction and lineage.
 *
 * <p>Takes {@link io.wiretrace.model.Article}s; emits {@link io.wiretrace.model.Relation}s, one per
 * copy and original, with aligned evidence spans. Candidates come from MinHash-LSH (near copies)
 * and from a sampled shingle index (partial copies, whose Jaccard is low); every candidate is
 * verified by alignment. Text shared only inside quotation marks never makes a relation: independent
 * reports of one event quote the same people.
 *
 * <p>Does not group articles into stories ({@code cluster}).
 */
package io.wiretrace.reuse;
