package io.wiretrace.reuse;

import io.wiretrace.embed.SentenceEmbedder;
import io.wiretrace.model.Article;
import io.wiretrace.model.Evidence;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Span;
import io.wiretrace.model.Story;
import io.wiretrace.text.Sentences;
import io.wiretrace.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Copies that share meaning but few words: paraphrases and round-trip translations, which the
 * lexical {@link CopyDetector} cannot see. Candidates are pairs of articles in the same story that
 * have no lexical relation (so embeddings are computed only where lexical evidence cannot decide);
 * the later article is a {@code paraphrased} copy of the earlier when at least
 * {@link #MIN_COVERAGE} of its text lies in sentences whose best match in the earlier article has
 * a cosine of at least {@link #SENTENCE_MATCH}, over at least {@link #MIN_SENTENCES} sentences, and
 * the matches keep the original's order ({@link #MIN_ORDER}): independent reports of one event
 * share facts, sometimes whole sentences' worth, but not the sequence of a whole article. Pairs whose
 * content words overlap less than {@link #MIN_JACCARD} are not embedded at all.
 *
 * <p>The thresholds were set on MSRP's training split (sentence level) and on document pairs built
 * from it; {@code wiretrace eval paraphrase} prints the measurements. Deterministic: pairs are
 * visited in a fixed order and ties are broken by article id.
 */
public final class ParaphraseDetector {
  /** Cosine at which two sentences say the same thing. */
  public static final double SENTENCE_MATCH = 0.80;
  /** Share of the copy's characters inside matched sentences. */
  public static final double MIN_COVERAGE = 0.6;
  /** Matched sentences needed. */
  public static final int MIN_SENTENCES = 3;
  /** Share of consecutive matches that move forward in the original. */
  public static final double MIN_ORDER = 0.7;
  /**
   * Content-word Jaccard a pair needs before any sentence is embedded: a rewrite keeps names, numbers
   * and most content words (MSRP-built paraphrased documents: median 0.59, 10th percentile 0.52),
   * independent reports of one event much fewer (ECB+ same-event pairs: median 0.15, 90th percentile 0.27).
   */
  public static final double MIN_JACCARD = 0.25;


  private final SentenceEmbedder embedder;

  public ParaphraseDetector(SentenceEmbedder embedder) {
    this.embedder = embedder;
  }

  /** A sentence: its span and vector. */
  record Sent(int start, int end, float[] vector) {}

  /** The sentences of {@code text} with at least five words. */
  List<Sent> sentences(String text) {
    List<Sent> out = new ArrayList<>();
    Matcher m = Sentences.CANDIDATE.matcher(text);
    while (m.find()) {
      int s = m.start();
      while (s < m.end() && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      String sentence = text.substring(s, m.end()).strip();
      if (sentence.split("\\s+").length >= 5) {
        out.add(new Sent(s, s + sentence.length(), embedder.embed(sentence)));
      }
    }
    return out;
  }

  /** The alignment of a candidate copy's sentences onto an original's. */
  public record Match(double coverage, double meanCosine, int matched, int sentences, double order, List<Evidence> evidence,
      double jaccard) {}

  /** Aligns {@code copy} onto {@code original} sentence by sentence. */
  public Match match(String copy, String original) {
    return match(copy, original, SENTENCE_MATCH);
  }

  /** The same with another sentence threshold (for the evaluation's sweep). */
  public Match match(String copy, String original, double sentenceMatch) {
    double jaccard = contentJaccard(copy, original);
    if (jaccard < MIN_JACCARD) {
      return new Match(0, 0, 0, 0, 1, List.of(), jaccard); // not embedded at all
    }
    return match(sentences(copy), sentences(original), sentenceMatch, jaccard);
  }

  private static Match match(List<Sent> copy, List<Sent> original, double sentenceMatch, double jaccard) {
    int chars = 0;
    int matchedChars = 0;
    double cosSum = 0;
    int matched = 0;
    int forward = 0;
    int steps = 0;
    int last = -1;
    List<Evidence> evidence = new ArrayList<>();
    for (Sent c : copy) {
      chars += c.end() - c.start();
      int best = -1;
      double bestCos = -1;
      for (int j = 0; j < original.size(); j++) {
        double cos = SentenceEmbedder.cosine(c.vector(), original.get(j).vector());
        if (cos > bestCos) {
          bestCos = cos;
          best = j;
        }
      }
      if (best >= 0 && bestCos >= sentenceMatch) {
        matched++;
        matchedChars += c.end() - c.start();
        cosSum += bestCos;
        Sent o = original.get(best);
        evidence.add(new Evidence(new Span(c.start(), c.end()), new Span(o.start(), o.end())));
        if (last >= 0) {
          steps++;
          if (best > last) {
            forward++;
          }
        }
        last = best;
      }
    }
    return new Match(chars == 0 ? 0 : (double) matchedChars / chars, matched == 0 ? 0 : cosSum / matched, matched,
        copy.size(), steps == 0 ? 1.0 : (double) forward / steps, evidence, jaccard);
  }

  /** True when the match makes a paraphrased copy. */
  public static boolean isCopy(Match m) {
    return isCopy(m, MIN_COVERAGE);
  }

  /** The same with another coverage threshold (for the evaluation's sweep). */
  public static boolean isCopy(Match m, double minCoverage) {
    return m.jaccard() >= MIN_JACCARD && m.matched() >= MIN_SENTENCES && m.coverage() >= minCoverage && m.order() >= MIN_ORDER;
  }

  /**
   * Paraphrase relations among the members of each story, for pairs with no lexical relation and
   * copies not already explained by one; sorted like {@link CopyDetector}'s.
   */
  public List<Relation> detect(Map<String, Article> articles, List<Story> stories, List<Relation> lexical) {
    Set<String> linked = new HashSet<>();
    Set<String> isCopy = new HashSet<>();
    for (Relation r : lexical) {
      linked.add(r.copy() + "\u0000" + r.original());
      linked.add(r.original() + "\u0000" + r.copy());
      isCopy.add(r.copy());
    }
    List<Relation> out = new ArrayList<>();
    for (Story s : stories) {
      if (s.articles().size() < 2) {
        continue;
      }
      List<Article> members = new ArrayList<>(s.articles().stream().map(articles::get).toList());
      members.sort(Comparator.comparing((Article a) -> a.published() == null ? "\uffff" : a.published()).thenComparing(Article::id));
      Map<String, List<Sent>> sentences = new TreeMap<>();
      Map<String, Set<String>> terms = new HashMap<>(); // each member's term set, once, not once per pair
      for (int i = 1; i < members.size(); i++) {
        Article copy = members.get(i);
        if (isCopy.contains(copy.id()) || !english(copy)) {
          continue; // the model is English: other languages get no embedding judgement rather than a wrong one
        }
        Relation best = null;
        for (int j = 0; j < i; j++) {
          Article original = members.get(j);
          if (isCopy.contains(original.id()) || !english(original) || linked.contains(copy.id() + "\u0000" + original.id())) {
            // a lexical copy is never named as an original: lineage goes to the root
            continue;
          }
          double jaccard = Terms.jaccard(terms.computeIfAbsent(copy.id(), k -> terms(copy.text())),
              terms.computeIfAbsent(original.id(), k -> terms(original.text())));
          if (jaccard < MIN_JACCARD) {
            continue; // lexically too far apart to be a rewrite: no embedding spent
          }
          List<Sent> cs = sentences.computeIfAbsent(copy.id(), k -> sentences(copy.text()));
          List<Sent> os = sentences.computeIfAbsent(original.id(), k -> sentences(original.text()));
          Match m = match(cs, os, SENTENCE_MATCH, jaccard);
          if (!isCopy(m)) {
            continue;
          }
          boolean dated = copy.published() != null && original.published() != null
              && !copy.published().equals(original.published());
          Relation r = new Relation(copy.id(), original.id(), "paraphrased", round(m.meanCosine()), round(m.coverage()),
              m.evidence(), dated ? "published" : "id", Map.of(
                  "mean_cosine", round(m.meanCosine()),
                  "matched_sentences", (double) m.matched(),
                  "copy_sentences", (double) m.sentences(),
                  "order", round(m.order()),
                  "content_jaccard", round(m.jaccard())));
          if (best == null || r.coverage() > best.coverage()) {
            best = r;
          }
        }
        if (best != null) {
          out.add(best);
        }
      }
    }
    out.sort(Comparator.comparing(Relation::copy).thenComparing(Relation::original));
    return out;
  }

  /** Jaccard similarity of the two texts' sets of index terms (stemmed content words). */
  public static double contentJaccard(String a, String b) {
    return Terms.jaccard(terms(a), terms(b));
  }

  private static Set<String> terms(String text) {
    return new HashSet<>(Terms.of(text));
  }

  private static boolean english(Article a) {
    return a.language() == null || a.language().equals("en");
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ParaphraseDetector[sentence>=%.2f, coverage>=%.2f, sentences>=%d, order>=%.2f]",
        SENTENCE_MATCH, MIN_COVERAGE, MIN_SENTENCES, MIN_ORDER);
  }
}
