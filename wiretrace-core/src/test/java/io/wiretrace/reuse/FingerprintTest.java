package io.wiretrace.reuse;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.text.Tokens;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static String quotedWords(String text) {
    Tokens t = Tokens.of(text);
    BitSet q = Fingerprint.quoted(text, t);
    StringBuilder sb = new StringBuilder();
    for (int i = q.nextSetBit(0); i >= 0; i = q.nextSetBit(i + 1)) {
      sb.append(sb.length() == 0 ? "" : " ").append(t.form(i));
    }
    return sb.toString();
  }

  @Test
  void straightAndCurlyPairs_andAnUnclosedQuoteEndsWithItsParagraph() {
    assertThat(quotedWords("The mayor said \"we will rebuild\" on Monday.\n\nShe added: \u201Cnobody sleeps outside\u201D.\n\n\"It goes on"))
        .isEqualTo("we will rebuild nobody sleeps outside it goes on");
  }

  @Test
  void aQuoteSplitAcrossParagraphs_isQuotedInBoth() {
    // one sentence per line, as some corpora store text: the closing mark ends the second line
    assertThat(quotedWords("\"I am so excited to host the show again.\n\nThey say the third time is the charm, \" she said.\n\nThe end."))
        .isEqualTo("i am so excited to host the show again they say the third time is the charm");
    assertThat(quotedWords("He said it was over.\n\nnobody believed him\u201D, the report said."))
        .isEqualTo("nobody believed him");
  }
}
