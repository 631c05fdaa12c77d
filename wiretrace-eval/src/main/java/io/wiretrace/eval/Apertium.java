package io.wiretrace.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Apertium (Debian's {@code apertium} with {@code apertium-eng-spa}, {@code apertium-eng-cat},
 * {@code apertium-en-gl}; {@code lt-print} from {@code lttoolbox-dev}) for the rewrite evaluation:
 * round trips English → pivot → English through the rule-based engine, and a pivot thesaurus read
 * off a bilingual dictionary (English words that share a translation), which is not WordNet. Runs
 * local programs only; nothing is contacted. Texts are sent in batches as HTML (one {@code div} per
 * text, one {@code p} per paragraph) so one engine start serves many texts.
 */
final class Apertium {
  /** Pivot languages: code → {there, back} mode names. */
  static final Map<String, String[]> PIVOTS = Map.of(
      "spa", new String[] {"eng-spa", "spa-eng"},
      "cat", new String[] {"eng-cat", "cat-eng"},
      "glg", new String[] {"en-gl", "gl-en"});

  private Apertium() {}

  /** Fails with a clear message when the engine or the pivot's data is missing. */
  static void require(String pivot) throws IOException {
    String[] modes = PIVOTS.get(pivot);
    if (modes == null) {
      throw new IllegalArgumentException("unknown pivot '" + pivot + "' (known: " + new TreeSet<>(PIVOTS.keySet()) + ")");
    }
    for (String m : modes) {
      if (!Files.exists(Path.of("/usr/share/apertium/modes/" + m + ".mode"))) {
        throw new IOException("Apertium mode " + m + " not installed: apt-get install apertium apertium-eng-spa apertium-eng-cat apertium-en-gl");
      }
    }
  }

