package io.wiretrace.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An output folder whose files change together or not at all.
 *
 * <p>A run writes its files into a staging folder inside the output folder ({@code
 * .staging-RUN/}), each flushed to disk, with a {@code manifest.json} that names every file of the
 * set and its SHA-256. The set is committed by writing a journal ({@code .commit}, atomically
 * renamed into place), then moving each staged file over the old one (each move atomic), the
 * manifest last, then deleting the journal. A run killed before the journal exists leaves the old
 * set untouched (its staging folder is swept by the next run); a run killed after it leaves a
 * journal that the next run on the folder ({@link #lock}) rolls forward, so the folder holds the
 * whole new set. Only the microseconds between the first and the last move see a mix, and a
 * journal then says so; {@link #verify} checks any folder against its manifest.
 *
 * <p>A folder is written by one run at a time: {@link #lock} takes an OS file lock on {@code
 * .wiretrace.lock} (released by the OS when the process dies, however it dies) and refuses with a
 * message naming the holder.
 */
public final class OutputSet implements Closeable {
  /** The manifest: run id and the SHA-256 of every file of the set. */
  public static final String MANIFEST = "manifest.json";
  static final String LOCK = ".wiretrace.lock";
  static final String JOURNAL = ".commit";
  private static final String STAGING = ".staging-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private OutputSet(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Another run holds the folder. */
  public static final class LockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  /**
   * Takes the folder (creating it) for one run, and repairs what a killed run left: a committed
   * set is rolled forward, an uncommitted staging folder is deleted.
   *
   * @throws LockedException if another run (this process or another) holds it
   */
  public static OutputSet lock(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path lockFile = dir.resolve(LOCK);
    FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      String holder = "";
      try {
        holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        // the holder is unknown; the refusal stands
      }
      ch.close();
      throw new LockedException("another wiretrace run is writing to '" + dir + "'" + (holder.isEmpty() ? "" : " (" + holder + ")")
          + "; wait for it to finish or choose another output folder");
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + java.time.Instant.now() + "\n")
        .getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(true);
    OutputSet set = new OutputSet(dir, ch, l);
    try {
      set.recover();
    } catch (IOException | RuntimeException e) {
      set.close();
      throw e;
    }
    return set;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** Writes one file of the set into the given staging folder. */
  @FunctionalInterface
  public interface FileWriter {
    void write(Path file) throws IOException;
  }

  /**
   * Writes the files ({@code name -> writer}) as one set and commits it. The manifest's run id is
   * the SHA-256 of the files' names and hashes, so the same output gives the same manifest.
   */
  public void commit(Map<String, FileWriter> files) throws IOException {
    Path staging = Files.createTempDirectory(dir, STAGING);
    ObjectNode manifest = JSON.createObjectNode();
    ObjectNode hashes = JSON.createObjectNode();
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, FileWriter> e : new TreeMap<>(files).entrySet()) {
      Path f = staging.resolve(e.getKey());
      e.getValue().write(f);
      force(f);
      String h = sha256(f);
      hashes.put(e.getKey(), h);
      all.append(e.getKey()).append(' ').append(h).append('\n');
    }
    manifest.put("run", sha256(all.toString()));
    manifest.set("files", hashes);
    Path m = staging.resolve(MANIFEST);
    Files.writeString(m, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
    force(m);
    forceDir(staging);
    // the commit point: once the journal is in place, the new set is the folder's
    ObjectNode journal = JSON.createObjectNode();
    journal.put("staging", staging.getFileName().toString());
    var names = journal.putArray("files");
    new TreeMap<>(files).keySet().forEach(names::add);
    names.add(MANIFEST);
    Path tmp = dir.resolve(JOURNAL + ".tmp");
    Files.writeString(tmp, JSON.writeValueAsString(journal), StandardCharsets.UTF_8);
    force(tmp);
    move(tmp, dir.resolve(JOURNAL));
    forceDir(dir);
    rollForward();
  }

  /** Moves the staged files of a committed set into place, then drops the journal and staging folder. */
  private void rollForward() throws IOException {
    Path journalFile = dir.resolve(JOURNAL);
    JsonNode journal = JSON.readTree(Files.readString(journalFile, StandardCharsets.UTF_8));
    Path staging = dir.resolve(journal.path("staging").asText());
    if (!staging.getFileName().toString().startsWith(STAGING) || !staging.getParent().equals(dir)) {
      throw new IOException("corrupt commit journal " + journalFile + ": staging folder '" + staging + "'");
    }
    for (JsonNode n : journal.path("files")) {
      String name = n.asText();
      if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new IOException("corrupt commit journal " + journalFile + ": file name '" + name + "'");
      }
      Path from = staging.resolve(name);
      if (Files.exists(from)) { // moved already by a run that was killed part-way
        move(from, dir.resolve(name));
      }
    }
    forceDir(dir);
    Files.delete(journalFile);
    deleteTree(staging);
  }

  private void recover() throws IOException {
    if (Files.exists(dir.resolve(JOURNAL))) {
      rollForward();
    }
    Files.deleteIfExists(dir.resolve(JOURNAL + ".tmp"));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(STAGING)).toList()) {
        deleteTree(p);
      }
    }
  }

  /**
   * Checks {@code dir} against its manifest: every file it names is there with its hash, and no
   * commit is half-done.
   *
   * @return the problems found, empty if the set is whole
   */
  public static List<String> verify(Path dir) throws IOException {
    List<String> problems = new ArrayList<>();
    if (Files.exists(dir.resolve(JOURNAL))) {
      problems.add("a commit is in progress or was interrupted (" + JOURNAL + " present; the next run rolls it forward)");
    }
    Path m = dir.resolve(MANIFEST);
    if (!Files.exists(m)) {
      problems.add("no " + MANIFEST);
      return problems;
    }
    JsonNode manifest = JSON.readTree(Files.readString(m, StandardCharsets.UTF_8));
    manifest.path("files").fields().forEachRemaining(e -> {
      Path f = dir.resolve(e.getKey());
      try {
        if (!Files.exists(f)) {
          problems.add(e.getKey() + " is missing");
        } else if (!sha256(f).equals(e.getValue().asText())) {
          problems.add(e.getKey() + " does not match the manifest (another run's file)");
        }
      } catch (IOException x) {
        problems.add(e.getKey() + " unreadable: " + x.getMessage());
      }
    });
    return problems;
  }

  /** The run id the manifest of {@code dir} names, or null. */
  public static String run(Path dir) throws IOException {
    Path m = dir.resolve(MANIFEST);
    return Files.exists(m) ? JSON.readTree(Files.readString(m, StandardCharsets.UTF_8)).path("run").asText(null) : null;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(Path f) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void force(Path f) throws IOException {
    try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
      c.force(true);
    }
  }

  /** Flushes a folder's entries (renames) to disk, where the platform allows opening a folder. */
  private static void forceDir(Path d) {
    try (FileChannel c = FileChannel.open(d, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // not supported here (Windows); the renames are still atomic
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(x);
        } catch (NoSuchFileException e) {
          // gone already
        }
      }
    }
  }
}
