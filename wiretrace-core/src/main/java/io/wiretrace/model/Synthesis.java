package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * What a story says across its sources; written into its stories.jsonl line.
 *
 * @param story the {@link Story#id()}
 * @param independent reports that copy no one (the story's originals)
 * @param echoes reprints and rewrites of those (copies, any kind): echoes are not corroboration
 * @param summary extractive summary, most central first, each sentence credited to the outlet that originated it
 * @param timeline dated events, de-duplicated across outlets, in date order
 * @param entities the story's people, organizations and places, merged across articles
 * @param quotes each distinct quote: who said it, the first article that carried it, and every variant
 * @param lineage copy edges (copy → original, kind)
 */
public record Synthesis(String story, int independent, int echoes, List<SummarySentence> summary, List<TimelineEvent> timeline,
    List<StoryEntity> entities, List<StoryQuote> quotes, List<LineageEdge> lineage) implements java.io.Serializable {
  public Synthesis {
    Objects.requireNonNull(story, "story");
    summary = List.copyOf(summary);
    timeline = List.copyOf(timeline);
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    lineage = List.copyOf(lineage);
  }

  /** A summary sentence and its origin ({@code sources}: independent articles that carry it too). */
  public record SummarySentence(String text, String article, String outlet, int sources) implements java.io.Serializable {}

  /** A dated event: the TIMEX3 value, the sentence, its actors and the articles that report it. */
  public record TimelineEvent(String date, String text, List<String> actors, List<String> articles) implements java.io.Serializable {
    public TimelineEvent {
      actors = List.copyOf(actors);
      articles = List.copyOf(articles);
    }
  }

  /** An entity of the story: one id for all outlets' spellings. */
  public record StoryEntity(String id, String type, String name, List<String> aliases, List<String> articles, int mentions) implements java.io.Serializable {
    public StoryEntity {
      aliases = List.copyOf(aliases);
      articles = List.copyOf(articles);
    }
  }

  /** A quote across the story; {@code first} is the earliest article (originals before copies) that carried it. */
  public record StoryQuote(String text, String speaker, String speakerEntity, String first, List<QuoteVariant> variants) implements java.io.Serializable {
    public StoryQuote {
      variants = List.copyOf(variants);
    }
  }

  /**
   * One article's wording of a quote. {@code drift} is true when a copy's wording differs from the
   * wording in the article it copies (or from the first carrier's); {@code diff} lists the words
   * removed ({@code -word}) and added ({@code +word}).
   */
  public record QuoteVariant(String article, String text, boolean drift, String diff) implements java.io.Serializable {}

  /** A copy relation as the story shows it. */
  public record LineageEdge(String copy, String original, String kind) implements java.io.Serializable {}
}
