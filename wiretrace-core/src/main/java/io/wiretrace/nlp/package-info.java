/**
 * Language analysis of one article: temporal expressions ({@link io.wiretrace.nlp.TimeTagger}),
 * named entities with in-document coreference ({@link io.wiretrace.nlp.EntityRecognizer}) and
 * speaker-attributed direct quotes ({@link io.wiretrace.nlp.QuoteExtractor}).
 *
 * <p>Takes an article's clean text (and its publish date as the temporal reference); emits
 * {@link io.wiretrace.model.Timex}, {@link io.wiretrace.model.Entity} and
 * {@link io.wiretrace.model.Quote} records whose spans point into that text. Every class here is
 * stateless after construction and thread-safe; nothing is downloaded: the name-finder model
 * ships in the jar.
 */
package io.wiretrace.nlp;
