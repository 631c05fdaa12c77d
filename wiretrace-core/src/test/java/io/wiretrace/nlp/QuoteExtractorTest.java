package io.wiretrace.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Entity;
import io.wiretrace.model.Quote;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteExtractorTest {
  private final QuoteExtractor quotes = new QuoteExtractor();
  private final EntityRecognizer ner = EntityRecognizer.load();

  private List<Quote> run(String text) {
    List<Entity> es = ner.recognize(text);
    return quotes.extract(text, es);
  }

  @Test
  void saidXAndXSaid() {
    List<Quote> q = run("“We will rebuild every house,” said Rosa Iglesias. “Nobody sleeps outside tonight,” the governor said.");
    assertThat(q).extracting(Quote::text).containsExactly("We will rebuild every house,", "Nobody sleeps outside tonight,");
    assertThat(q).extracting(Quote::speaker).containsExactly("Rosa Iglesias", "the governor");
    assertThat(q.get(0).cue()).isEqualTo("said");
  }

  @Test
  void aQuotedTranscriptLineIsAttributedToItsCapitalizedLabel_speechWithAColonIsNot() {
    List<Quote> q = run("The interview ran long.\n\n“HALVORSEN: We will not sign this agreement as it stands.”\n\n"
        + "The minister was blunt. “Look: nobody in this room wants another strike,” she said.");
    assertThat(q).extracting(Quote::speaker).containsExactly("HALVORSEN", "she");
    assertThat(q.get(0).cue()).isEqualTo("transcript");
  }

  @Test
  void aQuotedTranscriptOfSeveralTurns_isOneQuotePerTurn() {
    List<Quote> q = run("Partial transcript as follows:\n\n“OLSEN: Will the strike go on through the weekend?\n\n"
        + "“HALVORSEN: It will, unless the port authority comes back to the table.\n\n“OLSEN: And if it does not?”");
    assertThat(q).extracting(Quote::speaker).containsExactly("OLSEN", "HALVORSEN", "OLSEN");
    assertThat(q.get(1).text()).startsWith("HALVORSEN: It will");
  }

  @Test
  void speakerBeforeTheQuoteAndAccordingTo() {
    List<Quote> q = run("Marta Olsen told reporters: \"The strike goes on until they listen.\"\n\n"
        + "\"Nothing has been agreed yet,\" according to the port authority.");
    assertThat(q).extracting(Quote::speaker).containsExactly("Marta Olsen", "the port authority");
  }

  @Test
  void pronounResolvesToTheLastNamedPersonAndAMultiParagraphQuoteIsOne() {
    String text = "Union leader Marta Olsen spoke at the gate on Monday.\n\n"
        + "“We are not against new machines,” she said. “We are against a plan that nobody discussed with us.\n\n"
        + "“My father drove cranes here.”";
    // entities given by hand so that the test checks resolution, not the statistical model
    List<Entity> es = List.of(new Entity("person:marta-olsen", "PERSON", "Marta Olsen",
        List.of(new Entity.Mention(new io.wiretrace.model.Span(13, 24), "Marta Olsen"))));
    List<Quote> q = quotes.extract(text, es);
    assertThat(q).hasSize(2);
    assertThat(q.get(0).speaker()).isEqualTo("she");
    assertThat(q.get(0).speakerEntity()).isEqualTo("person:marta-olsen");
    assertThat(q.get(1).text()).contains("nobody discussed with us.").contains("My father drove cranes here.");
  }

  @Test
  void aQuoteWithNoCueOpeningTheNextParagraphContinuesTheSpeaker() {
    List<Quote> q = run("“The vote is final,” Mayor Lena Brandt said on Monday.\n\n“We start building in June.”");
    assertThat(q).hasSize(2);
    assertThat(q.get(1).speaker()).isEqualTo("Mayor Lena Brandt");
    assertThat(q.get(1).cue()).isEqualTo("continued");
  }

  @Test
  void aPronounResolvesToTheLastPersonOfCompatibleGender() {
    String text = "Ms. Lena Brandt met Mr. Tomas Ekberg on Monday. “We will build the barrier,” she said.";
    List<Entity> es = List.of(
        new Entity("person:lena-brandt", "PERSON", "Lena Brandt",
            List.of(new Entity.Mention(new io.wiretrace.model.Span(4, 15), "Lena Brandt"))),
        new Entity("person:tomas-ekberg", "PERSON", "Tomas Ekberg",
            List.of(new Entity.Mention(new io.wiretrace.model.Span(24, 36), "Tomas Ekberg"))));
    Quote q = quotes.extract(text, es).get(0);
    assertThat(q.speaker()).isEqualTo("she");
    assertThat(q.speakerEntity()).isEqualTo("person:lena-brandt"); // Ekberg is nearer, but "Mr." makes him a he
    Quote he = quotes.extract(text.replace("she said", "he said"), es).get(0);
    assertThat(he.speakerEntity()).isEqualTo("person:tomas-ekberg");
  }
}
