package io.wiretrace.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.cluster.OnlineStories;
import io.wiretrace.cluster.StoryClusterer;
import io.wiretrace.extract.Dates;
import io.wiretrace.io.JsonLines;
import io.wiretrace.model.Annotations;
import io.wiretrace.model.Article;
import io.wiretrace.model.Entity;
import io.wiretrace.model.Evidence;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Span;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.pipeline.Stored;
import io.wiretrace.reuse.CandidateIndex;
import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.Fingerprint;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded store: one Lucene index holding articles (with their annotations and the
 * fingerprint keys copy detection looks them up by), verified copy edges, the relations lineage
 * makes of them, and stories with the state the next placement needs. Nothing is recomputed from
 * scratch at start-up or per ingest.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("wiretrace-data"))) {
 *   Pipeline.Prepared p = Pipeline.builder().build().prepare(inputs, store::contains);
 *   Store.IngestReport r = store.ingest(p);
 * }
 * }</pre>
 *
 * <p><b>Incremental ingest.</b> Articles of one call are placed in publication order (undated
 * last, then by id). For each: candidates come from the stored LSH band keys and sampled shingles
 * (Lucene postings; a sampled shingle stored for {@link CandidateIndex#POSTING_CAP} articles or more
 * is boilerplate and ignored, as in the batch), are verified exactly as the batch verifies them,
 * and lineage is recomputed over the connected part of the copy graph the article touches. A copy
 * joins its original's story; any other article joins the most similar open story or starts one
 * ({@link OnlineStories}). Cost per article is bounded by the posting lengths and the candidate caps,
 * not by the corpus size.
 *
 * <p><b>Crash safety.</b> Lucene commits are atomic: a commit is made every {@link #COMMIT_EVERY}
 * articles and at the end of each call, always between two articles, with the counters in the
 * commit's user data. After a crash the store opens at its last commit; ingesting the same input
 * again skips the stored ids and completes it. One process writes at a time (Lucene's
 * {@code write.lock}); a second gets {@link LockedException}.
 *
 * <p>Thread-safe: writes are serialized; reads see the last refresh, made at every commit (and every
 * {@link #REFRESH_EVERY} new articles between commits). While placing, the writes since the refresh
 * are read from an in-memory overlay ({@link Pending}), so each article sees every earlier one
 * exactly as if the searcher were refreshed after each (which cost an NRT reopen per article).
 */
public final class Store implements Closeable {
  /** Articles between two commits within one ingest call. */
  public static final int COMMIT_EVERY = 500;
  /** New articles held in {@link Pending} at most before the searcher is refreshed without a commit. */
  static final int REFRESH_EVERY = 1000;
  /** Candidate stories compared per article (the most recently updated among those sharing a strong term). */
  static final int MAX_STORY_CANDIDATES = 100;
  /** A story is open to a dated article when its newest member is at most this many days older (or undated). */
  static final int OPEN_DAYS = 7;
  /** Days in one bucket of the {@code skeyw} story keys. */
  static final int WEEK = 7;
  /** Week buckets asked for at most before a candidate query falls back to the keys of all stories. */
  static final int MAX_WEEKS = 12;
  /** Edges followed when recomputing lineage around a new article. */
  static final int MAX_COMPONENT = 5000;
  /** Articles read from one LSH bucket (the batch has no cap; thousands of reprints of one story reach it). */
  static final int MAX_BUCKET = 2000;
  /**
   * Store format written into every commit. 5: the partial-copy keys include the shingles of the
   * restored text (WordNet heads, {@code Fingerprint.keys}), which format 4 did not store. 6: articles
   * carry the estimate of an undated text's time and story states the union of their members'
   * periods (state version 2), which placement checks.
   */
  static final String FORMAT = "6";

  /** Article text: positions and offsets in the postings, so highlighting reads them instead of re-analyzing. */
  static final org.apache.lucene.document.FieldType TEXT_WITH_OFFSETS;

  static {
    org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    TEXT_WITH_OFFSETS = t;
  }

  static final String TYPE = "type";
  static final String KEY = "key";
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final org.apache.lucene.store.Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private final Analyzer analyzer = new EnglishAnalyzer();
  final FacetsConfig facets = new FacetsConfig();
  private final CopyDetector copies = new CopyDetector();
  private final OnlineStories placer = new OnlineStories();
  /** Stored document frequencies of story terms and key terms, for the searcher {@code dfReader}. */
  private final Map<String, Integer> termDf = new HashMap<>();
  private final Map<String, Integer> keyDf = new HashMap<>();
  private IndexReader dfReader;
  /** Decoded story records by creation number (their sort value), valid while their update number is unchanged. */
  private final Map<Long, StoryRecord> storyCache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, StoryRecord> e) {
      return size() > 8192;
    }
  };
  private final Map<String, Fingerprint> fingerprintCache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Fingerprint> e) {
      return size() > 2048;
    }
  };
  /** Writes since the last refresh of {@link #searchers}, read alongside it while placing. */
  private final Pending pending = new Pending();
  private long storySeq;
  private long articleSeq;
  private long headCount;
  private final Searcher searcher;

  /** The store is being written by another process. */
  public static final class LockedException extends IOException {
    LockedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final int commitEvery;

  private Store(Path dir, int commitEvery) throws IOException {
    this.dir = dir;
    this.commitEvery = commitEvery;
    Files.createDirectories(dir);
    // the small segments each per-article refresh flushes stay in memory until a commit or merge
    // writes them (NRTCachingDirectory syncs what it caches on commit, so commits stay durable)
    directory = new org.apache.lucene.store.NRTCachingDirectory(FSDirectory.open(dir), 8.0, 64.0);
    try {
      openWriter();
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new LockedException("the store " + dir + " is in use by another wiretrace process (ingest or serve); "
          + "wait for it to finish or stop it", e);
    }
    facets.setMultiValued("entity", true);
    facets.setMultiValued("kind", true);
    searcher = new Searcher(this);
  }

  /** Opens the writer at the last commit and reads the counters the commit carries. */
  private void openWriter() throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    cfg.setCommitOnClose(false);
    cfg.setRAMBufferSizeMB(64);
    writer = new IndexWriter(directory, cfg);
    Map<String, String> data = new HashMap<>();
    for (Map.Entry<String, String> e : writer.getLiveCommitData() == null ? List.<Map.Entry<String, String>>of()
        : iterable(writer.getLiveCommitData())) {
      data.put(e.getKey(), e.getValue());
    }
    String format = data.get("format");
    if (format != null && !format.equals(FORMAT)) {
      writer.rollback();
      directory.close();
      throw new IOException("the store " + dir + " has format " + format + ", this wiretrace reads format " + FORMAT
          + ": ingest the inputs again into a new --data folder");
    }
    storySeq = Long.parseLong(data.getOrDefault("storySeq", "0"));
    articleSeq = Long.parseLong(data.getOrDefault("articleSeq", "0"));
    headCount = Long.parseLong(data.getOrDefault("heads", "0"));
    searchers = new SearcherManager(writer, null);
    fingerprintCache.clear();
    storyCache.clear();
    synchronized (pending) {
      pending.clear();
    }
  }

  private static <T> List<T> iterable(Iterable<T> it) {
    List<T> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }

  /** Opens (creating if needed) the store in {@code dir}. */
  public static Store open(Path dir) throws IOException {
    return new Store(dir, COMMIT_EVERY);
  }

  /** As {@link #open(Path)}, committing every {@code commitEvery} articles within an ingest call (1..100000). */
  public static Store open(Path dir, int commitEvery) throws IOException {
    if (commitEvery < 1 || commitEvery > 100_000) {
      throw new IllegalArgumentException("commitEvery must be between 1 and 100000, got " + commitEvery);
    }
    return new Store(dir, commitEvery);
  }

  /** The folder this store lives in. */
  public Path dir() {
    return dir;
  }

  /** Reads: search, articles, stories, relations, lineage, outlets. */
  public Searcher searcher() {
    return searcher;
  }

  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher s) throws IOException {
    searchers.release(s);
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Whether an article with this id is stored (committed or refreshed). */
  public boolean contains(String id) {
    synchronized (pending) {
      if (pending.fingerprints.containsKey(id)) {
        return true;
      }
    }
    try {
      IndexSearcher s = acquire();
      try {
        return s.count(new TermQuery(new Term(KEY, "a:" + id))) > 0;
      } finally {
        release(s);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * What one ingest call did.
   *
   * @param added articles stored
   * @param skipped inputs whose id was already stored (the same input twice changes nothing)
   * @param relations copy relations new or changed
   * @param storiesStarted new stories
   * @param rejected inputs that gave no article, with their reasons (nothing was stored for them)
   */
  public record IngestReport(int added, int skipped, int relations, int storiesStarted, List<io.wiretrace.model.Rejection> rejected) {
    public IngestReport {
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * Stores the articles of {@code p} (those already stored are skipped), linking and placing each.
   * An article whose linking or placement fails is rejected with the reason and the rest go on: the
   * store goes back to its last commit and the articles since then are placed again without it, so a
   * half-written article never reaches disk.
   */
  public synchronized IngestReport ingest(Pipeline.Prepared p) throws IOException {
    Map<String, Annotations> ann = new HashMap<>();
    for (Annotations a : p.annotations()) {
      ann.put(a.article(), a);
    }
    List<Article> ordered = new ArrayList<>(p.articles());
    ordered.sort(Comparator.comparing((Article a) -> Dates.sortKey(a.published())).thenComparing(Article::id));
    List<io.wiretrace.model.Rejection> rejected = new ArrayList<>(p.rejected());
    Set<String> failed = new HashSet<>();
    while (true) {
      int added = 0;
      int skipped = p.skipped();
      int relations = 0;
      int started = 0;
      int sinceCommit = 0;
      Article current = null;
      try {
        for (Article a : ordered) {
          if (failed.contains(a.id())) {
            continue;
          }
          if (contains(a.id())) {
            skipped++;
            continue;
          }
          current = a;
          Placed r = add(a, ann.getOrDefault(a.id(), new Annotations(a.id(), List.of(), List.of(), List.of())));
          current = null;
          relations += r.relations;
          started += r.started ? 1 : 0;
          added++;
          if (++sinceCommit >= commitEvery) {
            commit();
            sinceCommit = 0;
          }
        }
        if (sinceCommit > 0) {
          commit();
        }
        rejected.sort(Comparator.comparing(io.wiretrace.model.Rejection::input).thenComparing(io.wiretrace.model.Rejection::reason));
        return new IngestReport(added, skipped, relations, started, rejected);
      } catch (RuntimeException | StackOverflowError e) {
        if (current == null) {
          throw e;
        }
        // back to the last commit; the articles placed since then are placed again, without this one
        searchers.close();
        writer.rollback();
        openWriter();
        failed.add(current.id());
        rejected.add(new io.wiretrace.model.Rejection(current.id(), "not stored: linking or placement failed: " + e));
      }
    }
  }

  private void commit() throws IOException {
    flushStories();
    Map<String, String> data = new TreeMap<>();
    data.put("format", FORMAT);
    data.put("storySeq", Long.toString(storySeq));
    data.put("articleSeq", Long.toString(articleSeq));
    data.put("heads", Long.toString(headCount));
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    refresh();
  }

  /** Makes every write visible to the searcher; the overlay of pending writes is then empty. */
  private void refresh() throws IOException {
    flushStories();
    synchronized (pending) {
      searchers.maybeRefreshBlocking();
      pending.clear();
    }
  }

  private record Placed(int relations, boolean started) {}

  /** Links, places and writes one article. */
  private Placed add(Article a, Annotations an) throws IOException {
    Fingerprint fp = copies.fingerprint(a);
    long[] bands = CandidateIndex.bandKeys(fp.signature());
    long[] samples = CandidateIndex.sampled(fp.keys());
    IndexSearcher s = acquire();
    List<String> keptSamples = new ArrayList<>();
    List<CopyDetector.Edge> newEdges = new ArrayList<>();
    try {
      Set<String> candidates = new TreeSet<>();
      StoredFields fids = s.storedFields();
      TermLookup lsh = new TermLookup(s, "lsh");
      for (long b : bands) {
        List<Integer> docs = new ArrayList<>();
        lsh.docs(new BytesRef(hex(b)), doc -> {
          docs.add(doc);
          return docs.size() < MAX_BUCKET;
        });
        for (int doc : docs) {
          candidates.add(fids.document(doc, FID).get("fid"));
        }
        List<String> more = pending.lsh.getOrDefault(hex(b), List.of());
        for (int i = 0; i < more.size() && docs.size() + i < MAX_BUCKET; i++) {
          candidates.add(more.get(i));
        }
      }
      // sampled shingles: shared counts by document, ids read only for those sharing enough
      TermLookup smp = new TermLookup(s, "smp");
      Map<Integer, Integer> shared = new HashMap<>();
      Map<String, Integer> sharedPending = new HashMap<>();
      for (long x : samples) {
        String key = hex(x);
        BytesRef term = new BytesRef(key);
        List<String> more = pending.samples.getOrDefault(key, List.of());
        if (smp.docFreq(term) + more.size() >= CandidateIndex.POSTING_CAP) {
          continue;
        }
        keptSamples.add(key);
        smp.docs(term, doc -> {
          shared.merge(doc, 1, Integer::sum);
          return true;
        });
        for (String id : more) {
          sharedPending.merge(id, 1, Integer::sum);
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        if (e.getValue() >= CandidateIndex.MIN_SHARED) {
          candidates.add(fids.document(e.getKey(), FID).get("fid"));
        }
      }
      for (Map.Entry<String, Integer> e : sharedPending.entrySet()) {
        if (e.getValue() >= CandidateIndex.MIN_SHARED) {
          candidates.add(e.getKey());
        }
      }
      for (String id : candidates) {
        Fingerprint other = fingerprint(s, id);
        if (other == null) {
          continue;
        }
        CopyDetector.Edge e = copies.verify(fp, other);
        if (e != null) {
          newEdges.add(e);
        }
      }
    } finally {
      release(s);
    }
    fingerprintCache.put(a.id(), fp);
    for (CopyDetector.Edge e : newEdges) {
      Document d = new Document();
      String ca = e.relation().copy();
      String oa = e.relation().original();
      d.add(new StringField(TYPE, "edge", Field.Store.NO));
      d.add(new StringField(KEY, "e:" + ca + "\u0001" + oa, Field.Store.NO));
      d.add(new StringField("ea", ca, Field.Store.YES));
      d.add(new StringField("eb", oa, Field.Store.YES));
      String json = edgeJson(e);
      d.add(new StoredField("json", json));
      writer.updateDocument(new Term(KEY, "e:" + ca + "\u0001" + oa), d);
      pending.addEdge(parseEdge(json));
    }
    // the article itself, placed below; written first without story so lineage sees its edges
    List<Relation> changed = List.of();
    Map<String, List<Relation>> relationsByCopy = new HashMap<>();
    Map<String, List<String>> kindsOf = new HashMap<>();
    if (!newEdges.isEmpty()) {
      IndexSearcher s2 = acquire();
      try {
        Map<String, CopyDetector.Edge> component = component(s2, a.id(), newEdges);
        List<Relation> lineage = CopyDetector.lineage(component.values());
        Set<String> inPart = new TreeSet<>();
        for (CopyDetector.Edge e : component.values()) {
          inPart.add(e.relation().copy());
          inPart.add(e.relation().original());
        }
        for (Relation r : lineage) {
          relationsByCopy.computeIfAbsent(r.copy(), k -> new ArrayList<>()).add(r);
        }
        for (String id : inPart) {
          kindsOf.put(id, kinds(id, relationsByCopy));
        }
        changed = replaceRelations(s2, inPart, relationsByCopy);
      } finally {
        release(s2);
      }
    }
    // story placement
    String story;
    String storyline;
    String via;
    double sim;
    List<String> terms = List.of();
    boolean started = false;
    OnlineStories.Profile profile = null;
    // only relations that tie a copy to its original's story place it (as in the batch: StoryClusterer.ties)
    List<Relation> own = tied(relationsByCopy.get(a.id()));
    IndexSearcher s3 = acquire();
    try {
      String viaStory = null;
      if (!own.isEmpty()) {
        Relation best = best(own);
        String root = best.original();
        for (int hops = 0; !tied(relationsByCopy.get(root)).isEmpty() && hops < 64; hops++) {
          root = best(tied(relationsByCopy.get(root))).original();
        }
        viaStory = storyOfArticle(s3, root);
        via = "copy";
        sim = best.coverage();
      } else {
        // an original whose copies arrived first joins their story
        for (List<Relation> rs : relationsByCopy.values()) {
          for (Relation r : rs) {
            if (r.original().equals(a.id()) && viaStory == null && StoryClusterer.ties(r)) {
              viaStory = storyOfArticle(s3, r.copy());
            }
          }
        }
        via = viaStory == null ? "similarity" : "original";
        sim = 1;
      }
      StoryRecord joined = viaStory == null ? null : story(s3, viaStory);
      if (joined == null) {
        profile = placer.profile(a, docFreq(s3));
        StoryRecord best = null;
        double bestSim = placer.threshold();
        for (StoryRecord c : storyCandidates(s3, profile, true)) {
          if (!placer.compatible(profile, c.state)) {
            continue;
          }
          double x = placer.similarity(profile, c.state);
          if (x >= bestSim && (best == null || x > bestSim)) {
            best = c;
            bestSim = x;
          }
        }
        if (best == null) {
          String sid = String.format("s%06d", ++storySeq);
          String line = sid;
          double lineSim = placer.storylineThreshold();
          OnlineStories.StoryState state = placer.start(profile);
          for (StoryRecord c : storyCandidates(s3, profile, false)) {
            double x = placer.storySimilarity(state, c.state);
            if (x >= lineSim) {
              lineSim = x;
              line = c.storyline;
            }
          }
          joined = new StoryRecord(sid, line, a.title(), a.id(), state, 0);
          started = true;
          via = "first";
          sim = 1;
        } else {
          terms = placer.evidence(profile, best.state);
          joined = best.withState(placer.join(best.state, profile));
          via = "similarity";
          sim = bestSim;
        }
        headCount++;
      }
      story = joined.id;
      storyline = joined.storyline;
      stageStory(joined);
    } finally {
      release(s3);
    }
    articleSeq++;
    List<String> ownKinds = kinds(a.id(), relationsByCopy);
    String json = articleJson(a, an);
    writer.updateDocument(new Term(KEY, "a:" + a.id()),
        articleDocument(a, json, an, story, storyline, ownKinds, via, sim, terms, articleSeq));
    writer.updateDocument(new Term(KEY, "f:" + a.id()), fingerprintDocument(a.id(), bands, keptSamples, profile));
    synchronized (pending) {
      pending.articles.put(a.id(), new Pending.Article(json, story, storyline, ownKinds, via, sim, terms, articleSeq, true, false));
      pending.fingerprints.put(a.id(), fp);
    }
    pending.addKeys(a.id(), bands, keptSamples, profile == null ? List.of() : profile.terms(),
        profile == null ? List.of() : profile.keyTerms());
    // articles whose kinds changed (their relation was made or moved) are rewritten with their new kinds
    Set<String> touched = new TreeSet<>();
    for (Relation r : changed) {
      touched.add(r.copy());
      touched.add(r.original());
    }
    touched.remove(a.id());
    if (!touched.isEmpty()) {
      IndexSearcher s4 = acquire();
      try {
        for (String id : touched) {
          rewriteKinds(s4, id, kindsOf.getOrDefault(id, List.of()));
        }
      } finally {
        release(s4);
      }
    }
    if (pending.newArticles() >= REFRESH_EVERY) {
      refresh();
    }
    return new Placed(changed.size(), started);
  }

  /** Document frequencies over stored head articles. */
  private OnlineStories.DocFreq docFreq(IndexSearcher s) {
    long docs = headCount;
    TermLookup terms = new TermLookup(s, "terms");
    TermLookup keys = new TermLookup(s, "keys");
    if (dfReader != s.getIndexReader()) { // the stored frequencies change only with the searcher
      dfReader = s.getIndexReader();
      termDf.clear();
      keyDf.clear();
    }
    return new OnlineStories.DocFreq() {
      @Override
      public long docs() {
        return docs;
      }

      @Override
      public int df(String term) {
        try {
          return storedDf(termDf, terms, term) + pending.terms.getOrDefault(term, 0);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public int keyDf(String term) {
        try {
          return storedDf(keyDf, keys, term) + pending.keys.getOrDefault(term, 0);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
  }

  private static int storedDf(Map<String, Integer> cache, TermLookup lookup, String term) throws IOException {
    Integer df = cache.get(term);
    if (df == null) {
      df = lookup.docFreq(new BytesRef(term));
      cache.put(term, df);
    }
    return df;
  }

  /** A stored story and what placement needs of it. */
  record StoryRecord(String id, String storyline, String title, String firstArticle, OnlineStories.StoryState state, long updated) {
    StoryRecord withState(OnlineStories.StoryState s) {
      return new StoryRecord(id, storyline, title, firstArticle, s, updated);
    }
  }

  private List<StoryRecord> storyCandidates(IndexSearcher s, OnlineStories.Profile p, boolean openOnly) throws IOException {
    List<String> keys = p.queryKeys();
    if (keys.isEmpty()) {
      return List.of();
    }
    List<String> weeks = openOnly && p.day() != Long.MIN_VALUE ? openWeeks(s, p.day()) : null;
    // one filter over all the keys (a TermInSetQuery seeks them in order, once per segment), not a
    // disjunction of a term query per key: it matches the same stories, and only matching counts here
    List<BytesRef> terms = new ArrayList<>();
    for (String k : keys) {
      if (weeks == null) {
        terms.add(new BytesRef(k));
      } else { // only the postings of stories whose newest member is recent: flat as the store grows
        for (String w : weeks) {
          terms.add(new BytesRef(k + "@" + w));
        }
      }
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    q.add(new TermQuery(new Term(TYPE, "story")), BooleanClause.Occur.FILTER);
    q.add(new org.apache.lucene.search.TermInSetQuery(weeks == null ? "skey" : "skeyw", terms), BooleanClause.Occur.FILTER);
    if (openOnly && p.day() != Long.MIN_VALUE) {
      // open: undated (stored as Long.MIN_VALUE) or newest member at most the window older
      BooleanQuery.Builder open = new BooleanQuery.Builder();
      open.add(LongPoint.newExactQuery("lastDay", Long.MIN_VALUE), BooleanClause.Occur.SHOULD);
      open.add(LongPoint.newRangeQuery("lastDay", p.day() - OPEN_DAYS, Long.MAX_VALUE), BooleanClause.Occur.SHOULD);
      q.add(open.build(), BooleanClause.Occur.FILTER);
    }
    // stories written since the refresh are the most recently updated: they come first, and replace
    // their stale stored versions
    List<StoryRecord> out = new ArrayList<>();
    for (String sid : pending.storiesWithAny(keys)) {
      StoryRecord r = pending.stories.get(sid);
      long last = r.state.lastDay();
      if (!openOnly || p.day() == Long.MIN_VALUE || last == Long.MIN_VALUE || last >= p.day() - OPEN_DAYS) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparingLong(StoryRecord::updated).reversed());
    if (out.size() > MAX_STORY_CANDIDATES) {
      out = new ArrayList<>(out.subList(0, MAX_STORY_CANDIDATES));
    }
    int wanted = MAX_STORY_CANDIDATES - out.size();
    if (wanted > 0) {
      TopDocs top = s.search(q.build(), wanted + pending.stories.size(),
          new Sort(new SortField("updated", SortField.Type.LONG, true), new SortField("created", SortField.Type.LONG)));
      StoredFields sf = s.storedFields();
      for (ScoreDoc d : top.scoreDocs) {
        // the sort values name the story and its version: a decoded record is reused while unchanged
        Object[] sortValues = ((org.apache.lucene.search.FieldDoc) d).fields;
        long updated = (Long) sortValues[0];
        long created = (Long) sortValues[1];
        StoryRecord r = storyCache.get(created);
        if (r == null || r.updated != updated) {
          r = storyRecord(sf.document(d.doc));
          storyCache.put(created, r);
        }
        if (!pending.stories.containsKey(r.id) && wanted-- > 0) {
          out.add(r);
        }
      }
    }
    out.sort(Comparator.comparing(StoryRecord::id));
    return out;
  }

  /** Week buckets of the {@code skeyw} keys a story open to an article of {@code day} may hold ({@code u}: undated). */
  private static List<String> openWeeks(IndexSearcher s, long day) throws IOException {
    long max = Long.MIN_VALUE;
    for (org.apache.lucene.index.LeafReaderContext leaf : s.getIndexReader().leaves()) {
      org.apache.lucene.index.PointValues pv = leaf.reader().getPointValues("lastDay");
      if (pv != null) {
        max = Math.max(max, LongPoint.decodeDimension(pv.getMaxPackedValue(), 0));
      }
    }
    List<String> out = new ArrayList<>();
    out.add("u");
    long from = Math.floorDiv(day - OPEN_DAYS, WEEK);
    long to = max == Long.MIN_VALUE ? from - 1 : Math.floorDiv(max, WEEK);
    for (long w = from; w <= to && out.size() <= MAX_WEEKS; w++) {
      out.add(Long.toString(w));
    }
    // stories stored far ahead of this article (ingested out of order): all keys, the range filter decides
    return to - from + 1 > MAX_WEEKS ? null : out;
  }

  /** The week bucket of a story's {@code skeyw} keys. */
  private static String week(long lastDay) {
    return lastDay == Long.MIN_VALUE ? "u" : Long.toString(Math.floorDiv(lastDay, WEEK));
  }

  static StoryRecord storyRecord(Document d) {
    return new StoryRecord(d.get("sid"), d.get("storyline"), d.get("stitle"), d.get("first"),
        OnlineStories.StoryState.decode(d.getBinaryValue("state").bytes), d.getField("updatedStored").numericValue().longValue());
  }

  StoryRecord story(IndexSearcher s, String sid) throws IOException {
    StoryRecord p = pending.stories.get(sid);
    if (p != null) {
      return p;
    }
    TopDocs t = s.search(new TermQuery(new Term(KEY, "s:" + sid)), 1);
    return t.scoreDocs.length == 0 ? null : storyRecord(s.storedFields().document(t.scoreDocs[0].doc));
  }

  private String storyOfArticle(IndexSearcher s, String id) throws IOException {
    Pending.Article p = pending.articles.get(id);
    if (p != null) {
      return p.story();
    }
    TopDocs t = s.search(new TermQuery(new Term(KEY, "a:" + id)), 1);
    return t.scoreDocs.length == 0 ? null : s.storedFields().document(t.scoreDocs[0].doc).get("story");
  }

  /**
   * Holds a story's new record in the overlay until the next refresh or commit, when
   * {@link #flushStories} writes it once: a story joined by several articles between two refreshes
   * was otherwise rewritten (with its 200 key terms) at every join, a seventh of the ingest's cost.
   * Placement reads the overlay, so it sees the same record either way.
   */
  private void stageStory(StoryRecord r) {
    long seq = articleSeq + 1;
    pending.putStory(new StoryRecord(r.id, r.storyline, r.title, r.firstArticle,
        OnlineStories.StoryState.decode(r.state.encode()), seq));
    pending.dirtyStories.add(r.id);
  }

  /**
   * Writes the records of the stories changed since the last refresh, in story-id order. {@code
   * size} and {@code echoes} (members that copy another article) are counted on the searcher, which
   * holds every member stored before the refresh, plus the overlay's articles; they order the UI's
   * "biggest" and "most copied" lists, and a member whose relation changed since (its original
   * arrived after it) counts with its new kinds.
   */
  private void flushStories() throws IOException {
    // one pass over the overlay: what it adds to each story's counts, and the stories a stored
    // member's changed copy-ness makes dirty (recounted whether joined since or not)
    Map<String, long[]> delta = new HashMap<>(); // story -> {new members, change in echoes}
    Set<String> recount = new TreeSet<>();
    for (Pending.Article p : pending.articles.values()) {
      long[] d = delta.computeIfAbsent(p.story(), k -> new long[2]);
      boolean copy = isCopy(p.kinds());
      if (p.isNew()) {
        d[0]++;
        d[1] += copy ? 1 : 0;
      } else {
        d[1] += (copy ? 1 : 0) - (p.storedWasCopy() ? 1 : 0);
        if (copy != p.storedWasCopy()) {
          recount.add(p.story());
        }
      }
    }
    recount.removeAll(pending.dirtyStories);
    if (pending.dirtyStories.isEmpty() && recount.isEmpty()) {
      return;
    }
    IndexSearcher s = acquire();
    try {
      for (String sid : recount) {
        StoryRecord r = story(s, sid);
        if (r != null) {
          pending.putStory(r);
          pending.dirtyStories.add(r.id);
        }
      }
      for (String sid : pending.dirtyStories) {
        long[] d = delta.getOrDefault(sid, new long[2]);
        writeStory(s, pending.stories.get(sid), d[0], d[1]);
      }
    } finally {
      release(s);
    }
    pending.dirtyStories.clear();
  }

  /** Writes one story's record; {@code moreMembers} and {@code moreEchoes} are what the overlay adds to {@code s}'s counts. */
  private void writeStory(IndexSearcher s, StoryRecord r, long moreMembers, long moreEchoes) throws IOException {
    BooleanQuery.Builder members = new BooleanQuery.Builder();
    members.add(new TermQuery(new Term(TYPE, "article")), BooleanClause.Occur.FILTER);
    members.add(new TermQuery(new Term("story", r.id)), BooleanClause.Occur.FILTER);
    Query all = members.build();
    BooleanQuery.Builder copiesQ = new BooleanQuery.Builder();
    copiesQ.add(all, BooleanClause.Occur.FILTER);
    BooleanQuery.Builder anyCopyKind = new BooleanQuery.Builder();
    for (String k : Relation.COPY_KINDS) {
      anyCopyKind.add(new TermQuery(new Term("kind", k)), BooleanClause.Occur.SHOULD);
    }
    copiesQ.add(anyCopyKind.build(), BooleanClause.Occur.FILTER);
    long size = s.count(all) + moreMembers;
    long echoes = s.count(copiesQ.build()) + moreEchoes;
    Document d = new Document();
    d.add(new NumericDocValuesField("size", size));
    d.add(new StoredField("sizeStored", size));
    d.add(new NumericDocValuesField("echoes", echoes));
    d.add(new StoredField("echoesStored", echoes));
    d.add(new StringField(TYPE, "story", Field.Store.NO));
    d.add(new StringField(KEY, "s:" + r.id, Field.Store.NO));
    d.add(new StringField("sid", r.id, Field.Store.YES));
    d.add(new StringField("storyline", r.storyline, Field.Store.YES));
    if (r.title != null) {
      d.add(new StoredField("stitle", r.title));
    }
    d.add(new StoredField("first", r.firstArticle));
    d.add(new StoredField("state", r.state.encode()));
    long last = r.state.lastDay();
    for (String k : r.state.indexKeys()) {
      d.add(new StringField("skey", k, Field.Store.NO));
      d.add(new StringField("skeyw", k + "@" + week(last), Field.Store.NO));
    }
    d.add(new LongPoint("lastDay", last));
    long seq = r.updated;
    d.add(new NumericDocValuesField("updated", seq));
    d.add(new StoredField("updatedStored", seq));
    d.add(new NumericDocValuesField("created", Long.parseLong(r.id.substring(1))));
    writer.updateDocument(new Term(KEY, "s:" + r.id), d);
  }

  /** The relations of {@code rs} (may be null) that tie their copy to its original's story. */
  private static List<Relation> tied(List<Relation> rs) {
    return rs == null ? List.of() : rs.stream().filter(StoryClusterer::ties).toList();
  }

  /** The relation a copy is placed by: the best covered, then the smallest original id (as the batch picks it). */
  private static Relation best(List<Relation> rs) {
    Relation best = rs.get(0);
    for (Relation r : rs) {
      if (r.coverage() > best.coverage() || (r.coverage() == best.coverage() && r.original().compareTo(best.original()) < 0)) {
        best = r;
      }
    }
    return best;
  }

  private static boolean isCopy(List<String> kinds) {
    for (String k : kinds) {
      if (Relation.COPY_KINDS.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** The edges reachable from {@code id} through stored edges, in either direction (bounded). */
  private Map<String, CopyDetector.Edge> component(IndexSearcher s, String id, List<CopyDetector.Edge> fresh)
      throws IOException {
    Map<String, CopyDetector.Edge> edges = new TreeMap<>();
    Map<String, List<CopyDetector.Edge>> freshBy = new HashMap<>();
    for (CopyDetector.Edge e : fresh) { // written but not yet visible to the searcher
      freshBy.computeIfAbsent(e.relation().copy(), k -> new ArrayList<>()).add(e);
      freshBy.computeIfAbsent(e.relation().original(), k -> new ArrayList<>()).add(e);
    }
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>();
    todo.add(id);
    seen.add(id);
    StoredFields sf = s.storedFields();
    while (!todo.isEmpty() && edges.size() < MAX_COMPONENT) {
      String x = todo.poll();
      List<CopyDetector.Edge> near = new ArrayList<>(freshBy.getOrDefault(x, List.of()));
      near.addAll(pending.edges.getOrDefault(x, List.of()));
      for (CopyDetector.Edge e : near) {
        String k = e.relation().copy() + "\u0001" + e.relation().original();
        if (edges.putIfAbsent(k, e) == null) {
          for (String y : new String[] {e.relation().copy(), e.relation().original()}) {
            if (seen.add(y)) {
              todo.add(y);
            }
          }
        }
      }
      for (String field : new String[] {"ea", "eb"}) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new TermQuery(new Term(TYPE, "edge")), BooleanClause.Occur.FILTER);
        q.add(new TermQuery(new Term(field, x)), BooleanClause.Occur.FILTER);
        TopDocs t = s.search(q.build(), MAX_COMPONENT);
        for (ScoreDoc sd : t.scoreDocs) {
          Document d = sf.document(sd.doc);
          String k = d.get("ea") + "\u0001" + d.get("eb");
          if (!edges.containsKey(k)) {
            edges.put(k, parseEdge(d.get("json")));
            for (String y : new String[] {d.get("ea"), d.get("eb")}) {
              if (seen.add(y)) {
                todo.add(y);
              }
            }
          }
        }
      }
    }
    return edges;
  }

  /** Replaces the stored relations of the copies among {@code ids}; returns those new or changed. */
  private List<Relation> replaceRelations(IndexSearcher s, Set<String> ids, Map<String, List<Relation>> now) throws IOException {
    List<Relation> changed = new ArrayList<>();
    StoredFields sf = s.storedFields();
    for (String id : ids) {
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      q.add(new TermQuery(new Term(TYPE, "relation")), BooleanClause.Occur.FILTER);
      q.add(new TermQuery(new Term("copy", id)), BooleanClause.Occur.FILTER);
      Map<String, String> before = pending.relations.get(id);
      if (before == null) {
        before = new TreeMap<>();
        for (ScoreDoc sd : s.search(q.build(), 10_000).scoreDocs) {
          Document d = sf.document(sd.doc);
          before.put(d.get("original"), d.get("json"));
        }
      }
      Map<String, String> after = new TreeMap<>();
      for (Relation r : now.getOrDefault(id, List.of())) {
        after.put(r.original(), JsonLines.line(r, JsonLines.RELATION));
      }
      if (before.equals(after)) {
        continue;
      }
      writer.deleteDocuments(q.build());
      pending.relations.put(id, after);
      for (Relation r : now.getOrDefault(id, List.of())) {
        String json = after.get(r.original());
        if (!json.equals(before.get(r.original()))) {
          changed.add(r);
        }
        Document d = new Document();
        d.add(new StringField(TYPE, "relation", Field.Store.NO));
        d.add(new StringField(KEY, "r:" + r.copy() + "\u0001" + r.original(), Field.Store.NO));
        d.add(new StringField("copy", r.copy(), Field.Store.YES));
        d.add(new StringField("original", r.original(), Field.Store.YES));
        d.add(new StringField("kind", r.kind(), Field.Store.YES));
        d.add(new StoredField("json", json));
        writer.addDocument(d);
      }
      for (String orig : before.keySet()) {
        if (!after.containsKey(orig)) {
          changed.add(new Relation(id, orig, "removed", 0, 0, List.of(), "id", Map.of()));
        }
      }
    }
    return changed;
  }

  /** The relation kinds of an article: its kinds as a copy, and {@code original} when it is copied. */
  private List<String> kinds(String id, Map<String, List<Relation>> relations) {
    Set<String> out = new TreeSet<>();
    for (List<Relation> rs : relations.values()) {
      for (Relation r : rs) {
        if (r.copy().equals(id)) {
          out.add(r.kind());
        } else if (r.original().equals(id)) {
          out.add("original");
        }
      }
    }
    return List.copyOf(out);
  }

  /** Rewrites a stored article with new relation kinds (the lineage around it changed). */
  private void rewriteKinds(IndexSearcher s, String id, List<String> kinds) throws IOException {
    Pending.Article old = pending.articles.get(id);
    if (old == null) {
      TopDocs t = s.search(new TermQuery(new Term(KEY, "a:" + id)), 1);
      if (t.scoreDocs.length == 0) {
        return;
      }
      Document d = s.storedFields().document(t.scoreDocs[0].doc);
      List<String> storedKinds = List.of(d.getValues("kind"));
      old = new Pending.Article(d.get("json"), d.get("story"), d.get("storyline"), storedKinds, d.get("via"),
          Double.parseDouble(d.get("sim")), List.of(d.getValues("why")), Long.parseLong(d.get("seq")), false,
          isCopy(storedKinds));
    }
    JsonNode n = JSON.readTree(old.json());
    Article a = Stored.article(n);
    Annotations an = annotationsOf(n, a.id());
    Document d = articleDocument(a, old.json(), an, old.story(), old.storyline(), kinds, old.via(), old.sim(), old.why(),
        old.seq());
    writer.updateDocument(new Term(KEY, "a:" + id), d);
    Pending.Article now = new Pending.Article(old.json(), old.story(), old.storyline(), List.copyOf(kinds), old.via(), old.sim(),
        old.why(), old.seq(), old.isNew(), old.storedWasCopy());
    synchronized (pending) {
      pending.articles.put(id, now);
    }
  }

  private Document articleDocument(Article a, String json, Annotations an, String story, String storyline, List<String> kinds,
      String via, double sim, List<String> why, long seq) throws IOException {
    Document d = new Document();
    d.add(new StringField(TYPE, "article", Field.Store.NO));
    d.add(new StringField(KEY, "a:" + a.id(), Field.Store.NO));
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new StoredField("json", json));
    if (a.title() != null) {
      d.add(new TextField("title", a.title(), Field.Store.NO));
    }
    d.add(new Field("text", a.text(), TEXT_WITH_OFFSETS));
    if (a.outlet() != null && !a.outlet().isBlank()) {
      d.add(new StringField("outlet", a.outlet(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField("outlet", a.outlet()));
    }
    if (a.language() != null) {
      d.add(new StringField("language", a.language(), Field.Store.NO));
    }
    long day = a.published() == null ? Long.MIN_VALUE : Dates.epochDay(a.published());
    d.add(new LongPoint("day", day));
    d.add(new NumericDocValuesField("daySort", day));
    if (a.published() != null) {
      d.add(new SortedSetDocValuesFacetField("month", a.published().substring(0, 7)));
    }
    Set<String> entities = new TreeSet<>();
    for (Entity e : an.entities()) {
      entities.add(e.id());
    }
    for (String e : entities) {
      d.add(new StringField("entity", e, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField("entity", e));
    }
    for (String k : kinds) {
      d.add(new StringField("kind", k, Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField("kind", k));
    }
    d.add(new StringField("rewrite", a.rewrite().kind(), Field.Store.NO));
    d.add(new StringField("story", story, Field.Store.YES));
    d.add(new StringField("storyline", storyline, Field.Store.YES));
    d.add(new StoredField("via", via));
    d.add(new StoredField("sim", Double.toString(sim)));
    for (String w : why) {
      d.add(new StoredField("why", w));
    }
    d.add(new StoredField("seq", Long.toString(seq)));
    d.add(new NumericDocValuesField("seqSort", seq));
    return facets.build(d);
  }

  /**
   * The lookup keys of one article, in a document of its own that is never rewritten: document
   * frequencies over these fields count each article exactly once, whatever merges happened (an
   * updated document's old version would count until merged away).
   */
  private static Document fingerprintDocument(String id, long[] bands, List<String> samples, OnlineStories.Profile profile) {
    Document d = new Document();
    d.add(new StringField(TYPE, "fp", Field.Store.NO));
    d.add(new StringField(KEY, "f:" + id, Field.Store.NO));
    d.add(new StoredField("fid", id));
    for (long b : bands) {
      d.add(new StringField("lsh", hex(b), Field.Store.NO));
    }
    for (String x : samples) {
      d.add(new StringField("smp", x, Field.Store.NO));
    }
    if (profile != null) { // placed by similarity: counted into the document frequencies
      for (String t : profile.terms()) {
        d.add(new StringField("terms", t, Field.Store.NO));
      }
      for (String t : profile.keyTerms()) {
        d.add(new StringField("keys", t, Field.Store.NO));
      }
    }
    return d;
  }

  private Fingerprint fingerprint(IndexSearcher s, String id) throws IOException {
    Fingerprint f = pending.fingerprints.get(id);
    if (f == null) {
      f = fingerprintCache.get(id);
    }
    if (f != null) {
      return f;
    }
    TopDocs t = s.search(new TermQuery(new Term(KEY, "a:" + id)), 1);
    if (t.scoreDocs.length == 0) {
      return null;
    }
    Article a = Stored.article(JSON.readTree(s.storedFields().document(t.scoreDocs[0].doc).get("json")));
    f = copies.fingerprint(a);
    fingerprintCache.put(id, f);
    return f;
  }

  private static final Set<String> FID = Set.of("fid");

  static String hex(long v) {
    return Long.toHexString(v);
  }

  /** An article's stored JSON: the articles.jsonl line with its annotations. */
  static String articleJson(Article a, Annotations an) throws IOException {
    return JsonLines.line(a, JsonLines.with(JsonLines.ARTICLE, x -> an, JsonLines.ANNOTATIONS));
  }

  /** The entities of a stored article line (only what the store needs of its annotations). */
  static Annotations annotationsOf(JsonNode n, String id) {
    List<Entity> entities = new ArrayList<>();
    for (JsonNode e : n.path("entities")) {
      entities.add(new Entity(e.path("id").asText(), e.path("type").asText(), e.path("name").asText(), List.of()));
    }
    return new Annotations(id, entities, List.of(), List.of());
  }

  private static String edgeJson(CopyDetector.Edge e) throws IOException {
    ObjectNode n = (ObjectNode) JSON.readTree(JsonLines.line(e.relation(), JsonLines.RELATION));
    n.put("coverage_original", e.coverageOriginal());
    n.put("published_original", e.publishedOriginal());
    return JSON.writeValueAsString(n);
  }

  /** A relation as its stored JSON (the relations.jsonl line) holds it. */
  public static Relation parseRelation(JsonNode n) {
    List<Evidence> ev = new ArrayList<>();
    for (JsonNode e : n.path("evidence")) {
      ArrayNode c = (ArrayNode) e.get("copy");
      ArrayNode o = (ArrayNode) e.get("original");
      ev.add(new Evidence(new Span(c.get(0).asInt(), c.get(1).asInt()), new Span(o.get(0).asInt(), o.get(1).asInt())));
    }
    Map<String, Double> signals = new TreeMap<>();
    n.path("signals").properties().forEach(en -> signals.put(en.getKey(), en.getValue().asDouble()));
    return new Relation(n.get("copy").asText(), n.get("original").asText(), n.get("kind").asText(), n.get("score").asDouble(),
        n.get("coverage").asDouble(), ev, n.get("direction_basis").asText(), signals);
  }

  private static CopyDetector.Edge parseEdge(String json) throws IOException {
    JsonNode n = JSON.readTree(json);
    JsonNode p = n.get("published_original");
    return new CopyDetector.Edge(parseRelation(n), n.get("coverage_original").asDouble(),
        p == null || p.isNull() ? null : p.asText());
  }

  /** For benchmarks: waits until Lucene's background merges have finished. */
  public void awaitMerges() {
    try {
      synchronized (this) {
        writer.maybeMerge();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    org.apache.lucene.index.ConcurrentMergeScheduler cms =
        (org.apache.lucene.index.ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler();
    while (writer.hasPendingMerges() || cms.mergeThreadCount() > 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Counts of stored records by type, for status lines. */
  public Map<String, Long> counts() throws IOException {
    IndexSearcher s = acquire();
    try {
      Map<String, Long> out = new TreeMap<>();
      for (String t : new String[] {"article", "relation", "story"}) {
        out.put(t, (long) s.count(new TermQuery(new Term(TYPE, t))));
      }
      return out;
    } finally {
      release(s);
    }
  }

  /** Bytes the store takes on disk. */
  public long sizeOnDisk() throws IOException {
    long n = 0;
    for (String f : directory.listAll()) {
      try {
        n += directory.fileLength(f);
      } catch (IOException e) {
        // a file merged away while listing
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      // uncommitted changes are dropped: the store is whole at its last commit
      writer.rollback();
      directory.close();
    }
  }

  /** For tests and tools: a {@link Query} over articles only. */
  static Query articles() {
    return new TermQuery(new Term(TYPE, "article"));
  }

  /** For tests: the searcher manager's current reader, refreshed. */
  synchronized DirectoryReader reader() throws IOException {
    refresh();
    IndexSearcher s = acquire();
    try {
      return (DirectoryReader) s.getIndexReader();
    } finally {
      release(s);
    }
  }

  static Optional<JsonNode> parse(String json) {
    try {
      return Optional.of(JSON.readTree(json));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
