package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parts of the Apertium adapter that need no engine: dictionary path walk and the pivot spinner. */
class ApertiumTest {
  @Test
  void paths_readLemmaAndFirstTag_andSurviveLoops() {
    // "cat<n>" -> "gat<n>", a capitalized entry (skipped), and a loop state (3 -> 3 on any letter)
    String att = String.join("\n",
        "0\t1\tc\tg\t0", "1\t2\ta\ta\t0", "2\t4\tt\tt\t0", "4\t5\t<n>\t<n>\t0", "5\t6\t<sg>\t<sg>\t0", "6",
        "0\t7\tD\tD\t0", "7\t4\to\to\t0",
        "0\t3\tx\tx\t0", "3\t3\ty\ty\t0", "3\t5\t<n>\t<n>\t0");
    List<String> got = new ArrayList<>();
    Apertium.paths(att, (in, out) -> got.add(in + "=" + out));
    assertThat(got).containsExactlyInAnyOrder("cat<n>=gat<n>", "x<n>=x<n>");
  }

  @Test
  void spin_replacesTheAskedShareOfContentWords_whereTheThesaurusCan() {
    Map<String, List<String>> th = Map.of("house<n>", List.of("home"), "big<adj>", List.of("large"), "walk<vblex>", List.of("stroll"));
    String text = "The big house stood empty. Walk past the big house and you see houses.";
    Apertium.Spun all = Apertium.spin(text, 1.0, th, new Random(1));
    assertThat(all.text()).isEqualTo("The large home stood empty. Stroll past the large home and you see homes.");
    Apertium.Spun none = Apertium.spin(text, 0.0, th, new Random(1));
    assertThat(none.text()).isEqualTo(text);
    assertThat(none.share()).isZero();
  }
}
