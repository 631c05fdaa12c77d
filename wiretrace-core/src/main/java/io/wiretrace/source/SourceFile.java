package io.wiretrace.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found under one of the inputs.
 *
 * @param path the file
 * @param id its id: the path relative to the input it was found under, with {@code /} separators
 *     (the file name when the input named the file itself)
 */
public record SourceFile(Path path, String id) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
  }
}
