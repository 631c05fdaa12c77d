package io.wiretrace.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wire-style dateline at the start of an article: {@code HALVERN (Northwind Press) —},
 * {@code SANTA IRENE, Caldera (Northwind Press) —} or {@code Beijing (CNN) -}.
 *
 * @param text the dateline as printed, dash included
 * @param credit the outlet or agency in parentheses, or null
 */
public record Dateline(String text, String credit) {
  private static final Pattern DATELINE = Pattern.compile(
      "^((?:\\p{Lu}[\\p{Lu}\\p{L}.'’ -]{1,40}?)(?:,\\s*\\p{Lu}[\\p{L}.'’ -]{1,30}?)?\\s*(?:\\(([^)]{2,50})\\))?\\s*[—–-]{1,2})\\s+\\S");

  /** The dateline that opens {@code paragraph}, if any. */
  public static Optional<Dateline> find(String paragraph) {
    Matcher m = DATELINE.matcher(paragraph);
    if (!m.find() || m.group(1).length() > 70 || !upperish(m.group(1))) {
      return Optional.empty();
    }
    return Optional.of(new Dateline(m.group(1).strip(), m.group(2) == null ? null : m.group(2).strip()));
  }

  /** The place is written in capitals, or a capitalized place is followed by "(Outlet)". */
  private static boolean upperish(String s) {
    String place = s.split("[(,]")[0].strip();
    long upper = place.chars().filter(Character::isUpperCase).count();
    long letters = place.chars().filter(Character::isLetter).count();
    return letters > 0 && (upper * 2 >= letters || s.contains("("));
  }
}
