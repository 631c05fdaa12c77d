package io.wiretrace.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResidueTest {
  @AfterEach
  void prefilterBackOn() {
    Residue.prefilter = true;
  }

  @Test
  void startChars_readsLiteralAlternatives_andGivesUpOnWhatItCannotSee() {
    assertThat(Residue.startChars("^(home|menu|«.*|log ?in)$")).isEqualTo("hm«l");
    assertThat(Residue.startChars("^(ähnliche (a|b)|(das|dieses) x|\\(c\\))$")).isEqualTo("ädd(");
    assertThat(Residue.startChars("^(#[a-z]+)+$")).isEqualTo("#");
    assertThat(Residue.startChars("^((zur )?startseite|home)$")).isNull(); // an optional first item
    assertThat(Residue.startChars("^(\\d+ min|x)$")).isNull();
    assertThat(Residue.startChars("^[-– ]*(anzeige)$")).isNull();
    assertThat(Residue.startChars(".*\\((foto)\\)$")).isNull();
    assertThat(Residue.startChars("^(?!\\d)x$")).isNull();
  }

  @Test
  void firstCharacterTest_changesNoAnswer() {
    List<String> lines = new ArrayList<>(List.of(
        "Leave a Reply", "Kommentare geschlossen", "Meist Gelesen", "Schon gelesen?", "Zobacz także", "Lea también: Cierran la frontera",
        "Mit Freunden teilen", "Rezept drucken", "Kontakt:", "Stand: 05. Februar 2020", "AFP / MARCO BERTORELLO", "© 2025 Harbour Times",
        "(c) Harbour Times", "#breaking #news", "Tags: court, fraud", "Share on Facebook", "Home", "« Previous", "Next Post",
        "Related Posts", "You may also like", "Inhaltsverzeichnis", "This post contains affiliate links.", "3:59 PM", "Merken",
        "Über den Autor", "Aufrufe: 1120", "views: 1,284", "Source: Meridian Wire", "By Ana Ruiz", "von Annette Henkel",
        "The source of the leak was a cracked pipe under the main road, engineers said on Monday.",
        "Comments from residents were mixed, with many welcoming the decision.", "Home owners were told to leave.",
        "Meist regnet es im April.", "Kontakt zu den Behörden gab es nicht.", "Stand der Dinge ist offen.", "Mira Lobe schrieb 1951."));
    for (String l : new ArrayList<>(lines)) {
      lines.add(l.toUpperCase(java.util.Locale.ROOT));
      lines.add(" " + l + " ");
    }
    for (String l : lines) {
      Residue.prefilter = true;
      var with = Residue.classify(l);
      Residue.prefilter = false;
      assertThat(Residue.classify(l)).as(l).isEqualTo(with);
    }
  }
}
