/**
 * Fingerprints: word shingles, MinHash signatures and the LSH index that turns signatures into
 * candidate pairs.
 *
 * <p>Takes {@link io.wiretrace.text.Tokens}; emits {@code long[]} shingle hashes and signatures.
 * Every hash here is a persisted format: seeds are fixed constants, shingles are delimited by
 * hashing each token to 64 bits before combining, and known-answer tests pin the values. A change
 * to any of them is a new {@code FORMAT_VERSION}, never an edit of the old one.
 *
 * <p>Does not decide what is a copy: that is {@code reuse}, which verifies every candidate.
 */
package io.wiretrace.fingerprint;
