package io.wiretrace.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class LongIntMultimapTest {
  @Test
  void agreesWithABoxedMultimap_throughManyResizes() {
    LongIntMultimap m = new LongIntMultimap();
    Map<Long, List<Integer>> ref = new HashMap<>();
    Random r = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      long key = r.nextInt(50_000) * 0x9E3779B97F4A7C15L; // include negative and colliding-looking keys
      m.put(key, i);
      ref.computeIfAbsent(key, k -> new ArrayList<>()).add(0, i);
    }
    assertThat(m.keys()).isEqualTo(ref.size());
    assertThat(m.postings()).isEqualTo(200_000);
    int[] buf = new int[64];
    for (Map.Entry<Long, List<Integer>> e : ref.entrySet()) {
      assertThat(m.count(e.getKey())).isEqualTo(e.getValue().size());
      int n = m.values(e.getKey(), buf);
      assertThat(n).isEqualTo(Math.min(64, e.getValue().size()));
      for (int i = 0; i < n; i++) {
        assertThat(buf[i]).isEqualTo(e.getValue().get(i));
      }
    }
    assertThat(m.count(12345L)).isZero();
    assertThat(m.values(12345L, buf)).isZero();
  }
}
