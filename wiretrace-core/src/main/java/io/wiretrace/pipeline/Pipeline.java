package io.wiretrace.pipeline;

import io.wiretrace.cluster.StoryClusterer;
import io.wiretrace.extract.Extractor;
import io.wiretrace.io.JsonLines;
import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.Synthesis;
import io.wiretrace.embed.SentenceEmbedder;
import io.wiretrace.nlp.Annotator;
import io.wiretrace.nlp.DateEstimator;
import io.wiretrace.reuse.ParaphraseDetector;
import io.wiretrace.story.StorySynthesizer;
import java.util.HashMap;
import java.util.Map;
import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.report.HtmlReport;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.RewriteDetector;
import io.wiretrace.source.ReadResult;
import io.wiretrace.source.SourceFile;
import io.wiretrace.source.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The whole analysis: read, extract, annotate (entities, quotes, time), detect copies, cluster,
 * synthesize each story, write.
 *
 * <pre>{@code
 * AnalysisResult r = Pipeline.builder().threads(4).build().analyze(List.of(Path.of("corpus")));
 * Pipeline.write(r, Path.of("wiretrace-out"));
 * }</pre>
 *
 * <p>Output is identical for any thread count and any input order: per-document work runs in
 * parallel but results are collected by position and sorted by id before any stage that looks
 * across documents. Defaults: threads = available processors, no progress reporting.
 */
public final class Pipeline {
  private final int threads;
  private final Progress progress;
  private final Extractor extractor = new Extractor();
  private final CopyDetector copies = new CopyDetector();
  private final StoryClusterer clusterer = StoryClusterer.builder().build();
  private final RewriteDetector rewrites;
  private final Annotator annotator = new Annotator();
  private final DateEstimator dates = new DateEstimator();
  private final boolean paraphrases;
  private final StorySynthesizer synthesizer = new StorySynthesizer();

  private Pipeline(int threads, Progress progress, boolean paraphrases, RewriteDetector rewrites) {
    this.rewrites = rewrites;
    this.threads = threads;
    this.progress = progress;
    this.paraphrases = paraphrases;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Analyzes the files and folders in {@code inputs}.
   *
   * @throws java.nio.file.NoSuchFileException if an input does not exist
   * @throws IOException if a folder cannot be listed
   */
  public AnalysisResult analyze(List<Path> inputs) throws IOException {
    return analyze(inputs, Stored.NONE);
  }

  /**
   * Adds {@code inputs} to the articles an earlier run stored ({@link Stored#read}) and analyzes
   * the whole: the result equals that of one run over the earlier inputs and these, as long as no
   * new input repeats an id already stored (such an input is rejected, as in one run, but the reason
   * names the stored corpus instead of the earlier input).
   */
  public AnalysisResult analyze(List<Path> inputs, Stored stored) throws IOException {
    ExecutorService pool = newPool();
    try {
      Prepared p = prepare(pool, inputs, stored, id -> false);
      progress.stage("copies", -1);
      List<Relation> relations = copies.detect(p.articles());
      return finish(pool, p, relations);
    } finally {
      pool.shutdownNow();
      progress.done();
    }
  }

  /**
   * The stages after copy detection (stories, paraphrased copies, synthesis) over articles prepared
   * and relations detected elsewhere — by a distributed run that does the per-document stages and
   * copy detection on a cluster ({@code wiretrace-spark}). Given the {@link Prepared} and relations
   * {@link #analyze} computes for the same inputs, the result is the one {@link #analyze} returns.
   *
   * @param relations as {@link CopyDetector#detect} gives them: sorted by copy, then original
   */
  public AnalysisResult finish(Prepared p, List<Relation> relations) throws IOException {
    ExecutorService pool = newPool();
    try {
      return finish(pool, p, relations);
    } finally {
      pool.shutdownNow();
      progress.done();
    }
  }

  private AnalysisResult finish(ExecutorService pool, Prepared p, List<Relation> relations) throws IOException {
    List<Article> articles = p.articles();
    List<Annotations> annotations = p.annotations();
    List<Rejection> rejected = new ArrayList<>(p.rejected());
    progress.stage("stories", -1);
    List<Story> stories = clusterer.cluster(articles, relations);
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) {
      byId.put(a.id(), a);
    }
    if (paraphrases) {
      progress.stage("paraphrases", -1);
      List<Relation> found;
      try {
        found = new ParaphraseDetector(new SentenceEmbedder()).detect(byId, stories, relations);
      } catch (RuntimeException | LinkageError e) {
        // e.g. no ONNX Runtime build for this platform: lexical relations stand, the user is told
        found = List.of();
        rejected.add(new Rejection(PARAPHRASE_STAGE, "skipped, lexical copy detection only: " + e));
      }
      if (!found.isEmpty()) {
        List<Relation> all = new ArrayList<>(relations);
        all.addAll(found);
        all.sort(Comparator.comparing(Relation::copy).thenComparing(Relation::original));
        relations = all;
        stories = withOriginals(stories, found);
      }
    }
    progress.stage("synthesis", stories.size());
    Map<String, Annotations> annotationsById = new HashMap<>();
    for (Annotations an : annotations) {
      annotationsById.put(an.article(), an);
    }
    // each story gets the relations of its own copies, not the whole list (stories x relations otherwise)
    Map<String, List<Relation>> byCopy = new HashMap<>();
    for (Relation r : relations) {
      byCopy.computeIfAbsent(r.copy(), k -> new ArrayList<>()).add(r);
    }
    List<Synthesis> syntheses = parallel(pool, stories, st -> {
      List<Relation> own = new ArrayList<>();
      for (String id : st.articles()) {
        own.addAll(byCopy.getOrDefault(id, List.of()));
      }
      Synthesis sy = synthesizer.synthesize(st, byId, annotationsById, own);
      progress.advance();
      return sy;
    });
    rejected.sort(Comparator.comparing(Rejection::input).thenComparing(Rejection::reason));
    return new AnalysisResult(articles, relations, stories, rejected, annotations, syntheses);
  }

