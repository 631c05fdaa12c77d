package io.wiretrace.store;

import java.io.IOException;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Many exact-term lookups on one field of one point-in-time searcher, with one {@link TermsEnum}
 * per segment kept for all of them ({@code IndexReader.docFreq} makes a new enum per call and
 * segment, which dominated the cost of placing an article). Not thread-safe: one per article.
 */
final class TermLookup {
  private final List<LeafReaderContext> leaves;
  private final String field;
  private final TermsEnum[] enums;
  private final boolean[] opened;
  private PostingsEnum reuse;

  TermLookup(IndexSearcher s, String field) {
    this.leaves = s.getIndexReader().leaves();
    this.field = field;
    this.enums = new TermsEnum[leaves.size()];
    this.opened = new boolean[leaves.size()];
  }

  private TermsEnum seek(int leaf, BytesRef term) throws IOException {
    if (!opened[leaf]) {
      opened[leaf] = true;
      Terms t = leaves.get(leaf).reader().terms(field);
      enums[leaf] = t == null ? null : t.iterator();
    }
    TermsEnum te = enums[leaf];
    return te != null && te.seekExact(term) ? te : null;
  }

  /** Documents holding {@code term}, deleted ones included (as {@code IndexReader.docFreq}). */
  int docFreq(BytesRef term) throws IOException {
    int df = 0;
    for (int i = 0; i < leaves.size(); i++) {
      TermsEnum te = seek(i, term);
      if (te != null) {
        df += te.docFreq();
      }
    }
    return df;
  }

  /**
   * Feeds the searcher-wide ids of the live documents holding {@code term} to {@code sink}, in
   * segment order, until it returns false.
   */
  void docs(BytesRef term, IntPredicate sink) throws IOException {
    for (int i = 0; i < leaves.size(); i++) {
      TermsEnum te = seek(i, term);
      if (te == null) {
        continue;
      }
      LeafReaderContext leaf = leaves.get(i);
      reuse = te.postings(reuse, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = reuse.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reuse.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (!sink.test(leaf.docBase + doc)) {
          return;
        }
      }
    }
  }
}
