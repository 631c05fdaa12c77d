package io.wiretrace.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A generated news stream with planted copies, for equivalence tests and scaling benchmarks: events
 * over one year, each reported by 2-6 outlets in their own words (sentences drawn from a shared
 * vocabulary around the event's names), and about one article in four a planted copy of an earlier
 * report — a verbatim reprint with a {@code Source:} credit, an edit with a sentence dropped and
 * one changed, or one paragraph pasted among unrelated paragraphs. Same seed, same bytes.
 */
public final class PlantedCorpus {
  /** A planted copy and the article it copies. */
  public record Planted(String copy, String original, String kind) {}

  private static final String[] SYLLABLES = {"ka", "lo", "ver", "min", "tor", "sa", "del", "ri", "an", "bel", "cor",
      "du", "fen", "gar", "hol", "is", "jun", "kel", "mar", "nor", "ost", "pel", "quin", "ros", "sten", "tal", "ul",
      "vin", "wes", "yor", "zan", "bra", "cle", "dro", "fla", "gre"};
  private static final String[] NOUNS = {"council", "minister", "police", "court", "company", "union", "school",
      "hospital", "river", "bridge", "budget", "election", "report", "festival", "storm", "factory", "airport",
      "market", "museum", "harbour", "road", "plan", "vote", "strike", "fire", "trial", "contract", "league", "team",
      "village", "district", "agency", "station", "project", "survey", "crowd", "office", "program", "law", "tax"};
  private static final String[] VERBS = {"said", "announced", "confirmed", "warned", "approved", "rejected", "opened",
      "closed", "reported", "promised", "denied", "planned", "visited", "expected", "delayed", "signed", "won", "lost"};
  private static final String[] ADJ = {"new", "local", "former", "national", "regional", "large", "small", "early",
      "late", "public", "private", "final", "major", "second", "first", "long", "short", "recent"};
  private static final String[] OUTLETS = {"Northwind Press", "Meridian Daily", "Coastline Courier", "Halvern Times",
      "Eastgate Gazette", "Valley Ledger", "Harbour Herald", "Summit Post", "Riverside Record", "Plains Tribune"};

  private final long seed;

  public PlantedCorpus(long seed) {
    this.seed = seed;
  }

  /** Writes {@code n} articles as JSONL to {@code out} and returns the planted copies. */
  public List<Planted> write(int n, Path out) throws IOException {
    Random r = new Random(seed);
    ObjectMapper json = new ObjectMapper();
    List<Planted> planted = new ArrayList<>();
    List<String[]> reports = new ArrayList<>(); // id, title, text, outlet of each independent report
    LocalDate start = LocalDate.of(2025, 1, 1);
    int event = 0;
    int written = 0;
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      while (written < n) {
        String[] names = new String[6];
        for (int k = 0; k < names.length; k++) {
          names[k] = name(r);
        }
        int day = r.nextInt(365);
        int outlets = 2 + r.nextInt(5);
        for (int o = 0; o < outlets && written < n; o++) {
          String outlet = OUTLETS[(event + o * 3) % OUTLETS.length];
          String id = String.format(Locale.ROOT, "e%06d-%d", event, o);
          String title = names[0] + " " + VERBS[r.nextInt(VERBS.length)] + " " + ADJ[r.nextInt(ADJ.length)] + " "
              + NOUNS[r.nextInt(NOUNS.length)];
          String text = body(r, names, 4 + r.nextInt(4));
          String date = start.plusDays(Math.min(364, day + r.nextInt(3))) + "T" + String.format(Locale.ROOT, "%02d:%02d:00Z",
              6 + r.nextInt(14), r.nextInt(60));
          line(w, json, id, title, text, date, outlet);
          reports.add(new String[] {id, title, text, outlet, date});
          written++;
          if (written < n && r.nextInt(3) == 0) { // a planted copy of a recent report
            String[] orig = reports.get(reports.size() - 1 - r.nextInt(Math.min(reports.size(), 50)));
            String copyOutlet = "Copy Farm " + (1 + r.nextInt(9));
            String kind;
            String copyText;
            switch (r.nextInt(3)) {
              case 0 -> {
                kind = "verbatim";
                copyText = orig[2] + "\n\nSource: " + orig[3];
              }
              case 1 -> {
                kind = "edited";
                copyText = edited(r, orig[2]);
              }
              default -> {
                kind = "partial";
                String[] paras = orig[2].split("\n\n");
                copyText = body(r, new String[] {name(r), name(r), name(r)}, 3) + "\n\n" + paras[r.nextInt(paras.length)]
                    + "\n\n" + body(r, new String[] {name(r), name(r)}, 2);
              }
            }
            String copyId = orig[0] + "-copy" + written;
            String copyDate = LocalDate.parse(orig[4].substring(0, 10)).plusDays(1 + r.nextInt(2)).toString();
            line(w, json, copyId, orig[1], copyText, copyDate, copyOutlet);
            planted.add(new Planted(copyId, orig[0], kind));
            written++;
          }
        }
        event++;
      }
    }
    return planted;
  }

  private static void line(BufferedWriter w, ObjectMapper json, String id, String title, String text, String date,
      String outlet) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    m.put("published", date);
    m.put("outlet", outlet);
    m.put("text", text);
    w.write(json.writeValueAsString(m));
    w.write('\n');
  }

  private static String name(Random r) {
    String w = pseudoWord(r);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** Two or three syllables. */
  private static String pseudoWord(Random r) {
    StringBuilder sb = new StringBuilder();
    int k = 2 + r.nextInt(2);
    for (int i = 0; i < k; i++) {
      sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    return sb.toString();
  }

  /** Paragraphs of two or three sentences about the named people and places. */
  private String body(Random r, String[] names, int paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        sb.append("\n\n");
      }
      int sentences = 2 + r.nextInt(2);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          sb.append(' ');
        }
        sb.append(sentence(r, names));
      }
    }
    return sb.toString();
  }

  private static final String[] FUNCTION = {"the", "of", "and", "to", "in", "a", "on", "for", "with", "at", "by",
      "from", "that", "its", "after", "before", "over", "under", "would", "will"};

  /**
   * A sentence of 12-24 words: the event's names, a verb, function words and words drawn from a
   * vocabulary of {@link #VOCABULARY} pseudo-words (so unrelated reports rarely share a 4-gram, as
   * real ones rarely do).
   */
  private String sentence(Random r, String[] names) {
    StringBuilder sb = new StringBuilder(names[r.nextInt(names.length)]).append(' ').append(VERBS[r.nextInt(VERBS.length)]);
    int len = 12 + r.nextInt(13);
    for (int w = 0; w < len; w++) {
      sb.append(' ');
      double x = r.nextDouble();
      if (x < 0.35) {
        sb.append(FUNCTION[r.nextInt(FUNCTION.length)]);
      } else if (x < 0.45) {
        sb.append(names[r.nextInt(names.length)]);
      } else if (x < 0.55) {
        sb.append(NOUNS[r.nextInt(NOUNS.length)]);
      } else if (x < 0.6) {
        sb.append(2 + r.nextInt(900));
      } else {
        sb.append(vocabulary[r.nextInt(vocabulary.length)]);
      }
    }
    return sb.append('.').toString();
  }

  static final int VOCABULARY = 5000;
  private final String[] vocabulary = vocabulary();

  private String[] vocabulary() {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    String[] v = new String[VOCABULARY];
    for (int i = 0; i < v.length; i++) {
      v[i] = pseudoWord(r);
    }
    return v;
  }

  /** The text with one sentence dropped and one word changed. */
  private static String edited(Random r, String text) {
    String[] sentences = text.split("(?<=\\.) ");
    StringBuilder sb = new StringBuilder();
    int drop = 1 + r.nextInt(Math.max(1, sentences.length - 1));
    for (int i = 0; i < sentences.length; i++) {
      if (i == drop && sentences.length > 2) {
        continue;
      }
      if (sb.length() > 0 && !sb.toString().endsWith("\n")) {
        sb.append(' ');
      }
      sb.append(sentences[i]);
    }
    return sb.toString().replaceFirst(" would ", " will ").replace("\n\n ", "\n\n");
  }
}
