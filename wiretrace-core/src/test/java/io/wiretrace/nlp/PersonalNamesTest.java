package io.wiretrace.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalNamesTest {
  private final PersonalNames names = PersonalNames.get();

  @Test
  void givenNamesOfManyLocales_butNotOrdinaryEnglishWords() {
    assertThat(names.size()).isGreaterThan(3000);
    assertThat(List.of("Ahmed", "Mariam", "Björn", "Zeynep", "Jacqueline")).allMatch(names::given);
    assertThat(List.of("Will", "Rose", "Said", "Can", "ahmed", "The")).noneMatch(names::given);
  }

  @Test
  void aGivenNameFollowedByCapitalizedWords_isAPerson() {
    String text = "The statement was read out by Zeynep Karaoglanova Tersel at the harbour office on Monday.";
    List<Entity> es = EntityRecognizer.load().recognize(text);
    assertThat(es).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("PERSON");
      assertThat(e.name()).isEqualTo("Zeynep Karaoglanova Tersel");
    });
  }
}
