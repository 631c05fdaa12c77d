package io.wiretrace.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta>} tags indexed once by lower-cased {@code property}, {@code name},
 * {@code itemprop} and {@code http-equiv}, so that looking up dozens of names costs one pass over
 * the document instead of one per name.
 */
final class MetaTags {
  private final Map<String, List<String>> byKey = new HashMap<>();

  MetaTags(Document doc) {
    this(doc.getElementsByTag("meta"));
  }

  /** From the page's elements in document order (any tags; only {@code <meta>} ones are read). */
  MetaTags(List<Element> elements) {
    for (Element e : elements) {
      if (!e.normalName().equals("meta")) {
        continue;
      }
      String content = e.attr("content");
      if (content.isBlank()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
        String key = e.attr(attr);
        if (!key.isEmpty()) {
          byKey.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(content.strip());
        }
      }
    }
  }

  /** The first content for {@code name} (any of the four attributes, case-insensitive), or null. */
  String first(String name) {
    List<String> v = byKey.get(name.toLowerCase(Locale.ROOT));
    return v == null ? null : v.get(0);
  }

  /** All contents for {@code name}, in document order. */
  List<String> all(String name) {
    return byKey.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }
}
