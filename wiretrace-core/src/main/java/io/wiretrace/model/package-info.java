/**
 * Immutable records passed between pipeline stages.
 *
 * <p>Every stage takes and returns these records and nothing else, so a stage can run in the CLI,
 * in the server or inside a Spark partition unchanged. Records validate their arguments in their
 * compact constructors; collections are copied to unmodifiable lists.
 */
package io.wiretrace.model;
