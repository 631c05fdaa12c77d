package io.wiretrace.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's publication date by evidence, keeping every candidate with its source.
 *
 * <p>Sources, strongest first (the first tier with a candidate wins; within a tier, document order):
 * <ol>
 *   <li>{@code structured}: JSON-LD {@code datePublished} of an article type, publication
 *       {@code <meta>} tags, {@code itemprop=datePublished}, RDFa {@code property=schema:datePublished}
 *       (or {@code dateCreated}, {@code dc:date}) with {@code content};
 *   <li>{@code markup}: {@code <time datetime>}, {@code abbr.published}, JSON-LD {@code datePublished}
 *       or {@code dateCreated} of any type, date keys in inline scripts and RDF ({@code "datePublished"},
 *       {@code "articlePublishTime"}, {@code dc:date});
 *   <li>{@code visible}: the text of elements whose class or id says date, time or published (not
 *       "updated"; compounds such as {@code newsdatum}, {@code itemPostDate} count), read as ISO,
 *       numeric (day-first unless the page is in English) or with month names in English, German,
 *       French, Spanish, Portuguese, Italian or Dutch, or their {@code title} timestamp when they show
 *       a relative time; failing all of these, a date the text introduces with a label ("Erschienen
 *       am:", "Published:", "Pressemitteilung vom");
 *   <li>{@code url}: {@code /2020/03/16/}, {@code /20200316/}, {@code -20200113}, {@code /29-10-2021};
 *   <li>{@code modified}: modification dates ({@code dateModified}, {@code article:modified_time},
 *       {@code Last-Modified}) when nothing says when the page was first published;
 *   <li>{@code text}: when no other source has a candidate, the date printed within 200 characters
 *       below (else above) the first {@code <h1>}, else the most frequent date in the page's visible
 *       text (ties: the earliest); failing those, an inline {@code createdAt}/{@code created_at}
 *       key, then the full date written in the page's source (link and image paths, attributes,
 *       comments) when it holds one day only.
 * </ol>
 * Copyright years and bare years never match: every candidate must be a full, valid day between
 * 1990 and 2100. Script text is read only for the named date keys above (and by the source-wide
 * last resort, only when nothing else dates the page), so JavaScript expiry strings do not outvote
 * a page's own date. Nothing depends on the clock: the same page always gives the same date.
 */
public final class DateFinder {
  /** One date candidate and where it came from. */
  public record Candidate(String value, String source, String tier) {}

  private static final String[] TIERS = {"structured", "markup", "visible", "url", "modified", "text"};

  private static final List<String> PUBLISHED_META = List.of(
      "article:published_time", "og:article:published_time", "og:published_time", "datePublished", "datepublished",
      "pubdate", "publishdate", "publish-date", "publish_date", "published_date", "publication_date", "date_published",
      "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.created", "dcterms.issued",
      "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "article.published",
      "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime", "date", "pub_date",
      "ptime", "rnews:datepublished", "og:pubdate", "release_date", "created");
  private static final List<String> MODIFIED_META = List.of(
      "article:modified_time", "og:updated_time", "dateModified", "datemodified", "last-modified", "lastmod",
      "dc.date.modified", "dcterms.modified", "utime");

