package io.wiretrace.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies one line or block of a scraped page as scraper residue, with a stable reason code.
 *
 * <p>Reason codes (the {@code reason} of {@link io.wiretrace.model.Removed}):
 * {@code comment_form, author_box, byline, hashtags, tags, share, rss_stub, source_stub, site_tagline,
 * caption_credit, date_header, counter, copyright, related, navigation, repeated_title, links, advert, rating, contact,
 * call_to_action, trailing}.
 * The rules are anchored on whole lines and bounded in length, so a body sentence that merely
 * mentions "comments" or "source" is not residue.
 */
public final class Residue {
  private Residue() {}

  /**
   * One residue rule: lines up to {@code maxLength} characters that {@code pattern} matches whole.
   * {@code guard} is a cheap test every match passes (an ending, a word the line must contain),
   * given the lower-cased line and checked first: patterns that begin with {@code .*} backtrack
   * over every line otherwise. {@code firstChars} (read from the pattern by {@link #startChars}, or
   * null) are the characters a match can start with: lines starting otherwise skip the rule.
   */
  private record Rule(String reason, Pattern pattern, int maxLength, java.util.function.Predicate<String> guard, String firstChars) {
    Rule(String reason, Pattern pattern, int maxLength, java.util.function.Predicate<String> guard) {
      this(reason, pattern, maxLength, guard, pattern.flags() == Pattern.UNICODE_CASE ? startChars(pattern.pattern()) : null);
    }

    Rule(String reason, Pattern pattern, int maxLength) {
      this(reason, pattern, maxLength, s -> true);
    }

    /** Patterns made by {@link #lp} are matched against the lower-cased line; others against the line itself. */
    boolean onLowerCase() {
      return pattern.flags() == Pattern.UNICODE_CASE;
    }

    /** Whether a line whose lower-cased form starts with {@code c} may match: every match starts with one of {@link #firstChars}. */
    boolean mayStartWith(char c) {
      return firstChars == null || firstChars.indexOf(c) >= 0;
    }
  }

