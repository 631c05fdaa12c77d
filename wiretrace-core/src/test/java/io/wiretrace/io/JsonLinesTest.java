package io.wiretrace.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Article;
import io.wiretrace.model.Evidence;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Removed;
import io.wiretrace.model.Rewrite;
import io.wiretrace.model.Span;
import io.wiretrace.model.Story;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden lines: the output contract's field order and number formatting. */
class JsonLinesTest {
  @Test
  void article_fieldsInContractOrder() throws IOException {
    Article a = new Article("a/b.txt", null, "T", "2025-01-02", "O", null, "X —", "en", "P1\n\nP2",
        List.of(new Removed("Leave a Reply", "comment_form")), List.of("Wire"), new Rewrite("spun", 0.9, Map.of("b", 0.5, "a", 1.0 / 3),
        List.of(new Rewrite.Suspect(0, 2, "odd_synonym", "Q1"), new Rewrite.Suspect(4, 6, "foreign_word", null))));
    assertThat(JsonLines.line(a, JsonLines.ARTICLE)).isEqualTo(
        "{\"id\":\"a/b.txt\",\"url\":null,\"title\":\"T\",\"published\":\"2025-01-02\",\"outlet\":\"O\",\"byline\":null,"
            + "\"dateline\":\"X —\",\"language\":\"en\",\"text\":\"P1\\n\\nP2\",\"removed\":[{\"text\":\"Leave a Reply\",\"reason\":\"comment_form\"}],"
            + "\"credits\":[\"Wire\"],\"rewrite\":{\"kind\":\"spun\",\"score\":0.9,\"signals\":{\"a\":0.3333,\"b\":0.5},"
            + "\"spans\":[{\"start\":0,\"end\":2,\"signal\":\"odd_synonym\",\"likely\":\"Q1\"},"
            + "{\"start\":4,\"end\":6,\"signal\":\"foreign_word\",\"likely\":null}]},\"estimated\":null}");
    Article undated = new Article("u.txt", null, "T", null, null, null, null, "en", "P", List.of(), List.of(),
        a.rewrite(), new io.wiretrace.model.Estimate("2025-04-02", "2025-04-03", List.of("April 2, 2025", "April 3, 2025")));
    assertThat(JsonLines.line(undated, JsonLines.ARTICLE))
        .endsWith(",\"estimated\":{\"from\":\"2025-04-02\",\"to\":\"2025-04-03\",\"basis\":[\"April 2, 2025\",\"April 3, 2025\"]}}");
  }

  @Test
  void relation_evidenceAsOffsetPairs() throws IOException {
    Relation r = new Relation("c", "o", "partial", 0.21100000001, 0.5, List.of(new Evidence(new Span(0, 10), new Span(5, 15))), "published",
        Map.of("synonym_rate", 0.125, "exact_share", 1.0));
    assertThat(JsonLines.line(r, JsonLines.RELATION)).isEqualTo(
        "{\"copy\":\"c\",\"original\":\"o\",\"kind\":\"partial\",\"score\":0.211,\"coverage\":0.5,"
            + "\"evidence\":[{\"copy\":[0,10],\"original\":[5,15]}],\"direction_basis\":\"published\","
            + "\"signals\":{\"exact_share\":1,\"synonym_rate\":0.125}}");
  }

  @Test
  void story_line() throws IOException {
    Story s = new Story("s0002", "T", "s0001", List.of("a", "b"), List.of("a"),
        List.of(new Story.Membership("a", "first", 1, List.of()), new Story.Membership("b", "similarity", 0.31234, List.of("port", "strike"))),
        new Story.Evidence(0.2, List.of("varga")));
    assertThat(JsonLines.line(s, JsonLines.STORY)).isEqualTo(
        "{\"id\":\"s0002\",\"title\":\"T\",\"storyline\":\"s0001\",\"articles\":[\"a\",\"b\"],\"originals\":[\"a\"],"
            + "\"members\":[{\"id\":\"a\",\"via\":\"first\",\"similarity\":1,\"terms\":[]},"
            + "{\"id\":\"b\",\"via\":\"similarity\",\"similarity\":0.3123,\"terms\":[\"port\",\"strike\"]}],"
            + "\"storyline_evidence\":{\"similarity\":0.2,\"terms\":[\"varga\"]}}");
  }
}
