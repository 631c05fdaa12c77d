/**
 * Story synthesis: what a story says across its sources. Takes a {@link io.wiretrace.model.Story},
 * its articles, their {@link io.wiretrace.model.Annotations} and the copy relations; emits a
 * {@link io.wiretrace.model.Synthesis}: independent reports versus echoes, an extractive summary
 * over the independent reports only (LexRank centrality, MMR redundancy removal) with each
 * sentence credited to the outlet that originated it, a de-duplicated timeline, entities merged
 * across outlets, quotes with their first carrier and drifted variants, and the lineage edges.
 * Pure functions; deterministic (ties broken by article id).
 */
package io.wiretrace.story;
