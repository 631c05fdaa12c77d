package io.wiretrace.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One evaluation: reads its dataset, runs wiretrace and peers, returns a table. */
public interface EvalTask {
  /**
   * Runs the evaluation.
   *
   * @param data the dataset root ({@code ../shared/data})
   * @param log where to print progress notes
   */
  Table run(Path data, PrintWriter log) throws IOException;

  /**
   * Returns {@code file}, or throws {@link java.nio.file.NoSuchFileException} naming it and what it is
   * ("PAN-13 pairs not found"), so a missing dataset is a clear error, not a stack trace.
   */
  static Path require(Path file, String what) throws java.nio.file.NoSuchFileException {
    if (!java.nio.file.Files.exists(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, what + " not found");
    }
    return file;
  }

  /** A printable, JSON-serializable metric table. */
  final class Table {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Table(String title, List<String> columns) {
      this.title = title;
      this.columns = List.copyOf(columns);
    }

    /** Adds a row; {@code cells} must match the columns. */
    public Table row(Object... cells) {
      if (cells.length != columns.size()) {
        throw new IllegalArgumentException("row must have " + columns.size() + " cells, got " + cells.length);
      }
      List<String> r = new ArrayList<>();
      for (Object c : cells) {
        r.add(c instanceof Double d ? String.format(java.util.Locale.ROOT, "%.3f", d) : String.valueOf(c));
      }
      rows.add(r);
      return this;
    }

    public Table note(String n) {
      notes.add(n);
      return this;
    }

    public List<List<String>> rows() {
      return rows;
    }

    /** Fixed-width text table. */
    public String render() {
      int[] w = new int[columns.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = columns.get(i).length();
        for (List<String> r : rows) {
          w[i] = Math.max(w[i], r.get(i).length());
        }
      }
      StringBuilder sb = new StringBuilder();
      sb.append("== ").append(title).append(" ==\n");
      line(sb, columns, w);
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < w.length; i++) {
        rule.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
      }
      sb.append(rule).append('\n');
      for (List<String> r : rows) {
        line(sb, r, w);
      }
      for (String n : notes) {
        sb.append("* ").append(n).append('\n');
      }
      return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
      for (int i = 0; i < w.length; i++) {
        String c = cells.get(i);
        sb.append(i == 0 ? "" : " | ");
        sb.append(i == 0 ? pad(c, w[i]) : lpad(c, w[i]));
      }
      sb.append('\n');
    }

    private static String pad(String s, int w) {
      return s + " ".repeat(w - s.length());
    }

    private static String lpad(String s, int w) {
      return " ".repeat(w - s.length()) + s;
    }

    /** The table as JSON: title, columns, rows (objects keyed by column), notes. */
    public String toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", title);
      m.put("columns", columns);
      List<Map<String, String>> rs = new ArrayList<>();
      for (List<String> r : rows) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          o.put(columns.get(i), r.get(i));
        }
        rs.add(o);
      }
      m.put("rows", rs);
      m.put("notes", notes);
      try {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
