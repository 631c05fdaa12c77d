package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * A clean article: what extraction made of one {@link RawDocument}.
 *
 * <p>{@code text} holds the body with paragraphs separated by one blank line; every character
 * offset in a {@link Relation} points into it. Optional fields are null when unknown.
 *
 * @param id stable identifier, see {@link RawDocument#id()}
 * @param url canonical URL
 * @param title headline
 * @param published publication time, ISO-8601 ({@code 2024-03-05} or {@code 2024-03-05T09:30:00Z})
 * @param outlet publishing site, or the agency a credit names
 * @param byline author names as printed
 * @param dateline the dateline as printed ({@code HALVERN (Northwind Press) —})
 * @param language ISO 639-1 code
 * @param text clean body
 * @param removed everything extraction dropped, in document order
 * @param credits credits and source lines that name an outlet or agency
 * @param rewrite intrinsic rewrite verdict
 * @param estimated when {@code published} is null, what the text says of the article's time; null
 *     when the text names no day or the article is dated
 */
public record Article(
    String id,
    String url,
    String title,
    String published,
    String outlet,
    String byline,
    String dateline,
    String language,
    String text,
    List<Removed> removed,
    List<String> credits,
    Rewrite rewrite,
    Estimate estimated) implements java.io.Serializable {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    removed = List.copyOf(removed);
    credits = List.copyOf(credits);
    Objects.requireNonNull(rewrite, "rewrite");
  }

  /** An article with no estimate. */
  public Article(String id, String url, String title, String published, String outlet, String byline, String dateline,
      String language, String text, List<Removed> removed, List<String> credits, Rewrite rewrite) {
    this(id, url, title, published, outlet, byline, dateline, language, text, removed, credits, rewrite, null);
  }

  /** This article with {@code e} as its estimate. */
  public Article withEstimated(Estimate e) {
    return new Article(id, url, title, published, outlet, byline, dateline, language, text, removed, credits, rewrite, e);
  }
}
