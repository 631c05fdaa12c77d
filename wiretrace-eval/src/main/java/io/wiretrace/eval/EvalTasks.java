package io.wiretrace.eval;

/** The evaluation tasks by name. */
public final class EvalTasks {
  private EvalTasks() {}

  /** Task names as typed on the command line. */
  public enum Name { clustering, extraction, boilerplate, dates, alignment, reuse, levels, time, quotes, entities, paraphrase, rewrite, restore }

  public static EvalTask create(Name name) {
    return switch (name) {
      case clustering -> new ClusteringEval();
      case extraction -> new ExtractionEval();
      case boilerplate -> new BoilerplateEval();
      case dates -> new DatesEval();
      case alignment -> new AlignmentEval();
      case reuse -> new ReuseEval();
      case levels -> new CloughEval();
      case time -> new TimeEval();
      case quotes -> new QuoteEval();
      case entities -> new EntityEval();
      case paraphrase -> new ParaphraseEval();
      case rewrite -> new RewriteEval();
      case restore -> new RestorationEval();
    };
  }
}
