package io.wiretrace.pipeline;

import io.wiretrace.model.Article;
import io.wiretrace.model.Rejection;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import java.util.List;

/**
 * Everything one analysis produced, each list in its output order.
 *
 * @param articles sorted by id
 * @param relations sorted by copy, then original
 * @param stories in story-id order
 * @param rejected sorted by input, then reason
 */
public record AnalysisResult(List<Article> articles, List<Relation> relations, List<Story> stories, List<Rejection> rejected,
    List<io.wiretrace.model.Annotations> annotations, List<io.wiretrace.model.Synthesis> syntheses) {
  public AnalysisResult {
    annotations = List.copyOf(annotations);
    syntheses = List.copyOf(syntheses);
    articles = List.copyOf(articles);
    relations = List.copyOf(relations);
    stories = List.copyOf(stories);
    rejected = List.copyOf(rejected);
  }
}