  /** Round trips of {@code texts} through {@code pivot}, in order (paragraphs kept). */
  static List<String> roundTrip(List<String> texts, String pivot) throws IOException {
    require(pivot);
    String[] modes = PIVOTS.get(pivot);
    List<String> out = new ArrayList<>(texts.size());
    int batch = 50;
    for (int from = 0; from < texts.size(); from += batch) {
      List<String> part = texts.subList(from, Math.min(texts.size(), from + batch));
      StringBuilder html = new StringBuilder("<html><body>\n");
      for (int i = 0; i < part.size(); i++) {
        html.append("<div id=\"t").append(i).append("\">");
        for (String para : part.get(i).split("\n+")) {
          if (!para.isBlank()) {
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(para.strip())).append("</p>");
          }
        }
        html.append("</div>\n");
      }
      html.append("</body></html>\n");
      String there = run(List.of("apertium", "-f", "html", "-u", modes[0]), html.toString());
      String back = run(List.of("apertium", "-f", "html", "-u", modes[1]), there);
      Document d = Jsoup.parse(back);
      for (int i = 0; i < part.size(); i++) {
        Element div = d.getElementById("t" + i);
        if (div == null) {
          throw new IOException("Apertium lost text " + (from + i) + " of the batch (pivot " + pivot + ")");
        }
        List<String> paras = new ArrayList<>();
        for (Element p : div.select("p")) {
          paras.add(p.text());
        }
        out.add(String.join("\n\n", paras));
      }
    }
    return out;
  }

  private static String run(List<String> cmd, String input) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = p.getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (OutputStream o = p.getOutputStream()) {
      o.write(input.getBytes(StandardCharsets.UTF_8));
    }
    try {
      byte[] b = stdout.join();
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IOException(String.join(" ", cmd) + " exited with " + rc);
      }
      return new String(b, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * English synonyms by pivot: two English lemmas of one part of speech (noun, verb, adjective,
   * adverb) are synonyms when the bilingual dictionary gives them a common translation. Read from
   * the compiled dictionary with {@code lt-print} (its paths enumerated).
   */
  static Map<String, List<String>> pivotThesaurus(String pivot) throws IOException {
    require(pivot);
    String pair = pivot.equals("glg") ? "en-gl" : PIVOTS.get(pivot)[0];
    String dir = pivot.equals("glg") ? "apertium-en-gl" : "apertium-" + pair;
    Path bin = Path.of("/usr/share/apertium/" + dir + "/" + pair + ".autobil.bin");
    if (!Files.exists(bin)) {
      throw new IOException("bilingual dictionary " + bin + " not found");
    }
    String att = run(List.of("lt-print", bin.toString()), "");
    Map<String, TreeSet<String>> toPivot = new TreeMap<>(); // "lemma<pos>" -> pivot lemmas
    for (String section : att.split("\n--\n")) {
      paths(section, (in, out) -> {
        String[] a = split(in);
        String[] b = split(out);
        if (a != null && b != null && a[1].equals(b[1])) {
          toPivot.computeIfAbsent(a[0] + "<" + a[1] + ">", k -> new TreeSet<>()).add(b[0]);
        }
      });
    }
    Map<String, TreeSet<String>> back = new HashMap<>();
    for (Map.Entry<String, TreeSet<String>> e : toPivot.entrySet()) {
      String pos = e.getKey().substring(e.getKey().indexOf('<'));
      for (String t : e.getValue()) {
        back.computeIfAbsent(t + pos, k -> new TreeSet<>()).add(e.getKey());
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<String, TreeSet<String>> e : toPivot.entrySet()) {
      String pos = e.getKey().substring(e.getKey().indexOf('<'));
      TreeSet<String> syn = new TreeSet<>();
      for (String t : e.getValue()) {
        for (String en : back.get(t + pos)) {
          if (!en.equals(e.getKey())) {
            syn.add(en.substring(0, en.indexOf('<')));
          }
        }
      }
      if (!syn.isEmpty()) {
        out.put(e.getKey(), List.copyOf(syn));
      }
    }
    return out;
  }

  private static final Pattern ENTRY = Pattern.compile("([a-z]+)<(n|vblex|adj|adv)>.*");

  /** {lemma, pos} of a dictionary side, or null for multiword, capitalized or other entries. */
  private static String[] split(String side) {
    Matcher m = ENTRY.matcher(side);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
  }

  interface PathSink {
    void accept(String in, String out);
  }

  /**
   * Enumerates the (input, output) prefixes of one AT&T-format transducer section up to and including
   * the first tag on both sides ("house<n>", "casa<n>"): what a thesaurus needs, and it keeps the
   * walk linear in the dictionary's size (the tags after the first multiply paths). Inputs must be
   * lower-case letters before their tag.
   */
  static void paths(String section, PathSink sink) {
    Map<Integer, List<String[]>> arcs = new HashMap<>();
    for (String line : section.split("\n")) {
      String[] f = line.split("\t");
      if (f.length >= 4) {
        arcs.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(f);
      }
    }
    walk(0, new StringBuilder(), new StringBuilder(), arcs, sink, 0, new java.util.HashSet<>());
  }

  private static boolean tagged(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '>') {
        return true;
      }
    }
    return false;
  }

  private static void walk(int state, StringBuilder in, StringBuilder out, Map<Integer, List<String[]>> arcs, PathSink sink, int depth,
      java.util.Set<Integer> onPath) {
    if (tagged(in) && tagged(out)) {
      sink.accept(in.toString(), out.toString());
      return;
    }
    if (depth > 40 || !onPath.add(state)) {
      return; // too long, or a loop (the dictionary's regular-expression sections have them)
    }
    for (String[] a : arcs.getOrDefault(state, List.of())) {
      String i = a[2];
      boolean inTagged = tagged(in);
      if (!i.equals("ε") && !inTagged && !(i.length() == 1 && i.charAt(0) >= 'a' && i.charAt(0) <= 'z') && !i.startsWith("<")) {
        continue; // capitalized, multiword, punctuation: not a thesaurus entry
      }
      if (!i.equals("ε") && inTagged) {
        continue; // the input's first tag is read: only output may move on
      }
      if (!a[3].equals("ε") && tagged(out)) {
        continue;
      }
      int li = in.length();
      int lo = out.length();
      if (!i.equals("ε")) {
        in.append(i);
      }
      if (!a[3].equals("ε")) {
        out.append(a[3]);
      }
      walk(Integer.parseInt(a[1]), in, out, arcs, sink, depth + 1, onPath);
      in.setLength(li);
      out.setLength(lo);
    }
    onPath.remove(state);
  }

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");

  /**
   * Spins {@code text} with a pivot thesaurus: {@code rate} of its content words (at least three
   * letters, not stop words) are replaced by a pivot synonym of the same part of speech, as far as
   * the thesaurus has one (plural nouns keep their -s). Returns the text and the share replaced.
   */
  static Spun spin(String text, double rate, Map<String, List<String>> thesaurus, Random rnd) {
    Matcher m = WORD.matcher(text);
    List<int[]> eligible = new ArrayList<>();
    List<List<String>> options = new ArrayList<>();
    int content = 0;
    while (m.find()) {
      String w = m.group();
      String lower = w.toLowerCase(Locale.ROOT);
      if (lower.length() < 3 || io.wiretrace.text.Terms.STOP_WORDS.contains(lower) || !w.equals(lower) && m.start() > 0
          && !text.substring(Math.max(0, m.start() - 2), m.start()).matches(".*[.!?\"\n]\\s?")) {
        if (lower.length() >= 3 && !io.wiretrace.text.Terms.STOP_WORDS.contains(lower)) {
          content++;
        }
        continue; // names stay
      }
      content++;
      List<String> alts = new ArrayList<>();
      for (String pos : new String[] {"n", "vblex", "adj", "adv"}) {
        alts.addAll(thesaurus.getOrDefault(lower + "<" + pos + ">", List.of()));
      }
      if (alts.isEmpty() && lower.endsWith("s") && !lower.endsWith("ss")) {
        for (String a : thesaurus.getOrDefault(lower.substring(0, lower.length() - 1) + "<n>", List.of())) {
          alts.add(a + "s");
        }
      }
      alts.remove(lower);
      if (!alts.isEmpty()) {
        eligible.add(new int[] {m.start(), m.end()});
        options.add(alts);
      }
    }
    int want = (int) Math.round(rate * content);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < eligible.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, rnd);
    java.util.Set<Integer> chosen = new java.util.TreeSet<>(order.subList(0, Math.min(want, order.size())));
    StringBuilder sb = new StringBuilder();
    int pos = 0;
    for (int i : chosen) {
      int[] span = eligible.get(i);
      String w = text.substring(span[0], span[1]);
      List<String> alts = options.get(i);
      String r = alts.get(rnd.nextInt(alts.size()));
      sb.append(text, pos, span[0]).append(CopyGenerator.capitalizeLike(w, r));
      pos = span[1];
    }
    sb.append(text.substring(pos));
    return new Spun(sb.toString(), content == 0 ? 0 : (double) chosen.size() / content);
  }

  record Spun(String text, double share) {}
}
