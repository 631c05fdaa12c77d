package io.wiretrace.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated JSONL corpus for store tests: {@code events} fictional events, each reported by an
 * original and copied by {@code copies} farms (verbatim, or with a sentence dropped and a residue
 * line added), one day apart per event. Fixed seed: the same arguments give the same file.
 */
final class Corpus {
  private static final String[] PLACES = {"Halvern", "Teranova", "Lindqvist", "Brenholm", "Caldera", "Ostmark", "Varrow",
      "Silvergate", "Duneford", "Kestrel Bay", "Marlow", "Pinecrest", "Rookwood", "Ashby", "Elmstead", "Fairhaven"};
  private static final String[] SUBJECTS = {"council", "port authority", "water board", "school district", "rail operator",
      "hospital trust", "fire service", "university", "transit agency", "harbour police"};
  private static final String[] VERBS = {"approved", "rejected", "postponed", "announced", "criticised", "defended",
      "reviewed", "expanded", "cancelled", "funded"};
  private static final String[] OBJECTS = {"a new budget", "the bridge repairs", "a pay agreement", "the night bus line",
      "a flood barrier", "the library extension", "a housing plan", "the clinic opening", "a wind farm", "the ferry contract"};
  private static final String[] NAMES = {"Ilse Varga", "Tomas Ekberg", "Marta Quill", "Oskar Brandt", "Lena Holm",
      "Pavel Sorin", "Ada Keller", "Jonas Weir", "Rita Mendes", "Felix Arden", "Nora Lind", "Hugo Sandor"};

  private Corpus() {}

  static Path write(Path file, int events, int copies, long seed) throws IOException {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int e = 0; e < events; e++) {
      String place = PLACES[e % PLACES.length] + (e >= PLACES.length ? " " + (e / PLACES.length + 1) : "");
      String subject = SUBJECTS[r.nextInt(SUBJECTS.length)];
      String person = NAMES[r.nextInt(NAMES.length)];
      int amount = 10 + r.nextInt(900);
      List<String> sentences = new ArrayList<>();
      sentences.add("The " + place + " " + subject + " " + VERBS[r.nextInt(VERBS.length)] + " " + OBJECTS[r.nextInt(OBJECTS.length)]
          + " on Tuesday after a meeting that lasted " + (2 + r.nextInt(9)) + " hours.");
      for (int k = 0; k < 7; k++) {
        StringBuilder sb = new StringBuilder(person + " told reporters in " + place);
        for (int w = 0; w < 18; w++) { // event-specific words: no two events share their sentences
          sb.append(' ').append(word(r));
        }
        sentences.add(sb + " before the vote, " + (amount + k * 7) + " residents said.");
      }
      sentences.add("Residents of " + place + " will be able to comment on the plans until the end of the month, "
          + person + " said.");
      String day = java.time.LocalDate.of(2025, 1, 1).plusDays(e).toString();
      String title = place + " " + subject + " decision draws crowds";
      lines.add(line("wire/" + e, "Wire " + (e % 3), day + "T08:00:00Z", title, String.join("\n\n", sentences)));
      for (int c = 0; c < copies; c++) {
        List<String> s = new ArrayList<>(sentences);
        if (c % 2 == 1) {
          s.remove(1 + r.nextInt(s.size() - 2));
          s.add("Leave a Reply. Your email address will not be published.");
        }
        lines.add(line("farm" + c + "/" + e, null, day + "T1" + c + ":00:00Z", title, String.join("\n\n", s)));
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static final String[] SYLLABLES = {"ka", "lo", "ri", "ven", "tor", "mi", "sa", "del", "quo", "ne", "bar", "zu",
      "fen", "ol", "gri", "pa", "tes", "ur", "vim", "ha"};

  private static String word(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 2 + r.nextInt(2); i > 0; i--) {
      sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    return sb.toString();
  }

  private static String line(String id, String outlet, String published, String title, String text) {
    return "{" + q("id") + ":" + q(id) + "," + q("outlet") + ":" + (outlet == null ? "null" : q(outlet)) + ","
        + q("published") + ":" + q(published) + "," + q("title") + ":" + q(title) + "," + q("text") + ":" + q(text) + "}";
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
