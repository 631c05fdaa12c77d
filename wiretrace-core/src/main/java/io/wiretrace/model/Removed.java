package io.wiretrace.model;

import java.util.Objects;

/**
 * A line or block that extraction dropped from an article body, with the reason.
 *
 * @param text the dropped text, whitespace-normalized
 * @param reason a short stable code such as {@code comment_form} or {@code hashtags}
 */
public record Removed(String text, String reason) implements java.io.Serializable {
  public Removed {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
  }
}
