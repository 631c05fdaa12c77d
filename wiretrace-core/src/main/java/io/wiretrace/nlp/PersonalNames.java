package io.wiretrace.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Given names of people in 20 locales written in the Latin alphabet ("Ahmed", "Mariam", "Björn",
 * "Nguyen" is not one: family names are not listed), read from the name lists inside the Datafaker
 * jar (Apache-2.0 data; nothing is downloaded). Names that are also ordinary English words ("Will",
 * "Rose", "Said", "Can") are left out: a capital there says too little.
 *
 * <p>Built once per JVM. Thread-safe.
 */
public final class PersonalNames {
  /** Datafaker locale files with given-name lists, Latin script. */
  private static final List<String> FILES = List.of("en/name.yml", "de.yml", "fr.yml", "es.yml", "it.yml", "nl.yml",
      "pt.yml", "pl.yml", "sv.yml", "tr.yml", "id.yml", "en-IN.yml", "en-NG.yml", "fi-FI.yml", "da-DK.yml", "nb-NO.yml",
      "hu.yml", "cs.yml", "hr.yml", "sk.yml");
  private static final Set<String> KEYS = Set.of("first_name", "male_first_name", "female_first_name");
  private static final Pattern NAME = Pattern.compile("\\p{IsLatin}\\p{IsLatin}+(?:-\\p{IsLatin}{2,})?");

  private final Set<String> given;

  private static final class Holder {
    static final PersonalNames INSTANCE = build();
  }

  private PersonalNames(Set<String> given) {
    this.given = given;
  }

  public static PersonalNames get() {
    return Holder.INSTANCE;
  }

  /** True for a capitalized given name ("Ahmed"), false for anything else, ordinary English words included. */
  public boolean given(String word) {
    return given.contains(word);
  }

  /** How many given names are known. */
  public int size() {
    return given.size();
  }

  private static PersonalNames build() {
    Set<String> out = new HashSet<>();
    Gazetteer g = Gazetteer.get();
    for (String file : FILES) {
      try (InputStream in = net.datafaker.Faker.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) {
          continue;
        }
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        collect(root, false, out);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot read the given-name list " + file + " from the Datafaker jar", e);
      }
    }
    out.removeIf(n -> !NAME.matcher(n).matches() || !Character.isUpperCase(n.charAt(0))
        || g.common(n.toLowerCase(java.util.Locale.ROOT)));
    return new PersonalNames(Set.copyOf(out));
  }

  private static void collect(Object node, boolean inList, Set<String> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        collect(e.getValue(), KEYS.contains(String.valueOf(e.getKey())), out);
      }
    } else if (node instanceof List<?> l) {
      for (Object o : l) {
        if (inList && o instanceof String s) {
          out.add(s.strip());
        } else if (!(o instanceof String)) {
          collect(o, false, out);
        }
      }
    }
  }
}
