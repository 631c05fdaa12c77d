package io.wiretrace.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseRowsTest {
  @Test
  void findsEveryCellAndNothingElse() {
    Random random = new Random(7);
    int n = 5000;
    int[] rows = new int[n];
    int[] cols = new int[n];
    long[] values = new long[n];
    Map<Long, Long> expected = new HashMap<>();
    for (int i = 0; i < n; i++) {
      rows[i] = random.nextInt(300);
      cols[i] = random.nextInt(2000);
      values[i] = random.nextLong();
      expected.put((long) rows[i] << 32 | cols[i], values[i]); // a repeated cell keeps its last value
    }
    SparseRows table = new SparseRows(300, rows, cols, values);
    assertThat(table.size()).isEqualTo(expected.size());
    for (int r = 0; r < 300; r++) {
      for (int c = 0; c < 2000; c++) {
        assertThat(table.get(r, c, -1)).isEqualTo(expected.getOrDefault((long) r << 32 | c, -1L));
      }
    }
  }

  @Test
  void answersAbsentOutsideTheMatrix() {
    SparseRows table = new SparseRows(2, new int[] {0, 1}, new int[] {5, 0}, new long[] {10, 20});
    assertThat(table.get(-1, 5, -7)).isEqualTo(-7);
    assertThat(table.get(2, 0, -7)).isEqualTo(-7);
    assertThat(table.get(1, 0, -7)).isEqualTo(20);
    assertThat(table.get(0, 4, -7)).isEqualTo(-7);
  }

  @Test
  void keepsDoublesExactly() {
    double[] d = {Math.PI, -0.0, Double.MIN_VALUE};
    SparseRows table = new SparseRows(1, new int[] {0, 0, 0}, new int[] {3, 1, 2}, SparseRows.bits(d));
    assertThat(table.getDouble(0, 3, 0)).isEqualTo(Math.PI);
    assertThat(Double.doubleToRawLongBits(table.getDouble(0, 1, 1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(table.getDouble(0, 2, 0)).isEqualTo(Double.MIN_VALUE);
    assertThat(table.getDouble(0, 0, 0.5)).isEqualTo(0.5);
  }

  @Test
  void rejectsCellsOutsideItsRows() {
    assertThatThrownBy(() -> new SparseRows(1, new int[] {1}, new int[] {0}, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 1 rows");
  }
}