  /** Keys of publication dates in inline scripts and RDF, as they are spelled in the wild. */
  private static final List<String> SCRIPT_KEYS = List.of(
      "datePublished", "dateCreated", "articlePublishTime", "publishDate", "publish_date", "published_at",
      "publishedAt", "pubDate", "pubdate", "firstPublishDate", "dateFirstPublished", "date_published",
      "datepublished", "publishedDate", "dc:date");
  /** Keys of creation times in inline data, read only when nothing else dates the page (the first of each, quoted). */
  private static final List<String> CREATED_KEYS = List.of("\"createdAt\"", "\"created_at\"");
  private static final java.util.Set<String> SCRIPT_KEY_SET = java.util.Set.copyOf(SCRIPT_KEYS);
  private static final int MAX_SCRIPT_KEY = SCRIPT_KEYS.stream().mapToInt(String::length).max().orElse(0);
  private static final String[] SCRIPT_ANCHORS = {"ub", "ateCreated", "dc:date"};
  private static final Pattern DATE_CLASS = Pattern.compile(
      "(^|[^a-z])(date|datum|time|fecha|data|published|publish|posted|pubdate|timestamp|dateline|entry-meta|post-meta|article-meta|byline|meta)([^a-z]|$)");
  /** A compound ending in date or datum: "newsdatum", "fbdatum", "itemPostDate" (tested on lower-cased names). */
  private static final Pattern DATE_COMPOUND = Pattern.compile("[a-z](date|datum)([^a-z]|$)");
  private static final Pattern NOT_PUBLISHED_CLASS = Pattern.compile("update|modif|changed|comment|reply|related|expire"); // on lower-cased names
  /** A day-first date as a URL path segment: {@code /meldungen/29-10-2021}, {@code /newsroom/23-01-2022-title}. */
  private static final Pattern URL_DMY = Pattern.compile("/(0[1-9]|[12]\\d|3[01])-(0[1-9]|1[0-2])-((?:19|20)\\d{2})(?:$|[/_.?-])");
  /** Labels that introduce the publication date in visible text, in the languages read here. */
  private static final Pattern DATE_LABEL = Pattern.compile("(?iu)\\b(erschienen am|veröffentlicht am|publiziert am|"
      + "veröffentlicht|erstellt am|published on|published|posted on|publié le|publicado el|pubblicato il|"
      + "pressemitteilung vom|meldung vom|datum)\\s*:?\\s*");
  private static final Pattern URL_COMPACT = Pattern.compile("(?:^|[/_-])((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?:$|[/_.?-])");

  private static final Pattern NUMERIC = Pattern.compile(
      "(?<![\\d.])(\\d{1,2})([./-])(\\d{1,2})\\2((?:19|20)\\d{2})(?![\\d])|(?<![\\d])((?:19|20)\\d{2})([./-])(\\d{1,2})\\6(\\d{1,2})(?![\\d])");

