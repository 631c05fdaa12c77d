package io.wiretrace.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Readers for the named-entity sets under {@code ../shared/data/enrich}, as sentences of tokens
 * with PERSON / ORGANIZATION / LOCATION mentions (token index ranges). Which sets may train the
 * shipped model is decided by their licence verdicts in REPORT.md: see {@link #training}.
 */
final class NerCorpora {
  private NerCorpora() {}

  /** A mention: tokens [start, end) of its sentence. */
  record Mention(String type, int start, int end) {}

  record Sentence(List<String> tokens, List<Mention> mentions) {}

  /** One named set with its licence, for NOTICE and the README. */
  record Part(String name, String licence, List<Sentence> sentences, int weight) {
    Part(String name, String licence, List<Sentence> sentences) {
      this(name, licence, sentences, 1);
    }

    int tokens() {
      return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }
  }

  /**
   * How many times edited prose (news, government releases) is repeated in training. Measured: 3 gave
   * WorldWide F1 0.560 against 0.567 for 1, so the tweets' variety helps more than the domain match.
   */
  static final int NEWS_WEIGHT = 1;

  /** SHIP-OK training data: wikigold, BTC, WNUT-17 train+dev, GUM news/interview/academic/court, MEANTIME airbus+apple, re3d's open sources. */
  static List<Part> training(Path data) throws IOException {
    Path e = data.resolve("enrich");
    List<Part> parts = new ArrayList<>();
    parts.add(new Part("wikigold", "CC BY 4.0", conll(e.resolve("wikigold/CONLL-format/data/wikigold.conll.txt"), " ")));
    List<Sentence> btc = new ArrayList<>();
    try (Stream<Path> s = Files.list(e.resolve("btc/CONLL-format/data"))) {
      for (Path p : s.sorted().toList()) {
        btc.addAll(conll(p, "\t"));
      }
    }
    parts.add(new Part("Broad Twitter Corpus", "CC BY 4.0", btc));
    List<Sentence> wnut = new ArrayList<>();
    wnut.addAll(conll(e.resolve("wnut17/CONLL-format/data/train/wnut17train.conll"), "\t"));
    wnut.addAll(conll(e.resolve("wnut17/CONLL-format/data/dev/emerging.dev.conll"), "\t"));
    parts.add(new Part("WNUT-17 (train, dev)", "CC BY 4.0", wnut));
    parts.add(new Part("GUM (news, interview, academic, court)", "CC BY 2.5 / CC BY 4.0",
        gum(e.resolve("gum/dep"), Set.of("news", "interview", "academic", "court")), NEWS_WEIGHT));
    parts.add(new Part("MEANTIME (airbus, apple)", "CC BY 4.0", meantime(e.resolve("meantime-en/intra_cross-doc_annotation"),
        List.of("corpus_airbus", "corpus_apple")), NEWS_WEIGHT));
    List<Sentence> re3d = new ArrayList<>();
    Path bySource = e.resolve("re3d/CONLL-format/data-by-source/conll");
    for (String open : openRe3dSources(e.resolve("re3d"))) {
      Path dir = bySource.resolve(open);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          for (Path p : s.sorted().toList()) {
            re3d.addAll(conll(p, "\t"));
          }
        }
      }
    }
    parts.add(new Part("re3d (public-domain, OGL and CC BY sources)", "PD / OGL v3 / CC BY", re3d, NEWS_WEIGHT));
    return parts;
  }

  /**
   * re3d sources a shipped model may learn from: UK Government (OGL v3), US State Department and CENTCOM
   * (US federal works, public domain), Australian DFAT (CC BY). Left out: BBC Online (NC), Wikipedia (SA)
   * and the EU delegation to Syria (its notice is not confirmed), as PROVENANCE.md advises.
   */
  static List<String> openRe3dSources(Path re3d) {
    return List.of("Australian_Department_of_Foreign_Affairs", "CENTCOM", "UK_Government", "US_State_Department");
  }

  /** Maps a set's label (without B-/I-) to our three types, or null. */
  static String type(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    if (l.startsWith("per")) {
      return "person";
    }
    if (l.startsWith("org") || l.equals("corporation") || l.equals("group") || l.equals("company")) {
      return "organization";
    }
    if (l.startsWith("loc") || l.equals("geo") || l.equals("gpe") || l.equals("place")) {
      return "location";
    }
    return null;
  }

  /** CoNLL-style files: token, label in the last column; IOB1, BIO or BIOES; blank line between sentences. */
  static List<Sentence> conll(Path file, String separator) throws IOException {
    List<Sentence> out = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("-DOCSTART-")) {
        if (!tokens.isEmpty()) {
          out.add(new Sentence(List.copyOf(tokens), spans(labels)));
          tokens.clear();
          labels.clear();
        }
        continue;
      }
      String[] f = l.split(separator.equals(" ") ? "\\s+" : "\t");
      if (f.length < 2) {
        f = l.split("\\s+");
      }
      if (f.length < 2) {
        continue;
      }
      tokens.add(f[0]);
      labels.add(f[f.length - 1]);
    }
    if (!tokens.isEmpty()) {
      out.add(new Sentence(List.copyOf(tokens), spans(labels)));
    }
    return out;
  }

  /** Mentions from per-token labels (IOB1, BIO, BIOES all read the same way). */
  static List<Mention> spans(List<String> labels) {
    List<Mention> out = new ArrayList<>();
    int start = -1;
    String current = null;
    for (int i = 0; i <= labels.size(); i++) {
      String lab = i < labels.size() ? labels.get(i) : "O";
      String prefix = lab.length() > 1 && lab.charAt(1) == '-' ? lab.substring(0, 1) : "";
      String t = lab.equals("O") ? null : type(prefix.isEmpty() ? lab : lab.substring(2));
      boolean begins = prefix.equals("B") || prefix.equals("S") || t == null || !t.equals(current);
      if (current != null && (begins || lab.equals("O"))) {
        out.add(new Mention(current, start, i));
        current = null;
      }
      if (t != null && current == null) {
        current = t;
        start = i;
      }
      if (current != null && (prefix.equals("E") || prefix.equals("S"))) {
        out.add(new Mention(current, start, i + 1));
        current = null;
      }
    }
    return out;
  }

  /** GUM CoNLL-U: named person/organization/place mentions (the mention ends in a PROPN). */
  static List<Sentence> gum(Path dir, Set<String> genres) throws IOException {
    List<Sentence> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> {
        String n = p.getFileName().toString();
        String[] f = n.split("_");
        return n.endsWith(".conllu") && f.length > 2 && genres.contains(f[1]);
      }).sorted().toList();
    }
    for (Path file : files) {
      List<String> tokens = new ArrayList<>();
      List<String> upos = new ArrayList<>();
      List<Mention> mentions = new ArrayList<>();
      Deque<Object[]> open = new ArrayDeque<>(); // {id, type, start}
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          if (!tokens.isEmpty()) {
            out.add(new Sentence(List.copyOf(tokens), named(tokens, upos, mentions)));
          }
          tokens.clear();
          upos.clear();
          mentions.clear();
          open.clear();
          continue;
        }
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 10 || f[0].contains("-") || f[0].contains(".")) {
          continue;
        }
        int index = tokens.size();
        tokens.add(f[1]);
        upos.add(f[3]);
        String entity = null;
        for (String kv : f[9].split("\\|")) {
          if (kv.startsWith("Entity=")) {
            entity = kv.substring(7);
          }
        }
        if (entity == null) {
          continue;
        }
        int i = 0;
        while (i < entity.length()) {
          char c = entity.charAt(i);
          if (c == '(') {
            int j = i + 1;
            while (j < entity.length() && entity.charAt(j) != '(' && entity.charAt(j) != ')') {
              j++;
            }
            String[] parts = entity.substring(i + 1, j).split("-");
            String id = parts[0];
            String type = parts.length > 1 ? parts[1] : "";
            if (j < entity.length() && entity.charAt(j) == ')') {
              mentions.add(new Mention(type, index, index + 1));
              j++;
            } else {
              open.push(new Object[] {id, type, index});
            }
            i = j;
          } else if (Character.isDigit(c)) {
            int j = i;
            while (j < entity.length() && entity.charAt(j) != ')') {
              j++;
            }
            String id = entity.substring(i, j);
            for (Object[] o : open) {
              if (o[0].equals(id)) {
                mentions.add(new Mention((String) o[1], (Integer) o[2], index + 1));
                open.remove(o);
                break;
              }
            }
            i = j + 1;
          } else {
            i++;
          }
        }
      }
      if (!tokens.isEmpty()) {
        out.add(new Sentence(List.copyOf(tokens), named(tokens, upos, mentions)));
      }
    }
    return out;
  }

  /** Keeps GUM mentions that are names: trimmed to the PROPN run they end in, outermost first, no overlaps. */
  private static List<Mention> named(List<String> tokens, List<String> upos, List<Mention> all) {
    List<Mention> candidates = new ArrayList<>();
    for (Mention m : all) {
      String t = type(m.type().equals("place") ? "loc" : m.type());
      if (t == null || !upos.get(m.end() - 1).equals("PROPN")) {
        continue;
      }
      int start = m.start();
      while (start < m.end() && !upos.get(start).equals("PROPN")) {
        start++; // "the Church of Scientology" -> "Church of Scientology"
      }
      if (start < m.end() && Character.isUpperCase(tokens.get(start).charAt(0))) {
        candidates.add(new Mention(t, start, m.end()));
      }
    }
    candidates.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Mention> out = new ArrayList<>();
    int covered = -1;
    for (Mention m : candidates) {
      if (m.start() >= covered) {
        out.add(m);
        covered = m.end();
      }
    }
    return out;
  }

  /** MEANTIME CAT XML: NAM mentions whose entity is PER, ORG or LOC. */
  static List<Sentence> meantime(Path root, List<String> corpora) throws IOException {
    List<Sentence> out = new ArrayList<>();
    for (String corpus : corpora) {
      List<Path> files;
      try (Stream<Path> s = Files.list(root.resolve(corpus))) {
        files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
      }
      for (Path f : files) {
        out.addAll(meantimeDoc(f));
      }
    }
    return out;
  }

  static List<Sentence> meantimeDoc(Path f) throws IOException {
    Document d = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "", Parser.xmlParser());
    Map<String, int[]> tokenPos = new HashMap<>(); // t_id -> {sentence, index}
    TreeMap<Integer, List<String>> sentences = new TreeMap<>();
    for (Element t : d.select("token")) {
      int s = Integer.parseInt(t.attr("sentence"));
      List<String> toks = sentences.computeIfAbsent(s, k -> new ArrayList<>());
      tokenPos.put(t.attr("t_id"), new int[] {s, toks.size()});
      toks.add(t.text());
    }
    Map<String, String> entityType = new HashMap<>();
    for (Element e : d.select("ENTITY")) {
      entityType.put(e.attr("m_id"), e.attr("ent_type"));
    }
    Map<String, String> mentionType = new HashMap<>();
    for (Element r : d.select("REFERS_TO")) {
      Element target = r.selectFirst("target");
      if (target == null) {
        continue;
      }
      String type = entityType.get(target.attr("m_id"));
      for (Element src : r.select("source")) {
        mentionType.put(src.attr("m_id"), type);
      }
    }
    Map<Integer, List<Mention>> mentions = new HashMap<>();
    for (Element m : d.select("ENTITY_MENTION")) {
      if (!m.attr("syntactic_type").equals("NAM")) {
        continue;
      }
      String t = mentionType.get(m.attr("m_id"));
      String type = t == null ? null : switch (t) {
        case "PER" -> "person";
        case "ORG" -> "organization";
        case "LOC" -> "location";
        default -> null;
      };
      List<Element> anchors = m.select("token_anchor");
      if (type == null || anchors.isEmpty()) {
        continue;
      }
      int[] first = tokenPos.get(anchors.get(0).attr("t_id"));
      int[] last = tokenPos.get(anchors.get(anchors.size() - 1).attr("t_id"));
      if (first == null || last == null || first[0] != last[0]) {
        continue;
      }
      // MEANTIME marks the whole noun phrase ("the United States's largest car manufacturer General Motors");
      // the name is the run of capitalized tokens (with inner "of", "and", "de") that the phrase ends in.
      List<String> toks = sentences.get(first[0]);
      int end = last[1] + 1;
      int start = end;
      while (start > first[1] && nameToken(toks, start - 1, end)) {
        start--;
      }
      while (start < end && !Character.isUpperCase(toks.get(start).charAt(0))) {
        start++;
      }
      if (start == end) {
        continue;
      }
      mentions.computeIfAbsent(first[0], k -> new ArrayList<>()).add(new Mention(type, start, end));
    }
    List<Sentence> out = new ArrayList<>();
    for (Map.Entry<Integer, List<String>> s : sentences.entrySet()) {
      List<Mention> ms = new ArrayList<>(mentions.getOrDefault(s.getKey(), List.of()));
      ms.sort((a, b) -> Integer.compare(a.start(), b.start()));
      out.add(new Sentence(s.getValue(), ms));
    }
    return out;
  }

  private static boolean nameToken(List<String> toks, int i, int end) {
    String t = toks.get(i);
    if (Character.isUpperCase(t.charAt(0)) || Character.isDigit(t.charAt(0)) && i == end - 1) {
      return true;
    }
    return (t.equals("of") || t.equals("and") || t.equals("de") || t.equals("&")) && i > 0 && i + 1 < end
        && Character.isUpperCase(toks.get(i - 1).charAt(0));
  }

  /** WorldWide newswire (EVAL only): token TAB tag, documents one per file. */
  static List<List<Sentence>> worldwide(Path dir) throws IOException {
    List<List<Sentence>> docs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
        List<Sentence> doc = new ArrayList<>();
        for (Sentence sentence : conll(p, "\t")) {
          if (sentence.tokens().size() == 1 && sentence.tokens().get(0).startsWith("http")) {
            continue; // the source URL line
          }
          doc.add(sentence);
        }
        docs.add(doc);
      }
    }
    return docs;
  }
}
