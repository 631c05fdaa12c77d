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
  void restoredText_meetsAcrossASynonymSwap_andKeysKeepEveryLiteralShingle() {
    io.wiretrace.fingerprint.MinHash mh = io.wiretrace.fingerprint.MinHash.builder().build();
    Fingerprint a = Fingerprint.of(io.wiretrace.testing.Fixtures.article("a", null, null, null,
        "The tribunal ruled that the citizenry must stay."), mh);
    Fingerprint b = Fingerprint.of(io.wiretrace.testing.Fixtures.article("b", null, null, null,
        "The courts ruled that the people must remain."), mh);
    assertThat(a.restored()).isEqualTo(b.restored()); // tribunal/courts -> court, citizenry -> people, stay -> remain
    assertThat(java.util.Arrays.stream(a.shingles()).noneMatch(x -> java.util.Arrays.stream(b.shingles()).anyMatch(y -> y == x))).isTrue();
    assertThat(a.keys()).contains(a.shingles()).contains(a.restored());
    // nothing to restore: the same array, no extra keys
    Fingerprint c = Fingerprint.of(io.wiretrace.testing.Fixtures.article("c", null, null, null, "It is what it is, and so on and on."), mh);
    assertThat(c.restored()).isSameAs(c.shingles());
    assertThat(c.keys()).isSameAs(c.shingles());
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

  @Test
  void aQuoteOfSeveralSentences_oneSentencePerLine_isQuotedThroughout() {
    String text = "Smith noted, \"It is disappointing.\n\nWe will monitor the situation.\n\nWe take it very seriously.\"\n\nThe end.";
    assertThat(quotedWords(text)).isEqualTo("it is disappointing we will monitor the situation we take it very seriously");
  }

  @Test
  void aClosingMark_beforeACapitalizedSpeaker_closes() {
    String text = "\"Repairs will take twelve days.\n\nPermits come first, \" SEACOM said in a statement.\n\n\"The outage hit Europe.\"";
    assertThat(quotedWords(text)).isEqualTo("repairs will take twelve days permits come first the outage hit europe");
  }

  @Test
  void singleQuotationMarks_pair_butApostrophesDoNot() {
    assertThat(quotedWords("She said she was a 'social drinker' and added: 'I've done it. Trust me.' The players' union and Reid's rep declined."))
        .isEqualTo("social drinker i've done it trust me");
    assertThat(quotedWords("The players' union met in the '90s, didn't it? Reid's rep said so.")).isEmpty();
  }

  @Test
  void attributionsBetweenQuotes_doNotCountAsSharedWriting() {
    String text = "\"The shock was tremendous,\" Mr. Pigeon said. \"They cuffed him on the ground.\" "
        + "Police closed the street for the rest of the evening while officers searched the building next door.";
    Tokens t = Tokens.of(text);
    BitSet all = new BitSet();
    all.set(0, t.size());
    BitSet q = Fingerprint.quoted(text, t);
    // "mr pigeon said" stands between two quotes: quotation; the closing sentence is writing (17 tokens)
    assertThat(CopyDetector.unquoted(all, q)).isEqualTo(17);
  }

  @Test
  void aStrayClosingMark_inALongParagraph_quotesNothing() {
    String longPara = "Dynamic programming solves a problem by combining the solutions of overlapping subproblems, "
        .repeat(4) + "which is why it is fast,\" and why it is taught early.";
    assertThat(quotedWords(longPara)).isEmpty();
  }
}
