package io.wiretrace.spark;

import io.wiretrace.io.JsonLines;
import io.wiretrace.model.Annotations;
import io.wiretrace.model.Synthesis;
import io.wiretrace.pipeline.AnalysisResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The output contract as Parquet tables ({@code articles}, {@code relations}, {@code stories},
 * {@code rejected} under one path): each row is one line of the JSONL file of that name, with the
 * same fields, the schema inferred from them.
 */
final class ParquetOut {
  private ParquetOut() {}

  static void write(SparkSession spark, AnalysisResult r, String path) throws IOException {
    Map<String, Annotations> annotations = new HashMap<>();
    r.annotations().forEach(a -> annotations.put(a.article(), a));
    Map<String, Synthesis> syntheses = new HashMap<>();
    r.syntheses().forEach(s -> syntheses.put(s.story(), s));
    table(spark, path + "/articles", List.of("id"), lines(r.articles(),
        JsonLines.with(JsonLines.ARTICLE, a -> annotations.get(a.id()), JsonLines.ANNOTATIONS)));
    table(spark, path + "/relations", List.of("copy", "original", "kind"), lines(r.relations(), JsonLines.RELATION));
    table(spark, path + "/stories", List.of("id"), lines(r.stories(),
        JsonLines.with(JsonLines.STORY, s -> syntheses.get(s.id()), JsonLines.SYNTHESIS)));
    table(spark, path + "/rejected", List.of("input", "reason"), lines(r.rejected(), JsonLines.REJECTION));
  }

  private static <T> List<String> lines(List<T> records, JsonLines.Fields<T> fields) throws IOException {
    List<String> out = new ArrayList<>(records.size());
    for (T t : records) {
      out.add(JsonLines.line(t, fields));
    }
    return out;
  }

  /**
   * One table, its schema inferred from the lines; a table with no rows (no relations, nothing
   * rejected) has nothing to infer from and is written with its key columns as strings.
   */
  private static void table(SparkSession spark, String path, List<String> keyColumns, List<String> lines) {
    Dataset<org.apache.spark.sql.Row> rows;
    if (lines.isEmpty()) {
      org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
      for (String c : keyColumns) {
        schema = schema.add(c, org.apache.spark.sql.types.DataTypes.StringType);
      }
      rows = spark.createDataFrame(List.of(), schema);
    } else {
      rows = spark.read().json(spark.createDataset(lines, Encoders.STRING()));
    }
    rows.write().mode(SaveMode.Overwrite).parquet(path);
  }
}
