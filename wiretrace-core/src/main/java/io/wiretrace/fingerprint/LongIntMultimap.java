package io.wiretrace.fingerprint;

import java.util.Arrays;

/**
 * A compact multimap from {@code long} keys to lists of {@code int} values, for indexes that hold
 * millions of postings: open addressing over primitive arrays (linear probing, load factor at most
 * 0.6), each key's values a linked list threaded through two int arrays, newest first. About 20
 * bytes per key and 8 per value, against well over 100 for boxed collections. Not thread-safe.
 */
public final class LongIntMultimap {
  private long[] keys;
  private int[] head;   // -1: empty slot
  private int[] count;
  private int size;
  private int[] values = new int[1024];
  private int[] next = new int[1024];
  private int postings;

  public LongIntMultimap() {
    allocate(1024);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    head = new int[capacity];
    count = new int[capacity];
    Arrays.fill(head, -1);
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int s = (int) Hashing64.mix(key) & mask;
    while (head[s] != -1 && keys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }

  /** Number of values stored under {@code key}. */
  public int count(long key) {
    int s = slot(key);
    return head[s] == -1 ? 0 : count[s];
  }

  /**
   * Copies the values under {@code key} into {@code out} (newest first) and returns how many; at
   * most {@code out.length}.
   */
  public int values(long key, int[] out) {
    int s = slot(key);
    int n = 0;
    for (int p = head[s]; p != -1 && n < out.length; p = next[p]) {
      out[n++] = values[p];
    }
    return n;
  }

  /** Adds {@code value} under {@code key}. */
  public void put(long key, int value) {
    if ((size + 1) * 5 > keys.length * 3) {
      grow();
    }
    int s = slot(key);
    if (head[s] == -1) {
      keys[s] = key;
      size++;
    }
    if (postings == values.length) {
      values = Arrays.copyOf(values, postings * 2);
      next = Arrays.copyOf(next, postings * 2);
    }
    values[postings] = value;
    next[postings] = head[s];
    head[s] = postings++;
    count[s]++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHead = head;
    int[] oldCount = count;
    allocate(keys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldHead[i] != -1) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        head[s] = oldHead[i];
        count[s] = oldCount[i];
      }
    }
  }

  /** Distinct keys. */
  public int keys() {
    return size;
  }

  /** Values stored in all. */
  public int postings() {
    return postings;
  }
}
