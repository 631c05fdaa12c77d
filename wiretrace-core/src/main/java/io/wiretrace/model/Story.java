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
 */
public record Story(String id, String title, String storyline, List<String> articles, List<String> originals) {
  public Story {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(storyline, "storyline");
    articles = List.copyOf(articles);
    originals = List.copyOf(originals);
  }
}
