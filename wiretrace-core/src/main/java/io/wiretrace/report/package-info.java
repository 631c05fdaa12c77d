/**
 * The human-readable report: one self-contained HTML page with stories grouped by storyline,
 * each article's role (original or copy), and a side-by-side view of every copy against its
 * original with the aligned passages highlighted.
 */
package io.wiretrace.report;
