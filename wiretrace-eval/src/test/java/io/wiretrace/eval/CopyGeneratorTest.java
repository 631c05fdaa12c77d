package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wiretrace.extract.Extractor;
import io.wiretrace.model.Article;
import io.wiretrace.model.RawDocument;
import io.wiretrace.reuse.CopyDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CopyGeneratorTest {
  static final String A = String.join("\n\n",
      "The regional water authority said on Monday that reservoir levels across the northern valleys had fallen to their lowest point in twenty years after a dry winter and an unusually warm spring.",
      "Farmers in the valleys have been told to expect restrictions on irrigation from next month, and the authority has asked households to cut their daily consumption by a fifth.",
      "Engineers are inspecting the old pipeline between the two largest reservoirs, which loses an estimated tenth of the water it carries through leaks and cracked joints.",
      "The authority will publish a full drought plan at the end of the week after consulting local councils, farming unions and the national weather service.",
      "Hydrologists warned that even a wet autumn would not refill the reservoirs before next summer, because the ground has dried out so deeply that most rain will soak away before reaching the rivers.",
      "Several towns have already closed public fountains and stopped watering parks, while the fire service has banned barbecues in forests across the region until further notice.",
      "The last comparable drought, two decades ago, led to a national programme of new reservoirs, only two of which were ever built because of disputes over land and cost.");
  static final String B = String.join("\n\n",
      "A new ferry service linking the island of Marsten with the mainland port of Aldby will begin operating in June, the transport company announced, ending a two-year gap in crossings.",
      "The vessel, built in a shipyard on the west coast, can carry two hundred passengers and forty cars, and will make six return trips a day during the summer season.",
      "Islanders have campaigned for a regular service since the previous operator went bankrupt, leaving residents dependent on a small private boat and an expensive helicopter link.",
      "Ticket prices will be fixed for the first year, and residents of the island will receive a discount card from the municipal office.",
      "Business owners on Marsten said the gap in crossings had cost them most of their summer visitors, and several guesthouses closed for good during the two years without a ferry.",
      "The company plans to add a night crossing on Fridays and Saturdays if demand is strong enough, and is in talks with the island school about reduced fares for pupils.",
      "A second, smaller vessel is on order and should join the route next spring, allowing crossings to continue when the main ferry is out of service for maintenance.");
  static final List<String> FILLER = List.of(
      "Local volunteers repainted the community hall over the weekend and plan to open a small library there in the autumn for children and older residents.",
      "The football club announced that its youth academy will accept girls for the first time next season, after a long campaign by parents and coaches.",
      "A bakery on the high street celebrated its hundredth anniversary with free bread rolls for everyone who came through the door on Saturday morning.",
      "The council approved a plan to plant three hundred trees along the river path, to be paid for partly by donations from residents and local businesses.",
      "Musicians from the town orchestra will give free concerts in the park every Sunday afternoon in July, weather permitting, the organisers said this week.",
      "The museum has received a collection of old maps and photographs from a family that lived in the harbour district for more than a century.");

  @Test
  void generate_isDeterministic_andWritesOneCopyPerKind() {
    List<CopyGenerator.Source> src = List.of(new CopyGenerator.Source("a", "Drought", A), new CopyGenerator.Source("b", "Ferry", B));
    CopyGenerator.Corpus one = new CopyGenerator(7, 0.4).generate(src, FILLER);
    CopyGenerator.Corpus two = new CopyGenerator(7, 0.4).generate(src, FILLER);
    assertThat(one).isEqualTo(two);
    assertThat(one.truth()).extracting(CopyGenerator.Truth::kind)
        .containsExactly("verbatim", "near_duplicate", "spun", "partial", "translated",
            "verbatim", "near_duplicate", "spun", "partial", "translated");
    assertThat(one.docs()).hasSize(12);
  }

  @Test
  void generatedCopies_areFoundAndTyped_byTheDetector() {
    List<CopyGenerator.Source> src = List.of(new CopyGenerator.Source("a", "Drought", A), new CopyGenerator.Source("b", "Ferry", B));
    CopyGenerator.Corpus c = new CopyGenerator(7, 0.4).generate(src, FILLER);
    Extractor x = new Extractor();
    List<Article> articles = new ArrayList<>();
    for (CopyGenerator.Doc d : c.docs()) {
      articles.add(x.extract(new RawDocument(d.id(), d.id(), RawDocument.Format.TEXT, d.page(),
          new RawDocument.Hints(null, d.title(), d.published(), d.outlet()))));
    }
    Set<String> found = new CopyDetector().detect(articles).stream()
        .map(r -> r.copy() + " <- " + r.original() + " " + r.kind()).collect(Collectors.toSet());
    Set<String> truth = c.truth().stream().map(t -> t.copy() + " <- " + t.original() + " " + t.kind()).collect(Collectors.toSet());
    assertThat(found).isEqualTo(truth);
  }

  @Test
  void roundTrip_rewordsFunctionAndContentWords_butKeepsNamesAndNumbers() {
    String src = A + "\n\nOn Tuesday, the minister said the “Marsten Plan” would cost 4,500 euros a head, said Anna Berg.";
    String out = CopyGenerator.roundTrip(CopyGenerator.paragraphs(src), 0.35, new java.util.Random(3));
    assertThat(out).isNotEqualTo(src).doesNotContain("“").contains("\"Marsten Plan\"", "4,500")
        .containsPattern("Anna Berg (said|declared)\\.$").doesNotContainPattern("\\bxx\\b");
    // a share of the 4-grams survives: reworded, not rewritten
    double kept = ReuseEval.containment(ReuseEval.shingles(src), ReuseEval.shingles(out));
    assertThat(kept).isBetween(0.3, 0.8);
  }

  @Test
  void spinRate_outOfRange_namesTheValue() {
    assertThatThrownBy(() -> new CopyGenerator(1, 0.95)).hasMessage("spinRate must be between 0.05 and 0.9, got 0.95");
  }

}
