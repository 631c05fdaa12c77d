package io.wiretrace.eval;

import io.wiretrace.eval.NerCorpora.Mention;
import io.wiretrace.eval.NerCorpora.Sentence;
import io.wiretrace.model.Entity;
import io.wiretrace.nlp.EntityRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Named entities (person, organization, location) scored CoNLL-style: a mention is right when its
 * extent and type both equal the gold one. Documents are rebuilt from the gold tokens (one space
 * between tokens, one line per sentence) and run through the whole recognizer, coreference
 * recovery included. MEANTIME's gm and stock corpora are held out from training (its airbus and
 * apple corpora train the model); WorldWide newswire is EVAL-only and never trained on.
 */
final class EntityEval implements EvalTask {
  record Doc(String text, Set<String> gold) {}

  static Doc doc(List<Sentence> sentences) {
    StringBuilder text = new StringBuilder();
    Set<String> gold = new HashSet<>();
    for (Sentence s : sentences) {
      int[] starts = new int[s.tokens().size()];
      int[] ends = new int[s.tokens().size()];
      for (int i = 0; i < s.tokens().size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        starts[i] = text.length();
        text.append(s.tokens().get(i));
        ends[i] = text.length();
      }
      for (Mention m : s.mentions()) {
        gold.add(key(m.type().toUpperCase(Locale.ROOT), starts[m.start()], ends[m.end() - 1]));
      }
      text.append('\n');
    }
    return new Doc(text.toString(), gold);
  }

  private static String key(String type, int start, int end) {
    String t = type.startsWith("ORG") ? "ORGANIZATION" : type.startsWith("LOC") ? "LOCATION" : "PERSON";
    return t + ":" + start + ":" + end;
  }

  /** {tp, fp, fn} per type (PERSON, ORGANIZATION, LOCATION) and overall, plus chars and seconds. */
  static double[][] score(List<Doc> docs, EntityRecognizer ner, boolean coref) {
    String[] types = {"PERSON", "ORGANIZATION", "LOCATION"};
    double[][] c = new double[5][3];
    long t0 = System.nanoTime();
    for (Doc d : docs) {
      Set<String> ours = new HashSet<>();
      if (coref) {
        for (Entity e : ner.recognize(d.text())) {
          for (Entity.Mention m : e.mentions()) {
            ours.add(key(e.type(), m.span().start(), m.span().end()));
          }
        }
      } else {
        for (EntityRecognizer.RawMention m : ner.mentions(d.text())) {
          ours.add(key(m.type(), m.start(), m.end()));
        }
      }
      for (int t = 0; t < 3; t++) {
        String prefix = types[t] + ":";
        for (String k : ours) {
          if (k.startsWith(prefix)) {
            c[t][d.gold().contains(k) ? 0 : 1]++;
          }
        }
        for (String k : d.gold()) {
          if (k.startsWith(prefix) && !ours.contains(k)) {
            c[t][2]++;
          }
        }
      }
      c[4][0] += d.text().length();
    }
    for (int t = 0; t < 3; t++) {
      for (int j = 0; j < 3; j++) {
        c[3][j] += c[t][j];
      }
    }
    c[4][1] = (System.nanoTime() - t0) / 1e9;
    return c;
  }

  private static double f1(double[] c) {
    return c[0] == 0 ? 0 : 2 * c[0] / (2 * c[0] + c[1] + c[2]);
  }

  @Override
  public Table run(Path data, PrintWriter log) throws IOException {
    Path e = EvalTask.require(data.resolve("enrich"), "enrichment data");
    EntityRecognizer ner = EntityRecognizer.load();
    List<Doc> meantime = new ArrayList<>();
    Path mt = e.resolve("meantime-en/intra_cross-doc_annotation");
    for (String corpus : List.of("corpus_gm", "corpus_stock")) {
      try (Stream<Path> s = java.nio.file.Files.list(mt.resolve(corpus))) {
        for (Path f : s.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
          meantime.add(doc(NerCorpora.meantimeDoc(f)));
        }
      }
    }
    List<Doc> worldwide = new ArrayList<>();
    for (List<Sentence> d : NerCorpora.worldwide(e.resolve("worldwide-newswire/processed_annotated"))) {
      worldwide.add(doc(d));
    }
    score(meantime, ner, true); // warm-up
    Table t = new Table("Named entities (person / organization / location), exact extent and type",
        List.of("system", "set", "gold mentions", "precision", "recall", "F1", "PER F1", "ORG F1", "LOC F1", "tokens/s"));
    for (boolean coref : new boolean[] {true, false}) {
      String name = coref ? "wiretrace (name finder + coreference)" : "wiretrace (name finder only)";
      row(t, name, "MEANTIME gm+stock (60 news docs, held out)", score(meantime, ner, coref));
      row(t, name, "WorldWide newswire (1,075 docs, EVAL only)", score(worldwide, ner, coref));
    }
    t.note("Model: OpenNLP maxent name finder trained by `wiretrace train ner` on SHIP-OK sets only (wikigold, BTC, "
        + "WNUT-17, GUM news/interview/academic/court, MEANTIME airbus+apple, re3d open sources); see NOTICE.");
    t.note("Published reference: CoNLL/OntoNotes-trained models lose more than 10 F1 on WorldWide (Shan et al. 2023, "
        + "arXiv 2404.13465); no published MEANTIME NER score was retrievable offline.");
    return t;
  }

  private static void row(Table t, String system, String set, double[][] c) {
    double[] all = c[3];
    double p = all[0] + all[1] == 0 ? 0 : all[0] / (all[0] + all[1]);
    double r = all[0] + all[2] == 0 ? 0 : all[0] / (all[0] + all[2]);
    double tokens = c[4][0] / 6.0; // about six characters per token with its space
    t.row(system, set, (long) (all[0] + all[2]), p, r, f1(all), f1(c[0]), f1(c[1]), f1(c[2]),
        String.format(Locale.ROOT, "%,.0f", tokens / Math.max(1e-9, c[4][1])));
  }
}
