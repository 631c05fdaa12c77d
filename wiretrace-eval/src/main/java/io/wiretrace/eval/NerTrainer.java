package io.wiretrace.eval;

import io.wiretrace.eval.NerCorpora.Mention;
import io.wiretrace.eval.NerCorpora.Part;
import io.wiretrace.eval.NerCorpora.Sentence;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the shipped name-finder model on the SHIP-OK sets only (see {@link NerCorpora#training}):
 * OpenNLP maximum entropy, default context features, fixed iterations and cutoff, one thread, so
 * the same data gives the same model.
 */
public final class NerTrainer {
  /** Maximum entropy (the default); the averaged perceptron measured WorldWide F1 0.472 against 0.567. */
  static final int ITERATIONS = 150;
  static final int CUTOFF = 2;
  /** Decoding beam stored in the model: 1 (greedy) measured as accurate as 3 here and faster. */
  static final int BEAM = 1;

  /** Trains and writes the model to {@code out} atomically; prints what it read. */
  public void train(Path data, Path out, PrintWriter log) throws IOException {
    List<Part> parts = NerCorpora.training(data);
    List<NameSample> samples = new ArrayList<>();
    for (Part p : parts) {
      long mentions = p.sentences().stream().mapToLong(s -> s.mentions().size()).sum();
      log.printf("  %-45s %-22s %,8d sentences %,9d tokens %,7d names  x%d%n", p.name(), p.licence(), p.sentences().size(),
          p.tokens(), mentions, p.weight());
      for (int copy = 0; copy < p.weight(); copy++) {
        for (Sentence s : p.sentences()) {
          samples.add(sample(s, true));
        }
      }
    }
    log.flush();
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put(opennlp.tools.ml.BeamSearch.BEAM_SIZE_PARAMETER, BEAM);
    io.wiretrace.nlp.EntityRecognizer.allowFeatureExtensions();
    byte[] features;
    try (java.io.InputStream in = NerTrainer.class.getResourceAsStream("ner-features.xml")) {
      features = in.readAllBytes();
    }
    TokenNameFinderModel model = NameFinderME.train("en", null, new CollectionObjectStream<>(samples), params,
        new TokenNameFinderFactory(features, java.util.Map.of(), new opennlp.tools.namefind.BioCodec()));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      model.serialize(o);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    log.printf("wrote %s (%,d bytes)%n", out, Files.size(out));
  }

  static NameSample sample(Sentence s, boolean clearAdaptive) {
    List<Mention> ms = new ArrayList<>(s.mentions());
    ms.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Span> names = new ArrayList<>();
    int covered = 0;
    for (Mention m : ms) {
      if (m.start() >= covered) { // nested or overlapping annotations: the outermost, leftmost wins
        names.add(new Span(m.start(), m.end(), m.type()));
        covered = m.end();
      }
    }
    return new NameSample(s.tokens().toArray(String[]::new), names.toArray(Span[]::new), clearAdaptive);
  }
}
