package io.wiretrace.spark;

import io.wiretrace.model.Rejection;
import io.wiretrace.source.ReadResult;
import io.wiretrace.source.SourceFile;
import io.wiretrace.source.Sources;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The files a run reads and the id of each, as {@code analyze} names them.
 *
 * <p>Local paths (no scheme, or {@code file:}) are listed by {@link Sources#find}, the embedded
 * listing itself, so ids, discovery order and the rejections of unreadable entries are the same as
 * {@code analyze}'s. Other Hadoop file systems ({@code hdfs:}, {@code s3a:}, ...) are listed with the
 * Hadoop API by the same rules: recursive, names starting with '.' or '_' skipped (Hadoop's own
 * markers such as {@code _SUCCESS} included), the id the path relative to the input, and ids that
 * collide across inputs prefixed with the input's folder name. Inputs ending in {@code .parquet}
 * (a file or a folder of part files) are tables with the JSONL columns ({@code id}, {@code url},
 * {@code title}, {@code published}, {@code outlet}, {@code text} or {@code html}).
 */
final class Inputs {
  private Inputs() {}

  /**
   * One file to read.
   *
   * @param index place in discovery order
   * @param local read with the embedded local reader ({@code where} is the path as found)
   */
  record Task(long index, String id, String where, String uri, String fileName, boolean local) implements Serializable {}

  record Listing(List<Task> tasks, List<String> parquet, List<Rejection> rejections) {}

  private record Found(String id, String where, String uri, String fileName, boolean local) {}

  static Listing list(List<String> inputs, Configuration conf) throws IOException {
    List<Path> local = new ArrayList<>();
    List<String> remote = new ArrayList<>();
    List<String> parquet = new ArrayList<>();
    for (String in : inputs) {
      String trimmed = in.endsWith("/") ? in.substring(0, in.length() - 1) : in;
      if (trimmed.endsWith(".parquet")) {
        parquet.add(in);
        continue;
      }
      URI u = URI.create(in.replace(" ", "%20"));
      if (u.getScheme() == null || u.getScheme().length() == 1 /* a drive letter */) {
        local.add(Path.of(in));
      } else if (u.getScheme().equals("file")) {
        local.add(Path.of(u));
      } else {
        remote.add(in);
      }
    }
    List<Found> found = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    if (!local.isEmpty()) {
      Sources.Discovery d = Sources.find(local);
      for (SourceFile f : d.files()) {
        found.add(new Found(f.id(), f.path().toString(), f.path().toAbsolutePath().normalize().toUri().toString(),
            f.path().getFileName().toString(), true));
      }
      rejections.addAll(d.rejections());
    }
    Map<String, List<Found>> remoteById = new HashMap<>();
    for (String in : remote) {
      org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(in);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new java.nio.file.NoSuchFileException(in, null, "input does not exist");
      }
      FileStatus st = fs.getFileStatus(root);
      if (st.isFile()) {
        remoteById.computeIfAbsent(root.getName(), k -> new ArrayList<>())
            .add(new Found(root.getName(), root.toString(), root.toUri().toString(), root.getName(), false));
        continue;
      }
      walk(fs, root, "", in, remoteById, rejections);
    }
    for (Map.Entry<String, List<Found>> e : remoteById.entrySet()) {
      List<Found> group = e.getValue();
      if (group.size() == 1) {
        found.add(group.get(0));
        continue;
      }
      for (Found f : group) { // the same relative path under two inputs: prefix the input's folder name
        String parent = new org.apache.hadoop.fs.Path(f.uri()).toUri().getPath();
        String prefix = parent.substring(0, parent.length() - f.id().length() - 1);
        prefix = prefix.substring(prefix.lastIndexOf('/') + 1);
        found.add(new Found(prefix + "/" + f.id(), f.where(), f.uri(), f.fileName(), false));
      }
    }
    found.sort(Comparator.comparing(Found::id).thenComparing(Found::uri));
    List<Task> tasks = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      tasks.add(new Task(i, f.id(), f.where(), f.uri(), f.fileName(), f.local()));
    }
    return new Listing(tasks, parquet, rejections);
  }

  private static void walk(FileSystem fs, org.apache.hadoop.fs.Path dir, String rel, String input,
      Map<String, List<Found>> byId, List<Rejection> rejections) {
    FileStatus[] entries;
    try {
      entries = fs.listStatus(dir);
    } catch (IOException e) {
      rejections.add(new Rejection(dir.toString(), "could not enter folder: " + e.getMessage()));
      return;
    }
    java.util.Arrays.sort(entries, Comparator.comparing(f -> f.getPath().getName()));
    for (FileStatus f : entries) {
      String name = f.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      String id = rel.isEmpty() ? name : rel + "/" + name;
      if (f.isDirectory()) {
        walk(fs, f.getPath(), id, input, byId, rejections);
      } else if (f.isFile()) {
        byId.computeIfAbsent(id, k -> new ArrayList<>())
            .add(new Found(id, f.getPath().toString(), f.getPath().toUri().toString(), name, false));
      } else {
        rejections.add(new Rejection(f.getPath().toString(), "not a regular file; not read"));
      }
    }
  }

  /** The documents of Parquet inputs, each row read as {@link Sources#readJsonObject} reads a JSONL line. */
  static JavaRDD<SparkAnalyze.Read> parquetDocuments(SparkSession spark, List<String> parquet, long firstIndex) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<SparkAnalyze.Read> out = jsc.emptyRDD();
    for (int i = 0; i < parquet.size(); i++) {
      String path = parquet.get(i);
      long index = firstIndex + i;
      JavaRDD<SparkAnalyze.Read> rows = spark.read().parquet(path).toJSON().javaRDD().flatMap(json -> {
        String id = idOf(json);
        ReadResult r = Sources.readJsonObject(json, path + "#" + (id == null ? "?" : id));
        List<SparkAnalyze.Read> reads = new ArrayList<>(1);
        r.documents().forEach(d -> reads.add(new SparkAnalyze.Read(index, 0, d, null)));
        r.rejections().forEach(j -> reads.add(new SparkAnalyze.Read(index, -1, null, j)));
        return reads.iterator();
      });
      out = out.union(rows);
    }
    return out;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static String idOf(String json) {
    try {
      com.fasterxml.jackson.databind.JsonNode id = JSON.readTree(json).get("id");
      return id == null || id.isNull() ? null : id.asText();
    } catch (IOException e) {
      return null;
    }
  }
}
