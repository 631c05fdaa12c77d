package io.wiretrace.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void normalize_instantsKeepTheirOffset_sortKeyIsUtc() {
    assertThat(Dates.normalize("2025-03-11T07:00:00+02:00")).contains("2025-03-11T07:00:00+02:00");
    assertThat(Dates.normalize("2025-03-11T07:00:00.123Z")).contains("2025-03-11T07:00:00Z");
    assertThat(Dates.sortKey("2025-03-11T07:00:00+02:00")).isEqualTo("2025-03-11T05:00:00");
    assertThat(Dates.sortKey("2025-03-11")).isEqualTo("2025-03-11T23:59:59");
    assertThat(Dates.normalize("Wed, 02 Apr 2025 15:00:00 GMT")).contains("2025-04-02T15:00:00Z");
  }

  @Test
  void normalize_localTimesAndDaysKeepTheirPrecision() {
    assertThat(Dates.normalize("2025-03-11T07:00:00")).contains("2025-03-11T07:00:00");
    assertThat(Dates.normalize("2025-03-11")).contains("2025-03-11");
    assertThat(Dates.normalize("March 5, 2024")).contains("2024-03-05");
    assertThat(Dates.normalize("5 March 2024")).contains("2024-03-05");
    assertThat(Dates.normalize("Mar. 5, 2024")).contains("2024-03-05");
  }

  @Test
  void implausibleAndInvalidDates_rejected() {
    assertThat(Dates.normalize("1970-01-01")).isEmpty();
    assertThat(Dates.normalize("2025-02-30")).isEmpty();
    assertThat(Dates.normalize("not a date")).isEmpty();
    assertThat(Dates.normalize("")).isEmpty();
    assertThat(Dates.normalize(null)).isEmpty();
  }

  @Test
  void fromUrl_readsPathDates() {
    assertThat(Dates.fromUrl("https://x.example/2024/03/05/story")).contains("2024-03-05");
    assertThat(Dates.fromUrl("https://x.example/2024-3-5-story")).contains("2024-03-05");
    assertThat(Dates.fromUrl("https://x.example/story/12345")).isEmpty();
  }

  @Test
  void handReadIsoOffsetDateTimes_equalTheFormattersReading() {
    java.time.format.DateTimeFormatter out = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", java.util.Locale.ROOT);
    for (String v : new String[] {"2024-03-05T09:30:00+02:00", "2024-03-05T09:30+02:00", "2024-03-05T09:30:00.123456789Z",
        "2024-03-05T23:59:59-05:30", "2024-03-05T00:00:00-00:00", "2024-03-05T00:00:00+00:00", "2024-02-29T12:00:00Z"}) {
      assertThat(Dates.isoOffsetDateTime(v)).as(v).isEqualTo(out.format(java.time.OffsetDateTime.parse(v)));
    }
    for (String v : new String[] {"2023-02-29T12:00:00Z", "2024-13-01T12:00:00Z", "2024-03-05T24:00:00Z", "2024-03-05T09:30:00+0200",
        "2024-03-05T09:30:00", "2024-03-05 09:30:00Z", "2024-03-05T09:30:00+19:00", "2024-03-05T09:30:00.Z"}) {
      assertThat(Dates.isoOffsetDateTime(v)).as(v).isNull();
    }
    assertThat(Dates.normalize("2024-03-05T09:30:00+0200")).contains("2024-03-05T09:30:00+02:00"); // the formatters still read the rest
  }
}