  /**
   * The per-document stages alone (read, extract, intrinsic rewrite verdict, annotate) for a store
   * that links and clusters each article itself ({@code wiretrace ingest}).
   *
   * @param articles extracted articles, sorted by id
   * @param annotations their annotations, in the same order
   * @param rejected inputs that gave no article, and annotation failures (the article is kept)
   * @param skipped documents not extracted because {@code skip} accepted their id
   */
  public record Prepared(List<Article> articles, List<Annotations> annotations, List<Rejection> rejected, int skipped) {
    public Prepared {
      articles = List.copyOf(articles);
      annotations = List.copyOf(annotations);
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * Reads, extracts and annotates {@code inputs}; documents whose id {@code skip} accepts (already
   * stored) are dropped before extraction and only counted.
   */
  public Prepared prepare(List<Path> inputs, java.util.function.Predicate<String> skip) throws IOException {
    ExecutorService pool = newPool();
    try {
      return prepare(pool, inputs, Stored.NONE, skip);
    } finally {
      pool.shutdownNow();
      progress.done();
    }
  }

  /** Extracts and annotates documents a caller already has (a POSTed batch or page). */
  public Prepared prepareDocuments(List<RawDocument> documents, java.util.function.Predicate<String> skip) throws IOException {
    ExecutorService pool = newPool();
    try {
      return prepareDocs(pool, new ArrayList<>(documents), new ArrayList<>(), Stored.NONE, skip);
    } finally {
      pool.shutdownNow();
    }
  }

  private ExecutorService newPool() {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "wiretrace-worker");
      t.setDaemon(true);
      return t;
    });
  }

  private Prepared prepare(ExecutorService pool, List<Path> inputs, Stored stored, java.util.function.Predicate<String> skip)
      throws IOException {
    Sources.Discovery found = Sources.find(inputs);
    List<SourceFile> files = found.files();
    progress.stage("read", files.size());
    List<ReadResult> read = parallel(pool, files, f -> {
      ReadResult r = Sources.read(f);
      progress.advance();
      return r;
    });
    List<Rejection> rejected = new ArrayList<>(stored.rejected());
    rejected.addAll(found.rejections());
    List<RawDocument> docs = new ArrayList<>();
    for (ReadResult r : read) {
      docs.addAll(r.documents());
      rejected.addAll(r.rejections());
    }
    return prepareDocs(pool, docs, rejected, stored, skip);
  }

  private Prepared prepareDocs(ExecutorService pool, List<RawDocument> docs, List<Rejection> rejected, Stored stored,
      java.util.function.Predicate<String> skip) throws IOException {
    int before = docs.size();
    docs.removeIf(d -> skip.test(d.id()));
    int skipped = before - docs.size();
    docs = unique(docs, stored.articles(), rejected);
    progress.stage("extract", docs.size());
    List<Object> extracted = parallel(pool, docs, d -> {
      Object out = extract(d);
      progress.advance();
      return out;
    });
    List<Article> articles = new ArrayList<>();
    for (Article a : stored.articles()) {
      articles.add(withRewrite(a));
    }
    for (Object o : extracted) {
      if (o instanceof Article a) {
        articles.add(a);
      } else {
        rejected.add((Rejection) o);
      }
    }
    articles.sort(Comparator.comparing(Article::id));
    progress.stage("annotate", articles.size());
    List<Rejection> annotationFailures = new ArrayList<>();
    List<Annotations> annotations = parallel(pool, articles, a -> {
      Annotated an = annotate(a);
      if (an.failure() != null) {
        synchronized (annotationFailures) {
          annotationFailures.add(an.failure());
        }
      }
      progress.advance();
      return an.annotations();
    });
    rejected.addAll(annotationFailures);
    return new Prepared(articles, annotations, rejected, skipped);
  }

  /**
   * Extracts one document as every run does: the article (with its rewrite assessment), or the
   * rejection that says why there is none. Never throws for a document.
   *
   * @return an {@link Article} or a {@link Rejection}
   */
  public Object extract(RawDocument d) {
    try {
      Article a = withRewrite(extractor.extract(d));
      return a.text().isBlank()
          ? new Rejection(d.input(), "no article text found (" + a.removed().size() + " block(s) dropped as residue)")
          : a;
    } catch (RuntimeException | StackOverflowError e) {
      return new Rejection(d.input(), EXTRACTION_FAILED + ": " + e);
    }
  }

  /**
   * One article's annotations as every run computes them; when the annotator fails, empty
   * annotations (the article is kept) and the rejection that reports the failure.
   */
  public record Annotated(Annotations annotations, Rejection failure) implements java.io.Serializable {
    public Annotated {
      java.util.Objects.requireNonNull(annotations, "annotations");
    }
  }

  /** Annotates one article (entities, quotes, time) as every run does; never throws for an article. */
  public Annotated annotate(Article a) {
    try {
      return new Annotated(annotator.annotate(a), null);
    } catch (RuntimeException | StackOverflowError e) {
      return new Annotated(new Annotations(a.id(), List.of(), List.of(), List.of()),
          new Rejection(a.id(), ANNOTATION_FAILED + ", article kept without entities, quotes and times: " + e));
    }
  }

  /** The stories with paraphrased copies taken out of their originals. */
  private static List<Story> withOriginals(List<Story> stories, List<Relation> paraphrased) {
    java.util.Set<String> copies = new java.util.HashSet<>();
    for (Relation r : paraphrased) {
      copies.add(r.copy());
    }
    List<Story> out = new ArrayList<>(stories.size());
    for (Story s : stories) {
      List<String> originals = s.originals().stream().filter(id -> !copies.contains(id)).toList();
      out.add(originals.size() == s.originals().size() ? s
          : new Story(s.id(), s.title(), s.storyline(), s.articles(), originals, s.members(), s.storylineEvidence()));
    }
    return out;
  }

  /**
   * {@code a} with what every run derives from its text: the intrinsic rewrite verdict and, when it
   * is undated, the estimate of its time ({@link DateEstimator}).
   */
  private Article withRewrite(Article a) {
    return new Article(a.id(), a.url(), a.title(), a.published(), a.outlet(), a.byline(), a.dateline(), a.language(),
        a.text(), a.removed(), a.credits(), rewrites.assess(a.text(), a.language()),
        a.published() == null ? dates.estimate(a.title(), a.text()) : null);
  }

  /**
   * Keeps the first document per id (documents arrive in discovery order, after the stored
   * articles); later ones are rejected.
   */
  private static List<RawDocument> unique(List<RawDocument> docs, List<Article> stored, List<Rejection> rejected) {
    java.util.Set<String> storedIds = new java.util.HashSet<>();
    for (Article a : stored) {
      storedIds.add(a.id());
    }
    java.util.Map<String, RawDocument> seen = new java.util.HashMap<>();
    List<RawDocument> out = new ArrayList<>(docs.size());
    for (RawDocument d : docs) {
      if (storedIds.contains(d.id())) {
        rejected.add(new Rejection(d.input(), "duplicate id '" + d.id() + "', already in the stored corpus"));
        continue;
      }
      RawDocument first = seen.putIfAbsent(d.id(), d);
      if (first == null) {
        out.add(d);
      } else {
        rejected.add(duplicate(d, first));
      }
    }
    return out;
  }

  /**
   * The rejection of {@code later}, whose id {@code first} (earlier in discovery order: files by
   * id, then path; records in file order) already has.
   */
  public static Rejection duplicate(RawDocument later, RawDocument first) {
    return new Rejection(later.input(), "duplicate id '" + later.id() + "', already read from " + first.input());
  }

  private static <T, R> List<R> parallel(ExecutorService pool, List<T> items, Function<T, R> f) throws IOException {
    List<Future<R>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(pool.submit(() -> f.apply(item)));
    }
    List<R> out = new ArrayList<>(items.size());
    for (Future<R> fu : futures) {
      try {
        out.add(fu.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("worker failed", e.getCause());
      }
    }
    return out;
  }

  /** The input name of a rejection that reports the paraphrase stage was skipped. */
  static final String PARAPHRASE_STAGE = "(paraphrase detection)";
  /** How the reason of an annotation failure begins (a bug: the article is kept without annotations). */
  public static final String ANNOTATION_FAILED = "annotation failed";
  /** How the reason begins when the extractor failed on a document (a bug: the document is lost). */
  public static final String EXTRACTION_FAILED = "extraction failed";

  /** Output file names of the contract. */
  public static final String ARTICLES = "articles.jsonl";
  public static final String RELATIONS = "relations.jsonl";
  public static final String STORIES = "stories.jsonl";
  public static final String REJECTED = "rejected.jsonl";
  public static final String REPORT = "report.html";

  /**
   * Writes the output contract into {@code outDir}, creating it, as one set: all files change
   * together or none does ({@link OutputSet}).
   *
   * @throws OutputSet.LockedException if another run is writing to the folder
   */
  public static void write(AnalysisResult r, Path outDir) throws IOException {
    try (OutputSet set = OutputSet.lock(outDir)) {
      write(r, set);
    }
  }

  /** Writes the output contract as the next set of a folder this run holds. */
  public static void write(AnalysisResult r, OutputSet set) throws IOException {
    Map<String, Annotations> annotations = new HashMap<>();
    for (Annotations a : r.annotations()) {
      annotations.put(a.article(), a);
    }
    Map<String, Synthesis> syntheses = new HashMap<>();
    for (Synthesis s : r.syntheses()) {
      syntheses.put(s.story(), s);
    }
    Map<String, OutputSet.FileWriter> files = new java.util.TreeMap<>();
    files.put(ARTICLES, f -> JsonLines.write(f, r.articles(),
        JsonLines.with(JsonLines.ARTICLE, a -> annotations.get(a.id()), JsonLines.ANNOTATIONS)));
    files.put(RELATIONS, f -> JsonLines.write(f, r.relations(), JsonLines.RELATION));
    files.put(STORIES, f -> JsonLines.write(f, r.stories(),
        JsonLines.with(JsonLines.STORY, s -> syntheses.get(s.id()), JsonLines.SYNTHESIS)));
    files.put(REJECTED, f -> JsonLines.write(f, r.rejected(), JsonLines.REJECTION));
    files.put(REPORT, f -> Files.writeString(f,
        HtmlReport.render(r.articles(), r.relations(), r.stories(), r.rejected(), r.syntheses()), StandardCharsets.UTF_8));
    set.commit(files);
  }

  /** Builds a {@link Pipeline}; each setter may be called once. */
  public static final class Builder {
    private Integer threads;
    private Progress progress;
    private Boolean paraphrases;
    private RewriteDetector rewrites;

    /** The intrinsic rewrite detector; default: the shipped one ({@code new RewriteDetector()}). */
    public Builder rewrites(RewriteDetector detector) {
      if (rewrites != null) {
        throw new IllegalStateException("rewrites was already set");
      }
      rewrites = java.util.Objects.requireNonNull(detector, "detector");
      return this;
    }

    /**
     * Whether to look for paraphrased copies with sentence embeddings among articles of one story that
     * share no text; default true. Off: copy detection is lexical only, and no model is loaded.
     */
    public Builder paraphrases(boolean on) {
      if (paraphrases != null) {
        throw new IllegalStateException("paraphrases was already set to " + paraphrases);
      }
      paraphrases = on;
      return this;
    }

    /** Worker threads for per-document stages, 1..256; default: available processors. */
    public Builder threads(int n) {
      if (threads != null) {
        throw new IllegalStateException("threads was already set to " + threads);
      }
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("threads must be between 1 and 256, got " + n);
      }
      threads = n;
      return this;
    }

    /** Where progress goes; default {@link Progress#NONE}. */
    public Builder progress(Progress p) {
      if (progress != null) {
        throw new IllegalStateException("progress was already set");
      }
      progress = java.util.Objects.requireNonNull(p, "progress");
      return this;
    }

    public Pipeline build() {
      return new Pipeline(threads == null ? Runtime.getRuntime().availableProcessors() : threads,
          progress == null ? Progress.NONE : progress, paraphrases == null || paraphrases,
          rewrites == null ? new RewriteDetector() : rewrites);
    }
  }
}