  private static final Map<String, Integer> MONTHS = new HashMap<>();
  static {
    String[][] names = {
        {"january", "jan", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio", "januari"},
        {"february", "feb", "februar", "février", "fevrier", "febrero", "fevereiro", "febbraio", "februari"},
        {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart"},
        {"april", "apr", "avril", "abril", "aprile"},
        {"may", "mai", "mayo", "maio", "maggio", "mei"},
        {"june", "jun", "juni", "juin", "junio", "junho", "giugno"},
        {"july", "jul", "juli", "juillet", "julio", "julho", "luglio"},
        {"august", "aug", "août", "aout", "agosto", "augustus"},
        {"september", "sep", "sept", "septembre", "septiembre", "setembro", "settembre"},
        {"october", "oct", "oktober", "octobre", "octubre", "outubro", "ottobre", "okt"},
        {"november", "nov", "novembre", "noviembre", "novembro"},
        {"december", "dec", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre", "dez", "dic"}};
    // Russian and Ukrainian, as dates write them (genitive: "15 августа 2016") and as headers do (nominative)
    String[][] cyrillic = {
        {"января", "январь", "січня", "січень"}, {"февраля", "февраль", "лютого", "лютий"},
        {"марта", "март", "березня", "березень"}, {"апреля", "апрель", "квітня", "квітень"},
        {"мая", "май", "травня", "травень"}, {"июня", "июнь", "червня", "червень"},
        {"июля", "июль", "липня", "липень"}, {"августа", "август", "серпня", "серпень"},
        {"сентября", "сентябрь", "вересня", "вересень"}, {"октября", "октябрь", "жовтня", "жовтень"},
        {"ноября", "ноябрь", "листопада", "листопад"}, {"декабря", "декабрь", "грудня", "грудень"}};
    for (int m = 0; m < cyrillic.length; m++) {
      for (String n : cyrillic[m]) {
        MONTHS.put(n, m + 1);
      }
    }
    for (int m = 0; m < names.length; m++) {
      for (String n : names[m]) {
        MONTHS.put(n, m + 1);
      }
    }
  }
  private static final String MONTH_RE = "(\\p{L}{3,10})\\.?";
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?" + MONTH_RE + ",?\\s+(?:de\\s+)?((?:19|20)\\d{2})(?!\\d)");
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "(?<!\\p{L})" + MONTH_RE + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)");

  private DateFinder() {}

  /** All candidates, in tier order. */
  public static List<Candidate> candidates(Document doc, String url, String rawHtml, List<String> jsonLdArticle,
      List<String> jsonLdAny, List<String> jsonLdModified) {
    return candidates(doc, new MetaTags(doc), url, rawHtml, jsonLdArticle, jsonLdAny, jsonLdModified);
  }

  static List<Candidate> candidates(Document doc, MetaTags metas, String url, String rawHtml, List<String> jsonLdArticle,
      List<String> jsonLdAny, List<String> jsonLdModified) {
    return candidates(doc, doc.getAllElements(), metas, url, rawHtml, jsonLdArticle, jsonLdAny, jsonLdModified);
  }

  /** As above, with the page's elements in document order already listed (one walk shared with the other metadata). */
  static List<Candidate> candidates(Document doc, List<Element> all, MetaTags metas, String url, String rawHtml,
      List<String> jsonLdArticle, List<String> jsonLdAny, List<String> jsonLdModified) {
    boolean english = monthFirst(doc, url);
    List<Candidate> out = new ArrayList<>();
    for (String v : jsonLdArticle) {
      add(out, Dates.normalize(v), "json-ld article datePublished", "structured");
    }
    for (String name : PUBLISHED_META) {
      for (String v : metas.all(name)) {
        add(out, Dates.normalize(v), "meta " + name, "structured");
      }
    }
    // one walk over the elements collects what the selectors below would find, each list in document order
    List<Element> itemprops = new ArrayList<>();
    List<Element> timesWithDatetime = new ArrayList<>();
    List<Element> abbrs = new ArrayList<>();
    List<Element> timesWithoutDatetime = new ArrayList<>();
    List<Element> named = new ArrayList<>();
    for (Element e : all) {
      String tag = e.normalName();
      if (e.hasAttr("itemprop") && e.attr("itemprop").trim().equalsIgnoreCase("datePublished")) {
        itemprops.add(e);
      } else if (e.hasAttr("property") && e.hasAttr("content") && !tag.equals("meta") && rdfaPublished(e.attr("property"))) {
        itemprops.add(e); // RDFa: <span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00">
      }
      if (tag.equals("time")) {
        (e.hasAttr("datetime") ? timesWithDatetime : timesWithoutDatetime).add(e);
      }
      if (e.hasAttr("title") && ((tag.equals("abbr") && (e.hasClass("published") || e.hasClass("date")))
          || (tag.equals("span") && e.hasClass("published")))) {
        abbrs.add(e);
      }
      if (e.hasAttr("class") || e.hasAttr("id")) {
        named.add(e);
      }
    }
    for (Element e : itemprops) {
      add(out, Dates.normalize(e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text()),
          e.attr("itemprop").trim().equalsIgnoreCase("datePublished") ? "itemprop datePublished" : "rdfa " + e.attr("property").trim(),
          "structured");
    }
    for (Element e : timesWithDatetime) {
      if (!NOT_PUBLISHED_CLASS.matcher((e.className() + " " + e.parent().className()).toLowerCase(Locale.ROOT)).find()) {
        add(out, Dates.normalize(e.attr("datetime")), "time datetime", "markup");
      }
    }
    for (Element e : abbrs) {
      add(out, Dates.normalize(e.attr("title")).or(() -> textDate(e.attr("title"), english)), "abbr published", "markup");
    }
    for (String v : jsonLdAny) {
      add(out, Dates.normalize(v), "json-ld datePublished", "markup");
    }
    for (String v : scriptKeyValues(rawHtml)) {
      add(out, Dates.normalize(v), "inline date key", "markup");
    }
    for (Element e : named) {
      String cls = e.className();
      String id = e.id();
      if (cls.isEmpty() && id.isEmpty()) {
        continue;
      }
      String names = cls + " " + id;
      String lower = names.toLowerCase(Locale.ROOT);
      if (!mayNameADate(lower) || e.childrenSize() > 12
          || !(DATE_CLASS.matcher(lower).find() || lower.contains("dat") && DATE_COMPOUND.matcher(lower).find())
          || NOT_PUBLISHED_CLASS.matcher(lower).find()) {
        continue;
      }
      String t = e.ownText().isBlank() ? e.text() : e.ownText();
      Optional<String> shown = t.length() > 120 || t.isBlank() ? Optional.empty() : textDate(t, english);
      if (shown.isEmpty() && e.hasAttr("title")) {
        // "3 hours ago" shown, the timestamp in the title: <div class="news-time-ago" title="2020-09-20T14:20:02Z">
        shown = Dates.normalize(e.attr("title"));
      }
      add(out, shown, "class " + names.strip(), "visible");
    }
    Optional<String> urlPath = Dates.fromUrl(url);
    add(out, urlPath, "url path", "url");
    if (urlPath.isEmpty()) {
      add(out, compactUrlDate(url), "url", "url");
    }
    for (Element e : timesWithoutDatetime) {
      add(out, textDate(e.text(), english), "time text", "visible");
    }
    String text = null; // the page's visible text, built once if a fallback below needs it
    if (out.stream().allMatch(c -> c.tier().equals("url"))) {
      // no structured, markup or visible evidence: a date the text introduces as such
      text = bodyText(doc);
      labelledDate(text, english).ifPresent(d -> out.add(new Candidate(d, "labelled date in text", "visible")));
    }
    for (String v : jsonLdModified) {
      add(out, Dates.normalize(v), "json-ld dateModified", "modified");
    }
    for (String name : MODIFIED_META) {
      for (String v : metas.all(name)) {
        add(out, Dates.normalize(v), "meta " + name, "modified");
      }
    }
    if (out.isEmpty()) { // the costly last resort only when nothing else spoke
      if (text == null) {
        text = bodyText(doc);
      }
      Optional<String> nearTitle = dateNearHeadline(doc, text, english);
      if (nearTitle.isPresent()) {
        out.add(new Candidate(nearTitle.get(), "date next to the headline", "text"));
      } else {
        mostFrequentInText(text, english).ifPresent(d -> out.add(new Candidate(d, "most frequent date in text", "text")));
      }
    }
    if (out.isEmpty()) { // an app page with its data inline: {"created_at":"2013-02-16T04:36:36-05:00"}
      for (String key : CREATED_KEYS) {
        int at = rawHtml.indexOf(key);
        if (at >= 0 && at < 2_000_000) {
          add(out, Optional.ofNullable(valueAfter(rawHtml, at + key.length())).flatMap(Dates::normalize),
              "inline creation key", "text");
        }
      }
    }
    if (out.isEmpty()) { // dates only in the markup: link and image paths, attributes, comments, scripts
      onlyDateInSource(rawHtml).ifPresent(d -> out.add(new Candidate(d, "the only date in the page source", "text")));
    }
    return out;
  }

  /**
   * The best candidate: the first of the strongest tier that has one, then two corrections.
   * <ul>
   *   <li>A full date in the URL path ({@code /2017/7/12/}) overrides a date more than a day away
   *       (CMSs rewrite structured dates when a page is migrated, the URL keeps the original), or a
   *       day away when the other is a UTC timestamp whose hour a time zone could carry across
   *       midnight to the URL's day ({@code 2023-11-09T03:28Z} under {@code /2023/11/08/}). A URL one
   *       day away from a timestamp with its own offset, or from a UTC one at midday, does not.
   *   <li>A structured or markup date gives way to the date the page shows in a date-named element
   *       when every such element shows that one day (not a list of teasers) and it is not a
   *       "today" widget in the header, and when one of these holds: the shown day is the
   *       modification date (the page presents its update as its date); the shown day is the UTC
   *       timestamp's day in a time zone that crosses midnight; or the top candidate is one of
   *       several {@code <time datetime>} elements on different days (comments, teasers).
   * </ul>
   * Measured on the htmldate set: these two corrections, with day-first numeric dates on British
   * and Commonwealth English pages, took day accuracy from 0.884 to 0.898 (an earlier,
   * unconditional "prefer a shown date a day away" lowered it).
   */
  public static Optional<Candidate> best(List<Candidate> candidates) {
    Candidate top = null;
    for (String tier : TIERS) {
      for (Candidate c : candidates) {
        if (c.tier().equals(tier)) {
          top = c;
          break;
        }
      }
      if (top != null) {
        break;
      }
    }
    if (top == null) {
      return Optional.empty();
    }
    String day = top.value().substring(0, 10);
    for (Candidate c : candidates) { // the URL path date is only ever a day
      if (c.source().equals("url path") && !c.value().equals(day)
          && (Math.abs(daysBetween(day, c.value())) > 1 || midnightApart(top.value(), c.value()))) {
        return Optional.of(c);
      }
    }
    if (top.tier().equals("structured") || top.tier().equals("markup")) {
      Candidate shown = shownInstead(top, day, candidates);
      if (shown != null) {
        return Optional.of(shown);
      }
    }
    return Optional.of(top);
  }

  /** Class names of widgets that show today's date in a page's header or navigation, not the article's. */
  private static final Pattern TODAY_WIDGET = Pattern.compile("(?i)current|header.?date|top.?date|topbar|weather|nav|ticker|today|menu");

  /** The shown date that should replace {@code top} (see {@link #best}), or null. */
  private static Candidate shownInstead(Candidate top, String day, List<Candidate> candidates) {
    Candidate shown = null;
    for (Candidate c : candidates) {
      if (c.tier().equals("visible") && c.source().startsWith("class ") && !TODAY_WIDGET.matcher(c.source()).find()) {
        if (shown == null) {
          shown = c;
        } else if (!c.value().regionMatches(0, shown.value(), 0, 10)) {
          return null; // the page shows several days: a list, not the article's date
        }
      }
    }
    if (shown == null) {
      return null;
    }
    String shownDay = shown.value().substring(0, 10);
    if (shownDay.equals(day) || shownDay.equals(swapped(day))) {
      return null; // the same day, or the same digits read the other way round
    }
    java.util.Set<String> timeDays = new java.util.HashSet<>();
    boolean localConfirms = false; // a time with its own offset on the top's day: no time zone moves it
    for (Candidate c : candidates) {
      if (c.source().equals("url path") && c.value().equals(day)) {
        return null; // the URL, written once when the page was made, agrees with the top
      }
      if (c.tier().equals("modified") && c.value().startsWith(shownDay)) {
        return shown;
      }
      if (c.source().equals("time datetime")) {
        timeDays.add(c.value().substring(0, 10));
      }
      localConfirms |= !c.tier().equals("modified") && c.value().startsWith(day) && ownOffset(c.value());
    }
    if (!localConfirms && midnightApart(top.value(), shownDay)) {
      return shown;
    }
    return top.source().equals("time datetime") && timeDays.size() > 1 ? shown : null;
  }

  /** Whether {@code value} is a time with an offset other than UTC's ({@code 2023-10-31T05:41:58+01:00}): a local time. */
  private static boolean ownOffset(String value) {
    if (value.length() <= 19 || value.charAt(10) != 'T') {
      return false;
    }
    String offset = value.substring(19).replaceFirst("^\\.\\d+", "");
    return !(offset.isEmpty() || offset.equals("Z") || offset.equals("+00:00") || offset.equals("-00:00"));
  }

  /** {@code 2020-03-04} as {@code 2020-04-03}, or null when the day cannot be a month. */
  private static String swapped(String day) {
    int d = Integer.parseInt(day.substring(8, 10));
    return d > 12 ? null : day.substring(0, 5) + day.substring(8, 10) + "-" + day.substring(5, 7);
  }

  private static long daysBetween(String a, String b) {
    return LocalDate.parse(b.substring(0, 10)).toEpochDay() - LocalDate.parse(a.substring(0, 10)).toEpochDay();
  }

  /**
   * Whether {@code otherDay} may be the local day of {@code timestamp}, a UTC (or offset-less) time
   * that a time zone carries across midnight: before 09:00 to the day before (the Americas), from
   * 15:00 to the day after (Asia, Oceania). Timestamps with their own offset are already local.
   */
  static boolean midnightApart(String timestamp, String otherDay) {
    if (timestamp.length() < 13 || timestamp.charAt(10) != 'T' || ownOffset(timestamp)) {
      return false;
    }
    int hour = Integer.parseInt(timestamp.substring(11, 13));
    long apart = daysBetween(timestamp, otherDay);
    return (apart == -1 && hour < 9) || (apart == 1 && hour >= 15);
  }

  /**
   * Values of {@link #SCRIPT_KEYS} written as {@code "key": "value"} or {@code key="value"}, in
   * document order. A plain {@code indexOf} scan: a case-insensitive regular expression over a
   * whole page cost more than everything else in extraction together.
   */
  static List<String> scriptKeyValues(String raw) {
    int limit = Math.min(raw.length(), 2_000_000);
    long[] found = new long[8]; // key start << 32 | index into values: sorting orders by start, then by discovery
    int n = 0;
    List<String> values = new ArrayList<>();
    // every key contains "ublish", "ubDate", "ubdate", "ateCreated" or "dc:date"; one indexOf scan per anchor
    for (String anchor : SCRIPT_ANCHORS) {
      for (int a = raw.indexOf(anchor); a >= 0 && a < limit; a = raw.indexOf(anchor, a + anchor.length())) {
        if (anchor.length() == 2 && !(raw.startsWith("lish", a + 2) || raw.startsWith("Date", a + 2) || raw.startsWith("date", a + 2))) {
          continue; // "ub" stands for the anchors "ublish", "ubDate", "ubdate", found in one scan
        }
        int i = a;
        while (i > 0 && isKeyChar(raw.charAt(i - 1))) {
          i--;
        }
        int j = a + anchor.length();
        while (j < raw.length() && isKeyChar(raw.charAt(j))) {
          j++;
        }
        if (j - i > MAX_SCRIPT_KEY || !SCRIPT_KEY_SET.contains(raw.substring(i, j))) {
          continue;
        }
        String v = valueAfter(raw, j);
        if (v != null) {
          if (n == found.length) {
            found = java.util.Arrays.copyOf(found, n * 2);
          }
          found[n++] = ((long) i << 32) | values.size();
          values.add(v);
        }
      }
    }
    java.util.Arrays.sort(found, 0, n);
    List<String> out = new ArrayList<>(n);
    long last = -1;
    for (int k = 0; k < n; k++) {
      long start = found[k] >>> 32;
      if (start != last) { // two anchors inside one key find it twice: keep it once, the first found
        out.add(values.get((int) found[k]));
        last = start;
      }
    }
    return out;
  }

  /**
   * The first date written right after a label that introduces a publication date ("Erschienen am:
   * 01.11.2023", "Pressemitteilung vom 20.01.2022", "Published: March 3, 2021") in the page's
   * {@code text}.
   */
  private static Optional<String> labelledDate(String text, boolean english) {
    Matcher m = DATE_LABEL.matcher(text);
    while (m.find()) {
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
      Optional<String> d = textDate(after, english);
      if (d.isPresent() && after.indexOf(d.get().substring(0, 4)) >= 0 && startsWithDate(after)) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** Whether the text starts with a date (a digit, or a weekday or month name, not other words first). */
  private static boolean startsWithDate(String s) {
    if (s.isEmpty()) {
      return false;
    }
    String w = firstWord(s);
    return Character.isDigit(s.charAt(0)) || MONTHS.containsKey(w) || WEEKDAYS.contains(w);
  }

  private static String firstWord(String s) {
    int i = 0;
    while (i < s.length() && Character.isLetter(s.charAt(i))) {
      i++;
    }
    return s.substring(0, i).toLowerCase(Locale.ROOT);
  }

  private static final java.util.Set<String> WEEKDAYS = java.util.Set.of("monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch",
      "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");

  /**
   * A date printed just above or below the page's first {@code <h1>} (within 200 characters of its
   * text in the page's {@code text}): where blogs and news pages print the publication date when no
   * markup says it.
   */
  private static Optional<String> dateNearHeadline(Document doc, String text, boolean english) {
    Element h1 = doc.body() == null ? null : doc.body().selectFirst("h1");
    if (h1 == null || h1.text().isBlank()) {
      return Optional.empty();
    }
    int at = text.indexOf(h1.text());
    if (at < 0) {
      return Optional.empty();
    }
    int from = Math.max(0, at - 200);
    int to = Math.min(text.length(), at + h1.text().length() + 200);
    String after = text.substring(at + h1.text().length(), to);
    Optional<String> below = firstDate(after, english);
    return below.isPresent() ? below : firstDate(text.substring(from, at), english);
  }

  /** The date that starts earliest in {@code text} (ties: the first pattern of {@link #datesIn}). */
  private static Optional<String> firstDate(String text, boolean english) {
    int[] best = {Integer.MAX_VALUE};
    String[] found = {null};
    datesIn(text, english, (d, start) -> {
      if (start < best[0]) {
        best[0] = start;
        found[0] = d;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  /** Every numeric or month-name date in {@code text}, with where it starts, pattern by pattern. */
  private static void datesIn(String text, boolean english, java.util.function.ObjIntConsumer<String> action) {
    for (Pattern p : List.of(NUMERIC, DAY_MONTH_YEAR, MONTH_DAY_YEAR)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int start = m.start();
        textDate(m.group(), english).ifPresent(d -> action.accept(d, start));
      }
    }
  }

  /** The visible text of the page's body, empty when it has none. */
  private static String bodyText(Document doc) {
    return doc.body() == null ? "" : doc.body().text();
  }

  /** An RDFa property naming the publication date: {@code schema:datePublished}, {@code dc:created}, … */
  private static boolean rdfaPublished(String property) {
    String p = property.trim().toLowerCase(Locale.ROOT);
    return p.endsWith("datepublished") || p.endsWith("datecreated") || p.equals("dc:date") || p.equals("dc:created")
        || p.equals("dcterms:created") || p.equals("dcterms:issued");
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  /** The quoted value of {@code "key": "value"} or {@code key="value"} after the key's end, or null. */
  private static String valueAfter(String raw, int j) {
    if (j < raw.length() && (raw.charAt(j) == '"' || raw.charAt(j) == '\'')) {
      j++;
    }
    while (j < raw.length() && raw.charAt(j) == ' ') {
      j++;
    }
    if (j >= raw.length() || (raw.charAt(j) != ':' && raw.charAt(j) != '=')) {
      return null;
    }
    j++;
    while (j < raw.length() && raw.charAt(j) == ' ') {
      j++;
    }
    if (j >= raw.length() || (raw.charAt(j) != '"' && raw.charAt(j) != '\'')) {
      return null;
    }
    int end = raw.indexOf(raw.charAt(j), j + 1);
    return end > j + 8 && end - j - 1 <= 40 ? raw.substring(j + 1, end) : null;
  }

  /** A cheap filter before the regular expression (on lower-cased names): most class names say nothing about dates. */
  private static boolean mayNameADate(String n) {
    return n.contains("dat") || n.contains("tim") || n.contains("publ") || n.contains("post") || n.contains("meta")
        || n.contains("byline") || n.contains("fech") || n.contains("stamp");
  }

  private static void add(List<Candidate> out, Optional<String> v, String source, String tier) {
    v.ifPresent(d -> out.add(new Candidate(d, source, tier)));
  }

  /** English variants and hosts that write numeric dates day first ({@code 12/04/2020} is 12 April). */
  private static final Pattern DAY_FIRST_ENGLISH = Pattern.compile("^en[-_](gb|uk|au|nz|ie|in|za)\\b");
  private static final Pattern DAY_FIRST_URL = Pattern.compile(
      "(?i)^[a-z]+://[^/?#]*\\.(uk|au|nz|ie|in|za)(?::\\d+)?(?:[/?#]|$)|/en[-_](gb|uk|au|nz|ie|in|za)(?:/|$)");

  /** Whether numeric dates on the page are read month first: an English page outside the day-first countries. */
  private static boolean monthFirst(Document doc, String url) {
    Element html = doc.selectFirst("html");
    String lang = html == null ? "" : html.attr("lang").toLowerCase(Locale.ROOT);
    if (!(lang.isEmpty() || lang.startsWith("en")) || DAY_FIRST_ENGLISH.matcher(lang).find()) {
      return false;
    }
    return url == null || !DAY_FIRST_URL.matcher(url).find();
  }

  /** A date written in free text: ISO, numeric, or with a month name. */
  static Optional<String> textDate(String text, boolean monthFirst) {
    if (!Dates.hasDigit(text)) { // every form below has a year
      return Optional.empty();
    }
    Optional<String> iso = Dates.find(text).filter(d -> !d.isEmpty());
    Matcher dmy = DAY_MONTH_YEAR.matcher(text);
    if (dmy.find()) {
      Integer m = MONTHS.get(dmy.group(2).toLowerCase(Locale.ROOT));
      if (m != null) {
        return day(Integer.parseInt(dmy.group(3)), m, Integer.parseInt(dmy.group(1)));
      }
    }
    Matcher mdy = MONTH_DAY_YEAR.matcher(text);
    if (mdy.find()) {
      Integer m = MONTHS.get(mdy.group(1).toLowerCase(Locale.ROOT));
      if (m != null) {
        return day(Integer.parseInt(mdy.group(3)), m, Integer.parseInt(mdy.group(2)));
      }
    }
    Matcher n = NUMERIC.matcher(text);
    if (n.find()) {
      if (n.group(4) != null) {
        int a = Integer.parseInt(n.group(1));
        int b = Integer.parseInt(n.group(3));
        int y = Integer.parseInt(n.group(4));
        boolean usOrder = (monthFirst && n.group(2).equals("/") && b <= 31 && a <= 12) || b > 12;
        return usOrder ? day(y, a, b) : day(y, b, a);
      }
      return day(Integer.parseInt(n.group(5)), Integer.parseInt(n.group(7)), Integer.parseInt(n.group(8)));
    }
    return iso;
  }

  private static Optional<String> day(int y, int m, int d) {
    try {
      LocalDate date = LocalDate.of(y, m, d);
      return y >= 1990 && y <= 2100 ? Optional.of(date.toString()) : Optional.empty();
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> compactUrlDate(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_COMPACT.matcher(url);
    if (m.find()) {
      return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    Matcher d = URL_DMY.matcher(url);
    return d.find() ? day(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(1))) : Optional.empty();
  }

  /** ISO or slashed year-first dates ({@code 2016-05-04}, {@code /2016/05/04/}) and dotted day-first ones ({@code 28.09.2019}). */
  private static final Pattern SOURCE_DATE = Pattern.compile(
      "(?<!\\d)((?:19|20)\\d\\d)[-/.](0[1-9]|1[0-2])[-/.](0[1-9]|[12]\\d|3[01])(?!\\d)|(?<![\\d.])(0?[1-9]|[12]\\d|3[01])\\.(0?[1-9]|1[0-2])\\.((?:19|20)\\d\\d)(?!\\d)");

  /**
   * The one full date written anywhere in the page's source, the last resort when neither the
   * markup's date fields nor the visible text date the page: such a date sits in a link or image
   * path ({@code /files/2016/05/04/report.png}), an attribute, a comment or a script. Only when the
   * source holds a single day: on the htmldate set, taking the most frequent of several was right
   * on 3 pages and wrong on 7, and a wrong date misleads the lineage more than no date; with one day
   * only it is right on 3 and wrong on 2.
   */
  private static Optional<String> onlyDateInSource(String raw) {
    String only = null;
    Matcher m = SOURCE_DATE.matcher(raw.length() > 2_000_000 ? raw.substring(0, 2_000_000) : raw);
    while (m.find()) {
      Optional<String> d = m.group(1) != null
          ? day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          : day(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(4)));
      if (d.isPresent()) {
        if (only != null && !only.equals(d.get())) {
          return Optional.empty();
        }
        only = d.get();
      }
    }
    return Optional.ofNullable(only);
  }

  private static Optional<String> mostFrequentInText(String text, boolean english) {
    Map<String, Integer> counts = new HashMap<>();
    datesIn(text.length() > 200_000 ? text.substring(0, 200_000) : text, english, (d, start) -> counts.merge(d, 1, Integer::sum));
    return counts.entrySet().stream()
        .max((a, b) -> a.getValue().equals(b.getValue()) ? b.getKey().compareTo(a.getKey()) : Integer.compare(a.getValue(), b.getValue()))
        .map(Map.Entry::getKey);
  }
}
