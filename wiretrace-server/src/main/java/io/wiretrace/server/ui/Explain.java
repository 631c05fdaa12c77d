package io.wiretrace.server.ui;

import io.wiretrace.model.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A copy relation's signals said in words, for the copy-vs-original page. */
final class Explain {
  private Explain() {}

  static List<String> relation(Relation r, PassageDiff.Counts counts, String originalPublished, String copyPublished) {
    Map<String, Double> sig = r.signals();
    List<String> out = new ArrayList<>();
    out.add(switch (r.kind()) {
      case "verbatim" -> "Verbatim: the copy repeats the original word for word over almost all of both texts.";
      case "near_duplicate" -> "Near duplicate: most of both texts align, with light edits.";
      case "spun" -> "Spun: the copy follows the original sentence by sentence but swaps content words for synonyms, "
          + "which light editing does not do.";
      case "translated" -> "Machine-translated: the copy follows the original, with function words (articles, prepositions, "
          + "pronouns) rendered anew and content words swapped, as a round trip through another language leaves them.";
      case "paraphrased" -> "Paraphrased: the copy says what the original says sentence by sentence in other words "
          + "(sentence embeddings match where the wording does not).";
      default -> "Partial: a part of the copy comes from the original; the rest is its own.";
    });
    out.add(String.format(Locale.ROOT, "The aligned passages cover %s of the copy%s.", pct(r.coverage()),
        sig.containsKey("coverage_original") ? " and " + pct(sig.get("coverage_original")) + " of the original" : ""));
    if (sig.containsKey("exact_share")) {
      out.add("Of the copy's aligned words, " + pct(sig.get("exact_share")) + " stand in runs identical to the original.");
    }
    if (sig.getOrDefault("synonym_substitutions", 0.0) > 0) {
      out.add(String.format(Locale.ROOT, "%d content words were replaced by a WordNet synonym (%s of the aligned content words)%s.",
          sig.get("synonym_substitutions").longValue(), pct(sig.getOrDefault("synonym_rate", 0.0)),
          r.kind().equals("spun") ? ": the mark of a synonym spinner" : ""));
    }
    if (sig.getOrDefault("function_word_edits", 0.0) > 0) {
      out.add(String.format(Locale.ROOT, "%d edits involve function words (%s per aligned word)%s.",
          sig.get("function_word_edits").longValue(), pct(sig.getOrDefault("function_word_rate", 0.0)),
          r.kind().equals("translated") ? ": typical of machine translation" : ""));
    }
    if (sig.containsKey("substitutions")) {
      out.add(String.format(Locale.ROOT, "Inside the passages: %d substituted, %d inserted and %d deleted words.",
          sig.get("substitutions").longValue(), sig.getOrDefault("insertions", 0.0).longValue(),
          sig.getOrDefault("deletions", 0.0).longValue()));
    }
    out.add(String.format(Locale.ROOT, "Marked below: %d synonym swaps, %d function-word edits, %d other changes, "
        + "%d additions and %d omissions; %d words unchanged.", counts.synonym(), counts.function(), counts.other(),
        counts.inserted(), counts.deleted(), counts.same()));
    out.add(switch (r.directionBasis()) {
      case "credit" -> "Which is the original: the copy credits the original's outlet (credit line or dateline).";
      case "published" -> "Which is the original: it was published first (" + CoveragePlot.delay(originalPublished, copyPublished)
          + " before the copy).";
      case "containment" -> "Which is the original: neither credits the other and the dates do not decide; "
          + "the copy is the text almost wholly contained in the other.";
      default -> "Which is the original: nothing in the texts decides it (no credit, same or missing dates); "
          + "the direction shown is a stable tie-break, not a finding.";
    });
    for (Map.Entry<String, Double> e : sig.entrySet()) {
      if (!List.of("coverage_original", "exact_share", "synonym_substitutions", "synonym_rate", "function_word_edits",
          "function_word_rate", "substitutions", "insertions", "deletions").contains(e.getKey())) {
        out.add(e.getKey().replace('_', ' ') + ": " + number(e.getValue()));
      }
    }
    return out;
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
