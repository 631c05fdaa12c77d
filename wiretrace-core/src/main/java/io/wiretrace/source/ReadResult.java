package io.wiretrace.source;

import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import java.util.List;

/** What reading one file produced: documents and rejections, in file order. */
public record ReadResult(List<RawDocument> documents, List<Rejection> rejections) implements java.io.Serializable {
  public ReadResult {
    documents = List.copyOf(documents);
    rejections = List.copyOf(rejections);
  }

  static ReadResult rejected(String input, String reason) {
    return new ReadResult(List.of(), List.of(new io.wiretrace.model.Rejection(input, reason)));
  }
}
