package io.wiretrace.model;

import java.util.Objects;

/**
 * An input (file, line, record or feed item) that produced no article, and why.
 *
 * @param input where: a path, with {@code :line N}, {@code @offset N} or {@code #item N} if inside a container
 * @param reason what was wrong, precise enough to find and fix it
 */
public record Rejection(String input, String reason) implements java.io.Serializable {
  public Rejection {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(reason, "reason");
  }
}
