package io.wiretrace.nlp;

import io.wiretrace.model.Entity;
import io.wiretrace.model.Quote;
import io.wiretrace.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Direct quotes with their speakers.
 *
 * <p>Quotes are text between quotation marks (curly, straight, guillemets, low-9), paired within
 * a paragraph; a paragraph that ends inside a quote continues it when the next paragraph opens
 * with a quotation mark (the newspaper convention for multi-paragraph quotes). The speaker comes
 * from an attribution cue next to the quote, tried in this order: after it ({@code “…,” said X},
 * {@code “…,” X said}), before it ({@code X said: “…”}, {@code according to X}), anywhere earlier
 * in the sentence ({@code X said the plan was “dead”}); a quote with no cue in its sentence that
 * opens a paragraph continues the previous quote's speaker. Pronoun speakers resolve to the last
 * named person mentioned before the quote; named speakers to the entity whose mention they are.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuoteExtractor {
  /** Attribution verbs (all inflections that news uses), longest alternatives first. */
  static final String CUE = "(?:said|says|say|told|tells|tell|added|adds|asked|asks|wrote|writes|stated|states|"
      + "explained|explains|noted|notes|argued|argues|claimed|claims|insisted|insists|declared|declares|continued|"
      + "continues|recalled|recalls|warned|warns|announced|announces|acknowledged|acknowledges|replied|replies|"
      + "responded|responds|tweeted|tweets|posted|stressed|stresses|suggested|suggests|admitted|admits|conceded|"
      + "concedes|complained|complains|joked|jokes|quipped|predicted|predicts|concluded|concludes|emphasized|"
      + "emphasised|observed|remarked|commented|countered|counters|cautioned|vowed|vows|promised|urged|urges|"
      + "pointed out|went on|shouted|yelled|whispered|testified|reported|reports|wondered|boasted|charged|"
      + "contended|maintained|agreed|disagreed|mused|thundered|declined|announced|stated|blasted|slammed|"
      + "described|describing|saying|adding|telling|writing|noting|arguing|asking|calling|called|demanded|demands|"
      + "sings|sang|typed|read|reads|published|quoted|explaining|insisting|warning|declaring|announcing|replying|"
      + "responding|tweeting|recalling|stressing|acknowledging|cautioning|urging|predicting|promising|vowing|"
      + "added|chimed in|shot back|fired back|retorted|exclaimed|scoffed|snapped|conceded|yells|yelled|chanted|"
      + "scolded|branded|condemned|accused|referenced|blamed|dubbed|labeled|labelled|touted|praised|criticized|"
      + "criticised|mocked|ridiculed|lamented|pleaded|proclaimed|boasts|wondering|telling|calls|dubs|labels)";
  private static final String TITLE = "(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|Rev|Pres|Sir|Dame|Lord|Judge|"
      + "President|Senator|Governor|Minister|Prime Minister|Secretary|Chancellor|Mayor|Chief|General|Ambassador)\\.?";
  private static final String CAP = "[A-Z][\\p{L}'’.\\-]*";
  private static final String NAME = "(?:(?:the\\s+)?" + TITLE + "\\s+)?" + CAP + "(?:\\s+(?:" + CAP + "|de|van|von|al|bin|da|del|la|le|of|the))*"
      + "(?<!\\s(?:of|the))";
  private static final String PRONOUN = "(?:he|she|they|it|we|I|He|She|They|It|We)";
  private static final String NOMINAL = "(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|"
      + "\\p{Lu}[\\p{L}]*['’]s)\\s+"
      + "(?:(?!(?:that|which|who|once|to|what|of|in|on|and|or|for|with|at|by|from|as|but|is|was|were|are)\\b)"
      + "[\\p{Ll}\\p{Lu}\\d][\\p{Ll}\\d'’\\-]*\\s+){0,4}?"
      + "(?!(?:that|which|who|once|of|in|on|and|or|for|to|with|at|by|from|as|but|months|years|days|weeks|hours|minutes|"
      + "times|ago|later|earlier)\\b)[\\p{Ll}][\\p{Ll}'’\\-]*)";
  private static final String SPEAKER = "(?:" + NAME + "(?:,\\s+(?:a|an|the)\\s+[^,.;“”\"]{1,80}?(?=,))?|" + PRONOUN + "|" + NOMINAL + ")";

  /** {@code “…,” said X} / {@code “…,” X said}: anchored right after the closing mark. */
  private static final Pattern AFTER_CUE_FIRST = Pattern.compile(
      "^[\\s,]*(?:also\\s+)?(said|says|added|adds|wrote|writes|continued|continues|explained|noted|argued|insisted|"
          + "declared|recalled|warned|replied|responded|stressed|concluded|observed|remarked|countered|cautioned|"
          + "demanded|shouted|asked|quipped|joked|exclaimed|retorted|reported|tweeted|wrote)\\s+(" + SPEAKER + ")");
  private static final Pattern AFTER_SPEAKER_FIRST = Pattern.compile(
      "^[\\s,—–-]*(" + SPEAKER + ")(?:\\s*\\([^)]{1,40}\\))?(?:,\\s+[^,]{1,120},)?\\s+(?:(?:has|had|have|also|then|later|once|later|previously|again|"
          + "recently|simply|just|would|will|had\\s+earlier|,)\\s+)*(" + CUE + "|according to)\\b");
  /** {@code “…,” said 9/11 widow Terry Strada}: a few words of any kind, then a name. */
  private static final Pattern AFTER_CUE_LOOSE = Pattern.compile(
      "^[\\s,]*(said|says|added|wrote|asked|continued|explained|noted|argued|insisted|declared|recalled|warned|replied|"
          + "responded|stressed|shouted)\\s+((?:[\\p{L}\\d/'’.\\-]+\\s+){0,4}?" + NAME + ")\\s*[,.;]");
  /** {@code “…” ― Pamela Padilla}: a dash and a name right after the quote (reader comments, epigraphs). */
  private static final Pattern AFTER_DASH = Pattern.compile("^\\s*[―—–]\\s*(" + NAME + ")");
  /** {@code “…,” Tulsa police Chief Chuck Jordan said}: up to six words of any case ending in a capitalized one, then the cue. */
  private static final Pattern AFTER_LOOSE = Pattern.compile(
      "^[\\s,]*((?:[\\p{L}.'’\\-]+\\s+){0,6}?\\p{Lu}[\\p{L}.'’\\-]*)(?:\\s*\\([^)]{1,40}\\))?\\s+(" + CUE + ")\\b");
  /** {@code X said: “…”}, {@code X told reporters, “…”}: speaker and cue end right before the opening mark. */
  private static final Pattern BEFORE = Pattern.compile(
      "(" + SPEAKER + ")(?:\\s*\\([^)]{1,40}\\))?(?:,\\s+[^,]{1,120},)?\\s+(?:(?:has|had|have|also|then|later|once|again|would|will|"
          + "still|often|repeatedly|recently|simply|just|quickly|later|previously|\\p{Ll}+ed\\s+and)\\s+)*(" + CUE + ")"
          + "(?:\\s+[^\\s“”\"]+){0,6}?\\s*[:,]?\\s*(?:that\\s+)?$");
  private static final Pattern ACCORDING_TO = Pattern.compile("according to (" + SPEAKER + ")", Pattern.CASE_INSENSITIVE);
  /** {@code X said (that) … “…”}: a cue earlier in the sentence (mixed quotes). */
  private static final Pattern IN_SENTENCE = Pattern.compile("(" + SPEAKER + ")(?:\\s*\\([^)]{1,40}\\))?\\s+(?:(?:has|had|also|then|later|once|again)\\s+)*(" + CUE + ")\\b");
  /** {@code “…” to drive up the price, she said.}: speaker and cue closing the sentence after the quote. */
  private static final Pattern SENTENCE_END = Pattern.compile(",\\s+(" + SPEAKER + ")(?:\\s*\\([^)]{1,40}\\))?\\s+(" + CUE + ")\\s*[.!?]?\\s*$");

  /** A sentence that opens with a personal pronoun: "He called it “a disaster”." */
  private static final Pattern SUBJECT_PRONOUN = Pattern.compile("^\\s*(He|She|They|We|I)\\b");
  /** {@code “…?” a narrator in the Clinton ad asks.}: a noun phrase of any words, then the cue. */
  private static final Pattern AFTER_PHRASE = Pattern.compile(
      "^[\\s,]*((?:[Aa]n?|[Tt]he|\\p{Lu}[\\p{L}]*['’]s)\\s+[^,.;:“”\"]{1,60}?)\\s+(" + CUE + ")\\b");
  /** {@code Schiff said. “…”}: the sentence before the quote, in its paragraph, ends with speaker and cue. */
  private static final Pattern PREVIOUS_SENTENCE = Pattern.compile(
      "(?:^|,\\s+)(" + SPEAKER + ")\\s+(" + CUE + ")(?:\\s+[^.“”\"]{0,30})?[.:]\\s*$");
  /** Transcripts: "PENCE: …" or "Mr. Smith: …" opening the paragraph. */
  private static final Pattern TRANSCRIPT = Pattern.compile("^\\s*[\"“]?((?:" + TITLE + "\\s+)?[A-Z][A-Za-z.'’\\-]+(?:\\s+[A-Z][A-Za-z.'’\\-]+){0,2}):\\s");

  /**
   * A transcript line quoted whole: the quote itself opens with a speaker label in capitals
   * ({@code “WALLACE: Let's start…}). Capitals only: inside a quote, "Look: …" is speech.
   */
  private static final Pattern QUOTED_TRANSCRIPT = Pattern.compile("^\\s*((?:MR|MRS|MS|DR|SEN|REP|GOV)?\\.?\\s?[A-Z][A-Z'’\\-]+(?:\\s+[A-Z][A-Z'’\\-]+){0,2}):\\s");

  /** Verbs of saying proper: preferred over "called", "posted", "described" when a sentence has several cues. */
  private static final Set<String> SPEECH = Set.of("said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes",
      "asked", "asks", "stated", "explained", "argued", "insisted", "declared");

  /** How far from a quote its attribution is looked for. */
  static final int WINDOW = 400;

  private static final Set<String> PRONOUN_WORDS = Set.of("he", "she", "they", "it", "we", "i");
  private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "today", "yesterday", "tonight");

  /** Words that cannot open a speaker ("it" alone can: {@link #speakerOk}). */
  private static final Set<String> NOT_SPEAKERS = Set.of("it", "this", "that", "there", "which", "who", "what", "but",
      "and", "so", "as", "if", "when", "in", "on", "at", "for", "to");
  private static final Set<String> MALE = Set.of("he", "him", "his");
  private static final Set<String> FEMALE = Set.of("she", "her");

  private record Raw(int open, int close) {}

  /**
   * Finds the quotes of {@code text}.
   *
   * @param entities the article's entities (for linking speakers and resolving pronouns); may be empty
   */
  public List<Quote> extract(String original, List<Entity> entities) {
    String text = io.wiretrace.text.Spaces.plain(original);
    List<Raw> raws = quotes(text);
    List<Quote> out = new ArrayList<>(raws.size());
    Quote previous = null;
    int previousEnd = -1;
    Attribution lastLocal = null;
    for (Raw r : raws) {
      String inner = original.substring(r.open() + 1, r.close());
      Span span = new Span(r.open() + 1, r.close());
      Choice choice = attribute(text, r, entities);
      Attribution a = choice.chosen();
      if (a == null && previous != null && previous.speaker() != null
          && paragraphsBetween(text, previousEnd, r.open()) <= 1) {
        // the speaker carries over, as its nearest mention ("…,” she said. “…”), which may be a pronoun
        Attribution near = lastLocal != null ? lastLocal
            : new Attribution(previous.speaker(), previous.speakerSpan(), previous.speakerEntity(), "continued");
        a = new Attribution(near.speaker(), near.span(), previous.speakerEntity() != null ? previous.speakerEntity() : near.entity(),
            "continued");
      }
      lastLocal = choice.local();
      Quote q = a == null ? new Quote(span, inner, null, null, null, null)
          : new Quote(span, inner, a.speaker(), a.span(), a.entity(), a.cue());
      out.add(q);
      previous = q;
      previousEnd = r.close();
    }
    return out;
  }

  private record Attribution(String speaker, Span span, String entity, String cue) {}

  /** The attribution chosen for a quote and, when a name replaced a pronoun after it, that nearer pronoun. */
  private record Choice(Attribution chosen, Attribution local) {}

  /**
   * As {@link #attributeOnce}, except that a pronoun found after the quote ("…,” she said) gives way to a
   * name that introduces the quote in the same sentence ("McCaskill scolded him: “…,” she said"): the
   * name is the more informative mention of the same speaker.
   */
  private Choice attribute(String text, Raw r, List<Entity> entities) {
    Attribution a = attributeOnce(text, r, entities, false);
    if (a != null && PRONOUN_WORDS.contains(a.speaker().toLowerCase(Locale.ROOT)) && a.span().start() > r.close()) {
      Attribution before = attributeOnce(text, r, entities, true);
      if (before != null && !PRONOUN_WORDS.contains(before.speaker().toLowerCase(Locale.ROOT))
          && before.span().end() <= r.open() && !before.cue().equals("subject")) {
        return new Choice(before, a); // the pronoun stays the nearest mention for a quote that continues this one
      }
    }
    return new Choice(a, null);
  }

  private Attribution attributeOnce(String text, Raw r, List<Entity> entities, boolean beforeOnly) {
    // attribution lives near the quote: at most WINDOW characters either side, whatever the sentence length
    int sentenceStart = Math.max(sentenceStart(text, r.open()), r.open() - WINDOW);
    int sentenceEnd = Math.min(sentenceEnd(text, r.close() + 1), r.close() + 1 + WINDOW);
    // after the closing mark
    String after = text.substring(r.close() + 1, Math.max(r.close() + 1, sentenceEnd));
    int nextOpen = indexOfQuote(after);
    if (nextOpen >= 0) {
      after = after.substring(0, nextOpen);
    }
    String inner = text.substring(r.open() + 1, r.close()).stripTrailing();
    if (inner.endsWith(".") && after.stripLeading().length() > 0 && Character.isUpperCase(after.stripLeading().charAt(0))) {
      after = ""; // “… for him.” She says …: the quote closed its sentence; what follows is the next one
    }
    if (beforeOnly) {
      after = "";
    }
    Matcher label = QUOTED_TRANSCRIPT.matcher(inner);
    if (label.find() && label.group(1).length() >= 2) {
      return resolve(text, r.open() + 1 + label.start(1), label.group(1), "transcript", entities);
    }
    Matcher m = AFTER_CUE_FIRST.matcher(after);
    if (m.find() && speakerOk(m.group(2))) {
      return resolve(text, r.close() + 1 + m.start(2), trimSpeaker(m.group(2)), m.group(1), entities);
    }
    m = AFTER_CUE_LOOSE.matcher(after);
    if (m.find() && speakerOk(m.group(2))) {
      return resolve(text, r.close() + 1 + m.start(2), trimSpeaker(m.group(2)), m.group(1), entities);
    }
    m = AFTER_SPEAKER_FIRST.matcher(after);
    if (m.find() && speakerOk(m.group(1))) {
      return resolve(text, r.close() + 1 + m.start(1), trimSpeaker(m.group(1)), m.group(2), entities);
    }
    m = AFTER_LOOSE.matcher(after);
    if (m.find() && speakerOk(m.group(1))) {
      return resolve(text, r.close() + 1 + m.start(1), trimSpeaker(m.group(1)), m.group(2), entities);
    }
    m = AFTER_PHRASE.matcher(after);
    if (m.find() && speakerOk(m.group(1))) {
      return resolve(text, r.close() + 1 + m.start(1), trimSpeaker(m.group(1)), m.group(2), entities);
    }
    String rest = text.substring(r.close() + 1, Math.min(text.length(), r.close() + 120));
    int eol = rest.indexOf('\n');
    m = AFTER_DASH.matcher(eol < 0 ? rest : rest.substring(0, eol));
    if (!beforeOnly && m.find()) {
      return resolve(text, r.close() + 1 + m.start(1), trimSpeaker(m.group(1)), "dash", entities);
    }
    // before the opening mark
    int from = sentenceStart;
    String before = text.substring(from, r.open());
    int lastClose = lastQuoteMark(before);
    if (lastClose >= 0) {
      from += lastClose + 1;
      before = before.substring(lastClose + 1);
    }
    m = BEFORE.matcher(before);
    Matcher best = null;
    while (m.find()) {
      if (speakerOk(m.group(1))) {
        best = m;
        break; // leftmost complete match ending at the quote
      }
    }
    if (best != null && best.group(2).endsWith("ing")) {
      // "Trump attacked Clinton …, saying, “…”": a participle's speaker is the sentence's subject, never the
      // word before it ("… early Friday saying")
      Attribution subject = subject(text, entities, sentenceStart, from + best.start(1));
      if (subject != null) {
        return new Attribution(subject.speaker(), subject.span(), subject.entity(), best.group(2));
      }
      best = null;
    }
    if (best != null) {
      return resolve(text, from + best.start(1), trimSpeaker(best.group(1)), best.group(2), entities);
    }
    m = ACCORDING_TO.matcher(after);
    if (m.find() && speakerOk(m.group(1))) {
      return resolve(text, r.close() + 1 + m.start(1), trimSpeaker(m.group(1)), "according to", entities);
    }
    m = ACCORDING_TO.matcher(before);
    if (m.find() && speakerOk(m.group(1))) {
      return resolve(text, from + m.start(1), trimSpeaker(m.group(1)), "according to", entities);
    }
    m = SENTENCE_END.matcher(after);
    if (m.find() && speakerOk(m.group(1))) {
      return resolve(text, r.close() + 1 + m.start(1), trimSpeaker(m.group(1)), m.group(2), entities);
    }
    if (before.isBlank() && !opensParagraph(text, r.open())) {
      int prevEnd = sentenceStart;
      int prevStart = Math.max(paragraphStart(text, r.open()), sentenceStart(text, Math.max(0, prevEnd - 1)));
      if (prevStart < prevEnd) {
        Matcher pm = PREVIOUS_SENTENCE.matcher(text.substring(prevStart, prevEnd));
        if (pm.find() && speakerOk(pm.group(1))) {
          return resolve(text, prevStart + pm.start(1), trimSpeaker(pm.group(1)), pm.group(2), entities);
        }
      }
    }
    if (opensParagraph(text, r.open())) {
      // "Caddell continued:" / "The New York Times reports:" closing the paragraph before
      int end = r.open() - 1;
      while (end > 0 && Character.isWhitespace(text.charAt(end))) {
        end--;
      }
      if (end > 0 && text.charAt(end) == ':') {
        int start = sentenceStart(text, end);
        String lead = text.substring(start, end + 1);
        Matcher lm = BEFORE.matcher(lead);
        if (lm.find() && speakerOk(lm.group(1))) {
          return resolve(text, start + lm.start(1), trimSpeaker(lm.group(1)), lm.group(2), entities);
        }
        // "Sanders made the following comment:" — no verb of saying, but the lead's subject introduces the quote
        Attribution leadSubject = subject(text, entities, start, end);
        if (leadSubject != null) {
          return new Attribution(leadSubject.speaker(), leadSubject.span(), leadSubject.entity(), "colon");
        }
      }
    }
    m = IN_SENTENCE.matcher(before);
    Attribution firstAny = null;
    while (m.find()) {
      if (!speakerOk(m.group(1))) {
        continue;
      }
      if (SPEECH.contains(m.group(2).toLowerCase(Locale.ROOT))) {
        return resolve(text, from + m.start(1), trimSpeaker(m.group(1)), m.group(2), entities);
      }
      if (firstAny == null) {
        firstAny = resolve(text, from + m.start(1), trimSpeaker(m.group(1)), m.group(2), entities);
      }
    }
    if (firstAny != null) {
      return firstAny;
    }
    int paragraph = paragraphStart(text, r.open());
    m = TRANSCRIPT.matcher(text.substring(paragraph, r.open() + 1));
    if (m.find()) {
      return resolve(text, paragraph + m.start(1), m.group(1), "transcript", entities);
    }
    // A quote inside a sentence with no cue near it ("Trump called it a “disaster”" is caught above; "Clinton's
    // “deplorables” remark" is not): the sentence's first named person or organization before the quote.
    return r.open() > sentenceStart ? subject(text, entities, sentenceStart, r.open()) : null;
  }

  private static boolean speakerOk(String speaker) {
    String[] words = speaker.split("\\s+");
    if (CALENDAR.contains(words[words.length - 1].toLowerCase(Locale.ROOT))) {
      return false; // "early Friday saying": a date, not a speaker
    }
    return speaker.equals("It") || speaker.equals("it") || !NOT_SPEAKERS.contains(words[0].toLowerCase(Locale.ROOT));
  }

  private static String trimSpeaker(String s) {
    String t = s.strip();
    while (t.endsWith(",") || t.endsWith(".") && !t.matches(".*\\b[A-Z][a-z]?\\.$")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  private Attribution resolve(String text, int start, String speaker, String cue, List<Entity> entities) {
    Span span = new Span(start, start + speaker.length());
    String lower = speaker.toLowerCase(Locale.ROOT);
    String entity = null;
    if (MALE.contains(lower) || FEMALE.contains(lower)) {
      entity = lastPersonBefore(text, entities, start, FEMALE.contains(lower) ? "male" : "female");
    } else {
      entity = entityCovering(entities, span);
    }
    return new Attribution(speaker, span, entity, cue.toLowerCase(Locale.ROOT));
  }

  /** The sentence's subject: a pronoun opening it, else its first person, else its first organization. */
  private Attribution subject(String text, List<Entity> entities, int from, int to) {
    Matcher p = SUBJECT_PRONOUN.matcher(text.substring(from, to));
    if (p.find()) {
      return resolve(text, from + p.start(1), p.group(1), "subject", entities);
    }
    return firstEntityIn(text, entities, from, to);
  }

  private static Attribution firstEntityIn(String text, List<Entity> entities, int from, int to) {
    // a person or organization that opens the sentence is its subject ("Politifact then ruled that …")
    int opening = from;
    while (opening < to && !Character.isLetter(text.charAt(opening))) {
      opening++;
    }
    Attribution person = firstEntityIn(entities, from, to, "PERSON");
    Attribution organization = firstEntityIn(entities, from, to, "ORGANIZATION");
    if (organization != null && organization.span().start() <= opening + 4
        && (person == null || person.span().start() > organization.span().start())) {
      return organization;
    }
    return person != null ? person : organization;
  }

  private static Attribution firstEntityIn(List<Entity> entities, int from, int to, String type) {
    Entity.Mention best = null;
    String bestId = null;
    for (Entity e : entities) {
      if (!e.type().equals(type)) {
        continue;
      }
      for (Entity.Mention m : e.mentions()) {
        if (m.span().start() >= from && m.span().end() <= to && (best == null || m.span().start() < best.span().start())) {
          best = m;
          bestId = e.id();
        }
      }
    }
    return best == null ? null : new Attribution(best.text(), best.span(), bestId, "subject");
  }

  private static int paragraphStart(String text, int offset) {
    int limit = Math.max(0, offset - 2 * WINDOW);
    for (int i = offset - 1; i >= limit; i--) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    return limit;
  }

  private static String entityCovering(List<Entity> entities, Span span) {
    for (Entity e : entities) {
      for (Entity.Mention m : e.mentions()) {
        if (m.span().start() < span.end() && span.start() < m.span().end()) {
          return e.id();
        }
      }
    }
    return null;
  }

  /** The last person named before {@code offset} whose known gender is not {@code incompatible}. */
  private static String lastPersonBefore(String text, List<Entity> entities, int offset, String incompatible) {
    String best = null;
    int bestEnd = -1;
    for (Entity e : entities) {
      if (!e.type().equals("PERSON") || incompatible.equals(EntityRecognizer.gender(e, text))) {
        continue;
      }
      for (Entity.Mention m : e.mentions()) {
        if (m.span().end() <= offset && m.span().end() > bestEnd) {
          bestEnd = m.span().end();
          best = e.id();
        }
      }
    }
    return best;
  }

  // ---- quotation marks ----

  private static boolean isOpen(String text, int i) {
    char c = text.charAt(i);
    if (c == '“' || c == '«' || c == '„') {
      return true;
    }
    if (c == '”' && (i == 0 || text.charAt(i - 1) == '\n')) {
      return true; // a paragraph opening with a closing mark: a typo for an opening one
    }
    if (c == '"') {
      return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.' && text.charAt(i - 1) != ','
          || i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1)) && Character.isWhitespace(text.charAt(i - 1));
    }
    return false;
  }

  private static boolean isClose(char c) {
    return c == '”' || c == '»' || c == '"' || c == '“';
  }

  /** Pairs quotation marks paragraph by paragraph, joining quotes that continue into the next paragraph. */
  static List<Raw> quotes(String text) {
    List<Raw> out = new ArrayList<>();
    int open = -1;
    int carried = -1; // start of a quote continued from an earlier paragraph
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') { // a paragraph ends (one newline or a blank line)
        if (open >= 0) {
          int next = i;
          while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
          }
          if (next < text.length() && (text.charAt(next) == '“' || text.charAt(next) == '"' || text.charAt(next) == '«')) {
            if (QUOTED_TRANSCRIPT.matcher(text.substring(next + 1, Math.min(text.length(), next + 60))).find()) {
              // a quoted transcript: each paragraph that opens with a speaker label is a turn of its own
              out.add(new Raw(carried >= 0 ? carried : open, i));
              carried = -1;
              open = next;
              i = next;
              continue;
            }
            if (carried < 0) {
              carried = open;
            }
            open = -1;
            i = next; // the continuation's opening mark
            open = next;
            continue;
          }
          open = -1;
          carried = -1;
        }
        continue;
      }
      if (open < 0) {
        if (isOpen(text, i)) {
          open = i;
        }
      } else if (isClose(c) && i > open + 1) {
        boolean straightMid = c == '"' && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
        if (!straightMid) {
          int start = carried >= 0 ? carried : open;
          out.add(new Raw(start, i));
          open = -1;
          carried = -1;
        }
      }
    }
    return out;
  }

  private static int indexOfQuote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '“' || c == '"' || c == '«' || c == '„') {
        return i;
      }
    }
    return -1;
  }

  private static int lastQuoteMark(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == '”' || c == '"' || c == '»' || c == '“') {
        return i;
      }
    }
    return -1;
  }

  private static boolean opensParagraph(String text, int offset) {
    int i = offset - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i--;
    }
    return i < 0 || text.charAt(i) == '\n';
  }

  private static int paragraphsBetween(String text, int from, int to) {
    int n = 0;
    for (int i = Math.max(0, from); i < to; i++) {
      if (text.charAt(i) == '\n' && i + 1 < to && text.charAt(i + 1) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static int sentenceStart(String text, int from) {
    int limit = Math.max(0, from - 2 * WINDOW);
    for (int i = from - 1; i > limit; i--) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        return i + 1;
      }
      if ((ch == '.' || ch == '!' || ch == '?') && Character.isWhitespace(text.charAt(i + 1)) && !abbreviation(text, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  private static int sentenceEnd(String text, int from) {
    int limit = Math.min(text.length(), from + 2 * WINDOW);
    for (int i = from; i < limit; i++) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        return i;
      }
      if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
          && !abbreviation(text, i)) {
        return i + 1;
      }
    }
    return limit;
  }

  /** True for the period of "Mr.", "Dr.", "U.S." or an initial, which does not end a sentence. */
  private static boolean abbreviation(String text, int period) {
    int i = period - 1;
    while (i >= 0 && Character.isLetter(text.charAt(i))) {
      i--;
    }
    String word = text.substring(i + 1, period);
    return word.length() == 1 && Character.isUpperCase(word.charAt(0))
        || word.matches("Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|Rev|Jr|Sr|St|U\\.S|Inc|Corp|Co|Ltd|No|vs");
  }
}
