package io.wiretrace.model;

import java.util.List;
import java.util.Objects;

/**
 * A group of articles about one real-world event.
 *
 * @param id stable story id ({@code s0001}, numbered in time order of the stories' first article)
 * @param title the title of the story's earliest original article
 * @param storyline id of the storyline this story belongs to (the id of its earliest story)
 * @param articles member article ids, earliest first (ties by id)
 * @param originals members that no other member copies, earliest first
 * @param members why each article is in the story, in {@code articles} order
 * @param storylineEvidence why the story joined its storyline; null when it started the storyline
 */
public record Story(String id, String title, String storyline, List<String> articles, List<String> originals,
    List<Membership> members, Evidence storylineEvidence) implements java.io.Serializable {
  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(storyline, "storyline");
    articles = List.copyOf(articles);
    originals = List.copyOf(originals);
    members = List.copyOf(members);
  }

  /**
   * How one article came into a story.
   *
   * @param id the article
   * @param via {@code first} (it started the story), {@code similarity} (its TF-IDF cosine with the
   *     story's centroid reached the threshold) or {@code copy} (it copies an article of the story)
   * @param similarity the cosine when it joined ({@code first}: 1; {@code copy}: the copy relation's coverage)
   * @param terms the index terms that contributed most to the similarity, strongest first (empty for copies)
   */
  public record Membership(String id, String via, double similarity, List<String> terms) implements java.io.Serializable {
    public Membership {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(via, "via");
      terms = List.copyOf(terms);
    }
  }

  /** Similarity of a story's centroid with its storyline's centroid, and the strongest shared terms. */
  public record Evidence(double similarity, List<String> terms) implements java.io.Serializable {
    public Evidence {
      terms = List.copyOf(terms);
    }
  }
}
