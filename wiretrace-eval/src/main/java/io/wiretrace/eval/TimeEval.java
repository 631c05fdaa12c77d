package io.wiretrace.eval;

import io.wiretrace.model.Timex;
import io.wiretrace.nlp.TimeTagger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Temporal expressions on TempEval-3 (TimeML): the platinum test set (20 news documents) and, as
 * the development set the rules were written against, TBAQ TimeBank and AQUAINT.
 *
 * <p>Scored as the TE3 toolkit does for Task A: a system timex matches a gold one when their
 * extents overlap (relaxed) or coincide (strict); value F1 counts a match as correct only when the
 * normalized value is identical, over all system and all gold timexes. Timexes inside the document
 * creation time element (DCT) are not counted: the tagger is given that date as its reference.
 */
final class TimeEval implements EvalTask {
  private static final String DIR = "enrich/tempeval3";

  record Gold(int start, int end, String type, String value) {}

  record Doc(String id, LocalDate dct, String text, List<Gold> timexes) {}

  /** Parses one TimeML file into its text (inside TEXT) and gold timexes with offsets into it. */
  static Doc parse(Path file) throws IOException {
    Document d = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
    Element dct = d.selectFirst("DCT > TIMEX3");
    Element body = d.selectFirst("TEXT");
    if (dct == null || body == null) {
      throw new IOException(file + ": no DCT or TEXT element");
    }
    StringBuilder text = new StringBuilder();
    List<Gold> gold = new ArrayList<>();
    collect(body, text, gold);
    String v = dct.attr("value");
    return new Doc(file.getFileName().toString(), LocalDate.parse(v.substring(0, 10)), text.toString(), gold);
  }