  /**
   * The characters a match of {@code regex} (anchored with {@code ^}) can start with, or null when
   * that is not plain from the pattern: every top-level alternative must begin with a literal
   * character, or a group whose alternatives do, that is not optional. Used to skip rules whose
   * match cannot start with the line's first character; a pattern this does not understand is
   * always tried.
   */
  static String startChars(String regex) {
    if (!regex.startsWith("^")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int end = alternatives(regex, 1, out);
    return end == regex.length() || end > 0 && end < regex.length() && regex.charAt(end) != ')' ? out.toString() : null;
  }

  /**
   * Adds to {@code out} the first characters of the alternatives starting at {@code i}; returns the
   * index where the alternation ends (the end or a closing parenthesis), or -1 when unknown.
   */
  private static int alternatives(String re, int i, StringBuilder out) {
    while (true) {
      int first = firstOf(re, i, out);
      if (first < 0) {
        return -1;
      }
      // skip the rest of this alternative, minding nesting, escapes and classes
      int depth = 0;
      int j = i;
      for (; j < re.length(); j++) {
        char c = re.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '[') {
          j = re.indexOf(']', j + 2);
          if (j < 0) {
            return -1;
          }
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (c == '|' && depth == 0) {
          break;
        }
      }
      if (j >= re.length() || re.charAt(j) == ')') {
        return j;
      }
      i = j + 1; // after '|'
    }
  }

  /** Adds the first characters of the item at {@code i}; returns 0, or -1 when unknown. */
  private static int firstOf(String re, int i, StringBuilder out) {
    if (i >= re.length()) {
      return -1;
    }
    char c = re.charAt(i);
    int next;
    if (c == '(') {
      if (i + 1 < re.length() && re.charAt(i + 1) == '?' && !re.startsWith("?:", i + 1)) {
        return -1; // look-around, inline flags or another special group
      }
      int inner = re.startsWith("?:", i + 1) ? i + 3 : i + 1;
      int close = alternatives(re, inner, out);
      if (close < 0 || close >= re.length()) {
        return -1;
      }
      next = close + 1;
    } else if (c == '\\') {
      if (i + 1 >= re.length() || Character.isLetterOrDigit(re.charAt(i + 1))) {
        return -1; // \d, \s, \p{..}, \b ...
      }
      out.append(re.charAt(i + 1));
      next = i + 2;
    } else if (c == '[' || c == '.' || c == '|' || c == ')' || c == '^' || c == '$' || c == '*' || c == '+' || c == '?' || c == '{') {
      return -1;
    } else {
      out.append(c);
      next = i + 1;
    }
    if (next < re.length() && (re.charAt(next) == '?' || re.charAt(next) == '*' || re.charAt(next) == '{')) {
      return -1; // the item may be absent: the match may start with what follows
    }
    return 0;
  }

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * A rule's pattern, written in lower case and matched against the lower-cased line: a
   * case-insensitive match folds the case of every character it compares, and the rules are
   * tried on every short line of every page. ({@code UNICODE_CASE} alone changes nothing in the
   * match; it marks the pattern for {@link Rule#onLowerCase}.)
   */
  private static Pattern lp(String regex) {
    return Pattern.compile(regex, Pattern.UNICODE_CASE);
  }

  /** Lines that open a comment section: everything after them is comment form or comments. */
  private static final Pattern COMMENT_SECTION = p("^(leave a (reply|comment)|(schreibe|hinterlasse) einen kommentar|kommentar(e)? (schreiben|verfassen|hinterlassen)|laisser un commentaire|deja un comentario|lascia un commento|(\\d+ )?kommentare?( \\(\\d+\\))?|(\\d+ )?commentaires?|(\\d+ )?comentarios?|\\d+ (thoughts|responses|replies) (on|to) .*|(\\d+ )?comments?( \\(\\d+\\))?|add a comment|post a comment|join the (discussion|conversation)|what do you think\\?)\\s*:?$");

  /** Agencies a bare "Name/Agency" credit line names (lower case). */
  private static final String AGENCIES = "ap|afp|reuters|getty images|getty|epa|epa-efe|bloomberg|xinhua|sipa|shutterstock|"
      + "anadolu|anadolu agency|aap|pa|pa images|pa wire|dpa|nurphoto|sopa images|zuma press|zuma wire|the associated press|"
      + "associated press|tass|kyodo|yonhap|ansa|efe|imago|alamy|abaca|bbc|cnn|nyt|the new york times|pool";
  private static final Pattern SLASH_CREDIT_LOWER = lp("^[\\p{L}'’.-]+( [\\p{L}'’.-]+){0,3}\\s?/\\s?(((pool|file|staff)( photo)?|"
      + "handout)( via | / ?))?(" + AGENCIES + ")( via (" + AGENCIES + "))?$");
  private static final Pattern SLASH_CREDIT = p(SLASH_CREDIT_LOWER.pattern());

  private static final List<Rule> RULES = List.of(
      // multilingual interface strings (German, French, Spanish, Italian, Dutch), short lines only
      new Rule("comment_form", lp("^(kommentare (geschlossen|insgesamt:?.*|sind geschlossen\\.?)|antworten|comments? (are )?closed\\.?|antwort abbrechen|reageer|répondre|responder|rispondi)$"), 80),
      new Rule("share", lp("^((diesen |den )?(artikel|beitrag|seite) (teilen|empfehlen|drucken)|teilen|weiterempfehlen|empfehlen|gefällt mir:?|möchten sie (den|diesen) (artikel|beitrag) teilen\\??|partager( sur \\w+)?|compartir|condividi|delen|drucken|per e-mail (senden|versenden))\\s*:?$"), 80),
      new Rule("related", lp("^(ähnliche (beiträge|artikel|themen)|auch interessant|(das|dieses) (thema )?könnte (dich|sie) (auch )?interessieren:?|mehr zum thema.*|weitere (artikel|beiträge|themen|nachrichten).*|verwandte (artikel|beiträge)|lesen sie auch.*|empfohlene artikel|articles similaires|à lire aussi( ?[:»].*)?|sur le même sujet|artículos relacionados|te puede interesar|articoli correlati|related topics|older posts?|newer posts?|vorheriger (beitrag|artikel)|nächster (beitrag|artikel))\\s*:?$"), 100),
      new Rule("navigation", lp("^(nach oben|zurück( nach oben| zur übersicht| zur startseite)?|(zur )?startseite|zum seitenanfang|haut de page|retour|volver|torna su)$"), 40),
      // headings of the boxes that follow an article: most read, latest, more on the topic, read also
      new Rule("related", lp("^(meist ?gelesen(e)?( artikel| beiträge)?|am meisten gelesen|neueste (artikel|beiträge|nachrichten|meldungen)|"
          + "aktuelle (artikel|beiträge|berichte|meldungen) aus .{1,40}|schon gelesen\\??|mehr themen|mehr (kolumnen|artikel|beiträge|news) (auf|von|aus) .{1,40}|"
          + "(auch|ebenfalls) lesen|zum weiterlesen|empfohlene beiträge|empfehlungen aus .{1,40}|weitere (informationen|infos|links|tourentipps)|"
          + "weiterführende (informationen|links|artikel|beiträge)|auch auf [\\p{L}\\d.-]{2,30}|"
          + "zobacz (także|też|również)|czytaj (także|też|również)|(les )?articles les plus lus|les plus lus|lire aussi|à lire également|"
          + "(lea|lee|vea|ver|mire) (también|además)|te recomendamos|leggi anche|potrebbe interessarti|"
          + "(read|see) also|also read|further reading|most (viewed|shared|commented)|latest (articles|headlines)|more (articles|stories|posts)|"
          + "you (may|might) also be interested in)\\s*:?$"), 60),
      // "Lea también: <headline>", "Mire: <headline>": a link to another story, introduced
      new Rule("related", lp("^(lea también|lee también|lea más|lee más|mire|mira|vea también|le puede interesar|te puede interesar|puedes ver|"
          + "leggi anche|lire aussi|à lire aussi|read also|also read|see also|auch lesen|lesen sie auch|lesen sie hier|lesen sie mehr|mehr dazu|siehe auch|"
          + "zobacz (także|też|również)|czytaj (także|też|również|więcej)|dowiedz się więcej)\\s*:\\s*[\\p{L}\"„«¿¡].{5,120}$"), 150,
          s -> s.indexOf(':') > 0),
      // labels of boxes that hold no article text: tags, feeds, most discussed, save, affiliate links, contact
      new Rule("tags", lp("^(markiert mit|verschlagwortet mit|etiquetado con)\\s*:?$"), 30),
      new Rule("rss_stub", lp("^(kommentarfeed|kommentar-feed|comments feed|feed der kommentare)$"), 30),
      new Rule("related", lp("^(meist[- ]?diskutiert(e)?( artikel)?|meistkommentiert(e)?( artikel)?|kommentierte artikel|most commented)$"), 40),
      new Rule("share", lp("^(merken|gefällt mir:?\\s*(wird geladen|loading)\\.*|bei pinterest speichern|save (this )?recipe)$"), 40),
      new Rule("advert", lp("^(affiliate-?link(s)?|werbelink|\\*?partnerlink)\\s*:?$"), 30),
      new Rule("contact", lp("^(kontakt|pressekontakt|ansprechpartner(in)?( zum thema)?|zusatzinformationen|contact|media contact|press contact)\\s*:$"), 40),
      // a time alone ("3:59 PM", "19:49 Uhr") is a date header's remainder
      new Rule("date_header", lp("^\\d{1,2}:\\d{2}(\\s?(am|pm|uhr|h))?$"), 12),
      new Rule("date_header", lp("^(stand|veröffentlichung|release date|date de publication|fecha de publicación)\\s*:\\s*.{0,40}$"), 60,
          s -> s.indexOf(':') > 0 && (s.startsWith("stand") || s.startsWith("ver") || s.startsWith("release") || s.startsWith("date")
              || s.startsWith("fecha"))),
      // photo credits: "Crédits photos : X", "(Credit: X / Y)", "Name, photo: X", "… © AFP / NAME"
      new Rule("caption_credit", lp("^(crédits? photos?\\s*:.{1,80}|\\(credit:[^)]{1,80}\\)|[^.]{2,60},\\s*(photo|foto)\\s*:.{1,80}|.{2,120}©\\s*[\\p{L} /.&-]{2,60})$"), 200,
          s -> s.indexOf('©') >= 0 || s.contains("credit") || s.contains("crédit") || s.contains("photo:") || s.contains("foto:")),
      // widget labels: share with friends, print the recipe, learn more, add a comment, figure captions, agency credits
      new Rule("share", lp("^(mit freunden teilen|(rezept|artikel|seite|beitrag) drucken|like (this )?recipe\\??|tipp favorisieren|print recipe|pin recipe)$"), 40),
      new Rule("source_stub", lp("^(weiterlesen|dowiedz się więcej|czytaj więcej|explore further|learn more|en savoir plus|quellenangaben|quellen|sources|einzelnachweise)\\s*:$|"
          + "^(dowiedz się więcej|explore further|learn more|quellenangaben|einzelnachweise)$"), 40),
      new Rule("comment_form", lp("^(kommentar hinzufügen|add (a )?comment|ajouter un commentaire|dodaj komentarz)$"), 40),
      new Rule("caption_credit", lp("^(abbildung|abb\\.|grafik|figure|fig\\.)\\s*\\d*\\s*:.{0,200}$"), 220),
      new Rule("caption_credit", lp("^(afp|ap|dpa|reuters|epa|getty images|imago( images)?|picture alliance|keystone|apa)(\\s*/\\s*[\\p{L} .'-]{2,40}){1,3}$"), 80),
      new Rule("caption_credit", lp(".*\\((foto|fotos|bild|grafik|abbildung)\\s*:[^)]{1,80}\\)\\.?$"), 240,
          s -> s.endsWith(")") || s.endsWith(").")),
      // reading-time notes and tables of contents
      new Rule("counter", lp("^(\\d+\\s*(min(ute)?s?|minuten)\\.?\\s*(read|reading time|lesezeit|lesen|lecture|de lecture|de lectura)|"
          + "(lesezeit|reading time|temps de lecture|tiempo de lectura)\\s*:?\\s*(ca\\.\\s*)?\\d+\\s*(min(ute)?s?|minuten)\\.?)$"), 40),
      new Rule("navigation", lp("^(inhaltsverzeichnis|inhalt|table of contents|contents|sommaire|índice|indice|spis treści)\\s*:?$"), 30),
      // advertising and affiliate disclosures ("Anzeige, enthält Affiliate Links", "*Werbung. Dieser Beitrag enthält Werbung für …")
      new Rule("advert", lp("^\\*?(anzeige|werbung|advertisement|sponsored|affiliate)\\b.{0,200}$"), 220,
          s -> s.contains("affiliate") || s.contains("enthält") || s.contains("werbung für") || s.contains("sponsored by")
              || s.contains("partnerlink")),
      new Rule("advert", lp("^(this (post|article|page) (contains|may contain|includes) (affiliate links|references to products|sponsored).*|"
          + "(dieser|der) (beitrag|artikel) enthält (affiliate|werbe|partner).*)$"), 400),
      // interface strings of page widgets: loading, ratings, login prompts, source toggles
      new Rule("navigation", lp("^(wird geladen\\.*|loading\\.*|permalien( https?://\\S+)?|permalink( https?://\\S+)?|quellen (aus|ein)blenden|\\(?noch keine bewertungen?\\)?( loading\\.*| wird geladen\\.*)?|info zur bewertung|"
          + "vorschau auf den nächsten artikel|sie müssen sich (einloggen|anmelden), um .{0,80}|if you enjoyed (reading )?this (post|article).{0,60}|"
          + "stay up-to-date on our work\\.?|we want to hear what you think about this article\\.?|kommentieren)$"), 160),
      new Rule("source_stub", lp("^(weiterlesen|mehr lesen|(hier )?mehr erfahren|erfahre mehr|lire la suite|en savoir plus|leer más|seguir leyendo|leggi (tutto|di più)|lees meer|zum artikel|zur quelle.*|quelle:.*|fuente:.*|source ?:.*)\\s*(»|›|→|\\.\\.\\.)?$"), 120),
      new Rule("related", lp("^(you (may|might) also like\\.*|don'?t miss:?|see more:.*|see also:?|more (stories|news|videos) from .*|read next:?|up next:?|trending (stories|now):?|popular (stories|now):?|what to read next:?|recommended (stories|reading|videos):?|in other news:?|(related|more) (coverage|reading|links):?|você pode gostar\\.*|veja também:?|leia também:?)$"), 100),
      new Rule("comment_form", lp("^(top rated comments|(\\[ ?)?read all comments( ?\\])?|\\(?view all\\)?|show comments|tell us what you think\\.*|join the conversation\\.*|comments? policy.*|atenção: comentários .*)$"), 200),
      new Rule("share", lp("^(print this article.*|share it with friends|whatsapp facebook .*|share this (article|story|post) on .*|email this (article|story))$"), 80),
      new Rule("navigation", lp("^(this slideshow requires javascript\\.?|javascript is (disabled|required).*|please enable javascript.*)$"), 120),
      new Rule("advert", lp("^[-–— ]*(anzeige|werbung|advert|advertisement|advertising|sponsored( content)?|publicité|publicidad|pubblicità|gesponsord)[-–—: ]*$"), 40),
      new Rule("rating", lp("^(bewerten:?|rate this:?|bewertung:.*|war (der|dieser) (artikel|beitrag) (nützlich|hilfreich)\\?.*|was this (article|post) helpful\\?.*)$"), 120),
      new Rule("caption_credit", lp("^(beitragsbild|titelbild|vorschaubild|bild|foto|fotos|bildquelle|quelle bild|crédit photo|photo ?:?|foto ?:)\\s*:?.{0,80}$"), 100),
      new Rule("tags", lp("^(schlagwörter|schlagworte|stichworte|stichwörter|kategorien?|rubriken?|étiquettes|mots-clés|etiquetas|categorías|this entry was posted in .*|dieser (eintrag|beitrag) wurde (am .* )?(veröffentlicht|abgelegt) (in|unter) .*|posted in .*|abgelegt unter.*|veröffentlicht in.*)\\s*:?.*$"), 200),
      new Rule("copyright", lp("^(vervielfältigung nur mit genehmigung.*|alle rechte vorbehalten.*|tous droits réservés.*|todos los derechos reservados.*|tutti i diritti riservati.*|impressum|datenschutz(erklärung)?|haftungsausschluss|cookie-einstellungen)$"), 200),
      new Rule("author_box", lp("^(über (den|die) autor(in)?|zum autor|zur autorin|à propos de l'auteur|sobre el autor|l'autore)\\s*:?$"), 60),
      new Rule("counter", lp("^(aufrufe|gelesen|zugriffe|vues|visitas|visite)\\s*:?\\s*[\\d.,]*\\s*(mal)?$"), 40),
      new Rule("comment_form", lp("^(your email address will not be published\\.?.*|required fields are marked.*|save my name, email,? and website.*|post comment|submit comment|cancel reply|notify me of (follow-up comments|new posts).*|you must be logged in to post a comment\\.?|comment\\s*\\*?|name\\s*\\*|e-?mail\\s*\\*|website|no comments yet\\.?.*|be the first to comment.*)$"), 200),
      new Rule("author_box", lp("^(about the author|view all posts by .*|more (posts|articles|stories) by .*|(written|posted|published) by [^.]{2,60})$"), 300),
      new Rule("author_box", lp("^.{2,60} is an? (staff|senior|freelance|contributing|political|business|foreign)? ?(writer|reporter|correspondent|journalist|editor|contributor)\\b.*$"), 300,
          s -> s.contains(" is a")),
      // case-sensitive on the name: "By the time ..." is a sentence, "By Jane Admin" a byline; also
      // German "von", French "par", Spanish "por"
      new Rule("byline", Pattern.compile("^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR)\\s+\\p{Lu}[\\p{L}.'-]+(\\s+(\\p{Lu}[\\p{L}.'-]+|and|und|et|y|&|van|de|von|la)){0,5}(\\s*[,|/–—-]\\s*.{0,60})?$"), 120),
      new Rule("hashtags", lp("^(#[\\p{L}\\p{N}_]+[\\s,;]*)+$"), 500),
      new Rule("tags", lp("^(tags?|tagged|topics?|filed under|categories|category)\\s*:.*$"), 300),
      // "Tags a, b, c" without a colon: at least three comma-separated items and no sentence end
      new Rule("tags", lp("^(tags?|tagged)\\s+[^.!?:]+(,[^.!?]+){2,}$"), 1000),
      new Rule("share", lp("^(share( this( article| story| post)?)?( on \\w+)?|share via.*|tweet( this)?|pin it|email( this)?|print( this)?( article)?|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|copy link|click to share on .*|share on (facebook|twitter|x|linkedin|whatsapp).*|like this:?|like loading\\.*)\\s*:?$"), 120),
      new Rule("rss_stub", lp("^(rss( feed)?|subscribe( to (our|the) (rss|feed|newsletter)).*|sign up for (our|the) newsletter.*|follow us on .*|get the latest .* in your inbox.*|subscribe|newsletter)\\s*:?$"), 160),
      new Rule("source_stub", lp("^(\\(?source\\)?|via|source link|original(ly published)? (at|on|by|in) .*|read (the )?(full|original|more) (story|article|at|on).*|read more.*|continue reading.*|click here.*|\\[?source:?\\]?.*|source\\s*:.*|via\\s*:.*)$"), 200),
      new Rule("site_tagline", lp("^.{2,50}\\s[–—|:-]\\s.{0,80}\\b(source|destination|home|place)\\s+for\\b.{0,60}$"), 200,
          s -> s.contains("for")),
      new Rule("caption_credit", lp(".*\\((photo|image|picture|file photo|video)s?( by| credit| courtesy of)?\\s*:?[^)]{0,80}\\)\\.?$"), 240,
          s -> s.endsWith(")") || s.endsWith(").")),
      new Rule("caption_credit", lp("^((photo|image|picture|file photo|video|illustration|graphic)s?( credit)?\\s*:.*|\\(?(photo|image|picture)s?( by| courtesy of| credit)?\\b.*\\)?|(toggle|hide|show|change the|switch the|expand|collapse) (caption|subtitles?|legend)|caption|credit\\s*:.*)$"), 200),
      // a bare photo credit: "Evan Vucci/AP", "Jane Doe / Reuters", "Susan Walsh/Pool Photo via AP"
      new Rule("caption_credit", SLASH_CREDIT_LOWER, 80, s -> s.indexOf('/') > 0),
      new Rule("caption_credit", lp("^.*\\b(getty images|ap photo|afp via getty|shutterstock|reuters/[\\p{L} ]+|epa-efe)\\b.*$"), 200,
          s -> s.contains("getty") || s.contains("ap photo") || s.contains("shutterstock") || s.contains("reuters/")
              || s.contains("epa-efe")),
      // a day-first dotted date ("19.05.2025") is a date header, not a counter
      new Rule("counter", lp("^(?!\\d{1,2}\\.\\d{1,2}\\.(19|20)\\d{2}$)[\\d.,\\s]*\\d[\\d.,\\s]*(k|m)?\\s*(views?|shares?|comments?|likes?|reads?|reactions?)?$"), 40),
      new Rule("counter", lp("^(views?|shares?|comments?|likes?|reads?)\\s*:?\\s*[\\d.,]+\\s*(k|m)?$"), 40),
      new Rule("copyright", lp("^(©|\\(c\\)|copyright\\b).*$"), 200),
      new Rule("copyright", lp("^.*\\ball rights reserved\\.?$"), 200, s -> s.endsWith("reserved") || s.endsWith("reserved.")),
      new Rule("related", lp("^(related( articles| stories| posts| news| coverage)?|you (may|might) also like|recommended( for you)?|more from .{1,40}|trending( now)?|most (read|popular)|popular posts|latest (news|stories|posts)|see also)\\s*:?$"), 80),
      new Rule("navigation", lp("^(home|menu|search|skip to (main )?content|next (post|article|story)|previous (post|article|story)|back to top|«.*|‹.*|log ?in|sign ?in|sign up|register)$"), 80),
      new Rule("navigation", lp("^.*[»›]$"), 80, s -> s.endsWith("»") || s.endsWith("›")));

  /** One reusable matcher per rule and thread: a line meets every rule, and matchers cost more to create than to run. */
  private static final ThreadLocal<java.util.regex.Matcher[]> MATCHERS = ThreadLocal.withInitial(() -> {
    java.util.regex.Matcher[] ms = new java.util.regex.Matcher[RULES.size()];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = RULES.get(i).pattern().matcher("");
    }
    return ms;
  });

  /** A date header: the line is nothing but a date, with an optional label. */
  private static final Pattern DATE_LABEL = p("^(posted|published|updated|last updated|date|first published|erstellt|veröffentlicht|aktualisiert|zuletzt aktualisiert|datum|publié|mis à jour|publicado|actualizado|pubblicato)?\\s*(on|at|am|le|el|il)?\\s*:?\\s*");

  /** Off only in the test that checks the first-character test changes no answer. */
  static boolean prefilter = true;

  /** The residue class of {@code line}, if it is residue. */
  public static Optional<String> classify(String line) {
    return classify(line, false);
  }

  /**
   * As {@link #classify}, and a block that is a call to action wherever it stands
   * (at most 300 characters, {@link #STRONG_CALL_TO_ACTION}) is {@code call_to_action}: for the blocks of HTML pages, sharing
   * the one lower-cased copy of the block.
   */
  public static Optional<String> classifyBlock(String block) {
    return classify(block, true);
  }

  private static Optional<String> classify(String line, boolean callsToAction) {
    String s = line.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (opensCommentSection(s)) {
      return Optional.of("comment_form");
    }
    java.util.regex.Matcher[] ms = MATCHERS.get();
    String lower = s.toLowerCase(Locale.ROOT);
    char first = lower.charAt(0);
    for (int i = 0; i < ms.length; i++) {
      Rule r = RULES.get(i);
      if (s.length() <= r.maxLength() && (!prefilter || r.mayStartWith(first)) && r.guard().test(lower)
          && ms[i].reset(r.onLowerCase() ? lower : s).matches()) {
        return Optional.of(r.reason());
      }
    }
    if (isDateHeader(s) || isDateMetaLine(s)) {
      return Optional.of("date_header");
    }
    return callsToAction && line.length() <= 300 && strongCallToAction(lower) ? Optional.of("call_to_action") : Optional.empty();
  }

  /**
   * Phrases of calls to action and publishers' notices: subscribe, follow us, get the app, log in,
   * support our work, letters to the editor, rights reserved, the opinions of the authors.
   */
  private static final String[] CALL_TO_ACTION = {"subscri", "abonn", "newsletter", "ios and android", "ios und android",
      "ios y android", "ios et android", "android and ios", "android und ios", "telegram", "youtube",
      "síguenos", "siguenos", "folgen sie uns", "folge uns", "follow us", "suivez-nous", "registrier", "register", "einloggen",
      "anmelden", "sign up", "click here", "klicken sie", "hier klicken", "einfach hier", "cancela cuando", "únete", "suscr",
      "support our work", "supporting our work", "unterstütze", "spende", "donate", "letter to the editor", "leserbrief",
      "full story", "lesen sie das", "im shop", "bestellen sie", "jetzt bestellen", "jetzt kaufen", "jetzt testen",
      "jetzt abonnieren", "all rights", "alle rechte", "wszelkie prawa", "derechos reservados", "droits réservés",
      "n'engagent que", "opinions exprimées", "not responsible for the opinions", "trust principles", "our standards",
      "czytaj więcej", "wöchentliche", "kostenlos testen", "kennt ihr schon", "hacemos periodismo", "apoya el periodismo",
      "apoya nuestro periodismo", "soutenez", "unterstützen sie uns"};
  /** The two words of {@link #CALL_TO_ACTION} that must stand alone: "app(s)", "log in". */
  private static final Pattern CALL_TO_ACTION_WORDS = lp("\\bapps?\\b|\\blog ?in\\b");

  /**
   * Calls to action and notices that are never article text, wherever they stand: consent
   * placeholders of embedded posts, "follow X on Twitter", "subscribe to read the full story",
   * the issue at the kiosk, Amazon affiliate notices.
   */
  private static final Pattern STRONG_CALL_TO_ACTION = Pattern.compile("ohne (dein|ihr|euer) einverständnis|um (den|diesen) inhalt (von .{1,40} )?zu laden|"
      + "klicken sie auf den (unteren )?button|by (loading|clicking) .{0,40}you agree|"
      + "follow (us|[\\p{L}][\\p{L} ]{1,30}) on (twitter|facebook|instagram|x)\\b|síguenos en|folgen sie uns auf|"
      + "please subscribe|subscribe (now )?to (read|view|continue|our)|to (view|read) the full (story|article)|first-time subscribers|"
      + "(jetzt )?(am|an jedem) (bahnhofs)?kiosk|als e-paper|amazon product advertising api|bei den verlinkungen handelt es sich um affiliate",
      Pattern.UNICODE_CASE);

  /** True if {@code lower} (a lower-cased block of at most 300 characters) is a call to action wherever it stands. */
  private static boolean strongCallToAction(String lower) {
    for (String marker : STRONG_MARKERS) { // a cheap test every match passes: most blocks contain none
      if (lower.contains(marker)) {
        return STRONG_CALL_TO_ACTION.matcher(lower).find();
      }
    }
    return false;
  }

  /** Every match of {@link #STRONG_CALL_TO_ACTION} contains one of these. */
  private static final String[] STRONG_MARKERS = {"einverständnis", "inhalt", "button", "you agree", "follow ", "síguenos",
      "folgen sie", "subscri", "full ", "kiosk", "e-paper", "amazon", "affiliate"};

  /** True if {@code text} (a short block) asks the reader to act or states the publisher's terms. */
  public static boolean isCallToAction(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String phrase : CALL_TO_ACTION) { // vectorised scans: one alternation tried at every position cost more
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return (lower.contains("app") || lower.contains("log")) && CALL_TO_ACTION_WORDS.matcher(lower).find();
  }

  /** True if the line opens a comment section. */
  public static boolean opensCommentSection(String line) {
    String s = line.strip();
    return s.length() <= 60 && COMMENT_SECTION.matcher(s).matches();
  }

  private static final Pattern META_SEPARATOR = Pattern.compile("\\s+[|·•]\\s+");

  /**
   * A date with short labels beside it, split by {@code |}, {@code ·} or {@code •} ("2021-10-16 |
   * Botschaft", "24. März 2004, 19:49 | News"): one part a date header, every other part at most
   * three words, 80 characters in all.
   */
  static boolean isDateMetaLine(String s) {
    if (s.length() > 80 || !Dates.hasDigit(s)) {
      return false;
    }
    String[] parts = META_SEPARATOR.split(s);
    if (parts.length < 2) {
      return false;
    }
    boolean date = false;
    for (String part : parts) {
      if (!date && isDateHeader(part.strip())) {
        date = true;
      } else if (part.strip().split("\\s+").length > 3) {
        return false;
      }
    }
    return date;
  }

  /** True if {@code s} is only a date (optionally labelled "Posted on", "Updated:", with a time). */
  public static boolean isDateHeader(String s) {
    if (s.length() > 80 || !Dates.hasDigit(s)) { // every date read here has a year
      return false;
    }
    Matcher m = DATE_LABEL.matcher(s);
    String rest = m.lookingAt() ? s.substring(m.end()) : s;
    if (Dates.find(rest).isEmpty() && DateFinder.textDate(rest, true).isEmpty()) {
      return false;
    }
    // what remains after removing date words, numbers and punctuation must be (almost) nothing
    String stripped = DATE_WORDS.matcher(rest).replaceAll("").replaceAll("[\\d\\s,./:+\\-|T()]", "");
    return stripped.length() <= 2;
  }

  private static final Pattern DATE_WORDS = p("\\b(jan(uary|uar|vier)?|jänner|feb(ruary|ruar)?|février|mar(ch)?|märz|mars|apr(il)?|avril|may|mai|june?|juni|juin|july?|juli|juillet|aug(ust)?|août|sep(t(ember)?)?|septembre|oct(ober)?|okt(ober)?|octobre|nov(ember)?|novembre|dec(ember)?|dez(ember)?|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|segunda|terça|terca|quarta|quinta|sexta|feira|sábado|sabado|domingo|lunes|martes|miércoles|jueves|viernes|lunedì|martedì|mercoledì|giovedì|venerdì|domenica|às|as|del|di|am|pm|uhr|utc|gmt|edt|est|cet|cest|bst|mez|mesz|z|t|at|um|st|nd|rd|th|de|le|el|um|h)\\b");

  /** The outlet or agency a credit or source line names ("Source: Northwind Press" → "Northwind Press"). */
  public static Optional<String> creditedName(String line) {
    Matcher bare = SLASH_CREDIT.matcher(line.strip());
    if (bare.matches()) { // "Susan Walsh/Pool Photo via AP" credits AP; "Evan Vucci/AP" too
      String agency = bare.group(9) != null ? bare.group(9) : bare.group(7);
      return agency.equalsIgnoreCase("pool") ? Optional.empty() : Optional.of(agency.strip());
    }
    Matcher m = CREDIT_NAME.matcher(line.strip());
    if (!m.matches()) {
      // a caption that ends in its credit: "... on Tuesday (Photo: Jane Doe/Northwind Press)"
      Matcher tail = TRAILING_CREDIT.matcher(line.strip());
      if (tail.find()) {
        return creditedName(tail.group(1));
      }
      // "... on April 2, 2025. REUTERS/Karl Aamodt": the agency in capitals, then the photographer
      Matcher wire = AGENCY_SLASH_NAME.matcher(line.strip());
      if (wire.find()) {
        String a = wire.group(1);
        return Optional.of(a.length() > 4 ? a.charAt(0) + a.substring(1).toLowerCase(java.util.Locale.ROOT) : a);
      }
      return Optional.empty();
    }
    String name = m.group(1).strip().replaceAll("[.)\\]]+$", "").strip();
    int slash = name.lastIndexOf('/');
    if (slash >= 0 && slash < name.length() - 1) {
      name = name.substring(slash + 1).strip(); // "Jane Doe/Northwind Press" credits the outlet
    }
    return name.isEmpty() || name.length() > 60 ? Optional.empty() : Optional.of(name);
  }

  private static final Pattern TRAILING_CREDIT = Pattern.compile("\\(((?i:photo|image|credit|source)[^()]{2,80})\\)$");
  private static final Pattern AGENCY_SLASH_NAME =
      Pattern.compile("(?:^|\\s)(\\p{Lu}{2,12})/\\p{Lu}[\\p{L}.'’-]+(?: \\p{Lu}[\\p{L}.'’-]+){0,3}$");
  private static final Pattern CREDIT_NAME = p("^\\[?\\(?(?:source|via|originally published (?:at|on|by|in)|photo(?: credit)?|image(?: credit)?|credit|photo by|image by)\\s*:?\\s*(.+)$");
}
