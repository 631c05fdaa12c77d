package io.wiretrace.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void render_alignsColumns_andJsonKeysRowsByColumn() {
    EvalTask.Table t = new EvalTask.Table("T", List.of("system", "F1")).row("ours", 0.91234).row("peer", 0.5).note("n");
    assertThat(t.render()).isEqualTo("== T ==\nsystem |    F1\n-------+------\nours   | 0.912\npeer   | 0.500\n* n\n");
    assertThat(t.toJson()).contains("\"system\" : \"ours\"").contains("\"F1\" : \"0.912\"");
  }

  @Test
  void row_withWrongCellCount_rejected() {
    EvalTask.Table t = new EvalTask.Table("T", List.of("a", "b"));
    assertThatThrownBy(() -> t.row("x")).hasMessage("row must have 2 cells, got 1");
  }
}
