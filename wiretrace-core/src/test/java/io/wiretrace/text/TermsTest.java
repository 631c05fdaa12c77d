package io.wiretrace.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {
  @Test
  void of_dropsStopWordsAndShortNumbers_andStems() {
    // house and houses meet at "hous"
    assertThat(Terms.of("The rescuers searched 24 houses in 2013.")).containsExactly("rescuer", "search", "hous", "2013");
  }

  @Test
  void both_capitalsInsideSentencesAreProperNouns_sentenceStartsAreNot() {
    List<String> terms = new ArrayList<>();
    List<String> proper = new ArrayList<>();
    Terms.both("Rescuers reached Bener Meriah on Sunday. Aid followed from Takengon.\n\nWest Papua was calm.", terms, proper);
    assertThat(proper).containsExactly("bener", "meriah", "takengon", "papua");
    assertThat(terms).containsExactly("rescuer", "reach", "bener", "meriah", "aid", "follow", "takengon", "west", "papua", "calm");
  }
}
