/**
 * Text analysis shared by every later stage: normalization, word tokens with character offsets,
 * stop words and a light stemmer.
 *
 * <p>Takes strings; emits {@link io.wiretrace.text.Tokens} whose offsets point back into the
 * input, so that evidence found on tokens can be shown on the original text. Pure functions, no
 * state, no locale dependence (all case folding uses {@link java.util.Locale#ROOT}).
 */
package io.wiretrace.text;