  private static void collect(Node node, StringBuilder text, List<Gold> gold) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        text.append(t.getWholeText());
      } else if (child instanceof Element e) {
        int start = text.length();
        collect(e, text, gold);
        if (e.tagName().equals("TIMEX3")) {
          gold.add(new Gold(start, text.length(), e.attr("type"), e.attr("value")));
        }
      }
    }
  }

  static List<Doc> load(Path dir) throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".tml")).sorted().toList()) {
        docs.add(parse(p));
      }
    }
    return docs;
  }

  /** Counts for one document set. */
  record Score(int gold, int system, int relaxed, int strict, int value, int type, double seconds, long chars) {
    double f1(int correct) {
      double p = system == 0 ? 0 : (double) correct / system;
      double r = gold == 0 ? 0 : (double) correct / gold;
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double precision(int correct) {
      return system == 0 ? 0 : (double) correct / system;
    }

    double recall(int correct) {
      return gold == 0 ? 0 : (double) correct / gold;
    }
  }

  static Score score(List<Doc> docs, TimeTagger tagger, PrintWriter errors) {
    int gold = 0;
    int system = 0;
    int relaxed = 0;
    int strict = 0;
    int value = 0;
    int type = 0;
    long chars = 0;
    long t0 = System.nanoTime();
    for (Doc d : docs) {
      List<Timex> found = tagger.tag(d.text(), d.dct());
      chars += d.text().length();
      gold += d.timexes().size();
      system += found.size();
      boolean[] used = new boolean[found.size()];
      for (Gold g : d.timexes()) {
        int best = -1;
        for (int i = 0; i < found.size(); i++) {
          Timex t = found.get(i);
          if (!used[i] && t.span().start() < g.end() && g.start() < t.span().end()) {
            best = i;
            break;
          }
        }
        String surface = d.text().substring(g.start(), g.end()).replace('\n', ' ');
        if (best < 0) {
          if (errors != null) {
            errors.printf("MISS  %s  \"%s\" gold=%s%n", d.id(), surface, g.value());
          }
          continue;
        }
        used[best] = true;
        Timex t = found.get(best);
        relaxed++;
        if (t.span().start() == g.start() && t.span().end() == g.end()) {
          strict++;
        }
        if (t.value().equals(g.value())) {
          value++;
        } else if (errors != null) {
          errors.printf("VALUE %s  \"%s\" -> \"%s\" gold=%s ours=%s%n", d.id(), surface, t.text(), g.value(), t.value());
        }
        if (t.type().equals(g.type())) {
          type++;
        }
      }
      if (errors != null) {
        for (int i = 0; i < found.size(); i++) {
          if (!used[i]) {
            errors.printf("EXTRA %s  \"%s\" ours=%s%n", d.id(), found.get(i).text(), found.get(i).value());
          }
        }
      }
    }
    return new Score(gold, system, relaxed, strict, value, type, (System.nanoTime() - t0) / 1e9, chars);
  }

  /** A GUM date: the span and the calendar interval it denotes ({@code when}, or {@code from}..{@code to}). */
  record GumDate(int start, int end, LocalDate from, LocalDate to) {}

  record GumDoc(String id, String genre, LocalDate reference, String text, List<GumDate> dates) {}

  /**
   * GUM's TT-XML: one token per line (first column), {@code <s>} sentences (one per line here),
   * {@code <date when|from|to>} spans. The reference date is the dateline (the document's first date
   * when it names a day), else the document's dateCreated.
   */
  static List<GumDoc> loadGum(Path dir) throws IOException {
    List<GumDoc> docs = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> st = Files.list(dir)) {
      files = st.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
    for (Path f : files) {
      Document d = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "", Parser.xmlParser());
      Element root = d.selectFirst("text");
      if (root == null) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      List<GumDate> dates = new ArrayList<>();
      gum(root, text, dates);
      String id = root.attr("id");
      String genre = id.split("_").length > 1 ? id.split("_")[1] : "";
      LocalDate ref = null;
      String created = root.attr("dateCreated");
      if (!dates.isEmpty() && dates.get(0).from().equals(dates.get(0).to()) && dates.get(0).start() < 300) {
        ref = dates.get(0).from();
      } else if (created.length() >= 10) {
        ref = LocalDate.parse(created.substring(0, 10));
      }
      docs.add(new GumDoc(id, genre, ref, text.toString(), dates));
    }
    return docs;
  }

  private static void gum(Element e, StringBuilder text, List<GumDate> dates) {
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        for (String line : t.getWholeText().split("\n")) {
          if (line.isBlank()) {
            continue;
          }
          String token = line.split("\t")[0];
          boolean glue = token.matches("[.,;:!?%)\\]}]|'s|n't|'") || text.length() > 0 && "([{$".indexOf(text.charAt(text.length() - 1)) >= 0;
          if (text.length() > 0 && text.charAt(text.length() - 1) != '\n' && !glue) {
            text.append(' ');
          }
          text.append(token);
        }
      } else if (child instanceof Element c) {
        int start = text.length();
        gum(c, text, dates);
        if (c.tagName().equals("s") && text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
          text.append('\n');
        }
        if (c.tagName().equals("date")) {
          int s = start;
          while (s < text.length() && Character.isWhitespace(text.charAt(s))) {
            s++;
          }
          int[] interval = null;
          LocalDate[] iv = c.hasAttr("when") ? interval(c.attr("when"))
              : c.hasAttr("from") && c.hasAttr("to") ? new LocalDate[] {interval(c.attr("from"))[0], interval(c.attr("to"))[1]} : null;
          if (iv != null && iv[0] != null && iv[1] != null) {
            int end = text.length();
            while (end > s && Character.isWhitespace(text.charAt(end - 1))) {
              end--;
            }
            dates.add(new GumDate(s, end, iv[0], iv[1]));
          }
        }
      }
    }
  }

  /** The calendar interval of a TIMEX3 / ISO value: a day, an ISO week, a weekend, a month, a year, a decade, a century; nulls if none. */
  static LocalDate[] interval(String v) {
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        LocalDate d = LocalDate.parse(v.substring(0, 10));
        return new LocalDate[] {d, d};
      }
      if (v.matches("\\d{4}-W\\d{2}(-WE)?")) {
        LocalDate monday = LocalDate.of(Integer.parseInt(v.substring(0, 4)), 1, 4)
            .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(v.substring(6, 8)))
            .with(java.time.DayOfWeek.MONDAY);
        return v.endsWith("-WE") ? new LocalDate[] {monday.plusDays(5), monday.plusDays(6)} : new LocalDate[] {monday, monday.plusDays(6)};
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        LocalDate first = LocalDate.parse(v + "-01");
        return new LocalDate[] {first, first.plusMonths(1).minusDays(1)};
      }
      if (v.matches("\\d{4}")) {
        int y = Integer.parseInt(v);
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
      }
      if (v.matches("\\d{3}")) { // a decade: "199" is the 1990s
        int y = Integer.parseInt(v) * 10;
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y + 9, 12, 31)};
      }
      if (v.matches("\\d{2}")) { // a century: "16" is the 1600s (the 17th century)
        int y = Integer.parseInt(v) * 100;
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y + 99, 12, 31)};
      }
    } catch (RuntimeException e) {
      return new LocalDate[] {null, null};
    }
    return new LocalDate[] {null, null};
  }

  /** {found, right, gold} over GUM dates of the given genres (all when null). */
  static int[] scoreGum(List<GumDoc> docs, TimeTagger tagger, java.util.Set<String> genres) {
    int gold = 0;
    int found = 0;
    int right = 0;
    for (GumDoc d : docs) {
      if (genres != null && !genres.contains(d.genre())) {
        continue;
      }
      List<Timex> ours = tagger.tag(d.text(), d.reference());
      for (int i = 0; i < d.dates().size(); i++) {
        GumDate g = d.dates().get(i);
        if (i == 0 && d.reference() != null && g.from().equals(d.reference()) && g.start() < 300) {
          continue; // the dateline is the reference itself
        }
        gold++;
        for (Timex t : ours) {
          if (t.span().start() < g.end() && g.start() < t.span().end()) {
            found++;
            LocalDate[] iv = interval(t.value());
            if (g.from().equals(iv[0]) && g.to().equals(iv[1])) {
              right++;
            }
            break;
          }
        }
      }
    }
    return new int[] {found, right, gold};
  }

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    Path root = EvalTask.require(data.resolve(DIR), "TempEval-3 data");
    TimeTagger tagger = new TimeTagger();
    List<Doc> platinum = load(root.resolve("te3-platinum"));
    List<Doc> timebank = load(root.resolve("TBAQ-cleaned/TimeBank"));
    List<Doc> aquaint = load(root.resolve("TBAQ-cleaned/AQUAINT"));
    score(timebank, tagger, null); // warm-up
    Path errors = Path.of("eval-time-dev-errors.txt");
    Score tb;
    Score aq;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8))) {
      tb = score(timebank, tagger, w);
      aq = score(aquaint, tagger, w);
    }
    Score test = score(platinum, tagger, null);
    Table t = new Table("Temporal expressions, TempEval-3 Task A (TIMEX3 extent and value)",
        List.of("system", "set", "timexes", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "type F1", "value F1",
            "chars/s"));
    row(t, "wiretrace", "platinum test (20 docs)", test);
    t.row("HeidelTime 1.8 (published)", "platinum test", 138, 0.8134, 0.9308, 0.8768, 0.9030, 0.8209, 0.7761, "-");
    t.row("CogComp-time (published)", "platinum test", 138, 0.7935, "-", "-", 0.834, 0.7449, 0.7045, "-");
    t.row("SUTime (published, from memory)", "platinum test", 138, "-", "-", "-", "~0.903", "-", "~0.674", "-");
    row(t, "wiretrace", "TBAQ TimeBank (dev)", tb);
    t.row("HeidelTime 1.8 (published)", "TBAQ TimeBank", "-", "-", "-", "-", "-", "-", 0.7924, "-");
    row(t, "wiretrace", "TBAQ AQUAINT (dev)", aq);
    t.row("HeidelTime 1.8 (published)", "TBAQ AQUAINT", "-", "-", "-", "-", "-", "-", 0.7295, "-");
    Path gumDir = data.resolve("enrich/gum/xml");
    if (Files.isDirectory(gumDir)) {
      List<GumDoc> gum = loadGum(gumDir);
      int[] news = scoreGum(gum, tagger, java.util.Set.of("news"));
      int[] all = scoreGum(gum, tagger, null);
      t.row("wiretrace", "GUM news dates vs dateline (" + news[2] + ")", news[2], "-", "-",
          String.format(Locale.ROOT, "found %.3f", (double) news[0] / Math.max(1, news[2])), "-", "-",
          String.format(Locale.ROOT, "acc %.3f", (double) news[1] / Math.max(1, news[2])), "-");
      t.row("wiretrace", "GUM all genres (" + all[2] + ")", all[2], "-", "-",
          String.format(Locale.ROOT, "found %.3f", (double) all[0] / Math.max(1, all[2])), "-", "-",
          String.format(Locale.ROOT, "acc %.3f", (double) all[1] / Math.max(1, all[2])), "-");
      t.note("GUM rows: <date> spans with when or from/to (calendar dates and intervals); right = a tagger timex overlaps "
          + "the span and denotes the same interval (day, ISO week, weekend, month, year, decade or century). Reference = the dateline.");
    }
    t.note("Matching as the TE3 toolkit: relaxed = extents overlap; value/type F1 = matched with the identical "
        + "attribute, over all system and gold timexes. The DCT element is the reference date and is not scored.");
    t.note("Rules were developed against TBAQ (dev); platinum was scored, not tuned on. Published rows: HeidelTime "
        + "EvaluationResults.md, CogComp temporal-normalizer README (see ../shared/data/enrich/REPORT.md).");
    t.note("Per-timex errors on the dev sets (the test set's are not printed, to keep it unseen): " + errors.toAbsolutePath());
    return t;
  }

  private static void row(Table t, String system, String set, Score s) {
    t.row(system, set, s.gold(), s.f1(s.strict()), s.precision(s.relaxed()), s.recall(s.relaxed()), s.f1(s.relaxed()),
        s.f1(s.type()), s.f1(s.value()), String.format(Locale.ROOT, "%,.0f", s.chars() / Math.max(1e-9, s.seconds())));
  }
}
