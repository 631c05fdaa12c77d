package io.wiretrace.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {
  @Test
  void surnameAndHonorificMentionsJoinTheFullName() {
    String text = "Antony J. Blinken met officials. Mr. Blinken said talks went well. Blinken left.";
    List<EntityRecognizer.RawMention> raw = List.of(
        new EntityRecognizer.RawMention("PERSON", 0, 17, "Antony J. Blinken"),
        new EntityRecognizer.RawMention("PERSON", 33, 44, "Mr. Blinken"));
    List<Entity> es = EntityRecognizer.corefer(text, raw);
    assertThat(es).hasSize(1);
    Entity e = es.get(0);
    assertThat(e.id()).isEqualTo("person:antony-j-blinken");
    assertThat(e.name()).isEqualTo("Antony J. Blinken");
    // the third mention ("Blinken" before "left") was missed by the model and recovered by surname
    assertThat(e.mentions()).extracting(Entity.Mention::text).containsExactly("Antony J. Blinken", "Mr. Blinken", "Blinken");
  }

  @Test
  void anAcronymJoinsTheNameItAbbreviates() {
    String text = "The Centers for Disease Control said on Friday that the CDC would publish data.";
    List<Entity> es = EntityRecognizer.corefer(text, List.of(
        new EntityRecognizer.RawMention("ORGANIZATION", 4, 31, "Centers for Disease Control"),
        new EntityRecognizer.RawMention("ORGANIZATION", 56, 59, "CDC")));
    assertThat(es).hasSize(1);
  }

  @Test
  void theShippedModelFindsPeoplePlacesAndOrganizations() {
    List<Entity> es = EntityRecognizer.load().recognize(
        "General Motors said on Tuesday that Mary Barra would visit Detroit. Barra met workers there.");
    // what the model finds here was checked by hand; the point is that a model ships and coreference runs on it
    assertThat(es).extracting(Entity::id).contains("organization:general-motors", "person:mary-barra");
    Entity barra = es.stream().filter(e -> e.id().equals("person:mary-barra")).findFirst().orElseThrow();
    assertThat(barra.mentions()).extracting(Entity.Mention::text).containsExactly("Mary Barra", "Barra");
  }
}
