/**
 * The output contract: JSON Lines writers for articles, relations, stories and rejections.
 *
 * <p>Fields are written in a fixed order with Jackson's streaming generator, numbers with a fixed
 * precision, maps sorted by key, so the same records always give the same bytes.
 */
package io.wiretrace.io;
