package io.wiretrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.extract.HtmlExtractor;
import io.wiretrace.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Publication dates on htmldate's evaluation set (1,000 pages, gold day), scored as its FORMAT.md
 * describes: the right day is a TP, a wrong day an FP only, no date an FN; undated gold pages make
 * any answer an FP and no answer an FN (upstream's NaN behaviour), so TN is always 0.
 */
final class DatesEval implements EvalTask {
  private static final String DIR = "extraction/htmldate-eval";

  record Page(String url, String file, String gold, byte[] html) {}

  static List<Page> load(Path data) throws IOException {
    Path dir = data.resolve(DIR);
    Path gold = dir.resolve("gold.json");
    EvalTask.require(gold, "htmldate evaluation set");
    JsonNode root = new ObjectMapper().readTree(gold.toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String file = e.getValue().get("file").asText();
      byte[] html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(file + ".gz")))) {
        html = in.readAllBytes();
      }
      JsonNode d = e.getValue().get("date");
      pages.add(new Page(e.getKey(), file, d == null || d.isNull() ? null : d.asText(), html));
    }
    return pages;
  }

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    List<Page> pages = load(data);
    HtmlExtractor x = new HtmlExtractor();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long t0 = System.nanoTime();
    for (Page p : pages) {
      String found;
      try {
        String published = x.extract(Sources.decodeHtml(p.html()), p.url()).published();
        found = published == null ? null : published.substring(0, 10);
      } catch (RuntimeException | StackOverflowError e) {
        found = null;
      }
      if (found == null) {
        fn++;
      } else if (found.equals(p.gold())) {
        tp++;
      } else {
        fp++;
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Table t = new Table("Publication dates, htmldate evaluation set (" + pages.size() + " pages)",
        List.of("system", "precision", "recall", "accuracy", "F1", "TP/FP/FN", "seconds (1 thread)"));
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double accuracy = (double) tp / pages.size();
    double f1 = 2.0 * tp / (2 * tp + fp + fn);
    t.row("wiretrace (full extraction)", precision, recall, accuracy, f1, tp + "/" + fp + "/" + fn, String.format(Locale.ROOT, "%.1f", secs));
    t.row("htmldate 1.10.0 extensive (published)", 0.908, 0.993, 0.903, 0.949, "-", "-");
    t.row("htmldate 1.10.0 fast (published)", 0.924, 0.927, 0.861, 0.925, "-", "-");
    t.row("newspaper4k 0.9.5 (published)", 0.912, 0.728, 0.680, 0.810, "-", "-");
    t.row("goose3 3.1.21 (published)", 0.930, 0.568, 0.545, 0.706, "-", "-");
    t.note("Published rows: htmldate docs/evaluation.rst (2026-06-01, Python 3.13), same 1,000 pages and labels.");
    t.note("wiretrace's published date keeps the page's own offset, so its day is the day the page printed.");
    List<String[]> forPipeline = new java.util.ArrayList<>();
    for (Page p : pages) {
      forPipeline.add(new String[] {p.file(), Sources.decodeHtml(p.html()), p.url()});
    }
    t.note(Peers.productPathAgreement(forPipeline));
    return t;
  }
}
