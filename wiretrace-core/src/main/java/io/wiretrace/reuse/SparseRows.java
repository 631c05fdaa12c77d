package io.wiretrace.reuse;

import java.util.Arrays;

/**
 * An immutable sparse matrix of non-negative {@code int} rows and columns, compressed by row: the
 * columns of each row sorted in one array, a row's slice found by its offset, a cell by binary search
 * in the slice. It holds the reference tables' hot lookups (the second words of a word's pairs, the
 * word classes after a class bigram) without boxing or string keys; unlike a hash table, the cells of
 * one row lie together, so the rows a text meets often (the common words, the common class contexts)
 * stay in the processor's cache. A cell holds a {@code long}: a count, or a {@code double}'s bits
 * ({@link #getDouble}). Thread-safe.
 */
final class SparseRows {
  private final int[] offsets; // row r's cells are columns[offsets[r] .. offsets[r + 1])
  private final int[] columns;
  private final long[] values;

  /**
   * The cells {@code (rows[i], cols[i]) = values[i]} of a matrix with {@code rowCount} rows; a
   * repeated cell keeps its last value.
   */
  SparseRows(int rowCount, int[] rows, int[] cols, long[] values) {
    if (rows.length != cols.length || rows.length != values.length) {
      throw new IllegalArgumentException(rows.length + " rows, " + cols.length + " columns, " + values.length + " values");
    }
    // counting sort by row (stable: input order within a row), then each row's cells by column
    int[] off = new int[rowCount + 1];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= rowCount || cols[i] < 0) {
        throw new IllegalArgumentException("cell (" + rows[i] + ", " + cols[i] + ") is outside " + rowCount + " rows");
      }
      off[rows[i] + 1]++;
    }
    for (int r = 0; r < rowCount; r++) {
      off[r + 1] += off[r];
    }
    long[] cells = new long[rows.length]; // column << 32 | input position, grouped by row
    int[] fill = Arrays.copyOf(off, rowCount);
    for (int i = 0; i < rows.length; i++) {
      cells[fill[rows[i]]++] = (long) cols[i] << 32 | i;
    }
    int[] c = new int[rows.length];
    int[] o = new int[rows.length];
    int n = 0;
    for (int r = 0; r < rowCount; r++) {
      int from = off[r];
      int to = off[r + 1];
      off[r] = n;
      Arrays.sort(cells, from, to); // by column, then input position
      for (int k = from; k < to; k++) {
        int col = (int) (cells[k] >>> 32);
        int at = (int) cells[k];
        if (n > off[r] && c[n - 1] == col) {
          o[n - 1] = at; // a repeated cell keeps its last value
        } else {
          c[n] = col;
          o[n++] = at;
        }
      }
    }
    off[rowCount] = n;
    this.offsets = off;
    this.columns = Arrays.copyOf(c, n);
    this.values = new long[n];
    for (int k = 0; k < n; k++) {
      this.values[k] = values[o[k]];
    }
  }

  /** Doubles as cell values ({@link #getDouble}). */
  static long[] bits(double[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.doubleToRawLongBits(values[i]);
    }
    return out;
  }

  /** The value of cell {@code (row, col)}, or {@code absent} when it is empty or outside the matrix. */
  long get(int row, int col, long absent) {
    if (row < 0 || row >= offsets.length - 1) {
      return absent;
    }
    int i = Arrays.binarySearch(columns, offsets[row], offsets[row + 1], col);
    return i < 0 ? absent : values[i];
  }

  /** {@link #get} of a table of {@link #bits}. */
  double getDouble(int row, int col, double absent) {
    if (row < 0 || row >= offsets.length - 1) {
      return absent;
    }
    int i = Arrays.binarySearch(columns, offsets[row], offsets[row + 1], col);
    return i < 0 ? absent : Double.longBitsToDouble(values[i]);
  }

  /** Number of non-empty cells. */
  int size() {
    return columns.length;
  }
}
