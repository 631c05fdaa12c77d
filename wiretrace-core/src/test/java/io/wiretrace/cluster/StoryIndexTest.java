package io.wiretrace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryIndexTest {
  private static TfIdf.Vec vec(int[] ids, double... w) {
    return new TfIdf.Vec(ids, w);
  }

  @Test
  void storiesAreFoundUnderTheirStrongestTerms_only() {
    StoryIndex idx = new StoryIndex(2, 10);
    idx.update(0, vec(new int[] {1, 2, 3}, 0.9, 0.1, 0.4)); // listed under 1 and 3
    idx.update(1, vec(new int[] {2, 5}, 0.8, 0.6));          // listed under 2 and 5
    assertThat(idx.candidates(new int[] {3})).containsExactly(0);
    assertThat(idx.candidates(new int[] {2})).containsExactly(1);
    assertThat(idx.candidates(new int[] {1, 5, 7})).containsExactly(0, 1);
  }

  @Test
  void update_relistsAndRemove_forgets() {
    StoryIndex idx = new StoryIndex(1, 10);
    idx.update(0, vec(new int[] {1, 2}, 0.9, 0.1));
    idx.update(0, vec(new int[] {1, 2}, 0.1, 0.9));
    assertThat(idx.candidates(new int[] {1})).isEmpty();
    assertThat(idx.candidates(new int[] {2})).containsExactly(0);
    idx.remove(0);
    assertThat(idx.candidates(new int[] {2})).isEmpty();
    assertThat(idx.size()).isZero();
  }

  @Test
  void posting_keepsTheMostRecentlyUpdatedStories() {
    StoryIndex idx = new StoryIndex(1, 2);
    for (int s = 0; s < 4; s++) {
      idx.update(s, vec(new int[] {7}, 1.0));
    }
    assertThat(idx.candidates(new int[] {7})).containsExactly(2, 3);
  }
}
