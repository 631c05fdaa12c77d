package io.wiretrace.testing;

import io.wiretrace.extract.Extractor;
import io.wiretrace.model.Article;
import java.util.List;

/** Project-written article fixtures shared by the reuse and cluster tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Article article(String id, String published, String outlet, String title, String text) {
    return new Article(id, null, title, published, outlet, null, null, "en", text, List.of(), List.of(), Extractor.NOT_ASSESSED);
  }

  public static Article credited(String id, String published, String outlet, String title, String text, String credit) {
    return new Article(id, null, title, published, outlet, null, null, "en", text, List.of(), List.of(credit), Extractor.NOT_ASSESSED);
  }

  public static final String QUOTE = "“We will rebuild every school that was damaged, and we will do it before the winter comes to the valley,” said Governor Elena Marquez.";

  /** A wire story about a flood in a fictional valley. */
  public static final List<String> FLOOD = List.of(
      "RIVERTON (Valley Wire) — Floodwaters from the swollen Amber River forced more than 3,000 people from their homes in the Riverton district on Thursday, after two days of record rainfall overwhelmed the town's levees.",
      "The regional weather office said 212 millimetres of rain fell in 48 hours, more than the area usually receives in two months. Water reached the first floor of houses in the low-lying Millbank neighbourhood by early afternoon.",
      "Emergency crews used boats to reach residents trapped on rooftops, and the army sent four helicopters from the base at Northfield. No deaths had been reported by evening, but at least 14 people were treated for hypothermia.",
      QUOTE,
      "The district's two bridges were closed as a precaution, cutting the main road to the coast. Schools will remain shut until engineers have checked their foundations, the education department said.",
      "Forecasters expect the river to crest on Friday morning before slowly receding over the weekend, though more rain is possible early next week.");

  public static String flood() {
    return String.join("\n\n", FLOOD);
  }

  /** The flood story with a few words changed and the last paragraph dropped. */
  public static String floodLightlyEdited() {
    return String.join("\n\n", FLOOD.subList(0, 5))
        .replace("forced more than 3,000 people from their homes", "drove more than 3,000 people from their houses")
        .replace("by early afternoon", "by the early afternoon")
        .replace("as a precaution", "as a safety measure");
  }

  /**
   * The flood story run through a synonym spinner: about a third of its content words replaced by
   * WordNet synonyms, the way content farms disguise a copy ("rainfall" → "rain", "helicopters" →
   * "choppers", "main road" → "principal route").
   */
  public static String floodSpun() {
    String[][] swaps = {{"forced", "driven"}, {"people", "citizenry"}, {"homes", "houses"}, {"district", "territory"},
        {"rainfall", "rain"}, {"overwhelmed", "overpowered"}, {"town's", "township's"}, {"office", "agency"}, {"fell", "dropped"},
        {"usually", "normally"}, {"receives", "gets"}, {"reached", "attained"}, {"floor", "story"}, {"used", "employed"},
        {"residents", "occupants"}, {"helicopters", "choppers"}, {"treated", "handled"}, {"closed", "shut"},
        {"precaution", "safeguard"}, {"main", "principal"}, {"road", "route"}, {"coast", "seashore"}, {"remain", "stay"},
        {"expect", "anticipate"}, {"morning", "forenoon"}, {"receding", "withdrawing"}, {"possible", "potential"},
        {"evening", "eve"}};
    String t = flood();
    for (String[] w : swaps) {
      t = t.replaceAll("\\b" + java.util.regex.Pattern.quote(w[0]) + "\\b", w[1]);
    }
    return t;
  }

  /**
   * The flood story as a round trip through machine translation renders it: prepositions and
   * articles rendered anew ("on Thursday" → "at Thursday", "the army" → "army"), content words by
   * their usual synonym ("homes" → "houses", "closed" → "shut"), stock phrases reworded ("more than"
   * → "over", "said" → "declared"), a fronted time moved to the end; names and numbers unchanged.
   */
  public static String floodTranslated() {
    return String.join("\n\n",
        "RIVERTON (Valley Wire) — Floodwaters of the swollen Amber River drove over 3,000 persons out of their houses within the Riverton district at Thursday, after two days of record rain overwhelmed the levees of the town.",
        "The regional weather agency declared that 212 millimetres of rain fell within 48 hours, over the area normally gets in two months. Water reached first floor of houses in the low-lying Millbank quarter by the early afternoon.",
        "Emergency crews employed boats to reach residents trapped upon the roofs, and army sent four helicopters of the base at Northfield. No deaths had been reported until the evening, but at minimum 14 persons were handled for hypothermia.",
        "\"We will rebuild every school that was damaged, and we will do it before the winter comes in the valley,\" Governor Elena Marquez declared.",
        "The two bridges of the district were shut as one precaution, cutting the principal road towards the coast. Schools will stay shut until engineers have checked their foundations, the education department declared.",
        "Forecasters expect that the river crests at Friday morning before receding slowly during the weekend, even though more rain is possible at the beginning of next week.");
  }

  /**
   * The flood story as an outlet edits a wire story: house style on dates and prepositions ("on
   * Thursday" → "Thursday", "by early afternoon" → "by the afternoon"), the agency tag dropped, a
   * clause cut, no word swapped for a synonym.
   */
  public static String floodHouseEdited() {
    return String.join("\n\n", FLOOD.subList(0, 6))
        .replace("RIVERTON (Valley Wire) — ", "RIVERTON — ")
        .replace("homes in the Riverton district on Thursday", "homes in Riverton district Thursday")
        .replace("the town's levees", "its levees")
        .replace("by early afternoon", "by the afternoon")
        .replace("from the base at Northfield", "from Northfield")
        .replace("by evening, but at least", "by the evening but at least")
        .replace("as a precaution, cutting", "as a precaution and this cut")
        .replace("until engineers have checked", "until the engineers check")
        .replace("the education department said", "said the department of education")
        .replace("on Friday morning", "Friday")
        .replace("over the weekend, though", "over the weekend although");
  }

  /** Two paragraphs of the flood story inside an unrelated weekly column. */
  public static String floodPartial() {
    return String.join("\n\n",
        "This week in the valley brought a new farmers' market in Eastgate, a long-awaited repair of the library roof, and a fierce debate at the council about parking fees in the old town centre.",
        "The market, which opens every Saturday from eight until two, has thirty stalls selling vegetables, cheese, bread and honey from farms within twenty kilometres of the town.",
        FLOOD.get(0),
        FLOOD.get(2),
        "Our thoughts are with everyone affected. The column returns next week with the results of the council vote on parking, and an interview with the new head of the library.");
  }

  /** Independent report of the same flood that shares the governor's quote word for word. */
  public static String floodIndependentWithQuote() {
    return String.join("\n\n",
        "In Millbank, the water came faster than anyone expected. By lunchtime on Thursday, the street where Tomas Reyes has run his bakery for thirty years had become a brown, fast-moving canal.",
        "Reyes and his neighbours carried flour sacks and ovens upstairs while rescue boats moved between the houses. “I have seen floods before, but never like this,” he said, standing on his balcony.",
        "The governor visited an evacuation centre at the Riverton sports hall in the evening, where several hundred families were spending the night on camp beds.",
        QUOTE,
        "Volunteers from nearby towns brought blankets, soup and dry clothes. The centre will stay open at least until Sunday, organisers said.");
  }

  /** An unrelated story. */
  public static String election() {
    return String.join("\n\n",
        "Voters in the coastal province of Seaholm go to the polls on Sunday to choose a new regional assembly, in an election dominated by housing costs and the future of the fishing fleet.",
        "Polls suggest the governing Harbour Alliance will lose its majority for the first time in twelve years, with the Green Coast party gaining among younger voters in the cities.",
        "Turnout is expected to be high. Early voting, introduced four years ago, has already drawn more than 180,000 people, almost twice as many as at the last election.");
  }
}
