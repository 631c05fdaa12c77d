package io.wiretrace.nlp;

import java.util.List;
import java.util.Locale;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Name-finder features from the WordNet {@link Gazetteer}: for each token, the type and position
 * (B/I) of a known name it belongs to, the same for its neighbours, and whether its lower-cased
 * form is an ordinary English word ("Minister" is, "Algeria" is not), and whether it or the token
 * before it is a given name ({@link PersonalNames}). Referenced by class name from
 * the feature descriptor stored in the shipped model, so training and tagging compute the same
 * features.
 */
public final class GazetteerFeatures implements AdaptiveFeatureGenerator {
  private String[] cachedTokens;
  private String[] cachedTags;

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    String[] tags = tags(tokens);
    String tag = tags[index];
    features.add("gz=" + tag);
    features.add("gz-1=" + (index > 0 ? tags[index - 1] : "BOS"));
    features.add("gz+1=" + (index + 1 < tokens.length ? tags[index + 1] : "EOS"));
    String w = tokens[index];
    if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
      features.add(Gazetteer.get().common(w.toLowerCase(Locale.ROOT)) ? "wn=common" : "wn=rare");
    }
    PersonalNames names = PersonalNames.get();
    if (names.given(w)) {
      features.add("gn");
    }
    if (index > 0 && names.given(tokens[index - 1])) {
      features.add("gn-1");
    }
  }

  private String[] tags(String[] tokens) {
    if (tokens == cachedTokens) {
      return cachedTags;
    }
    Gazetteer g = Gazetteer.get();
    String[] tags = new String[tokens.length];
    java.util.Arrays.fill(tags, "O");
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].isEmpty() || !Character.isUpperCase(tokens[i].charAt(0)) || !g.startsName(tokens[i])) {
        continue;
      }
      for (int len = Math.min(g.longest(), tokens.length - i); len >= 1; len--) {
        String name = String.join(" ", java.util.Arrays.asList(tokens).subList(i, i + len));
        String type = g.type(name);
        if (type != null) {
          for (int k = i; k < i + len; k++) {
            tags[k] = type + (k == i ? "-B" : "-I");
          }
          i += len - 1;
          break;
        }
      }
    }
    cachedTokens = tokens;
    cachedTags = tags;
    return tags;
  }

  @Override
  public void clearAdaptiveData() {
    cachedTokens = null;
    cachedTags = null;
  }

  /** The XML factory OpenNLP instantiates by name: {@code <generator class="io.wiretrace.nlp.GazetteerFeatures$Factory"/>}. */
  public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    public Factory() {}

    @Override
    public AdaptiveFeatureGenerator create() {
      return new GazetteerFeatures();
    }
  }
}
