package io.wiretrace.eval;

import io.wiretrace.model.Entity;
import io.wiretrace.model.Quote;
import io.wiretrace.nlp.EntityRecognizer;
import io.wiretrace.nlp.QuoteExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Direct-quote attribution on PolNeAR (news, 2016; EVAL-only licence): gold attributions whose
 * Content contains a quotation mark and that name a Source. A gold quote is found when one of our
 * quotes overlaps its Content; its speaker is right when our speaker mention overlaps the gold
 * Source span (both are the mention in the attribution, pronouns included). The first annotator's
 * file is used for articles annotated twice.
 */
final class QuoteEval implements EvalTask {
  private static final String DIR = "enrich/polnear/data";

  record Span(int start, int end) {
    boolean overlaps(int s, int e) {
      return start < e && s < end;
    }
  }

  record Attribution(Span content, Span source, String contentText) {}

  record Doc(String id, String text, List<Attribution> gold) {}

  static List<Doc> load(Path split) throws IOException {
    Map<String, Path> firstAnn = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(split.resolve("attributions"))) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        String article = name.substring(0, name.lastIndexOf('_'));
        firstAnn.putIfAbsent(article, p);
      }
    }
    List<Doc> docs = new ArrayList<>();
    for (Map.Entry<String, Path> e : firstAnn.entrySet()) {
      Path txt = split.resolve("text").resolve(e.getKey() + ".txt");
      if (!Files.exists(txt)) {
        continue;
      }
      String text = Files.readString(txt, StandardCharsets.UTF_8);
      Map<String, Span> spans = new HashMap<>();
      List<Attribution> gold = new ArrayList<>();
      List<String> lines = Files.readAllLines(e.getValue(), StandardCharsets.UTF_8);
      for (String line : lines) {
        String[] f = line.split("\t");
        if (f.length >= 2 && f[0].startsWith("T")) {
          String[] a = f[1].split(" ");
          // discontinuous spans "start end;start end": take the outer extent
          String[] parts = f[1].substring(a[0].length() + 1).split(";");
          int start = Integer.MAX_VALUE;
          int end = 0;
          for (String part : parts) {
            String[] se = part.split(" ");
            start = Math.min(start, Integer.parseInt(se[0]));
            end = Math.max(end, Integer.parseInt(se[1]));
          }
          spans.put(f[0], new Span(start, end));
        }
      }
      for (String line : lines) {
        String[] f = line.split("\t");
        if (f.length < 2 || !f[0].startsWith("E")) {
          continue;
        }
        Span content = null;
        Span source = null;
        for (String arg : f[1].split(" ")) {
          String[] kv = arg.split(":");
          if (kv.length != 2) {
            continue;
          }
          String role = kv[0].replaceAll("\\d+$", "");
          if (role.equals("Content")) {
            content = spans.get(kv[1]);
          } else if (role.equals("Source")) {
            source = spans.get(kv[1]);
          }
        }
        if (content != null && content.end() <= text.length()) {
          gold.add(new Attribution(content, source, text.substring(content.start(), content.end())));
        }
      }
      docs.add(new Doc(e.getKey(), text, gold));
    }
    return docs;
  }

  static boolean direct(Attribution a) {
    String t = a.contentText();
    return t.indexOf('“') >= 0 || t.indexOf('”') >= 0 || t.indexOf('"') >= 0;
  }

  record Score(int gold, int found, int speakerRight, int entityRight, int ours, int oursInGold, int oursAttributed, double seconds,
      long chars) {}

  static Score score(List<Doc> docs, EntityRecognizer ner, QuoteExtractor quotes, PrintWriter errors) {
    int gold = 0;
    int found = 0;
    int right = 0;
    int entityRight = 0;
    int ours = 0;
    int oursInGold = 0;
    int attributed = 0;
    long chars = 0;
    long t0 = System.nanoTime();
    for (Doc d : docs) {
      List<Entity> entities = ner == null ? List.of() : ner.recognize(d.text());
      List<Quote> qs = quotes.extract(d.text(), entities);
      chars += d.text().length();
      for (Quote q : qs) {
        if (q.text().strip().split("\\s+").length < 4) {
          continue; // scare quotes and titles are not what this measures
        }
        ours++;
        if (q.speaker() != null) {
          attributed++;
        }
        for (Attribution a : d.gold()) {
          if (a.content().overlaps(q.span().start(), q.span().end())) {
            oursInGold++;
            break;
          }
        }
      }
      for (Attribution a : d.gold()) {
        if (!direct(a) || a.source() == null) {
          continue;
        }
        gold++;
        Quote match = null;
        for (Quote q : qs) {
          if (a.content().overlaps(q.span().start(), q.span().end())) {
            match = q;
            break;
          }
        }
        String goldSource = d.text().substring(a.source().start(), a.source().end());
        if (match == null) {
          if (errors != null) {
            errors.printf("MISS    %s  %s%n", d.id(), clip(a.contentText()));
          }
          continue;
        }
        found++;
        boolean mention = match.speakerSpan() != null && a.source().overlaps(match.speakerSpan().start(), match.speakerSpan().end());
        boolean entity = mention;
        if (!entity && match.speakerEntity() != null) {
          for (Entity e : entities) {
            if (e.id().equals(match.speakerEntity())) {
              for (Entity.Mention m : e.mentions()) {
                entity |= a.source().overlaps(m.span().start(), m.span().end());
              }
            }
          }
        }
        if (entity) {
          entityRight++;
        }
        if (mention) {
          right++;
        } else if (errors != null) {
          int from = Math.max(0, Math.min(a.source().start(), match.span().start()) - 60);
          int to = Math.min(d.text().length(), Math.max(a.source().end(), match.span().end()) + 40);
          errors.printf("SPEAKER %s  gold=\"%s\" ours=\"%s\" (%s)  %s%n        | %s%n", d.id(), goldSource, match.speaker(),
              match.cue(), clip(match.text()), d.text().substring(from, to).replace('\n', '/'));
        }
      }
    }
    return new Score(gold, found, right, entityRight, ours, oursInGold, attributed, (System.nanoTime() - t0) / 1e9, chars);
  }

  private static String clip(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 90 ? t.substring(0, 90) + "…" : t;
  }

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    Path root = EvalTask.require(data.resolve(DIR), "PolNeAR");
    EntityRecognizer ner = EntityRecognizer.load();
    QuoteExtractor quotes = new QuoteExtractor();
    List<Doc> dev = load(root.resolve("dev"));
    List<Doc> test = load(root.resolve("test"));
    Path errors = Path.of("eval-quotes-dev-errors.txt");
    Score d;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8))) {
      d = score(dev, ner, quotes, w);
    }
    Score t = score(test, ner, quotes, null);
    Table table = new Table("Direct-quote attribution, PolNeAR (quotes whose Content has quotation marks and a Source)",
        List.of("system", "split", "gold quotes", "found", "speaker accuracy (of found)", "speaker right (of gold)",
            "same entity (of found)",
            "our quotes in any gold Content", "ours attributed", "articles/s (with NER)"));
    row(table, "test (" + test.size() + " articles)", t, test.size());
    row(table, "dev (" + dev.size() + " articles)", d, dev.size());
    table.row("PolNeAR annotators (published)", "-", "-", "-", "attribution agreement 0.923", "-", "-", "-", "-", "-");
    table.note("The cue patterns were developed on dev (errors: " + errors.toAbsolutePath() + "); test was scored, not tuned on.");
    table.note("Speaker right = our speaker mention overlaps the gold Source span; pronoun sources count as the pronoun, "
        + "as PolNeAR annotates them. Same entity also counts a speaker whose resolved entity has a mention on the gold "
        + "Source (\"Warren\" for a gold \"she\" that our coreference ties to Warren is not counted: gold has no entity ids). "
        + "'Our quotes' counts quotes of 4+ words.");
    table.note("No published quote-attribution system score on PolNeAR was retrievable offline (CofeNet's are in its paper).");
    return table;
  }

  private static void row(Table table, String split, Score s, int docs) {
    table.row("wiretrace", split, s.gold(), s.found(), s.found() == 0 ? 0.0 : (double) s.speakerRight() / s.found(),
        s.gold() == 0 ? 0.0 : (double) s.speakerRight() / s.gold(),
        s.found() == 0 ? 0.0 : (double) s.entityRight() / s.found(),
        String.format(Locale.ROOT, "%d/%d = %.3f", s.oursInGold(), s.ours(), s.ours() == 0 ? 0.0 : (double) s.oursInGold() / s.ours()),
        String.format(Locale.ROOT, "%.3f", s.ours() == 0 ? 0.0 : (double) s.oursAttributed() / s.ours()),
        String.format(Locale.ROOT, "%.0f", docs / Math.max(1e-9, s.seconds())));
  }
}
