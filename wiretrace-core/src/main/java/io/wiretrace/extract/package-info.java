/**
 * Extraction: one {@link io.wiretrace.model.RawDocument} in, one clean
 * {@link io.wiretrace.model.Article} out.
 *
 * <p>HTML goes through {@link io.wiretrace.extract.HtmlExtractor} (jsoup; metadata from JSON-LD,
 * OpenGraph, {@code <meta>}, {@code <time>} and the URL; body by block scoring). Plain-text scraped
 * pages go through {@link io.wiretrace.extract.TextPageExtractor}, which classifies each line
 * (title, dateline, date header, body, or one of the {@link io.wiretrace.extract.Residue} classes).
 * Everything dropped is listed in {@code Article.removed} with its reason; credits and datelines
 * that name an outlet are kept as metadata.
 *
 * <p>Does not judge whether an article is a copy (that is {@code reuse}).
 */
package io.wiretrace.extract;
